import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CongressDocument } from '../document/document.entity';
import { DocumentVersion } from '../document/document-version.entity';
import { Organization } from '../organization/organization.entity';
import { User } from '../user/user.entity';

/**
 * pending: the committee is deciding; approved: the committee's rule is met; changes_requested:
 * closed because the drafters answered a request for changes with a new version (or a later
 * stage sent the text back); withdrawn: the drafters took it back; superseded: a newer version
 * was sent while nobody had asked for changes.
 */
export const approvalRequestStatuses = ['pending', 'approved', 'changes_requested', 'withdrawn', 'superseded'] as const;
export type ApprovalRequestStatus = (typeof approvalRequestStatuses)[number];
export const approvalRules = ['majority', 'unanimous'] as const;
export type ApprovalRule = (typeof approvalRules)[number];

/** A drafter's request that a committee (a standing committee) approve a frozen version. */
@Entity({ name: 'approval_requests' })
@Check('approval_requests_status_check', `"status" IN (${approvalRequestStatuses.map((s) => `'${s}'`).join(', ')})`)
@Check('approval_requests_rule_check', `"rule" IN (${approvalRules.map((s) => `'${s}'`).join(', ')})`)
@Index('approval_requests_committee_status_idx', ['committeeId', 'status'])
// one open request per document: two drafters asking at the same moment get a conflict, not two chains
@Index('approval_requests_one_pending_per_document', ['documentId'], { unique: true, where: `"status" = 'pending'` })
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  documentVersionId!: string;

  /** The version's document (denormalised: one pending request per document is a unique index). */
  @Index()
  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => CongressDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'document_id' })
  document?: CongressDocument;

  /** The request of the stage before this one in a chain (own committee → upper level's). */
  @Column({ type: 'uuid', nullable: true })
  previousStageId!: string | null;

  @ManyToOne(() => ApprovalRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_stage_id' })
  previousStage?: ApprovalRequest;

  /** How many stages the chain has (1, or 2 when the upper level must approve too). */
  @Column({ type: 'int', default: 1 })
  stages!: number;

  /** What the drafters say when they send the version (e.g. what changed since the last one). */
  @Column({ type: 'text', nullable: true })
  message!: string | null;

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
