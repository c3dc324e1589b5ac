import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { commentKinds, type CommentKind, type SubmissionStatus } from '@vankien/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalField } from '@vankien/platform';

/** Most comments one request may carry (and one submission may hold). */
export const maxCommentsPerRequest = 10_000;

export class CreateSubmissionRequest {
  @ApiProperty({ description: 'The invited organisation this submission is for (your unit, or your contributor group)' })
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId!: string;
}

export class CommentInput {
  @ApiPropertyOptional({ description: 'The frozen version commented on; may be left out when the round has one document' })
  @OptionalField()
  @IsUUID('4', { message: 'documentVersionId must be a UUID' })
  documentVersionId?: string;

  @ApiProperty({ description: 'The block (section, paragraph…) of that version' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'blockId must be 1–64 letters, digits, _ or -' })
  blockId!: string;

  @ApiProperty({ enum: commentKinds })
  @IsIn(commentKinds, { message: `kind must be one of ${commentKinds.join(', ')}` })
  kind!: CommentKind;

  @ApiProperty({ description: '1 to 5,000 characters (normalised to NFC)' })
  @IsString({ message: 'text must be a string' })
  @Length(1, 5000, { message: 'text must be 1 to 5000 characters' })
  text!: string;

  @ApiPropertyOptional({ description: 'The words of the block the comment is about' })
  @OptionalField()
  @IsString()
  @Length(1, 2000)
  quote?: string;

  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(200) quotePrefix?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @MaxLength(200) quoteSuffix?: string;

  @ApiPropertyOptional({ description: 'How many members or cells of the unit stand behind this line' })
  @OptionalField()
  @IsInt({ message: 'supporters must be a whole number' })
  @Min(1)
  @Max(10_000_000)
  supporters?: number;

  @ApiPropertyOptional({ description: '… of how many' })
  @OptionalField()
  @IsInt({ message: 'supportersTotal must be a whole number' })
  @Min(1)
  @Max(10_000_000)
  supportersTotal?: number;
}

export class BulkCommentsRequest {
  /** Each item is checked by parseCommentInputs (same rules as CommentInput), not class-validator. */
  @ApiProperty({ type: [CommentInput], description: `1 to ${maxCommentsPerRequest} comments, stored all or none` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxCommentsPerRequest, { message: `comments must hold at most ${maxCommentsPerRequest} items` })
  comments!: unknown[];
}

export class CommentView {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() blockId!: string;
  @ApiProperty({ enum: commentKinds }) kind!: CommentKind;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) quote!: string | null;
  @ApiProperty({ nullable: true, type: Number }) supporters!: number | null;
  @ApiProperty({ nullable: true, type: Number }) supportersTotal!: number | null;
}

export class ReceiptView {
  @ApiProperty() sequence!: number;
  @ApiProperty() submittedAt!: string;
  @ApiProperty() commentCount!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the submitted comments' }) contentSha256!: string;
  @ApiProperty() late!: boolean;
}

export class SubmissionView {
  @ApiProperty() id!: string;
  @ApiProperty() roundId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ nullable: true, type: String }) contributorId!: string | null;
  @ApiProperty({ enum: ['draft', 'submitted', 'withdrawn'] }) status!: SubmissionStatus;
  @ApiProperty() commentCount!: number;
  @ApiProperty() late!: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ description: 'Send back when submitting (If-Match header, or rowVersion in the body), to detect a concurrent change' }) rowVersion!: number;
  @ApiProperty({ type: [ReceiptView] }) receipts!: ReceiptView[];
}

export class SubmitRequest {
  @ApiPropertyOptional({ description: 'The rowVersion you read: refused with 409 if the submission changed since' })
  @OptionalField()
  @IsInt()
  @Min(1)
  rowVersion?: number;
}
