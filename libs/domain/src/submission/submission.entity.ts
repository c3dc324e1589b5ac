import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { CommentRound } from '../round/comment-round.entity';
import { Invitation } from '../round/invitation.entity';
import { User } from '../user/user.entity';

export const submissionStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/**
 * What one invited source sends in a round: exactly one per organisation (its consolidated
 * comments, made by its clerks), or one per contributor of an invited group.
 */
@Entity({ name: 'submissions' })
@Check('submissions_status_check', `"status" IN (${submissionStatuses.map((s) => `'${s}'`).join(', ')})`)
@Index('submissions_round_organization_unit_key', ['roundId', 'organizationId'], { unique: true, where: '"contributor_id" IS NULL' })
@Index('submissions_round_contributor_key', ['roundId', 'contributorId'], { unique: true, where: '"contributor_id" IS NOT NULL' })
export class Submission {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => CommentRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: CommentRound;

  @Index()
  @Column({ type: 'uuid' })
  invitationId!: string;

  @ManyToOne(() => Invitation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Invitation;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Set for a contributor's own submission; null for a unit's consolidated one. */
  @Column({ type: 'uuid', nullable: true })
  contributorId!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contributor_id' })
  contributor?: User;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: SubmissionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'int', default: 0 })
  commentCount!: number;

  /** Optimistic lock: two clerks submitting at once, one wins. */
  @VersionColumn()
  rowVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
