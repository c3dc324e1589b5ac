import type { CreateApprovalRequest, DecisionRequest } from '../../../lib/api-types';
import { api } from '../../../lib/http';
import type { ApprovalRequest } from '../types/approval';

export const approvalInbox = (): Promise<ApprovalRequest[]> => api.get('/approvals/inbox');
export const documentApprovals = (documentId: string): Promise<ApprovalRequest[]> => api.get('/approvals', { documentId });
export const getApproval = (id: string): Promise<ApprovalRequest> => api.get(`/approvals/${id}`);
export const sendForApproval = (body: CreateApprovalRequest): Promise<ApprovalRequest> => api.post('/approvals', body);
export const decide = (id: string, body: DecisionRequest): Promise<ApprovalRequest> => api.post(`/approvals/${id}/decisions`, body);
export const withdrawDecision = (id: string): Promise<ApprovalRequest> => api.post(`/approvals/${id}/decisions/withdraw`);
export const withdrawRequest = (id: string): Promise<ApprovalRequest> => api.post(`/approvals/${id}/withdraw`);

/**
 * The version to compare the request's version with: the one sent in the document's previous
 * request (approved or not), else none.
 */
export function previousSentVersion(requests: ApprovalRequest[], current: ApprovalRequest): string | null {
  const earlier = requests
    .filter((r) => r.id !== current.id && r.versionId !== current.versionId && r.createdAt <= current.createdAt)
    .sort((a, b) => (a.status === 'approved' ? -1 : 0) - (b.status === 'approved' ? -1 : 0) || b.createdAt.localeCompare(a.createdAt));
  return earlier[0]?.versionId ?? null;
}
