import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEADING_LEVELS, type HeadingLevel } from '@vankien/document-schema';

/** A ProseMirror node as JSON (libs/document-schema's schema decides which types and attributes). */
export class MarkJsonView {
  @ApiProperty({ example: 'bold' }) type!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) attrs?: Record<string, unknown>;
}

export class NodeJsonView {
  @ApiProperty({ example: 'paragraph' }) type!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'blockId, level, number …' }) attrs?: Record<string, unknown>;
  @ApiPropertyOptional({ type: () => [NodeJsonView] }) content?: NodeJsonView[];
  @ApiPropertyOptional({ type: [MarkJsonView] }) marks?: MarkJsonView[];
  @ApiPropertyOptional() text?: string;
}

export class DocumentJsonView extends NodeJsonView {
  @ApiProperty({ enum: ['doc'] }) declare type: 'doc';
  @ApiProperty({ type: () => [NodeJsonView] }) declare content: NodeJsonView[];
}

/** One block of a frozen version's index: what comments anchor to. */
export class BlockIndexEntryView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'paragraph', description: 'paragraph, heading, list_item, targets_row, …' }) type!: string;
  @ApiProperty({ description: 'Position in document order, from 0' }) order!: number;
  @ApiProperty({ description: '0 for blocks directly in the document, 1 for their children, …' }) depth!: number;
  @ApiProperty({ type: String, nullable: true }) parentBlockId!: string | null;
  @ApiProperty({ example: 'P2.II.2', description: '"" before the first heading' }) sectionNumber!: string;
  @ApiProperty({ type: [String], description: 'Texts of the open headings, outermost first' }) headingTrail!: string[];
  @ApiProperty({ type: [String] }) headingTrailIds!: string[];
  @ApiProperty({ description: 'The block’s text without footnotes' }) text!: string;
  @ApiProperty({ type: [String] }) footnotes!: string[];
  @ApiProperty({ enum: HEADING_LEVELS, nullable: true, description: 'For headings, 1 (part) to 4 (item)' }) level!: HeadingLevel | null;
  @ApiProperty({ type: String, nullable: true, description: 'For a heading whose written number disagrees with its place, what is wrong' }) numberingIssue!: string | null;
}

export class PersonView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}
