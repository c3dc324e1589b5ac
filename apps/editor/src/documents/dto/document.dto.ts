import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { documentKinds, type DocumentKind } from '@vankien/domain';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalField } from '@vankien/platform';
import { BlockIndexEntryView, DocumentJsonView, PersonView } from './document-json.dto';

export class CreateDocumentRequest {
  @ApiProperty({ description: 'The owning organisation (its drafters edit the document)' })
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId!: string;

  @ApiProperty({ enum: documentKinds })
  @IsIn(documentKinds, { message: `kind must be one of ${documentKinds.join(', ')}` })
  kind!: DocumentKind;

  @ApiProperty({ example: 'Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh khóa XIV' })
  @IsString()
  @Length(1, 500)
  title!: string;

  @ApiProperty({ example: '2025–2030' })
  @Matches(/^\d{4}\s*[–-]\s*\d{4}$/, { message: 'term must look like 2025–2030' })
  term!: string;
}

export class FreezeVersionRequest {
  @ApiPropertyOptional({ example: 'Dự thảo lần 2', description: 'Defaults to "Dự thảo lần N"' })
  @OptionalField()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class ListDocumentsQuery {
  @ApiPropertyOptional()
  @OptionalField()
  @IsUUID('4', { message: 'organizationId must be a UUID' })
  organizationId?: string;
}

/** `live` or a version id. */
// `live` in lower case only: the services compare it as written, and anything else is read as an id
const revisionPattern = /^(live|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export class DiffQuery {
  @ApiProperty({ description: 'A version id, or "live" for the current draft' })
  @Matches(revisionPattern, { message: 'from must be a version id or "live"' })
  from!: string;

  @ApiProperty({ description: 'A version id, or "live" for the current draft' })
  @Matches(revisionPattern, { message: 'to must be a version id or "live"' })
  to!: string;
}

export class RevisionQuery {
  @ApiPropertyOptional({ description: 'A version id, or "live" (default)' })
  @OptionalField()
  @Matches(revisionPattern, { message: 'version must be a version id or "live"' })
  version?: string;
}

export class DocumentSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ enum: documentKinds }) kind!: DocumentKind;
  @ApiProperty() title!: string;
  @ApiProperty() term!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The version approved by the last committee of the chain: the document is final' }) approvedVersionId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The version before a committee (or approved): while set, the text cannot change' })
  lockedVersionId!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class DocumentView extends DocumentSummaryView {
  @ApiProperty({ type: DocumentJsonView, description: 'ProseMirror JSON of the live draft, rendered from the stored Yjs state; of the approved version once the document is approved' })
  content!: Record<string, unknown>;
  @ApiProperty({ enum: ['live', 'approved_version'] }) contentSource!: 'live' | 'approved_version';
}

export class HistoryEntryView {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: PersonView }) actor!: PersonView | null;
  @ApiProperty() subjectType!: string;
  @ApiProperty({ nullable: true, type: String }) subjectId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the event recorded (its fields depend on the action)' }) payload!: Record<string, unknown>;
}

export class VersionSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() documentId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() label!: string;
  @ApiProperty() frozenAt!: string;
  @ApiProperty({ nullable: true, type: String }) frozenById!: string | null;
}

export class VersionView extends VersionSummaryView {
  @ApiProperty({ type: DocumentJsonView, description: 'ProseMirror JSON of the version' }) content!: Record<string, unknown>;
  @ApiProperty({ type: [BlockIndexEntryView], description: 'Every block with its section number, heading trail, text and order' }) blockIndex!: unknown[];
  @ApiProperty() plainText!: string;
}
