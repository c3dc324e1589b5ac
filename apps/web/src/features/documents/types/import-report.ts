// What a DOCX import answers, from the editor's OpenAPI document (generated, never copied).
import type { components } from '../../../lib/api-schema/editor';
import type { DocumentDetail } from '../../../lib/api-types';

export type ImportReport = components['schemas']['ImportReportView'];

/** The new document's content is typed loosely by the client, as DocumentDetail says. */
export interface ImportResult {
  document: DocumentDetail;
  report: ImportReport;
}
