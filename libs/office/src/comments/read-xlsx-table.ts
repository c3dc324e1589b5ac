import ExcelJS from 'exceljs';
import { CommentTableResult, DEFAULT_MAX_ROWS, ReadCommentTableOptions } from './comment-table-types';
import { inspectXlsx } from './inspect-xlsx';
import { RawRow, tableDecoder } from './raw-table';
import { findHeader, HEADER_SEARCH_ROWS, RowInterpreter } from './row-interpreter';
import { corruptTable, noHeader, tooManyRows } from './table-errors';
import { rawCell } from './xlsx-cells';

const MAX_COLUMNS = 40;

const columnLetter = (column: number): string => {
  let rest = column + 1;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
};

const readRow = (sheet: ExcelJS.Worksheet, rowNumber: number, width: number): RawRow => {
  const row = sheet.getRow(rowNumber);
  const cells = [];
  for (let column = 1; column <= width; column++) cells.push(rawCell(row.getCell(column)));
  return { rowNumber, cells };
};

/** Reads the first sheet with a recognisable header, from the package inspectXlsx verified. */
export const readXlsxTable = async (buffer: Buffer, options: ReadCommentTableOptions): Promise<CommentTableResult> => {
  const { buffer: verified } = await inspectXlsx(buffer, options.limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // The verified package, never the upload: exceljs inflates every entry it holds.
    // exceljs's types ask for its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(verified as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw corruptTable(error);
  }
  const maxRows = options.limits?.maxRows ?? DEFAULT_MAX_ROWS;
  // a header without a comment column is reported only when no sheet has a better one
  let undecided: { headerRow: number; interpreter: RowInterpreter } | null = null;
  for (const sheet of workbook.worksheets) {
    const width = Math.min(sheet.columnCount, MAX_COLUMNS);
    const lastRow = sheet.rowCount;
    const firstRows: RawRow[] = [];
    // the header is among the first rows; the rows after it show what each column holds
    for (let rowNumber = 1; rowNumber <= Math.min(lastRow, HEADER_SEARCH_ROWS + 60); rowNumber++) firstRows.push(readRow(sheet, rowNumber, width));
    const decode = tableDecoder(firstRows);
    firstRows.splice(0, firstRows.length, ...firstRows.map(decode));
    const header = findHeader(firstRows, options.documents, columnLetter);
    if (header === null) continue;
    const headerRow = firstRows[header.headerIndex].rowNumber;
    if (!header.columns.has('text')) {
      undecided ??= { headerRow, interpreter: new RowInterpreter(options.documents, header, false) };
      continue;
    }
    if (lastRow - headerRow > maxRows) throw tooManyRows(lastRow - headerRow, maxRows);
    const interpreter = new RowInterpreter(options.documents, header, options.resolveSections ?? true);
    let read = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber <= headerRow) return;
      interpreter.read(decode(readRow(sheet, rowNumber, width)));
      read++;
      if (read % 1000 === 0) options.onProgress?.(read);
    });
    options.onProgress?.(read);
    if (workbook.worksheets.length > 1) interpreter.warnings.push(`Đã đọc trang tính "${sheet.name}" / read the sheet "${sheet.name}"`);
    return interpreter.result(headerRow, columnLetter);
  }
  if (undecided !== null) return undecided.interpreter.result(undecided.headerRow, columnLetter);
  throw noHeader();
};
