import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { commentKinds, type SourceType, documentKinds, type DocumentKind } from '@vankien/domain';
import { CoverageEntry } from '../../rounds/dto/round.dto';
import { correctionTypes } from './correction.dto';

/** Comments per kind of source; a source with none is left out. */
export class SourceCountsView implements Partial<Record<SourceType, number>> {
  @ApiPropertyOptional() lower_organization?: number;
  @ApiPropertyOptional() retired_leaders?: number;
  @ApiPropertyOptional() fatherland_front?: number;
  @ApiPropertyOptional() socio_political?: number;
  @ApiPropertyOptional() expert?: number;
  @ApiPropertyOptional() public?: number;
}

/** A proposal's figures: each counts one thing, which its name says. */
export class ClusterFiguresView {
  @ApiProperty({ description: 'Comments' }) comments!: number;
  @ApiProperty({ description: 'Distinct submitters: the units that sent a consolidated line and the individual contributors, each once' }) units!: number;
  @ApiProperty({ description: 'People stated by the units behind their lines ("12/15 chi bộ" → 12): stated figures only' }) statedSupporters!: number;
  @ApiProperty({ description: 'Distinct individual contributors (persons) whose own comments are in it' }) contributors!: number;
  @ApiProperty({ type: SourceCountsView, description: 'Comments per source type' }) commentsBySource!: Partial<Record<SourceType, number>>;
  @ApiProperty({ type: SourceCountsView, description: 'Distinct submitters (as in units) per source type' }) unitsBySource!: Partial<Record<SourceType, number>>;
  @ApiProperty({ type: SourceCountsView, description: 'Distinct individual contributors per source type' }) contributorsBySource!: Partial<Record<SourceType, number>>;
  @ApiProperty({ deprecated: true, description: 'Kept for existing clients: statedSupporters plus one per comment without a stated figure (it mixes people with lines)' }) supporters!: number;
  @ApiProperty({ type: SourceCountsView, deprecated: true, description: 'Kept for existing clients: the same as commentsBySource' }) bySource!: Partial<Record<SourceType, number>>;
}

export class ClusterView extends ClusterFiguresView {
  @ApiProperty({ description: 'Stable key of the proposal across revisions' }) key!: string;
  @ApiProperty({ enum: commentKinds }) kind!: string;
  @ApiProperty({ description: 'The text that stands for the proposal' }) representative!: string;
  @ApiProperty({ description: 'General agreement ("tán thành như dự thảo"), counted apart' }) agreement!: boolean;
}

export class SectionView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'P2.II.2' }) sectionNumber!: string;
  @ApiProperty({ type: [String] }) headingTrail!: string[];
  @ApiProperty({ description: 'The start of the section’s text (300 characters)' }) text!: string;
  @ApiProperty({ description: 'The document’s first block, where comments on the whole document are anchored' }) wholeDocument!: boolean;
  @ApiProperty({ example: 'P1.I.1 – 1. Về phát triển kinh tế', description: 'How the exports name the section' }) title!: string;
  @ApiProperty({ type: ClusterView, nullable: true, description: 'General agreement, counted apart from proposals' }) agreement!: ClusterView | null;
  @ApiProperty({ type: [ClusterView], description: 'Largest first' }) proposals!: ClusterView[];
}

export class ReportDocumentView {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty({ enum: documentKinds }) kind!: DocumentKind;
  @ApiProperty({ example: 'Báo cáo chính trị', description: 'The kind as committees name it' }) kindName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'Dự thảo lần 2' }) label!: string;
  @ApiProperty({ type: [SectionView], description: 'In the document’s order' }) sections!: SectionView[];
}

export class SynthesisReportView {
  @ApiProperty() roundId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty() comments!: number;
  @ApiProperty({ type: [ReportDocumentView] }) documents!: ReportDocumentView[];
  @ApiProperty({ type: [CoverageEntry] }) coverage!: CoverageEntry[];
}

export class ClusterCommentView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: commentKinds }) kind!: string;
  @ApiProperty({ description: 'The organisation, or the contributor and their organisation' }) unit!: string;
  @ApiProperty({ type: Number, nullable: true }) supporters!: number | null;
  @ApiProperty({ type: Number, nullable: true }) supportersTotal!: number | null;
}

export class ClusterCommentsView {
  @ApiProperty() key!: string;
  @ApiProperty({ type: [ClusterCommentView], description: 'Word for word, by organisation' }) comments!: ClusterCommentView[];
}

export class SynthesisJobView {
  @ApiProperty({ example: 'active', description: 'The BullMQ job’s state: waiting, delayed, active, completed, failed …' }) state!: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'object', additionalProperties: true }], description: 'What the worker reported' }) progress!: unknown;
}

export class SynthesisProgressView {
  @ApiProperty({ type: String, nullable: true, description: 'When a new revision was last asked for (cleared once served)' }) requestedAt!: string | null;
  @ApiProperty({ type: SynthesisJobView, nullable: true }) job!: SynthesisJobView | null;
  @ApiProperty({ type: Number, nullable: true }) latestRevision!: number | null;
}

export class ClusterRefView {
  @ApiPropertyOptional() key?: string;
  @ApiPropertyOptional() commentId?: string;
}

/** A correction as stored: the fields of its type only. */
export class CorrectionView {
  @ApiProperty({ enum: correctionTypes }) type!: (typeof correctionTypes)[number];
  @ApiPropertyOptional({ type: ClusterRefView }) target?: ClusterRefView;
  @ApiPropertyOptional({ type: ClusterRefView }) source?: ClusterRefView;
  @ApiPropertyOptional({ type: ClusterRefView }) to?: ClusterRefView;
  @ApiPropertyOptional({ type: [String] }) commentIds?: readonly string[];
  @ApiPropertyOptional() commentId?: string;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ description: 'split: the new cluster’s key' }) key?: string;
}

export class CorrectionAddedView {
  @ApiProperty({ description: 'Its place in the replay order' }) sequence!: number;
  @ApiProperty({ type: CorrectionView }) correction!: CorrectionView;
}

export class CorrectionEntryView extends CorrectionAddedView {
  @ApiProperty() createdAt!: string;
}

export class ForwardOutcomeView {
  @ApiProperty({ description: 'The consolidated submission in the upper level’s round' }) submissionId!: string;
  @ApiProperty() forwarded!: number;
  @ApiProperty({ description: 'Clusters on documents the upper round does not carry' }) skipped!: number;
  @ApiProperty({ description: 'The revision forwarded' }) revision!: number;
}
