import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CongressDocument } from './document.entity';

/**
 * One Yjs update, appended before the editor acknowledges it to its client (append-only).
 * A document's live state is its latest snapshot plus the updates after it.
 */
@Entity({ name: 'document_updates' })
@Index('document_updates_document_id_id_idx', ['documentId', 'id'])
export class DocumentUpdate {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => CongressDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: CongressDocument;

  @Column({ type: 'bytea' })
  update!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
