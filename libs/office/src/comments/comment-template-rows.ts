import type { TableReader, TableRow } from '@vankien/synthesis';
import { CommentTableRow } from './comment-table-types';
import { OfficeFileError } from '../errors/office-file-error';
import { readCommentTable } from './read-comment-table';

// The XLSX comment template as input of the synthesis command line (`npm run synthesize --
// gop-y.xlsx`). The command line has no round and no frozen versions to resolve references
// against, so rows are read with their references as written, and comments are grouped by what
// the template prefilled: the Văn kiện cell is the document, the section number of the Phần, mục
// cell the block ("P2.II.2 – 2. Các chỉ tiêu chủ yếu" → "P2.II.2"; "Toàn văn kiện" and an opening
// paragraph's "Mở đầu – “…”" stay as they are). A reference typed by hand ("Mục II.2") is a block of its own: only the service resolves
// it against the documents. It lives here, not in libs/synthesis, because this library depends
// on that one (normalisation), not the other way round.

/** The block a row names: the section number the template wrote before its heading, else the reference as written. */
const blockOf = (reference: string): string => {
  const written = reference.replace(/\s+/g, ' ').trim();
  const prefilled = /^(\S+) – /.exec(written);
  return prefilled === null ? written : prefilled[1];
};

const toTableRow = (row: CommentTableRow): TableRow => {
  const blockId = blockOf(row.sectionReference);
  const problems = [...row.problems];
  if (blockId === '') problems.push('Chưa ghi phần, mục / no section given');
  const fields: Record<string, unknown> = { blockId, kind: row.kind, text: row.text };
  if (row.document !== undefined) fields.documentId = row.document;
  if (row.supporters !== undefined) fields.supporters = row.supporters;
  if (row.supportersTotal !== undefined) fields.supportersTotal = row.supportersTotal;
  return { rowNumber: row.rowNumber, fields, problems };
};

/** Reads a filled-in comment template (or any comment table in Excel) into the rows the command line takes. */
export const readCommentTemplateRows: TableReader = async (file) => {
  const table = await readCommentTable(file, 'xlsx', { documents: [], resolveSections: false });
  // no comment column: nothing to synthesise, and the command line exits with the reason
  if (table.columns.text === undefined) {
    const [vi, en] = [0, 1].map((side) => table.columnNotes.map((note) => note.split(' / ')[side] ?? note).join(' '));
    throw new OfficeFileError('UNSUPPORTED_CONTENT', { vi, en });
  }
  // what was read of the columns ("Không nhận ra cột nội dung góp ý …") comes first
  return { rows: table.rows.map(toTableRow), warnings: [...table.columnNotes, ...table.warnings] };
};
