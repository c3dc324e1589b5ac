import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createDocument, documentHistory, freezeVersion, getDocument, getDocumentSummary, getVersion, listDocuments, listVersions } from '../services/documents-service';

export const documentKeys = {
  all: ['documents'] as const,
  list: (organizationId?: string) => ['documents', 'list', organizationId ?? 'all'] as const,
  one: (id: string) => ['documents', id] as const,
  summary: (id: string) => ['documents', id, 'summary'] as const,
  versions: (id: string) => ['documents', id, 'versions'] as const,
  version: (versionId: string) => ['versions', versionId] as const,
  history: (id: string) => ['documents', id, 'history'] as const,
};

export const useDocuments = (organizationId?: string) => useQuery({ queryKey: documentKeys.list(organizationId), queryFn: () => listDocuments(organizationId) });
export const useDocument = (id: string) => useQuery({ queryKey: documentKeys.one(id), queryFn: () => getDocument(id), enabled: !!id });
export const useDocumentSummary = (id: string) => useQuery({ queryKey: documentKeys.summary(id), queryFn: () => getDocumentSummary(id), enabled: !!id });
export const useVersions = (id: string) => useQuery({ queryKey: documentKeys.versions(id), queryFn: () => listVersions(id), enabled: !!id });
export const useVersion = (versionId: string | undefined) =>
  useQuery({ queryKey: documentKeys.version(versionId ?? ''), queryFn: () => getVersion(versionId!), enabled: !!versionId && versionId !== 'live', staleTime: Infinity });
export const useHistory = (id: string) => useQuery({ queryKey: documentKeys.history(id), queryFn: () => documentHistory(id), enabled: !!id });

export function useCreateDocument() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createDocument, onSuccess: () => client.invalidateQueries({ queryKey: documentKeys.all }) });
}

export function useFreezeVersion(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label?: string) => freezeVersion(documentId, label),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: documentKeys.versions(documentId) }), client.invalidateQueries({ queryKey: documentKeys.history(documentId) })]),
  });
}
