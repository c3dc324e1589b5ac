import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionRequest } from '../../../lib/api-types';
import { documentKeys } from '../../documents/queries/documents-queries';
import { approvalInbox, decide, documentApprovals, getApproval, sendForApproval, withdrawDecision, withdrawRequest } from '../services/approvals-service';

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: ['approvals', 'inbox'] as const,
  ofDocument: (documentId: string) => ['approvals', 'document', documentId] as const,
  one: (id: string) => ['approvals', id] as const,
};

export const useInbox = (enabled = true) => useQuery({ queryKey: approvalKeys.inbox, queryFn: approvalInbox, enabled });
export const useDocumentApprovals = (documentId: string, refetchInterval?: number) =>
  useQuery({ queryKey: approvalKeys.ofDocument(documentId), queryFn: () => documentApprovals(documentId), refetchInterval, enabled: !!documentId });
export const useApproval = (id: string) => useQuery({ queryKey: approvalKeys.one(id), queryFn: () => getApproval(id) });

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: approvalKeys.all }), client.invalidateQueries({ queryKey: documentKeys.all }), client.invalidateQueries({ queryKey: ['notifications'] })]);
}

export function useSendForApproval() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: sendForApproval, onSettled: invalidate });
}

export function useDecide(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: DecisionRequest) => decide(id, body), onSettled: invalidate });
}

export function useWithdraw(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (what: 'decision' | 'request') => (what === 'decision' ? withdrawDecision(id) : withdrawRequest(id)), onSettled: invalidate });
}
