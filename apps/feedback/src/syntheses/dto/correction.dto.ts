import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { OptionalField } from '@vankien/platform';

export const correctionTypes = ['merge', 'split', 'move', 'representative'] as const;

/** A cluster named by its stable key, or by one of its comments (which survives revisions best). */
export class ClusterRefDto {
  @ApiPropertyOptional() @OptionalField() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'key must be a cluster key' }) key?: string;
  @ApiPropertyOptional() @OptionalField() @IsUUID('4', { message: 'commentId must be a UUID' }) commentId?: string;
}

export class CorrectionRequest {
  @ApiProperty({ enum: correctionTypes, description: 'merge two clusters, split comments out, move one comment, or choose the representative text' })
  @IsIn(correctionTypes, { message: `type must be one of ${correctionTypes.join(', ')}` })
  type!: (typeof correctionTypes)[number];

  @ApiPropertyOptional({ type: ClusterRefDto, description: 'merge, representative: the cluster that stays / is changed' })
  @OptionalField()
  @ValidateNested()
  @Type(() => ClusterRefDto)
  target?: ClusterRefDto;

  @ApiPropertyOptional({ type: ClusterRefDto, description: 'merge: the cluster merged into target' })
  @OptionalField()
  @ValidateNested()
  @Type(() => ClusterRefDto)
  source?: ClusterRefDto;

  @ApiPropertyOptional({ type: ClusterRefDto, description: 'move: where the comment goes' })
  @OptionalField()
  @ValidateNested()
  @Type(() => ClusterRefDto)
  to?: ClusterRefDto;

  @ApiPropertyOptional({ type: [String], description: 'split: the comments taken out into a new cluster' })
  @OptionalField()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsUUID('4', { each: true, message: 'commentIds must hold UUIDs' })
  commentIds?: string[];

  @ApiPropertyOptional({ description: 'move: the comment; representative: the member whose text represents the cluster' })
  @OptionalField()
  @IsUUID('4', { message: 'commentId must be a UUID' })
  commentId?: string;

  @ApiPropertyOptional({ description: 'representative: the drafters’ own wording' })
  @OptionalField()
  @IsString()
  @Length(1, 5000)
  text?: string;
}
