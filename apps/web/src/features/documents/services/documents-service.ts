import type { CreateDocumentRequest, DocumentDetail, DocumentSummary, HistoryEntry, VersionDetail, VersionSummary } from '../../../lib/api-types';
import { api, download, request } from '../../../lib/http';
import type { ImportResult } from '../types/import-report';

export const listDocuments = (organizationId?: string): Promise<DocumentSummary[]> => api.get('/documents', { organizationId });
export const getDocument = (id: string): Promise<DocumentDetail> => api.get(`/documents/${id}`);

/**
 * A document's details without its text (the editor gets the text over /collab): from the list,
 * which costs the server nothing like rendering a 100-page report to JSON; the document itself
 * when the list does not hold it.
 */
export async function getDocumentSummary(id: string): Promise<DocumentSummary> {
  const found = (await listDocuments()).find((document) => document.id === id);
  return found ?? getDocument(id);
}
export const createDocument = (body: CreateDocumentRequest): Promise<DocumentDetail> => api.post('/documents', body);
export const listVersions = (id: string): Promise<VersionSummary[]> => api.get(`/documents/${id}/versions`);
export const getVersion = (versionId: string): Promise<VersionDetail> => api.get(`/versions/${versionId}`);
export const freezeVersion = (id: string, label?: string): Promise<VersionDetail> => api.post(`/documents/${id}/versions`, label ? { label } : {});
export const documentHistory = (id: string): Promise<HistoryEntry[]> => api.get(`/documents/${id}/history`);

export function importNewDocument(file: File, fields: CreateDocumentRequest): Promise<ImportResult> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', file);
  return request('/documents/import', { method: 'POST', body: form });
}

export function importIntoDocument(id: string, file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request(`/documents/${id}/import`, { method: 'POST', body: form });
}

export const exportDocx = (id: string, version?: string): Promise<void> => download(`/documents/${id}/export.docx`, { version: version === 'live' ? undefined : version }, 'van-kien.docx');
