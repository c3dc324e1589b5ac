import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { sourceTypes, type SourceType } from '@vankien/domain';
import { dispositionStateNames, type DispositionStateName } from '@vankien/synthesis';
import { maxInt32, QueryInteger, OptionalField } from '@vankien/platform';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

const blockIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const clusterKeyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** What the drafter read, so a change made meanwhile is a conflict and not an overwrite. */
export class ReadState {
  @ApiProperty({ description: 'The disposition’s version as read (0 when it had none)' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(0)
  @Max(maxInt32)
  expectedVersion!: number;

  @ApiProperty({ description: 'The proposal’s number of comments as read' })
  @IsInt({ message: 'expectedComments must be a whole number' })
  @Min(1)
  @Max(maxInt32)
  expectedComments!: number;
}

export class DispositionFields extends ReadState {
  @ApiProperty({ enum: dispositionStateNames })
  @IsIn(dispositionStateNames, { message: `state must be one of ${dispositionStateNames.join(', ')}` })
  state!: DispositionStateName;

  @ApiPropertyOptional({ description: 'Required for partly_accepted and explained' })
  @OptionalField()
  @IsString()
  @Length(0, 20_000)
  explanation?: string;

  @ApiPropertyOptional({ type: [String], description: 'Blocks of the new draft that carry an accepted proposal' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(blockIdPattern, { each: true, message: 'targetBlockIds must hold block ids' })
  targetBlockIds?: string[];
}

export class DisposeRequest extends DispositionFields {}

export class BulkItem extends ReadState {
  @ApiProperty()
  @Matches(clusterKeyPattern, { message: 'clusterKey must be a cluster key' })
  clusterKey!: string;
}

export class BulkDisposeRequest {
  @ApiProperty({ enum: dispositionStateNames })
  @IsIn(dispositionStateNames, { message: `state must be one of ${dispositionStateNames.join(', ')}` })
  state!: DispositionStateName;

  @ApiPropertyOptional()
  @OptionalField()
  @IsString()
  @Length(0, 20_000)
  explanation?: string;

  @ApiProperty({ type: [BulkItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => BulkItem)
  items!: BulkItem[];
}

export const anchorTargets = ['next', 'live'] as const;

export class ListDispositionsQuery {
  @ApiPropertyOptional({ enum: dispositionStateNames })
  @OptionalField()
  @IsIn(dispositionStateNames, { message: `state must be one of ${dispositionStateNames.join(', ')}` })
  state?: DispositionStateName;

  @ApiPropertyOptional({ enum: sourceTypes, description: 'Only proposals made by this kind of source' })
  @OptionalField()
  @IsIn(sourceTypes, { message: `source must be one of ${sourceTypes.join(', ')}` })
  source?: SourceType;

  @ApiPropertyOptional({ description: 'Only proposals made by at least this many units' })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'minUnits must be a whole number' })
  @Min(1)
  @Max(maxInt32)
  minUnits?: number;

  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID('4', { message: 'documentVersionId must be a UUID' })
  documentVersionId?: string;

  @ApiPropertyOptional({ description: 'One section (a block id of the commented version)' })
  @OptionalField()
  @Matches(blockIdPattern, { message: 'blockId must be a block id' })
  blockId?: string;

  @ApiPropertyOptional({ description: 'Only disposed proposals that gained comments since' })
  @OptionalField()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'needsReview must be true or false' })
  needsReview?: boolean;

  @ApiPropertyOptional({ enum: anchorTargets, description: 'Show anchors against the next frozen version (default) or the live draft' })
  @OptionalField()
  @IsIn(anchorTargets, { message: `against must be one of ${anchorTargets.join(', ')}` })
  against?: (typeof anchorTargets)[number];

  @ApiPropertyOptional({ default: 500 })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(maxInt32)
  offset?: number;
}
