import { ApiProperty } from '@nestjs/swagger';
import {
  approvalDecisions,
  approvalRequestStatuses,
  approvalRules,
  notificationKinds,
  type ApprovalDecision,
  type ApprovalRequestStatus,
  type ApprovalRuleName,
  type ApprovalTally,
  type NotificationKind,
} from '@vankien/domain';
import { PersonView } from '../../documents/dto/document-json.dto';

export class CommitteeView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'LC' }) code!: string;
  @ApiProperty() name!: string;
}

export class ApprovalTallyView implements ApprovalTally {
  @ApiProperty({ enum: approvalRules }) rule!: ApprovalRuleName;
  @ApiProperty({ description: 'Approvers of the committee now' }) approvers!: number;
  @ApiProperty({ description: 'Approvals needed: more than half (majority) or all (unanimous)' }) required!: number;
  @ApiProperty() approvals!: number;
  @ApiProperty() changeRequests!: number;
  @ApiProperty({ type: [String], description: 'Approvers with no decision in force' }) waitingFor!: string[];
  @ApiProperty({ enum: ['approved', 'blocked', 'pending'], description: 'blocked: a request for changes is open' }) outcome!: 'approved' | 'blocked' | 'pending';
}

export class DecisionView {
  @ApiProperty() approverId!: string;
  @ApiProperty() approverName!: string;
  @ApiProperty({ enum: approvalDecisions }) decision!: ApprovalDecision;
  @ApiProperty({ type: String, nullable: true }) remarks!: string | null;
  @ApiProperty() decidedAt!: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
}

export class CommitteeApproverView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() appointedAt!: string;
  @ApiProperty({ type: PersonView, nullable: true }) appointedBy!: PersonView | null;
  @ApiProperty({ description: 'Appointed before the request was sent: a role granted afterwards does not count for it' }) counts!: boolean;
}

export class ApprovalRequestView {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty() documentTitle!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ example: 'Dự thảo lần 2' }) versionLabel!: string;
  @ApiProperty({ type: CommitteeView }) committee!: CommitteeView;
  @ApiProperty({ description: 'Position in the approval chain, from 1' }) stage!: number;
  @ApiProperty() stages!: number;
  @ApiProperty({ type: String, nullable: true }) previousStageId!: string | null;
  @ApiProperty({ enum: approvalRequestStatuses }) status!: ApprovalRequestStatus;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: PersonView, nullable: true }) requestedBy!: PersonView | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: ApprovalTallyView }) tally!: ApprovalTallyView;
  @ApiProperty({ type: [CommitteeApproverView], description: 'The committee’s approvers: who appointed each, when, and whether they count' })
  approvers!: CommitteeApproverView[];
  @ApiProperty({ type: [DecisionView] }) decisions!: DecisionView[];
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: notificationKinds }) kind!: NotificationKind;
  @ApiProperty({ type: String, nullable: true }) documentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) approvalRequestId!: string | null;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
}

export class NotificationListView {
  @ApiProperty() unread!: number;
  @ApiProperty({ type: [NotificationView] }) notifications!: NotificationView[];
}

export class MarkedView {
  @ApiProperty({ description: 'Notifications marked read' }) marked!: number;
}
