import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentVersion } from '../document/document-version.entity';
import { Organization } from '../organization/organization.entity';
import { User } from '../user/user.entity';

export const approvalRequestStatuses = ['pending', 'approved', 'changes_requested', 'withdrawn'] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];
export const approvalRules = ['majority', 'unanimous'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

/** A drafter's request that a committee (a standing committee) approve a frozen version. */
@Entity({ name: 'approval_requests' })
@Check('approval_requests_status_check', `"status" IN (${approvalRequestStatuses.map((s) => `'${s}'`).join(', ')})`)
@Check('approval_requests_rule_check', `"rule" IN (${approvalRules.map((s) => `'${s}'`).join(', ')})`)
@Index('approval_requests_committee_status_idx', ['committeeId', 'status'])
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  documentVersionId!: string;

  @ManyToOne(() => DocumentVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_version_id' })
  documentVersion?: DocumentVersion;

  /** The organisation whose approvers decide (own standing committee or the upper level's). */
  @Column({ type: 'uuid' })
  committeeId!: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Organization;

  /** Position in a chain of approvals (own committee 1, upper level 2 …). */
  @Column({ type: 'int', default: 1 })
  stage!: number;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status!: ApprovalRequestStatus;

  @Column({ type: 'varchar', length: 12, default: 'majority' })
  rule!: ApprovalRule;

  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_id' })
  requestedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
