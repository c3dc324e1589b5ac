import { CommentTableField } from './comment-table-types';
import { foldText } from './fold-text';

// The usual headers of comment tables, compared folded (no diacritics, lower case). The order
// of the rules matters: "Loại ý kiến" is a kind before "ý kiến" is a text, "Số đảng viên tán
// thành" counts supporters before "tán thành" looks like anything else, and "Nội dung dự thảo"
// (the draft's words quoted) must not be taken for the comment itself.
interface HeaderRule {
  field: CommentTableField;
  pattern: RegExp;
}

const RULES: readonly HeaderRule[] = [
  { field: 'number', pattern: /^(stt|tt|so tt|so thu tu|thu tu)$/ },
  { field: 'kind', pattern: /\b(loai y kien|loai gop y|hinh thuc|phan loai|tinh chat|loai)\b/ },
  { field: 'supporters', pattern: /\b(tan thanh|nhat tri|dong y|dong tinh|ung ho)\b/ },
  { field: 'supportersTotal', pattern: /^tong\b|\btong so\b/ },
  { field: 'quote', pattern: /^(noi dung|doan|cau) (trong |cua |tai )?(du thao|van kien|ban du thao)\b/ },
  { field: 'text', pattern: /\b(noi dung gop y|y kien gop y|noi dung y kien|noi dung de nghi|noi dung kien nghi|y kien dong gop)\b/ },
  { field: 'note', pattern: /\bghi chu\b/ },
  { field: 'document', pattern: /\b(van kien|tai lieu|du thao)\b/ },
  { field: 'section', pattern: /\b(phan|muc|vi tri|trang|dong|chuong|dieu|khoan|diem)\b/ },
  { field: 'text', pattern: /\b(y kien|noi dung|gop y|kien nghi|de xuat|de nghi)\b/ },
];

/** The field a header label names, with its rank (lower is more specific), or null. */
export const recogniseHeader = (label: string): { field: CommentTableField; rank: number } | null => {
  const folded = foldText(label);
  if (folded === '' || folded.length > 80) return null;
  for (let rank = 0; rank < RULES.length; rank++) {
    if (RULES[rank].pattern.test(folded)) return { field: RULES[rank].field, rank };
  }
  return null;
};

/** Field → 0-based column, the most specific label winning, then the leftmost. */
export const mapColumns = (labels: readonly string[]): Map<CommentTableField, number> => {
  const best = new Map<CommentTableField, { column: number; rank: number }>();
  labels.forEach((label, column) => {
    const recognised = recogniseHeader(label);
    if (recognised === null) return;
    const current = best.get(recognised.field);
    if (current === undefined || recognised.rank < current.rank) best.set(recognised.field, { column, rank: recognised.rank });
  });
  const columns = new Map<CommentTableField, number>();
  const taken = new Set<number>();
  for (const [field, { column }] of best) {
    if (taken.has(column)) continue;
    taken.add(column);
    columns.set(field, column);
  }
  return columns;
};

/** A header is recognised when it names the comment text and at least one other column. */
export const isHeader = (columns: ReadonlyMap<CommentTableField, number>): boolean =>
  columns.has('text') && (columns.has('section') || columns.has('document') || columns.has('number') || columns.has('kind'));

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
