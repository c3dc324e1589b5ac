// Pure rules of approval (no TypeORM, no I/O): the Nest service loads the rows and asks these.

export type ApprovalRuleName = 'majority' | 'unanimous';

export interface CastDecision {
  approverId: string;
  decision: 'approve' | 'request_changes';
  /** A decision its approver took back: it no longer counts either way. */
  withdrawn: boolean;
}

export interface ApprovalTally {
  rule: ApprovalRuleName;
  /** Approvers of the committee now. */
  approvers: number;
  /** Approvals needed: more than half (majority) or all (unanimous). */
  required: number;
  approvals: number;
  changeRequests: number;
  /** Approvers with no decision in force. */
  waitingFor: string[];
  /**
   * approved: the rule is met and no request for changes is open; blocked: at least one request
   * for changes is open (it blocks until withdrawn or answered by a new version); pending: not yet.
   */
  outcome: 'approved' | 'blocked' | 'pending';
}

/**
 * Counts a committee's decisions under its rule. Only decisions of people who are approvers of
 * the committee now count, once each; a committee without approvers can never approve.
 */
export function tallyApproval(rule: ApprovalRuleName, approverIds: readonly string[], decisions: readonly CastDecision[]): ApprovalTally {
  const committee = new Set(approverIds);
  const inForce = new Map<string, CastDecision['decision']>();
  for (const cast of decisions) {
    if (!cast.withdrawn && committee.has(cast.approverId)) inForce.set(cast.approverId, cast.decision);
  }
  const approvals = [...inForce.values()].filter((decision) => decision === 'approve').length;
  const changeRequests = inForce.size - approvals;
  const required = committee.size === 0 ? 1 : rule === 'unanimous' ? committee.size : Math.floor(committee.size / 2) + 1;
  const outcome = changeRequests > 0 ? 'blocked' : approvals >= required ? 'approved' : 'pending';
  return {
    rule,
    approvers: committee.size,
    required,
    approvals,
    changeRequests,
    waitingFor: [...committee].filter((id) => !inForce.has(id)).sort(),
    outcome,
  };
}

export interface ChainOrganization {
  id: string;
  parentId: string | null;
  settings: { requiresUpperApproval?: boolean };
}

/**
 * The committees that approve an organisation's document, in order: its own standing committee,
 * then the upper level's when its settings ask for both (a district's political report is also
 * approved by the province before the district congress).
 */
export function approvalChain(owner: ChainOrganization): string[] {
  return owner.settings.requiresUpperApproval && owner.parentId ? [owner.id, owner.parentId] : [owner.id];
}
