import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEADING_LEVELS, type DocumentDiff, type DocumentMetrics, type HeadingLevel, type TargetAssessmentCounts } from '@vankien/document-schema';
import { documentKinds, type DocumentKind } from '@vankien/domain';
import type { ImportReport } from '@vankien/office';
import { DocumentView } from './document.dto';

export class TemplateKindView {
  @ApiProperty({ enum: documentKinds }) kind!: DocumentKind;
  @ApiProperty({ example: 'Báo cáo chính trị' }) name!: string;
}

export class DiffBlockView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'paragraph' }) type!: string;
  @ApiProperty({ description: 'Position in document order in the version it belongs to' }) order!: number;
  @ApiProperty({ type: String, nullable: true }) parentBlockId!: string | null;
  @ApiProperty({ description: 'A textblock’s text (footnotes in square brackets); "" for containers' }) text!: string;
}

export class BlockPlaceView {
  @ApiProperty({ type: String, nullable: true }) parentBlockId!: string | null;
  @ApiProperty({ description: 'Index among the parent’s child blocks' }) index!: number;
}

export class MovedBlockView {
  @ApiProperty() blockId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: BlockPlaceView }) from!: BlockPlaceView;
  @ApiProperty({ type: BlockPlaceView }) to!: BlockPlaceView;
}

export class WordChangeView {
  @ApiProperty({ enum: ['equal', 'added', 'removed'] }) kind!: 'equal' | 'added' | 'removed';
  @ApiProperty() text!: string;
}

export class AttributeChangeView {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Any JSON value', nullable: true }) before!: unknown;
  @ApiProperty({ description: 'Any JSON value', nullable: true }) after!: unknown;
}

export class ChangedBlockView {
  @ApiProperty() blockId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Set when the block changed type and kept its id' }) previousType!: string | null;
  @ApiProperty() textChanged!: boolean;
  @ApiProperty({ description: 'Same text, different bold/italic/underline or footnote placement' }) formattingChanged!: boolean;
  @ApiProperty({ type: [AttributeChangeView] }) attributeChanges!: AttributeChangeView[];
  @ApiProperty({ type: [WordChangeView], description: 'Word-level diff of the text; empty when the text did not change' }) words!: WordChangeView[];
}

export class DiffSummaryView {
  @ApiProperty() added!: number;
  @ApiProperty() removed!: number;
  @ApiProperty() moved!: number;
  @ApiProperty() changed!: number;
  @ApiProperty() unchanged!: number;
}

export class DocumentDiffView implements DocumentDiff {
  @ApiProperty({ type: [DiffBlockView], description: 'In the new version’s order' }) added!: DiffBlockView[];
  @ApiProperty({ type: [DiffBlockView], description: 'In the old version’s order' }) removed!: DiffBlockView[];
  @ApiProperty({ type: [MovedBlockView], description: 'In the new version’s order' }) moved!: MovedBlockView[];
  @ApiProperty({ type: [ChangedBlockView], description: 'In the new version’s order' }) changed!: ChangedBlockView[];
  @ApiProperty({ type: DiffSummaryView }) summary!: DiffSummaryView;
}

export class SectionMetricsView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'P2.II.2' }) sectionNumber!: string;
  @ApiProperty({ enum: HEADING_LEVELS }) level!: HeadingLevel;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Words (syllables) of the heading and everything under it' }) words!: number;
  @ApiProperty({ description: 'Minutes to read those words aloud' }) minutes!: number;
}

export class DocumentMetricsView implements DocumentMetrics {
  @ApiProperty() words!: number;
  @ApiProperty() minutes!: number;
  @ApiProperty({ description: 'Words before the first heading (title, preamble)' }) preambleWords!: number;
  @ApiProperty({ type: [SectionMetricsView], description: 'One entry per heading, in document order' }) sections!: SectionMetricsView[];
}

export class TargetCountsView implements TargetAssessmentCounts {
  @ApiProperty() met!: number;
  @ApiProperty() exceeded!: number;
  @ApiProperty() not_met!: number;
  @ApiProperty() unknown!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Targets met or exceeded' }) metOrExceeded!: number;
}

export class MetricsView {
  @ApiProperty({ type: DocumentMetricsView }) metrics!: DocumentMetricsView;
  @ApiProperty({ type: TargetCountsView, description: 'Assessed targets of last term' }) targets!: TargetCountsView;
}

export class ImportWarningView {
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'The heading trail or the start of the paragraph concerned' }) where?: string;
}

export class LostContentView {
  @ApiProperty({ example: 'image', description: 'image, text_box, comment, tracked_change, hyperlink, strikethrough, header_block, …' }) kind!: string;
  @ApiProperty() count!: number;
  @ApiPropertyOptional({ description: 'An example, to find it in the original' }) sample?: string;
}

export class ImportReportView implements ImportReport {
  @ApiProperty({ type: [String], example: ['headings: 35', 'footnotes: 4'] }) kept!: string[];
  @ApiProperty({ type: [ImportWarningView] }) warnings!: ImportWarningView[];
  @ApiProperty({ type: [LostContentView] }) lost!: LostContentView[];
}

export class ImportIntoDocumentView {
  @ApiProperty({ type: ImportReportView }) report!: ImportReportView;
}

export class ImportNewDocumentView extends ImportIntoDocumentView {
  @ApiProperty({ type: DocumentView }) document!: DocumentView;
}
