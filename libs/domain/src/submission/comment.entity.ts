import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentVersion } from '../document/document-version.entity';
import { Submission } from './submission.entity';

export const commentKinds = ['agree', 'amend', 'add', 'delete', 'question', 'general'] as const;
export type CommentKind = (typeof commentKinds)[number];

/**
 * One comment line, anchored to a block of a frozen version, optionally with the quoted text
 * and a little context around it. For a consolidated line, `supporters` of `supportersTotal`
 * members or cells stand behind it ("12/15 chi bộ đề nghị …").
 */
@Entity({ name: 'comments' })
@Check('comments_kind_check', `"kind" IN (${commentKinds.map((k) => `'${k}'`).join(', ')})`)
@Check('comments_text_length_check', `char_length("text") BETWEEN 1 AND 5000`)
@Check('comments_supporters_check', `"supporters" IS NULL OR ("supporters" >= 1 AND ("supporters_total" IS NULL OR "supporters" <= "supporters_total"))`)
@Index('comments_round_id_block_id_idx', ['roundId', 'documentVersionId', 'blockId'])
@Index('comments_submission_id_position_idx', ['submissionId', 'position'])
export class Comment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  /** Denormalised from the submission so a round's comments are read without a join. */
  @Column({ type: 'uuid' })
  roundId!: string;

  @Column({ type: 'uuid' })
  documentVersionId!: string;

  @ManyToOne(() => DocumentVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_version_id' })
  documentVersion?: DocumentVersion;

  @Column({ type: 'varchar', length: 64 })
  blockId!: string;

  /** Order of the line within its submission. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 12 })
  kind!: CommentKind;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  quote!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  quotePrefix!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  quoteSuffix!: string | null;

  @Column({ type: 'int', nullable: true })
  supporters!: number | null;

  @Column({ type: 'int', nullable: true })
  supportersTotal!: number | null;

  /**
   * For a comment forwarded from a lower level's synthesis (a roll-up): the round, revision and
   * cluster it stands for, and the original comments and units behind it.
   */
  @Column({ type: 'jsonb', nullable: true })
  provenance!: CommentProvenance | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export interface CommentProvenance {
  roundId: string;
  revision: number;
  clusterKey: string;
  commentIds: string[];
  units: number;
}
