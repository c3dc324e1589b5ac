import mammoth from 'mammoth';
import { inspectDocx } from '../docx/inspect-docx';
import { HtmlElement, HtmlNode, isElement, parseHtml, textOf } from '../import/html-tree';
import { CommentTableResult, DEFAULT_MAX_ROWS, ReadCommentTableOptions } from './comment-table-types';
import { RawCell, RawRow, tableDecoder } from './raw-table';
import { findHeader, RowInterpreter } from './row-interpreter';
import { corruptTable, noHeader, tooManyRows } from './table-errors';

// Word tables go through mammoth (the same safe path as importDocx: mammoth reads the package
// inspectDocx verified, images are never read) and the small parser of mammoth's HTML; the table
// is then laid out on a grid, with merged cells (colspan/rowspan) spread the way exceljs shows
// Excel's merges.

const NO_IMAGE = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
const MAX_COLUMNS = 40;

/** Elements of `tag` under `node`, not looking inside nested tables. */
const collect = (node: HtmlElement, tag: string, found: HtmlElement[] = []): HtmlElement[] => {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tag === tag) found.push(child);
    else if (child.tag !== 'table') collect(child, tag, found);
  }
  return found;
};

const tablesOf = (node: HtmlElement, found: HtmlElement[] = []): HtmlElement[] => {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tag === 'table') found.push(child);
    else tablesOf(child, found);
  }
  return found;
};

/** A cell's text with its paragraphs on separate lines. */
const cellText = (cell: HtmlElement): string => {
  const paragraphs = cell.children.filter((child): child is HtmlElement => isElement(child, 'p', 'ul', 'ol', 'table'));
  if (paragraphs.length === 0) return textOf(cell).replace(/\s+/g, ' ').trim();
  // spacing inside a paragraph is kept as typed (the stored comment keeps it; reports clean it)
  return paragraphs
    .map((paragraph: HtmlNode) => textOf(paragraph).replace(/[\r\n]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
};

const span = (cell: HtmlElement, name: string): number => {
  const value = Number(cell.attrs[name] ?? '1');
  return Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_COLUMNS) : 1;
};

/** The table on a grid, rows numbered from 1 as Word shows them. */
export const tableGrid = (table: HtmlElement): RawRow[] => {
  const rows: RawRow[] = [];
  // column → the cell spanning down into later rows, and how many rows it still covers
  const pending = new Map<number, { cell: RawCell; rows: number }>();
  collect(table, 'tr').forEach((tr, rowIndex) => {
    const cells: RawCell[] = [];
    let column = 0;
    const place = (): void => {
      for (;;) {
        const covering = pending.get(column);
        if (covering === undefined || covering.rows <= 0) return;
        cells[column] = { ...covering.cell, continuesAbove: true };
        covering.rows--;
        column++;
      }
    };
    for (const td of [...collect(tr, 'td'), ...collect(tr, 'th')].sort((a, b) => tr.children.indexOf(a) - tr.children.indexOf(b))) {
      place();
      if (column >= MAX_COLUMNS) break;
      const cell: RawCell = { text: cellText(td) };
      const across = span(td, 'colspan');
      const down = span(td, 'rowspan');
      for (let offset = 0; offset < across && column < MAX_COLUMNS; offset++) {
        cells[column] = cell;
        if (down > 1) pending.set(column, { cell, rows: down - 1 });
        column++;
      }
    }
    place();
    for (let index = 0; index < cells.length; index++) cells[index] ??= { text: '' };
    rows.push({ rowNumber: rowIndex + 1, cells });
  });
  return rows;
};

/** Reads the first Word table with a recognisable header. */
export const readDocxTable = async (buffer: Buffer, options: ReadCommentTableOptions): Promise<CommentTableResult> => {
  const { buffer: verified } = await inspectDocx(buffer, options.limits);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: verified }, { convertImage: NO_IMAGE, externalFileAccess: false })).value;
  } catch (error) {
    throw corruptTable(error);
  }
  const maxRows = options.limits?.maxRows ?? DEFAULT_MAX_ROWS;
  const tables = tablesOf(parseHtml(html));
  let undecided: { headerRow: number; interpreter: RowInterpreter } | null = null;
  for (let tableIndex = 0; tableIndex < tables.length; tableIndex++) {
    const grid = tableGrid(tables[tableIndex]);
    const rows = grid.map(tableDecoder(grid.slice(0, 75)));
    const header = findHeader(rows, options.documents);
    if (header === null) continue;
    if (!header.columns.has('text')) {
      undecided ??= { headerRow: rows[header.headerIndex].rowNumber, interpreter: new RowInterpreter(options.documents, header, false) };
      continue;
    }
    if (rows.length - header.headerIndex - 1 > maxRows) throw tooManyRows(rows.length - header.headerIndex - 1, maxRows);
    const interpreter = new RowInterpreter(options.documents, header, options.resolveSections ?? true);
    let read = 0;
    for (const row of rows.slice(header.headerIndex + 1)) {
      interpreter.read(row);
      read++;
      if (read % 1000 === 0) options.onProgress?.(read);
    }
    options.onProgress?.(read);
    if (tables.length > 1) interpreter.warnings.push(`Đã đọc bảng thứ ${tableIndex + 1} trong ${tables.length} bảng / read table ${tableIndex + 1} of ${tables.length}`);
    return interpreter.result(rows[header.headerIndex].rowNumber, (column) => String(column + 1));
  }
  if (undecided !== null) return undecided.interpreter.result(undecided.headerRow, (column) => String(column + 1));
  throw noHeader();
};
