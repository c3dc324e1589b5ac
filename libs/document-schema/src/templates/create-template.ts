import { ensureBlockIds } from '../block-id/ensure-block-ids';
import { BlockIdGenerator, randomBlockId } from '../block-id/id-generator';
import { congressSchema } from '../schema/congress-schema';
import { DocumentJson, NodeJson } from '../schema/document-json';
import { actionProgramTemplate } from './action-program.template';
import { politicalReportSummaryTemplate } from './political-report-summary.template';
import { politicalReportTemplate } from './political-report.template';
import { resolutionTemplate } from './resolution.template';
import { reviewReportTemplate } from './review-report.template';
import { TemplateContext } from './template-builder';

/** The kinds of congress documents (the same values as Document.kind in the domain). */
export const DOCUMENT_KINDS = [
  'political_report',
  'political_report_summary',
  'review_report',
  'action_program',
  'resolution',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface TemplateOptions {
  /** As written in running text: "Đảng bộ tỉnh Lai Châu". */
  organizationName: string;
  /** The new term: "2025–2030" (a hyphen is accepted). */
  term: string;
  /** Defaults to random ids; pass a deterministic generator for fixtures. */
  generateId?: BlockIdGenerator;
  /** Defaults to the term of the same length just before `term`. */
  previousTerm?: string;
  /** "lần thứ XV"; defaults to "lần thứ …" for drafters to fill in. */
  congressOrdinal?: string;
}

const OUTLINES: Readonly<Record<DocumentKind, (context: TemplateContext) => NodeJson[]>> = {
  political_report: politicalReportTemplate,
  political_report_summary: politicalReportSummaryTemplate,
  review_report: reviewReportTemplate,
  action_program: actionProgramTemplate,
  resolution: resolutionTemplate,
};

const TERM_PATTERN = /^\s*(\d{4})\s*[–-]\s*(\d{4})\s*$/;

const templateContext = (options: TemplateOptions): TemplateContext => {
  const match = TERM_PATTERN.exec(options.term);
  if (!match) throw new RangeError(`term must be written like "2025–2030", not "${options.term}"`);
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (end <= start) throw new RangeError(`term "${options.term}" must end after it starts`);
  const organizationName = options.organizationName.normalize('NFC').trim();
  if (organizationName === '') throw new RangeError('organizationName must not be empty');
  return {
    organizationName,
    organizationTitle: organizationName.toLocaleUpperCase('vi'),
    term: `${start}–${end}`,
    previousTerm: options.previousTerm?.trim() || `${start - (end - start)}–${start}`,
    termEndYear: String(end),
    congressOrdinal: options.congressOrdinal?.trim() || 'lần thứ …',
  };
};

/**
 * A new document of the given kind following its usual outline, in Vietnamese, with guidance
 * paragraphs (in italics and brackets) telling drafters what goes where. Every block has an id.
 * Throws RangeError on a malformed term or an empty organisation name.
 */
export const createTemplate = (kind: DocumentKind, options: TemplateOptions): DocumentJson => {
  const context = templateContext(options);
  const outline: DocumentJson = { type: 'doc', content: OUTLINES[kind](context) };
  const withIds = ensureBlockIds(outline, options.generateId ?? randomBlockId);
  // Through the schema and back, so the JSON carries every attribute with its default, exactly
  // as ProseMirror (and a Y.Doc round trip) will write it.
  return congressSchema.nodeFromJSON(withIds).toJSON() as DocumentJson;
};
