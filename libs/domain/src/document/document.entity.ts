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

  /** Set once a version is approved: the document is then final. */
  @Column({ type: 'uuid', nullable: true })
  approvedVersionId!: string | null;

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
