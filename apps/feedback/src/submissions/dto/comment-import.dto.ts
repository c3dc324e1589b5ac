import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { commentKinds, type CommentKind } from '@vankien/domain';
import { OptionalField } from '@vankien/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';

/** The clerk's decision on one row of the preview, before confirming. */
export class ImportRowOverride {
  @ApiProperty({ description: 'The row number the preview shows (Excel row, or Word table row)' })
  @IsInt({ message: 'rowNumber must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  rowNumber!: number;

  @ApiPropertyOptional({ description: 'The section chosen for the row: a block id from GET …/imports/:importId/sections (a candidate of an unsure row, or any other)' })
  @OptionalField()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'blockId must be 1–64 letters, digits, _ or -' })
  blockId?: string;

  @ApiPropertyOptional({ description: 'The document version of that block; may be left out when only one of the round’s documents has it' })
  @OptionalField()
  @IsUUID('4', { message: 'documentVersionId must be a UUID' })
  documentVersionId?: string;

  @ApiPropertyOptional({ enum: commentKinds, description: 'The kind chosen for the row' })
  @OptionalField()
  @IsIn(commentKinds, { message: `kind must be one of ${commentKinds.join(', ')}` })
  kind?: CommentKind;

  @ApiPropertyOptional({ description: 'true: the row is not added' })
  @OptionalField()
  @IsBoolean()
  leaveOut?: boolean;
}

export class ConfirmImportRequest {
  @ApiPropertyOptional({ type: [ImportRowOverride], description: 'Per-row changes; rows not named are added as previewed (if ready)' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => ImportRowOverride)
  rows?: ImportRowOverride[];
}

export class LeftOutRow {
  @ApiProperty() rowNumber!: number;
  @ApiProperty({ description: 'Why, in Vietnamese then English' }) reason!: string;
}

export class ConfirmImportView {
  @ApiProperty({ description: 'Comments added to the submission' }) added!: number;
  @ApiProperty({ type: [Number], description: 'The row numbers of the rows left out' }) skippedRows!: number[];
  @ApiProperty({ type: [LeftOutRow], description: 'Each row left out, with why' }) leftOut!: LeftOutRow[];
}

export class ImportSectionView {
  @ApiProperty() blockId!: string;
  @ApiProperty({ description: 'P2.II.2, III.1 … ("" for the title and the opening paragraphs)' }) sectionNumber!: string;
  @ApiProperty() heading!: string;
}

export class ImportDocumentOutline {
  @ApiProperty() documentVersionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ImportSectionView] }) sections!: ImportSectionView[];
}
