import {
  CommentTableField,
  CommentTableResult,
  CommentTableRow,
  MAX_COMMENT_TEXT_LENGTH,
  ResolvedSection,
  SectionCandidate,
  SectionCatalogue,
} from './comment-table-types';
import { inferKind, kindFromCell } from './comment-kind';
import { findDocumentInReference, matchDocument } from './document-matcher';
import { displayText, foldText } from './fold-text';
import { ColumnNamer, combineHeaderRows, decideColumns, isColumnNumberingRow, namedFields } from './header-recognition';
import { EMPTY_CELL, RawCell, RawRow, cellTexts, isBlankRow } from './raw-table';
import { parseSectionReference } from './section-reference';
import { ResolveOutcome, SectionIndex } from './section-resolver';
import { parseSupport } from './supporters';

export const HEADER_SEARCH_ROWS = 15;
/** What clerks (and the template) write for a comment on the whole document. */
export const WHOLE_DOCUMENT_LABEL = 'Toàn văn kiện';
const WHOLE_DOCUMENT = /^(chung|y kien chung|nhan xet chung|toan van|toan van kien|ca van kien|toan bo|toan bo van kien|toan bo du thao|chung toan van kien)$/;
/** "Mở đầu – “Chủ đề Đại hội: …”" (folded): a block before the first heading, by its first words. */
const OPENING = /^mo dau(?: (.*))?$/;

export interface HeaderFound {
  /** Index in the rows given of the last header row. */
  headerIndex: number;
  columns: Map<CommentTableField, number>;
  /** Further columns whose text joins the section reference ("Phần" | "Mục" in two columns). */
  sectionParts: number[];
  /** Each column's header labels, folded, to recognise the header repeated down the table. */
  labels: Map<number, Set<string>>;
  /** What the clerk should know about the columns (a label read otherwise, a column not found). */
  notes: string[];
}

const labelSets = (rows: readonly (readonly string[])[]): Map<number, Set<string>> => {
  const sets = new Map<number, Set<string>>();
  for (const row of rows) {
    row.forEach((label, column) => {
      const folded = foldText(label);
      if (folded === '') return;
      const set = sets.get(column) ?? new Set<string>();
      set.add(folded);
      sets.set(column, set);
    });
  }
  return sets;
};

/** A label merged across the whole row repeats in every cell: a title or a group, not a header. */
const isMergedAcross = (texts: readonly string[]): boolean => {
  const filled = texts.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length >= 2 && filled.every((cell) => cell === filled[0]);
};

/** Up to 40 data rows after `index`, for the columns' contents: blank, numbering and group rows left out. */
const sampleAfter = (rows: readonly RawRow[], index: number): RawRow[] =>
  rows
    .slice(index + 1, index + 61)
    .filter((row) => !isBlankRow(row) && !isColumnNumberingRow(cellTexts(row)) && !isMergedAcross(cellTexts(row)))
    .slice(0, 40);

/** Sub-labels under a group label merged across columns, or under a blank top cell: a two-row header. */
const hasSubLabels = (top: readonly string[], bottom: readonly string[]): boolean =>
  bottom.some((label, column) => {
    if (label.trim() === '' || label.trim() === (top[column] ?? '').trim()) return false;
    const above = (top[column] ?? '').trim();
    return above === '' || above === (top[column - 1] ?? '').trim() || above === (top[column + 1] ?? '').trim();
  });

/** The clerk's words for a header whose comment column could not be found. */
export const NO_TEXT_COLUMN =
  'Không nhận ra cột nội dung góp ý: không cột nào có tiêu đề như "Nội dung góp ý", "Ý kiến góp ý", "Nội dung ý kiến" và không cột nào chứa các câu góp ý; hãy đặt lại tiêu đề cột / the comment column was not recognised: no column is headed like "Nội dung góp ý" and none holds sentences; rename the column';

/**
 * Finds the header among the first rows: a row whose labels name at least two columns, its
 * columns decided by labels and contents (see decideColumns), or two rows when a group label is
 * merged over sub-labels ("Số đảng viên" over "Tán thành", "Tổng số") or when the second row
 * adds columns the first did not name. A header-like row without a comment column is returned
 * only when no better one follows, without a text column and with a note saying why.
 */
export const findHeader = (rows: readonly RawRow[], documents: readonly SectionCatalogue[] = [], columnName?: ColumnNamer): HeaderFound | null => {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let fallback: HeaderFound | null = null;
  for (let index = 0; index < limit; index++) {
    const labels = cellTexts(rows[index]);
    if (isMergedAcross(labels) || namedFields(labels) < 2) continue;
    // labels carry no section numbers: "Mục I.4.c" is a row of data
    // ("Số thứ tự" reads as "số 4" but has no number written)
    if (labels.some((label) => /\d|(?:^|[\s.,])[IVXLC]+(?:[\s.,]|$)/.test(label.trim()) && parseSectionReference(label).components.length > 0)) continue;
    if (rows[index].cells.some((cell) => cell.number !== undefined && !/^\(?\d{1,2}\)?$/.test(cell.text.trim()))) continue;
    const single = decideColumns(labels, sampleAfter(rows, index), documents, columnName);
    const next = rows[index + 1];
    // Only a row that is itself mostly header can be the top of a two-row header.
    if (next !== undefined && !isBlankRow(next) && next.cells.every((cell) => cell.number === undefined && cell.text.length <= 60) && !isColumnNumberingRow(cellTexts(next))) {
      const bottom = cellTexts(next);
      const combinedLabels = combineHeaderRows(labels, bottom);
      if (namedFields(combinedLabels) > namedFields(labels) || namedFields(bottom) >= 2) {
        const combined = decideColumns(combinedLabels, sampleAfter(rows, index + 1), documents, columnName);
        if (combined.labelled && (combined.columns.size > single.columns.size || hasSubLabels(labels, bottom))) {
          return { headerIndex: index + 1, columns: combined.columns, sectionParts: combined.sectionParts, notes: combined.notes, labels: labelSets([labels, bottom, combinedLabels]) };
        }
      }
    }
    if (single.labelled) return { headerIndex: index, columns: single.columns, sectionParts: single.sectionParts, notes: single.notes, labels: labelSets([labels]) };
    if (fallback === null && !single.columns.has('text')) {
      fallback = { headerIndex: index, columns: single.columns, sectionParts: single.sectionParts, notes: [...single.notes, NO_TEXT_COLUMN], labels: labelSets([labels]) };
    }
  }
  return fallback;
};

const cellAt = (row: RawRow, column: number | undefined): RawCell => (column === undefined ? EMPTY_CELL : (row.cells[column] ?? EMPTY_CELL));

// The text as typed (bullets, doubled spaces and all: a report shows it cleaned, the comment
// keeps it), in NFC with legacy encodings converted, line ends unified, ends trimmed.
const cleanCommentText = (raw: string): string => displayText(raw).replace(/\r\n?/g, '\n').trim();

const reasonFor = (outcome: ResolveOutcome, reference: string): string => {
  const failure = outcome.failure;
  if (failure?.reason === 'ambiguous') {
    return `Mục "${reference}" không rõ, có thể là ${failure.candidates.join(', ')} / ambiguous section "${reference}": ${failure.candidates.join(', ')}`;
  }
  if (failure?.reason === 'page_only') {
    return `Không xác định được mục từ số trang, dòng "${reference}"; hãy ghi phần, mục / unresolved section "${reference}": page and line numbers cannot be matched, give the part and section`;
  }
  return `Không tìm thấy mục "${reference}" trong dự thảo / unresolved section "${reference}"`;
};

/** How one (document, reference) pair resolved. */
interface Resolution {
  resolved: ResolvedSection | null;
  confidence: CommentTableRow['confidence'];
  candidates: SectionCandidate[];
  problem?: string;
}

/** Reads data rows into comment rows, once the header is known. Shared by XLSX and DOCX. */
export class RowInterpreter {
  private readonly indexes: Map<SectionCatalogue, SectionIndex>;
  private readonly documents: readonly SectionCatalogue[];
  private lastDocumentCell = '';
  /** A part named by a group row ("Phần thứ nhất"), prefixed to references that name no part. */
  private groupPart = '';
  readonly rows: CommentTableRow[] = [];
  readonly warnings: string[] = [];

  constructor(
    documents: readonly SectionCatalogue[],
    private readonly header: HeaderFound,
    private readonly resolveSections = true,
  ) {
    this.documents = documents;
    this.indexes = new Map(documents.map((document) => [document, new SectionIndex(document)]));
  }

  /** Reads one row after the header; blank rows, repeated headers and numbering rows are skipped. */
  read(row: RawRow): void {
    // no comment column: nothing can be read (the header's note says why)
    if (isBlankRow(row) || !this.header.columns.has('text')) return;
    const texts = cellTexts(row);
    const columns = this.header.columns;
    if (isColumnNumberingRow(texts) || this.repeatsHeader(texts)) return;
    const textCell = cellAt(row, columns.get('text'));
    const documentCell = cellAt(row, columns.get('document'));
    const sectionCell = cellAt(row, columns.get('section'));
    const kindCell = cellAt(row, columns.get('kind'));
    const supportersCell = cellAt(row, columns.get('supporters'));
    const totalCell = cellAt(row, columns.get('supportersTotal'));
    const noteCell = cellAt(row, columns.get('note'));
    // A label merged across the whole row ("PHẦN THỨ NHẤT", "I. BÁO CÁO CHÍNH TRỊ") repeats in
    // every cell in exceljs: it is a group row, not a comment.
    const filled = texts.map((cell) => cell.trim()).filter((cell) => cell !== '');
    if (filled.length >= 3 && filled.every((cell) => cell === filled[0])) {
      this.openGroup(filled[0], true);
      return;
    }
    // The document column is often filled once for a run of rows (or merged over them).
    const documentText = documentCell.text.trim();
    if (documentText !== '' && documentText !== this.lastDocumentCell) {
      // Another document's rows ("BCCT" then "Báo cáo chính trị" is the same one): the part
      // named for the previous document no longer applies.
      const previous = this.lastDocumentCell === '' ? null : matchDocument(this.lastDocumentCell, this.documents).document;
      if (previous !== null && previous !== matchDocument(documentText, this.documents).document) this.groupPart = '';
      this.lastDocumentCell = documentText;
    }
    const sectionText = [sectionCell, ...this.header.sectionParts.map((column) => cellAt(row, column))]
      .map((cell) => cell.text.trim())
      .filter((text) => text !== '')
      .join(', ');
    // A comment merged down over several rows belongs to its first row only.
    const rawText = textCell.continuesAbove === true ? '' : textCell.text;
    const text = cleanCommentText(rawText);
    const otherData = [kindCell, supportersCell, totalCell, noteCell].some((cell) => cell.text.trim() !== '');
    if (text === '' && textCell.problem === undefined && !otherData) {
      // Template rows nobody filled in, and group rows, are not comments.
      this.openGroup(sectionText, false);
      return;
    }
    const problems: string[] = [];
    for (const [field, cell] of [['nội dung', textCell], ['văn kiện', documentCell], ['phần, mục', sectionCell], ['loại ý kiến', kindCell], ['tán thành', supportersCell], ['tổng số', totalCell]] as const) {
      if (cell.problem !== undefined) problems.push(`Ô ${field}: ${cell.problem}`);
    }
    if (text === '') problems.push('Nội dung góp ý trống / empty text');
    let finalText = text;
    if (text.length > MAX_COMMENT_TEXT_LENGTH) {
      problems.push(`Nội dung dài ${text.length} ký tự, quá ${MAX_COMMENT_TEXT_LENGTH} / text too long (${text.length} characters)`);
      finalText = text.slice(0, MAX_COMMENT_TEXT_LENGTH);
    }
    const reference = this.withGroup(sectionText);
    const resolution: Resolution = this.resolveSections ? this.resolve(this.lastDocumentCell, reference) : { resolved: null, confidence: 'none', candidates: [] };
    if (resolution.problem !== undefined) problems.push(resolution.problem);
    const resolved = resolution.resolved === null ? null : { ...resolution.resolved };
    const kind = kindFromCell(kindCell.text) ?? inferKind(finalText);
    const support = parseSupport(supportersCell.text, supportersCell.number, totalCell.text, totalCell.number);
    if (support.problem !== undefined) problems.push(support.problem);
    const result: CommentTableRow = { rowNumber: row.rowNumber, sectionReference: reference, resolved, confidence: resolution.confidence, kind, text: finalText, problems };
    if (resolution.candidates.length > 0) result.candidates = resolution.candidates.map((candidate) => ({ ...candidate }));
    if (resolution.problem !== undefined) result.sectionProblem = resolution.problem;
    if (this.lastDocumentCell !== '') result.document = this.lastDocumentCell;
    if (support.supporters !== undefined) result.supporters = support.supporters;
    if (support.supportersTotal !== undefined) result.supportersTotal = support.supportersTotal;
    const note = cleanCommentText(noteCell.text);
    if (note !== '') result.note = note;
    this.rows.push(result);
  }

  /** A header (or its second row) repeated down the table: Word repeats it after page breaks, clerks paste tables. */
  private repeatsHeader(texts: readonly string[]): boolean {
    let filled = 0;
    let matching = 0;
    texts.forEach((text, column) => {
      const folded = foldText(text);
      if (folded === '') return;
      filled++;
      if (this.header.labels.get(column)?.has(folded) === true) matching++;
    });
    return matching >= 2 && matching >= filled * 0.6;
  }

  /** Remembers the part (or document) a group row names; any other section ends the group. */
  private openGroup(label: string, mayNameDocument: boolean): void {
    if (label === '') return;
    let rest = label;
    if (mayNameDocument) {
      const named = findDocumentInReference(label, this.documents) ?? (() => {
        const match = matchDocument(label.replace(/^\s*[IVXLC\d]+[.)]\s*/, ''), this.documents);
        return match.document === null ? null : { document: match.document, rest: '' };
      })();
      if (named !== null) {
        this.lastDocumentCell = named.document.title;
        this.groupPart = '';
        rest = named.rest;
      }
    }
    const parsed = parseSectionReference(rest);
    const onlyPart = parsed.components.length > 0 && parsed.components.every((component) => component.level === 'part');
    this.groupPart = onlyPart ? rest.trim() : '';
  }

  private withGroup(sectionText: string): string {
    if (this.groupPart === '') return sectionText;
    if (sectionText === '') return this.groupPart;
    // the opening paragraphs come before every part
    if (OPENING.test(foldText(sectionText))) return sectionText;
    const own = parseSectionReference(sectionText);
    return own.components.some((component) => component.level === 'part') ? sectionText : `${this.groupPart}, ${sectionText}`;
  }

  // Tables repeat the same few hundred references over thousands of rows: each (document,
  // reference) pair is resolved once. Bounded, in case a table has a distinct reference per row.
  private readonly resolutions = new Map<string, Resolution>();

  private resolve(documentCell: string, reference: string): Resolution {
    const key = `${documentCell}\u0000${reference}`;
    let cached = this.resolutions.get(key);
    if (cached === undefined) {
      cached = this.resolveUncached(documentCell, reference);
      if (this.resolutions.size >= 10_000) this.resolutions.clear();
      this.resolutions.set(key, cached);
    }
    return cached;
  }

  private candidate(document: SectionCatalogue, sectionNumber: string): SectionCandidate | null {
    const block = this.indexes.get(document)?.blockFor(sectionNumber);
    if (block === undefined) return null;
    return { documentVersionId: document.documentVersionId, blockId: block.blockId, sectionNumber, heading: block.text.slice(0, 160) };
  }

  private unsure(reference: string, candidates: SectionCandidate[], disagrees: boolean): Resolution {
    const listed = candidates.map((candidate) => `${candidate.sectionNumber} "${candidate.heading.slice(0, 60)}"`).join('; ');
    const problem = disagrees
      ? `Chưa chắc mục "${reference}": số mục và tên mục chỉ đến những mục khác nhau (${listed}); hãy chọn mục / unsure section "${reference}": its numbers and its words point to different sections (${listed}); choose one`
      : `Chưa chắc mục "${reference}": có thể là ${listed}; hãy chọn mục / unsure section "${reference}", ambiguous: ${listed}; choose one`;
    return { resolved: null, confidence: 'unsure', candidates, problem };
  }

  private resolveUncached(documentCell: string, reference: string): Resolution {
    const none = (problem: string): Resolution => ({ resolved: null, confidence: 'none', candidates: [], problem });
    const sure = (document: SectionCatalogue, block: { blockId: string; sectionNumber: string }, how: ResolvedSection['how']): Resolution => ({
      resolved: { documentVersionId: document.documentVersionId, blockId: block.blockId, sectionNumber: block.sectionNumber, how },
      confidence: 'sure',
      candidates: [],
    });
    let candidates: readonly SectionCatalogue[] = this.documents;
    let rest = reference;
    let named = false;
    if (documentCell !== '') {
      const match = matchDocument(documentCell, this.documents);
      if (match.document === null) return none(`Không xác định được văn kiện "${documentCell}" / unknown document "${documentCell}"`);
      candidates = [match.document];
      named = true;
    }
    // A document the reference itself names ("Mục III.1 CTHĐ") is more specific than the
    // document column, which is often carried down from rows above.
    // (Only a name at either end: "thực hiện Nghị quyết Đại hội" inside a heading's words is words.)
    let inReference = this.documents.length > 1 ? findDocumentInReference(reference, this.documents) : null;
    if (inReference !== null && named && !candidates.includes(inReference.document)) {
      const whole = foldText(reference);
      const left = foldText(inReference.rest);
      if (!(whole.startsWith(left) || whole.endsWith(left))) inReference = findDocumentInReference(reference, candidates);
    }
    if (inReference !== null) {
      candidates = [inReference.document];
      rest = inReference.rest;
      named = true;
    }
    const opening = OPENING.exec(foldText(rest));
    if (opening !== null) {
      const words = opening[1] ?? '';
      const found = candidates.flatMap((document) =>
        (this.indexes.get(document)?.openingBlocks() ?? []).filter((block) => foldText(block.text).startsWith(words)).map((block) => ({ document, block })),
      );
      if (found.length === 1) return sure(found[0].document, found[0].block, 'opening_words');
      if (found.length > 1) {
        return {
          resolved: null,
          confidence: 'unsure',
          candidates: found.map(({ document, block }) => ({ documentVersionId: document.documentVersionId, blockId: block.blockId, sectionNumber: block.sectionNumber, heading: block.text.slice(0, 160) })),
          problem: `Chưa rõ đoạn mở đầu nào: ${found.length} đoạn bắt đầu như "${reference}" / ${found.length} opening paragraphs start like "${reference}"; copy the row from the template`,
        };
      }
      // none: a section headed "Mở đầu" in a document numbered otherwise, resolved as any other
    }
    const parsed = parseSectionReference(rest);
    const wholeDocument = WHOLE_DOCUMENT.test(foldText(rest));
    const nothingGiven = wholeDocument || (parsed.components.length === 0 && parsed.words.length === 0 && parsed.pageReferences.length === 0);
    if (nothingGiven) {
      if (candidates.length === 1) {
        const first = this.indexes.get(candidates[0])?.firstBlock();
        if (first !== undefined) return sure(candidates[0], first, 'single_document_default');
      }
      return none(
        named || this.documents.length <= 1 ? 'Văn kiện không có khối nào để gắn góp ý / the document has no blocks' : 'Chưa ghi văn kiện và phần, mục / no document or section given',
      );
    }
    const outcomes: { document: SectionCatalogue; outcome: ResolveOutcome }[] = [];
    for (const document of candidates) {
      const index = this.indexes.get(document);
      if (index !== undefined) outcomes.push({ document, outcome: index.resolve(parsed) });
    }
    const successes = outcomes.filter((entry) => entry.outcome.resolved !== null);
    if (successes.length > 1) {
      // Several documents have this section: a heading with exactly these words in one of them
      // wins over partial matches in the others; else the clerk chooses.
      // Else the one whose words named a heading, or whose evidence is clearly stronger.
      const exact = successes.filter((entry) => entry.outcome.resolved?.exact === true);
      const worded = successes.filter((entry) => entry.outcome.resolved?.wordsUnmatched !== true);
      const contenders = (exact.length > 0 ? exact : worded.length > 0 ? worded : successes).sort((a, b) => (b.outcome.resolved?.score ?? 0) - (a.outcome.resolved?.score ?? 0));
      const clearly = contenders.length === 1 || (contenders[0].outcome.resolved?.score ?? 0) - (contenders[1].outcome.resolved?.score ?? 0) >= 0.25;
      const chosen = clearly ? contenders[0] : undefined;
      if (chosen === undefined) {
        return this.unsure(reference, successes.flatMap((entry) => this.candidate(entry.document, entry.outcome.resolved?.sectionNumber ?? '') ?? []), false);
      }
      successes.splice(0, successes.length, chosen);
    }
    const success = successes[0];
    if (success !== undefined && success.outcome.resolved !== null) {
      // An exact heading in one document is not beaten by doubt in another, but a doubt there
      // about a section as good as this one is.
      // (a document whose own numbers and words disagree is less likely than one where they agree)
      const doubts = outcomes.filter((entry) => entry !== success && entry.outcome.failure?.reason === 'ambiguous');
      if (doubts.length === 0 || success.outcome.resolved.exact === true) return sure(success.document, success.outcome.resolved, success.outcome.resolved.how);
      const others = doubts.flatMap((entry) => (entry.outcome.failure?.candidates ?? []).map((number) => this.candidate(entry.document, number)).filter((found): found is SectionCandidate => found !== null));
      const own = this.candidate(success.document, success.outcome.resolved.sectionNumber);
      return this.unsure(reference, [...(own === null ? [] : [own]), ...others], false);
    }
    const doubtful = outcomes.filter((entry) => (entry.outcome.failure?.reason === 'ambiguous' || entry.outcome.failure?.reason === 'disagrees') && entry.outcome.failure.candidates.length > 0);
    if (doubtful.length > 0) {
      const found = doubtful.flatMap((entry) => (entry.outcome.failure?.candidates ?? []).map((number) => this.candidate(entry.document, number)).filter((candidate): candidate is SectionCandidate => candidate !== null));
      return this.unsure(reference, found, doubtful.some((entry) => entry.outcome.failure?.reason === 'disagrees'));
    }
    const failed = outcomes.find((entry) => entry.outcome.failure?.reason === 'page_only') ?? outcomes[0];
    return none(failed === undefined ? reasonFor({ resolved: null }, reference) : reasonFor(failed.outcome, reference));
  }

  result(headerRow: number, columnName: (column: number) => string): CommentTableResult {
    const columns: CommentTableResult['columns'] = {};
    for (const [field, column] of this.header.columns) columns[field] = columnName(column);
    if (this.header.sectionParts.length > 0 && this.header.columns.has('section')) {
      columns.section = [this.header.columns.get('section') ?? 0, ...this.header.sectionParts].map(columnName).join(', ');
    }
    if (!this.header.columns.has('section') && !this.header.columns.has('document')) {
      this.warnings.push('Bảng không có cột phần, mục; góp ý được gắn vào cả văn kiện / no section column: comments apply to the whole document');
    }
    return { headerRow, columns, columnNotes: [...this.header.notes], rows: this.rows, warnings: this.warnings };
  }
}
