import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { commentImportFormats, commentImportStatuses, commentKinds, type CommentImportFormat, type CommentImportStatus } from '@vankien/domain';
import type { CommentTableField, CommentTableKind, CommentTableResult, CommentTableRow, ResolutionMethod, ResolvedSection, SectionCandidate } from '@vankien/office';

export class CommentsAddedView {
  @ApiProperty({ description: 'Comments stored by this request' }) added!: number;
  @ApiProperty({ description: 'Comments of the submission now' }) commentCount!: number;
}

export class ResolvedSectionView implements ResolvedSection {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'P2.II.2' }) sectionNumber!: string;
  @ApiProperty({ enum: ['section_number', 'part_ordinal', 'heading_words', 'opening_words', 'single_document_default'], description: 'How the reference was resolved' })
  how!: ResolutionMethod;
}

export class SectionCandidateView implements SectionCandidate {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'P1.I.3' }) sectionNumber!: string;
  @ApiProperty({ description: 'The heading’s text (at most 160 characters)' }) heading!: string;
}

export class CommentTableRowView implements CommentTableRow {
  @ApiProperty({ description: 'The row number the clerk sees (Excel’s, or the Word table’s from 1)' }) rowNumber!: number;
  @ApiProperty({ description: 'The section reference as written' }) sectionReference!: string;
  @ApiPropertyOptional({ description: 'The document cell as written' }) document?: string;
  @ApiProperty({ type: ResolvedSectionView, nullable: true }) resolved!: ResolvedSectionView | null;
  @ApiProperty({ enum: ['sure', 'unsure', 'none'], description: 'sure: resolved; unsure: the evidence disagrees or several sections fit (candidates listed, the clerk chooses); none: no section found' })
  confidence!: 'sure' | 'unsure' | 'none';
  @ApiPropertyOptional({ type: [SectionCandidateView], description: 'For an unsure row: the sections it may mean, the likeliest first' }) candidates?: SectionCandidateView[];
  @ApiPropertyOptional({ description: 'The line of problems that is about the section' }) sectionProblem?: string;
  @ApiProperty({ enum: commentKinds }) kind!: CommentTableKind;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() supporters?: number;
  @ApiPropertyOptional() supportersTotal?: number;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ type: [String], description: 'Short reasons in Vietnamese and English; empty when the row is fine' }) problems!: string[];
}

/** Field → column: the letter in XLSX ("D"), the 1-based position in a Word table ("4"). */
export class CommentTableColumnsView implements Partial<Record<CommentTableField, string>> {
  @ApiPropertyOptional() number?: string;
  @ApiPropertyOptional() document?: string;
  @ApiPropertyOptional() section?: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional() supporters?: string;
  @ApiPropertyOptional() supportersTotal?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() quote?: string;
}

export class CommentTablePreviewView implements CommentTableResult {
  @ApiProperty({ description: 'The (last) header row, numbered like rowNumber' }) headerRow!: number;
  @ApiProperty({ type: CommentTableColumnsView }) columns!: CommentTableColumnsView;
  @ApiProperty({ type: [String], description: 'What the clerk should know about the columns, in their words ("Không nhận ra cột nội dung góp ý …")' }) columnNotes!: string[];
  @ApiProperty({ type: [CommentTableRowView] }) rows!: CommentTableRowView[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class ImportView {
  @ApiProperty() id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty({ enum: commentImportFormats }) format!: CommentImportFormat;
  @ApiProperty({ enum: commentImportStatuses }) status!: CommentImportStatus;
  @ApiProperty({ description: 'Rows read so far' }) progress!: number;
  @ApiProperty({ description: 'Rows that resolved to a section and have no problem: what confirming would add' }) ready!: number;
  @ApiProperty({ description: 'Rows that would be left out, with why' }) unresolved!: number;
  @ApiProperty({ description: 'Of those, rows whose section is unsure: the clerk chooses among their candidates' }) unsure!: number;
  @ApiProperty({ type: CommentTablePreviewView, nullable: true }) preview!: CommentTablePreviewView | null;
  @ApiProperty({ nullable: true, oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }], description: 'Why reading failed (status failed)' })
  error!: unknown;
}
