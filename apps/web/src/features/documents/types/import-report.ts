// The DOCX import answers `unknown` in its OpenAPI document today (libs/office ImportReport); what
// the client reads of it, until the DTO exists:
import type { DocumentDetail } from '../../../lib/api-types';

export interface ImportReport {
  kept: string[];
  warnings: { message: string; where?: string }[];
  lost: { kind: string; count: number; sample?: string }[];
}

export interface ImportResult {
  document: DocumentDetail;
  report: ImportReport;
}
