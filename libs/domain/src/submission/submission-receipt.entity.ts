import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../user/user.entity';
import { Submission } from './submission.entity';

/** Every submitted state of a submission, with the receipt the unit can show later. */
@Entity({ name: 'submission_receipts' })
@Unique('submission_receipts_submission_id_sequence_key', ['submissionId', 'sequence'])
export class SubmissionReceipt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'int' })
  sequence!: number;

  @Column({ type: 'int' })
  commentCount!: number;

  /** SHA-256 of the canonical JSON of the submitted comments. */
  @Column({ type: 'char', length: 64 })
  contentSha256!: string;

  /** The comments as submitted, kept even after a withdrawal. */
  @Column({ type: 'jsonb' })
  content!: unknown[];

  @Column({ type: 'uuid', nullable: true })
  submittedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt!: Date;
}
