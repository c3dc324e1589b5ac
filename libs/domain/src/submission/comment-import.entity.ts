import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../user/user.entity';
import { Submission } from './submission.entity';

export const commentImportStatuses = ['queued', 'parsing', 'preview', 'confirmed', 'failed'] as const;
export type CommentImportStatus = (typeof commentImportStatuses)[number];
export const commentImportFormats = ['xlsx', 'docx'] as const;
export type CommentImportFormat = (typeof commentImportFormats)[number];

/**
 * A Word or Excel table of comments uploaded for a submission: parsed by the worker into a
 * preview (each row's result), and added to the submission only when the clerk confirms.
 */
@Entity({ name: 'comment_imports' })
@Check('comment_imports_status_check', `"status" IN (${commentImportStatuses.map((s) => `'${s}'`).join(', ')})`)
@Check('comment_imports_format_check', `"format" IN (${commentImportFormats.map((s) => `'${s}'`).join(', ')})`)
export class CommentImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;

  @Column({ type: 'varchar', length: 10 })
  format!: CommentImportFormat;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ type: 'bytea' })
  file!: Buffer;

  @Column({ type: 'varchar', length: 12, default: 'queued' })
  status!: CommentImportStatus;

  /** Rows read so far, while parsing. */
  @Column({ type: 'int', default: 0 })
  progress!: number;

  /** The preview: every row with its resolution and problems (set when parsed). */
  @Column({ type: 'jsonb', nullable: true })
  result!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  error!: unknown;

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
