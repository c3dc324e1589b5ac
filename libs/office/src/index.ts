// @vankien/office: DOCX (and later XLSX) import and export for congress documents.
// Buffers in, buffers out: no file system, no Nest, no database.

export { OFFICE_FILE_ERROR_CODES, OfficeFileError, isOfficeFileError } from './errors/office-file-error';
export type { LocalisedMessage, OfficeFileErrorCode } from './errors/office-file-error';

export { inspectZip } from './zip/inspect-zip';
export type { ZipEntryInfo, ZipInspection } from './zip/inspect-zip';
export { DEFAULT_ZIP_LIMITS } from './zip/zip-limits';
export type { ZipLimits } from './zip/zip-limits';

export { inspectDocx } from './docx/inspect-docx';
export type { DocxInspection } from './docx/inspect-docx';
export type { DocxFeatureCounts } from './docx/docx-features';

export { exportDocx } from './export/export-docx';
export type { ExportMeta, ExportOptions } from './export/export-docx';

export { importDocx } from './import/import-docx';
export type { ImportOptions, ImportResult } from './import/import-docx';
export type { ImportReport, ImportWarning, LostContent } from './import/import-report';

export { readCommentTable } from './comments/read-comment-table';
export { readCommentTemplateRows } from './comments/comment-template-rows';
export { buildCommentTemplate } from './comments/build-comment-template';
export { addTextRow, looksLikeFormula } from './export/text-cells';
export { inspectXlsx } from './comments/inspect-xlsx';
export { COMMENT_TABLE_FIELDS, COMMENT_TABLE_KINDS, MAX_COMMENT_TEXT_LENGTH } from './comments/comment-table-types';
export type {
  CatalogueBlock,
  CommentTableField,
  CommentTableKind,
  CommentTableLimits,
  CommentTableResult,
  CommentTableRow,
  ReadCommentTableOptions,
  ResolutionMethod,
  ResolvedSection,
  SectionCandidate,
  SectionCatalogue,
} from './comments/comment-table-types';

export { exportSynthesisDocx } from './synthesis/export-synthesis-docx';
export { exportSynthesisXlsx } from './synthesis/export-synthesis-xlsx';
export type { SectionPlace, SynthesisClusterInput, SynthesisReportInput } from './synthesis/synthesis-report';
export { sectionTitle, wholeDocumentBlock } from './synthesis/synthesis-report';

export { exportDispositionsDocx } from './dispositions/export-dispositions-docx';
export { exportDispositionsXlsx } from './dispositions/export-dispositions-xlsx';
export { dispositionLabels } from './dispositions/disposition-table';
export type { DispositionRowInput, DispositionTableInput } from './dispositions/disposition-table';
export { placeAndDate, placeOfOrganization } from './export/place-and-date';
