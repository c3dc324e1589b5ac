import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organization/organization.entity';
import { User } from '../user/user.entity';

export const roundStatuses = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
export const latePolicies = ['refuse', 'accept_late'] as const;
export type LatePolicy = (typeof latePolicies)[number];

/** A comment round (đợt lấy ý kiến) opened by an organisation's drafters on frozen versions. */
@Entity({ name: 'comment_rounds' })
@Check('comment_rounds_status_check', `"status" IN (${roundStatuses.map((s) => `'${s}'`).join(', ')})`)
@Check('comment_rounds_late_policy_check', `"late_policy" IN (${latePolicies.map((s) => `'${s}'`).join(', ')})`)
@Check('comment_rounds_deadline_check', `"deadline" > "opens_at"`)
export class CommentRound {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 500 })
  title!: string;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status!: RoundStatus;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'varchar', length: 20, default: 'refuse' })
  latePolicy!: LatePolicy;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /**
   * Set when a submission changes: the round needs a new synthesis. Recorded here, in the same
   * transaction as the change, so a queue that lost the job (Redis crash) is re-filled from it.
   */
  @Column({ type: 'timestamptz', nullable: true })
  synthesisRequestedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
