// The shapes readCommentTable and buildCommentTemplate exchange with their callers: plain data,
// so the worker can store a result as JSON and the REST layer can show it to the clerk.
import type { ZipLimits } from '../zip/zip-limits';

/** What a frozen document version offers comments to: its block index, reduced to what resolving needs. */
export interface SectionCatalogue {
  documentVersionId: string;
  title: string;
  blocks: CatalogueBlock[];
}

export interface CatalogueBlock {
  blockId: string;
  type: string;
  sectionNumber: string;
  headingTrail: string[];
  text: string;
}

export const COMMENT_TABLE_KINDS = ['agree', 'amend', 'add', 'delete', 'question', 'general'] as const;
export type CommentTableKind = (typeof COMMENT_TABLE_KINDS)[number];

/**
 * How a row's section reference was resolved:
 * - `section_number`: numbers ("II.2", "Mục II.2", "P2.II.2", "điểm a khoản 2");
 * - `part_ordinal`: numbers that include a part named in words or as "Phần II" ("Phần thứ hai, mục I");
 * - `heading_words`: words of a heading ("về công tác xây dựng Đảng"), only when clearly best;
 * - `opening_words`: "Mở đầu" and the first words of a block before the first heading (the
 *   congress's theme, the opening part), as the template writes it; "Mở đầu" alone when the
 *   document has one such block;
 * - `single_document_default`: no section given: the comment is on the whole document (its first
 *   block), the document being the round's only one or the one named in the row.
 */
export type ResolutionMethod = 'section_number' | 'part_ordinal' | 'heading_words' | 'opening_words' | 'single_document_default';

export interface ResolvedSection {
  documentVersionId: string;
  blockId: string;
  sectionNumber: string;
  how: ResolutionMethod;
}

/** A section a doubtful reference may mean, for the clerk to choose from. */
export interface SectionCandidate {
  documentVersionId: string;
  blockId: string;
  sectionNumber: string;
  /** The heading's text (at most 160 characters). */
  heading: string;
}

export interface CommentTableRow {
  /** The row number the clerk sees: Excel's row number, or the row of the Word table counted from 1. */
  rowNumber: number;
  /** The reference as written (document column, if any, not included). */
  sectionReference: string;
  /** The document cell as written, carried down from the rows above (absent when the table names none). */
  document?: string;
  resolved: ResolvedSection | null;
  /**
   * How sure the resolution is: `sure` (resolved), `unsure` (the evidence disagrees or several
   * sections fit: not resolved, `candidates` listed, the clerk chooses), `none` (no section found,
   * or sections not resolved at all).
   */
  confidence: 'sure' | 'unsure' | 'none';
  /** For an unsure row: the sections it may mean, the likeliest first. */
  candidates?: SectionCandidate[];
  /** The line of `problems` that is about the section (gone when the clerk chooses the section). */
  sectionProblem?: string;
  kind: CommentTableKind;
  /** NFC, legacy encodings converted, trimmed; at most MAX_COMMENT_TEXT_LENGTH characters. */
  text: string;
  supporters?: number;
  supportersTotal?: number;
  note?: string;
  /** Short reasons in Vietnamese and English ("Nội dung góp ý trống / empty text"); empty when the row is fine. */
  problems: string[];
}

/** The fields a comment table's columns are recognised as. */
export const COMMENT_TABLE_FIELDS = [
  'number',
  'document',
  'section',
  'text',
  'kind',
  'supporters',
  'supportersTotal',
  'note',
  'quote',
] as const;
export type CommentTableField = (typeof COMMENT_TABLE_FIELDS)[number];

export interface CommentTableResult {
  /** The (last) header row, numbered like rowNumber. */
  headerRow: number;
  /** Field → column: the letter in XLSX ("D"), the 1-based position in a Word table ("4"). */
  columns: Partial<Record<CommentTableField, string>>;
  /**
   * What the clerk should know about the columns, in their words: a column read as something
   * else than its label says, or a column that could not be found ("Không nhận ra cột nội dung
   * góp ý …", and then no row is read).
   */
  columnNotes: string[];
  rows: CommentTableRow[];
  warnings: string[];
}

export interface CommentTableLimits extends Partial<ZipLimits> {
  /** Data rows read at most; a larger table is refused (default 100,000). */
  maxRows?: number;
}

export interface ReadCommentTableOptions {
  documents: SectionCatalogue[];
  limits?: CommentTableLimits;
  /** Called every 1,000 rows and once at the end with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /**
   * False: references are kept as written and not resolved against `documents` (every
   * `resolved` is null, with no problem for it). For readers that have no documents, such as
   * the synthesis command line, which groups comments by the sections the rows name.
   */
  resolveSections?: boolean;
}

export const MAX_COMMENT_TEXT_LENGTH = 5000;
export const DEFAULT_MAX_ROWS = 100_000;
