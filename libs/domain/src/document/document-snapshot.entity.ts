import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CongressDocument } from './document.entity';

/** A compacted Yjs state covering every update of the document up to `lastUpdateId`. */
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
