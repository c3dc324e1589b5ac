import { CommentTableField, SectionCatalogue } from './comment-table-types';
import { kindFromCell } from './comment-kind';
import { findDocumentInReference, matchDocument } from './document-matcher';
import { foldText } from './fold-text';
import { RawCell, RawRow } from './raw-table';
import { parseSectionReference } from './section-reference';

// Which column holds what. Each column is scored for every field on its header label (folded:
// no diacritics, case, NFD, TCVN3, line breaks) and on the cells below it (a column of section
// references looks like references, the comments are sentences, supporters are small whole
// numbers or "12/15", the row number counts up), and fields are given to columns best score
// first. A label alone never decides against what the column holds: "Vị trí trong dự thảo" is
// the section, though it says "dự thảo"; "Nội dung dự thảo" is the section when its cells are
// references and a quote of the draft when they are sentences.

type Scores = Partial<Record<CommentTableField, number>>;

interface LabelRule {
  pattern: RegExp;
  scores: Scores;
}

// Every rule that matches adds its scores (the highest per field is kept).
const LABEL_RULES: readonly LabelRule[] = [
  { pattern: /^(stt|tt|so tt|so thu tu|thu tu|s tt)$/, scores: { number: 1 } },
  { pattern: /\b(loai y kien|loai gop y|hinh thuc gop y|hinh thuc|phan loai|tinh chat|loai)\b/, scores: { kind: 1 } },
  { pattern: /\b(tan thanh|nhat tri|dong y|dong tinh|ung ho)\b/, scores: { supporters: 0.9 } },
  { pattern: /^so (dang vien|chi bo|nguoi|don vi|dai bieu|phieu|y kien)\b/, scores: { supporters: 0.6, supportersTotal: 0.4 } },
  { pattern: /^tong\b|\btong so\b|\bso (dang vien|nguoi|dai bieu) (tham gia|du|co mat)\b/, scores: { supportersTotal: 0.9 } },
  { pattern: /\bghi chu\b/, scores: { note: 1 } },
  { pattern: /^(ten )?(van kien|tai lieu)( gop y| duoc gop y)?$|\bten van kien\b|^van kien du thao$|^du thao van kien$/, scores: { document: 1 } },
  { pattern: /\b(van kien|tai lieu)\b/, scores: { document: 0.6 } },
  { pattern: /^(du thao|ban du thao)$/, scores: { document: 0.5, section: 0.3 } },
  { pattern: /\b(phan muc|phan va muc|vi tri|tieu muc|muc|chuong|dieu|khoan|diem|trang|dong)\b/, scores: { section: 0.9 } },
  { pattern: /^phan\b/, scores: { section: 0.8 } },
  { pattern: /\bvi tri (trong|cua|tai) (du thao|van kien|ban du thao)\b/, scores: { section: 1 } },
  {
    pattern: /^(noi dung|doan|cau|phan) (trong |cua |tai )?(du thao|van kien|ban du thao)\b|^noi dung (duoc )?gop y( cua du thao)?$|\bnguyen van\b|\btrich\b/,
    scores: { section: 0.6, quote: 0.6 },
  },
  { pattern: /\b(noi dung gop y|y kien gop y|noi dung y kien|noi dung de nghi|noi dung kien nghi|y kien dong gop|y kien de xuat|noi dung dong gop|y kien cua)\b/, scores: { text: 1 } },
  { pattern: /\b(y kien|noi dung|gop y|kien nghi|de xuat|de nghi)\b/, scores: { text: 0.6 } },
];

/** The scores a header label gives each field (0 when it names nothing). */
export const labelScores = (label: string): Scores => {
  const folded = foldText(label);
  const scores: Scores = {};
  // a label is a few words; a sentence is data
  if (folded === '' || folded.length > 80 || folded.split(' ').length > 10) return scores;
  for (const rule of LABEL_RULES) {
    if (!rule.pattern.test(folded)) continue;
    for (const [field, score] of Object.entries(rule.scores) as [CommentTableField, number][]) scores[field] = Math.max(scores[field] ?? 0, score);
  }
  // "Loại ý kiến", "Số ý kiến tán thành": the words that name the text are part of another name.
  if ((scores.kind ?? 0) >= 1 || (scores.supporters ?? 0) >= 0.6 || (scores.supportersTotal ?? 0) >= 0.9) {
    if ((scores.text ?? 0) < 1) delete scores.text;
  }
  // "Ghi chú" never names anything else.
  if (scores.note !== undefined) return { note: scores.note };
  return scores;
};

// --- what the cells below a header say about their column ---------------------------------------

const WHOLE_DOCUMENT = /^(chung|y kien chung|nhan xet chung|toan van|toan van kien|ca van kien|toan bo|toan bo van kien|toan bo du thao)$/;

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

/** How much a cell looks like a section reference (0–1). */
const referenceLike = (text: string): number => {
  const folded = foldText(text);
  if (folded === '' || text.length > 120) return 0;
  if (WHOLE_DOCUMENT.test(folded) || /^mo dau\b/.test(folded)) return 1;
  const parsed = parseSectionReference(text);
  if (parsed.pageReferences.length > 0) return 1;
  if (parsed.components.length > 0) {
    // "2. Đề nghị bổ sung …" is numbered text, "Tốc độ tăng trưởng 7%/năm …" a sentence with a
    // number: a reference opens with its keyword or number and has few other words
    const opens = /^(?:phan|muc|tieu muc|diem|khoan|chuong|dieu|trang|tr|dong|p\d|[ivxlc]+\b|\d)/.test(folded);
    return opens && parsed.words.length <= 12 ? 1 : 0.3;
  }
  // heading words ("về công tác xây dựng Đảng"): short, no sentence
  if (/^ve\b/.test(folded) && wordCount(folded) <= 12) return 0.7;
  return wordCount(folded) <= 6 && !/[.?!]$/.test(text.trim()) ? 0.3 : 0;
};

/** How much a cell looks like a comment (0–1): a sentence, or a short verdict. */
const commentLike = (text: string): number => {
  const count = wordCount(text);
  if (count === 0) return 0;
  if (count >= 6) return 1;
  if (count >= 3) return 0.7;
  return 0.4;
};

const SUPPORT = /^\s*\d{1,7}\s*(?:\/\s*\d{1,7})?(?:\s*[\p{L}\p{M}][\p{L}\p{M}\s]*)?\s*$/u;

/** Features of one column's cells. */
interface ColumnContent {
  filled: number;
  reference: number;
  comment: number;
  wholeNumber: number;
  counting: number;
  kind: number;
  document: number;
  averageWords: number;
}

const describeColumn = (cells: readonly RawCell[], documents: readonly SectionCatalogue[]): ColumnContent => {
  const texts = cells.map((cell) => cell.text.trim());
  const filled = texts.filter((text) => text !== '');
  const share = (measure: (text: string, index: number) => number): number =>
    filled.length === 0 ? 0 : filled.reduce((sum, text, index) => sum + measure(text, index), 0) / filled.length;
  let counting = 0;
  let previous: number | null = null;
  for (const text of filled) {
    const value = /^\d{1,5}\.?$/.test(text) ? Number.parseInt(text, 10) : null;
    if (value !== null && previous !== null && value === previous + 1) counting++;
    previous = value;
  }
  return {
    filled: filled.length,
    reference: share(referenceLike),
    comment: share(commentLike),
    wholeNumber: share((text) => (SUPPORT.test(text) ? 1 : 0)),
    counting: filled.length <= 1 ? 0 : counting / (filled.length - 1),
    kind: share((text) => (wordCount(text) <= 4 && kindFromCell(text) !== 'general' ? 1 : 0)),
    document: share((text) =>
      documents.length > 0
        ? matchDocument(text, documents).document !== null || findDocumentInReference(text, documents) !== null
          ? 1
          : 0
        : /\b(bao cao|chuong trinh|nghi quyet|bcct|cthd|nq|van kien)\b/.test(foldText(text)) && wordCount(text) <= 10
          ? 1
          : 0,
    ),
    averageWords: share((text) => wordCount(text)),
  };
};

/** How well `field` fits a column with these contents (0–1). */
const contentScore = (field: CommentTableField, content: ColumnContent): number => {
  if (content.filled === 0) return 0;
  switch (field) {
    case 'number':
      return content.counting;
    case 'section':
      return content.reference * (1 - content.document * 0.5);
    case 'document':
      return content.document;
    case 'text':
      return content.comment * (1 - content.reference * 0.6) * (1 - content.wholeNumber);
    case 'quote':
      return content.comment * 0.5 * (1 - content.reference);
    case 'kind':
      return content.kind;
    case 'supporters':
    case 'supportersTotal':
      // a count up is likelier the row number, but supporters may count up too
      return content.wholeNumber * (1 - 0.5 * content.counting);
    case 'note':
      return 0;
  }
};

export interface ColumnDecision {
  /** Field → 0-based column. */
  columns: Map<CommentTableField, number>;
  /** Further columns read into the section reference ("Phần" and "Mục" in two columns). */
  sectionParts: number[];
  /** What the clerk should know about the columns: one line each, in Vietnamese then English. */
  notes: string[];
  /** True when the labels alone name the comment text and another column: a header row. */
  labelled: boolean;
}

const FIELD_NAMES: Readonly<Record<CommentTableField, string>> = {
  number: 'số thứ tự',
  document: 'văn kiện',
  section: 'phần, mục',
  text: 'nội dung góp ý',
  kind: 'loại ý kiến',
  supporters: 'số tán thành',
  supportersTotal: 'tổng số',
  note: 'ghi chú',
  quote: 'nội dung dự thảo',
};

/** "C" for an XLSX column, "3" for a Word table's. */
export type ColumnNamer = (column: number) => string;

/**
 * Gives fields to columns from their labels and the data rows below. Labels weigh twice the
 * content; a field goes to the best column first, each column holds one field.
 */
export const decideColumns = (
  labels: readonly string[],
  dataRows: readonly RawRow[],
  documents: readonly SectionCatalogue[],
  columnName: ColumnNamer = (column) => String(column + 1),
): ColumnDecision => {
  const width = Math.max(labels.length, ...dataRows.map((row) => row.cells.length));
  const labelled = labels.map((label) => labelScores(label));
  const contents: ColumnContent[] = [];
  for (let column = 0; column < width; column++) contents.push(describeColumn(dataRows.map((row) => row.cells[column] ?? { text: '' }), documents));
  const fields = Object.keys(FIELD_NAMES) as CommentTableField[];
  const candidates: { field: CommentTableField; column: number; score: number; label: number; content: number }[] = [];
  const measured: readonly CommentTableField[] = ['number', 'section', 'document', 'text', 'supporters', 'kind'];
  for (let column = 0; column < width; column++) {
    const bestContent = Math.max(...measured.map((field) => contentScore(field, contents[column])));
    for (const field of fields) {
      let label = labelled[column]?.[field] ?? 0;
      const content = contentScore(field, contents[column]);
      // The cells contradict the label (a "Văn kiện" column of section references): the
      // label counts for little against what the column clearly holds.
      if (measured.includes(field) && contents[column].filled >= 2 && content < 0.2 && bestContent >= 0.8) label *= 0.3;
      // a column without a label for the field needs its content to speak clearly
      if (label === 0 && (content < 0.6 || (field !== 'text' && field !== 'section' && field !== 'number'))) continue;
      candidates.push({ field, column, score: 2 * label + content, label, content });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const columns = new Map<CommentTableField, number>();
  const taken = new Set<number>();
  const notes: string[] = [];
  const sectionParts: number[] = [];
  const labelOf = (column: number): string => (labels[column] ?? '').replace(/\s+/g, ' ').trim();
  for (const candidate of candidates) {
    if (taken.has(candidate.column)) continue;
    if (columns.has(candidate.field)) {
      // "Phần" | "Mục" in two columns: both are read into the reference
      if (candidate.field === 'section' && candidate.label >= 0.8 && candidate.content >= 0.5) {
        sectionParts.push(candidate.column);
        taken.add(candidate.column);
      }
      continue;
    }
    if (candidate.score < 0.6) continue;
    columns.set(candidate.field, candidate.column);
    taken.add(candidate.column);
    // The label named something else than what the column holds: say what was read.
    const named = Object.entries(labelled[candidate.column] ?? {}).sort((a, b) => b[1] - a[1])[0] as [CommentTableField, number] | undefined;
    if (named !== undefined && named[0] !== candidate.field && named[1] > (labelled[candidate.column]?.[candidate.field] ?? 0) && labelOf(candidate.column) !== '') {
      notes.push(
        `Cột ${columnName(candidate.column)} "${labelOf(candidate.column)}" được đọc là cột ${FIELD_NAMES[candidate.field]} vì nội dung các ô giống ${FIELD_NAMES[candidate.field]} / column ${columnName(candidate.column)} "${labelOf(candidate.column)}" is read as the ${candidate.field} column: its cells look like it`,
      );
    }
  }
  // A document column whose cells name none of the round's documents cannot be the document
  // column: said once for the column, not as an error on every row.
  const documentColumn = columns.get('document');
  if (documentColumn !== undefined && documents.length > 0 && contents[documentColumn].filled >= 2 && contents[documentColumn].document < 0.5) {
    columns.delete('document');
    const titles = documents.map((document) => document.title).join('; ');
    notes.push(
      `Không nhận ra cột văn kiện: phần lớn các ô của cột ${columnName(documentColumn)} "${labelOf(documentColumn)}" không khớp tên văn kiện nào của đợt (${titles}); cột này không được dùng / the document column was not recognised: most cells of column ${columnName(documentColumn)} name none of the round's documents; it is not used`,
    );
  }
  sectionParts.sort((a, b) => a - b);
  const section = columns.get('section');
  if (section !== undefined && sectionParts.length > 0) {
    // the leftmost is the first part of the reference ("Phần" before "Mục")
    const all = [section, ...sectionParts].sort((a, b) => a - b);
    columns.set('section', all[0]);
    sectionParts.splice(0, sectionParts.length, ...all.slice(1));
  }
  const labelledText = columns.has('text') && (labelled[columns.get('text') ?? -1]?.text ?? 0) > 0;
  const otherLabelled = [...columns].some(([field, column]) => field !== 'text' && Object.keys(labelled[column] ?? {}).length > 0);
  return { columns, sectionParts, notes, labelled: labelledText && otherLabelled };
};

/** The fields a row of labels names (labels only), to tell a header row from data. */
export const namedFields = (labels: readonly string[]): number => labels.filter((label) => Object.keys(labelScores(label)).length > 0).length;

/**
 * Labels of a two-row header: a group label merged over several columns ("Số đảng viên") is read
 * into each of them, then each column's sub-label ("Tán thành", "Tổng số") is appended.
 */
export const combineHeaderRows = (top: readonly string[], bottom: readonly string[]): string[] => {
  const width = Math.max(top.length, bottom.length);
  const combined: string[] = [];
  let group = '';
  for (let column = 0; column < width; column++) {
    const upper = (top[column] ?? '').trim();
    const lower = (bottom[column] ?? '').trim();
    if (upper !== '') group = upper;
    // A blank top cell over a sub-label is the tail of a group merged across (Word and the
    // streaming reader leave it blank; exceljs repeats the master's value).
    const above = upper !== '' ? upper : lower !== '' ? group : '';
    combined.push(lower === '' || lower === above ? above : `${above} ${lower}`.trim());
  }
  return combined;
};

/** A row of column numbers under the header ("(1) (2) (3)" or "1 2 3 4"), which is not data. */
export const isColumnNumberingRow = (cells: readonly string[]): boolean => {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (filled.length < 3) return false;
  return filled.every((cell, index) => {
    const match = /^\(?(\d{1,2})\)?$/.exec(cell);
    return match !== null && (index === 0 || Number(match[1]) > 0);
  });
};

export { FIELD_NAMES };
