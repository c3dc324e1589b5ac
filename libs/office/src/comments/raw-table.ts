import { convertFromTcvn3, convertFromVni, detectLegacyEncoding } from '@vankien/synthesis';
// What the XLSX and DOCX readers hand to the row interpreter: a grid of cell texts, so that
// header recognition and row reading are written once for both formats.

export interface RawCell {
  /** The value as text (formulas: their cached result; rich text flattened). */
  text: string;
  /** The value when the cell holds a number (not text that looks like one). */
  number?: number;
  /** Why the value could not be read (a formula without a cached result, an error value). */
  problem?: string;
  /** A cell covered by a merge started in an earlier row (Excel) or a row span (Word). */
  continuesAbove?: boolean;
}

export interface RawRow {
  /** The row number the clerk sees. */
  rowNumber: number;
  cells: RawCell[];
}

export const EMPTY_CELL: RawCell = { text: '' };

export const cellTexts = (row: RawRow): string[] => row.cells.map((cell) => cell.text);

export const isBlankRow = (row: RawRow): boolean => row.cells.every((cell) => cell.text.trim() === '' && cell.problem === undefined);

// Characters only Unicode Vietnamese has (TCVN3 and VNI write them with Latin-1 letters).
const UNICODE_VIETNAMESE = /[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]|[\u0300-\u0323]/u;

/**
 * A file saved in TCVN3 or VNI is so throughout, but a short cell ("PhÇn, môc", "STT") carries
 * too little to tell by itself: the encoding is told once from the first rows, then every cell
 * not already written in Unicode Vietnamese is converted.
 */
export const tableDecoder = (sample: readonly RawRow[]): ((row: RawRow) => RawRow) => {
  const text = sample.flatMap((row) => row.cells.map((cell) => cell.text)).join('\n');
  const encoding = detectLegacyEncoding(text);
  if (encoding === null) return (row) => row;
  const convert = encoding === 'tcvn3' ? convertFromTcvn3 : convertFromVni;
  return (row) => ({
    ...row,
    cells: row.cells.map((cell) => (cell.text === '' || UNICODE_VIETNAMESE.test(cell.text) ? cell : { ...cell, text: convert(cell.text).normalize('NFC') })),
  });
};
