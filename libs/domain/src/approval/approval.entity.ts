import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../user/user.entity';
import { ApprovalRequest } from './approval-request.entity';

export const approvalDecisions = ['approve', 'request_changes'] as const;
export type ApprovalDecision = (typeof approvalDecisions)[number];

/** One approver's decision on a request; one per approver (deciding twice is a conflict). */
@Entity({ name: 'approvals' })
@Unique('approvals_request_id_approver_id_key', ['requestId', 'approverId'])
@Check('approvals_decision_check', `"decision" IN (${approvalDecisions.map((s) => `'${s}'`).join(', ')})`)
export class Approval {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => ApprovalRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: ApprovalRequest;

  @Column({ type: 'uuid' })
  approverId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approver_id' })
  approver?: User;

  @Column({ type: 'varchar', length: 20 })
  decision!: ApprovalDecision;

  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  decidedAt!: Date;
}
