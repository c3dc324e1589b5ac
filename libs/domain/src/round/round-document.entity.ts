import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DocumentVersion } from '../document/document-version.entity';
import { CommentRound } from './comment-round.entity';

/** A frozen version sent out in a round (a political report and an action program often go together). */
@Entity({ name: 'round_documents' })
export class RoundDocument {
  @PrimaryColumn({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  documentVersionId!: string;

  @ManyToOne(() => DocumentVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_version_id' })
  documentVersion?: DocumentVersion;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
