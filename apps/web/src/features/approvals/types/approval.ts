// The approval routes answer `unknown` in their OpenAPI document today (ApprovalRequestView in
// apps/editor's approvals service); what the client reads of them, until the DTOs exist:
export type ApprovalStatus = 'pending' | 'approved' | 'changes_requested' | 'withdrawn' | 'superseded';

export interface ApprovalTally {
  rule: 'majority' | 'unanimous';
  approvers: number;
  required: number;
  approvals: number;
  changeRequests: number;
  waitingFor: string[];
  outcome: 'approved' | 'blocked' | 'pending';
}

export interface ApprovalDecision {
  approverId: string;
  approverName: string;
  decision: 'approve' | 'request_changes';
  remarks: string | null;
  decidedAt: string;
  withdrawnAt: string | null;
}

export interface ApprovalRequest {
  id: string;
  documentId: string;
  documentTitle: string;
  versionId: string;
  versionNumber: number;
  versionLabel: string;
  committee: { id: string; code: string; name: string };
  stage: number;
  stages: number;
  previousStageId: string | null;
  status: ApprovalStatus;
  message: string | null;
  requestedBy: { id: string; name: string } | null;
  createdAt: string;
  decidedAt: string | null;
  tally: ApprovalTally;
  decisions: ApprovalDecision[];
}
