import type { Cell, CellValue } from 'exceljs';
import { RawCell } from './raw-table';

// exceljs cell values → RawCell. Formulas are never evaluated: the value Excel cached when it last
// saved the file is used, and a formula without one is reported. Rich text is flattened; dates
// are written the Vietnamese way (dd/mm/yyyy) because a clerk typed them as text.

const NO_CACHED_RESULT = 'công thức chưa có giá trị (mở bằng Excel và lưu lại) / formula without a cached value';

const dateText = (date: Date): string => {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const rawCellFromValue = (value: CellValue | undefined): RawCell => {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: dateText(value) };
  if (!isRecord(value)) return { text: '' };
  if ('richText' in value && Array.isArray(value.richText)) {
    return { text: value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('') };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) return { text: '', problem: NO_CACHED_RESULT };
    if (isRecord(result) && 'error' in result) return { text: '', problem: `giá trị lỗi ${String(result.error)} / error value` };
    return rawCellFromValue(result as CellValue);
  }
  if ('error' in value) return { text: '', problem: `giá trị lỗi ${String(value.error)} / error value` };
  if ('text' in value) {
    // A hyperlink: its text, which may itself be rich text.
    return rawCellFromValue(value.text as CellValue);
  }
  return { text: '' };
};

/** A cell, with `continuesAbove` when a vertical merge started in an earlier row covers it. */
export const rawCell = (cell: Cell): RawCell => {
  const raw = rawCellFromValue(cell.value);
  if (cell.isMerged && cell.master !== cell && Number(cell.master.row) < Number(cell.row)) return { ...raw, continuesAbove: true };
  return raw;
};
