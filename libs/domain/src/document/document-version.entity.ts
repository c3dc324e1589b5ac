import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../user/user.entity';
import { CongressDocument } from './document.entity';

/** One entry of a version's block index: where a block sits and what it says. */
export interface BlockIndexEntry {
  blockId: string;
  type: string;
  order: number;
  sectionNumber: string;
  headingTrail: string[];
  text: string;
}

/**
 * A frozen draft ("Dự thảo lần 2"): the Yjs state, the ProseMirror JSON, the block index and
 * the plain text at freezing time. Immutable: comments anchor to its block ids.
 */
@Entity({ name: 'document_versions' })
@Unique('document_versions_document_id_number_key', ['documentId', 'number'])
@Check('document_versions_number_check', `"number" >= 1`)
export class DocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => CongressDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: CongressDocument;

  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'bytea' })
  yjsState!: Buffer;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  blockIndex!: BlockIndexEntry[];

  @Column({ type: 'text' })
  plainText!: string;

  @Column({ type: 'uuid', nullable: true })
  frozenById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'frozen_by_id' })
  frozenBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  frozenAt!: Date;
}
