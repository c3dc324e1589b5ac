import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CongressDocument } from './document.entity';

/**
 * A compacted Yjs state: the previous snapshot and the update rows folded into it, which the
 * compaction deleted. Rows still in document_updates are applied on top, whatever their id (an
 * append that took a lower id and committed after the compaction's read is one of them);
 * `lastUpdateId` is the highest id folded in, kept for the record. One snapshot per document.
 */
@Entity({ name: 'document_snapshots' })
@Index('document_snapshots_document_id_last_update_id_idx', ['documentId', 'lastUpdateId'])
export class DocumentSnapshot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => CongressDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: CongressDocument;

  @Column({ type: 'bytea' })
  state!: Buffer;

  @Column({ type: 'bigint' })
  lastUpdateId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
