import { ApiProperty } from '@nestjs/swagger';
import type { CarriedAnchor, CarriedAnchorStatus } from '@vankien/document-schema';
import { commentKinds, type SourceType } from '@vankien/domain';
import { dispositionStateNames, type DispositionProgress, type DispositionStateName, type SectionProgress } from '@vankien/synthesis';
import { ClusterFiguresView, SourceCountsView } from '../../syntheses/dto/synthesis-views.dto';

export class PersonView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class DispositionView {
  @ApiProperty({ enum: dispositionStateNames, description: 'accepted: tiếp thu; partly_accepted: tiếp thu một phần; explained: giải trình; pending: chưa xử lý' })
  state!: DispositionStateName;
  @ApiProperty({ type: String, nullable: true, description: 'Nội dung giải trình' }) explanation!: string | null;
  @ApiProperty({ type: [String], description: 'Blocks of the new draft that carry the proposal' }) targetBlockIds!: string[];
  @ApiProperty({ description: 'Send it back as expectedVersion when changing the disposition (0: none yet)' }) version!: number;
  @ApiProperty({ description: 'Comments the proposal had when it was disposed of' }) memberCountAtDecision!: number;
  @ApiProperty({ type: PersonView, nullable: true }) decidedBy!: PersonView | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class TargetView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where the block is in the revision shown against (the next version or the live draft)' }) sectionNumber!: string | null;
  @ApiProperty() present!: boolean;
}

export class AnchorPlaceView {
  @ApiProperty() sectionNumber!: string;
  @ApiProperty({ type: [String] }) headingTrail!: string[];
  @ApiProperty() text!: string;
}

export class CarriedAnchorView implements CarriedAnchor {
  @ApiProperty() blockId!: string;
  @ApiProperty({ enum: ['unchanged', 'renumbered', 'changed', 'removed'] }) status!: CarriedAnchorStatus;
  @ApiProperty({ type: AnchorPlaceView, nullable: true }) from!: AnchorPlaceView | null;
  @ApiProperty({ type: AnchorPlaceView, nullable: true }) to!: AnchorPlaceView | null;
}

export class DispositionItemView extends ClusterFiguresView {
  @ApiProperty() clusterKey!: string;
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty({ example: 'P2.II.2' }) sectionNumber!: string;
  @ApiProperty({ type: [String] }) headingTrail!: string[];
  @ApiProperty({ example: 'P1.I.1 – 1. Về phát triển kinh tế', description: 'How the exports name the section' }) sectionTitle!: string;
  @ApiProperty({ enum: commentKinds }) kind!: string;
  @ApiProperty() representative!: string;
  @ApiProperty({ type: [String], description: 'Đơn vị đề xuất' }) proposers!: string[];
  @ApiProperty({ type: DispositionView }) disposition!: DispositionView;
  @ApiProperty({ description: 'Gained comments since it was disposed of: to be looked at again' }) needsReview!: boolean;
  @ApiProperty({ type: CarriedAnchorView, nullable: true, description: 'The proposal’s block in the revision shown against; removed when deleted there' })
  carried!: CarriedAnchorView | null;
  @ApiProperty({ type: [TargetView] }) targets!: TargetView[];
}

export class BlockWordChangeView {
  @ApiProperty({ enum: ['equal', 'added', 'removed'] }) kind!: 'equal' | 'added' | 'removed';
  @ApiProperty() text!: string;
}

export class TargetChangeView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ enum: ['added', 'changed', 'unchanged', 'removed'] }) change!: 'added' | 'changed' | 'unchanged' | 'removed';
  @ApiProperty({ type: [BlockWordChangeView] }) words!: BlockWordChangeView[];
}

export class DispositionDetailView extends DispositionItemView {
  @ApiProperty({ type: [TargetChangeView], description: 'What changed in each target block against the proposal’s version' }) changes!: TargetChangeView[];
}

export class StateCountsView implements Record<DispositionStateName, number> {
  @ApiProperty() accepted!: number;
  @ApiProperty() partly_accepted!: number;
  @ApiProperty() explained!: number;
  @ApiProperty() pending!: number;
}

export class SectionProgressView implements SectionProgress {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty() sectionNumber!: string;
  @ApiProperty() proposals!: number;
  @ApiProperty() disposed!: number;
  @ApiProperty({ type: StateCountsView }) byState!: StateCountsView;
  @ApiProperty() needsReview!: number;
}

export class DispositionProgressView implements DispositionProgress {
  @ApiProperty() proposals!: number;
  @ApiProperty() disposed!: number;
  @ApiProperty({ type: StateCountsView }) byState!: StateCountsView;
  @ApiProperty() needsReview!: number;
  @ApiProperty({ type: [SectionProgressView], description: 'In the report’s order' }) sections!: SectionProgressView[];
}

export class AgainstView {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The revision anchors are shown against: a version id, "live", or null (no later version yet)' }) against!: string | null;
  @ApiProperty({ type: String, nullable: true }) againstLabel!: string | null;
}

export class DispositionTableView {
  @ApiProperty() roundId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: DispositionProgressView }) progress!: DispositionProgressView;
  @ApiProperty({ type: [AgainstView] }) documents!: AgainstView[];
  @ApiProperty({ description: 'Proposals matching the filters (before paging)' }) total!: number;
  @ApiProperty({ type: [DispositionItemView] }) items!: DispositionItemView[];
}

export class DisposedCountView {
  @ApiProperty() disposed!: number;
}
