import { CommentTableResult, ReadCommentTableOptions } from './comment-table-types';
import { readDocxTable } from './read-docx-table';
import { readXlsxTable } from './read-xlsx-table';

/**
 * Reads a unit's comment table (an Excel sheet or a Word table typed from its congress minutes)
 * into one row per comment, each resolved against the round's documents where its section
 * reference allows. Buffers in, data out. The file is guarded first (ZIP bomb, XXE, a file that
 * is not what `format` says): OfficeFileError, a 4xx. Problems of single rows never throw: they
 * are listed on the row for the clerk to fix.
 */
export const readCommentTable = (
  buffer: Buffer,
  format: 'xlsx' | 'docx',
  options: ReadCommentTableOptions,
): Promise<CommentTableResult> => (format === 'xlsx' ? readXlsxTable(buffer, options) : readDocxTable(buffer, options));
