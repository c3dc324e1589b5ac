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
