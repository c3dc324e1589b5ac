import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { User } from '../user/user.entity';
import { documentKinds, type DocumentKind } from './document-kind';

/** A congress document of one organisation (political report, action program …). */
@Entity({ name: 'documents' })
@Check('documents_kind_check', `"kind" IN (${documentKinds.map((k) => `'${k}'`).join(', ')})`)
export class CongressDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 40 })
  kind!: DocumentKind;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  /** The congress term, e.g. "2025–2030". */
  @Column({ type: 'varchar', length: 40 })
  term!: string;

  /** Set once the last committee of the approval chain approves a version: the document is final. */
  @Column({ type: 'uuid', nullable: true })
  approvedVersionId!: string | null;

  /**
   * The version whose text is locked: set when the first committee of a chain approves it (what
   * it approved is what goes to the upper level), cleared only if a later committee sends it
   * back. While set, nothing may change the live draft or freeze a new version.
   */
  @Column({ type: 'uuid', nullable: true })
  lockedVersionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
