import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import type { DocumentDiff } from '@vankien/document-schema';
import {
  CreateDocumentRequest,
  DiffQuery,
  DocumentSummaryView,
  DocumentView,
  FreezeVersionRequest,
  HistoryEntryView,
  ListDocumentsQuery,
  RevisionQuery,
  VersionSummaryView,
  VersionView,
} from './dto/document.dto';
import { DocumentsService } from './documents.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('documents')
  @ApiCreatedResponse({ type: DocumentView })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDocumentRequest): Promise<DocumentView> {
    return this.documents.create(user.userId, body);
  }

  @Get('documents')
  @ApiOkResponse({ type: [DocumentSummaryView] })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDocumentsQuery): Promise<DocumentSummaryView[]> {
    return this.documents.list(user.userId, query.organizationId);
  }

  @Get('documents/:id')
  @ApiOkResponse({ type: DocumentView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<DocumentView> {
    return this.documents.get(user.userId, id);
  }

  @Post('documents/:id/versions')
  @ApiCreatedResponse({ type: VersionView })
  freeze(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: FreezeVersionRequest): Promise<VersionView> {
    return this.documents.freeze(user.userId, id, body.label);
  }

  @Get('documents/:id/versions')
  @ApiOkResponse({ type: [VersionSummaryView] })
  versions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<VersionSummaryView[]> {
    return this.documents.versions(user.userId, id);
  }

  @Get('documents/:id/diff')
  @ApiOkResponse({ description: 'Blocks added, removed, moved and changed (with word diffs)' })
  diff(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: DiffQuery): Promise<DocumentDiff> {
    return this.documents.diff(user.userId, id, query.from, query.to);
  }

  @Get('documents/:id/metrics')
  @ApiOkResponse({ description: 'Words and reading-aloud minutes per part and section; targets met' })
  metrics(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: RevisionQuery): Promise<unknown> {
    return this.documents.metrics(user.userId, id, query.version);
  }

  @Get('documents/:id/history')
  @ApiOkResponse({ type: [HistoryEntryView], description: 'Every audit event about the document: versions, approval requests, decisions with remarks, dispositions' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<HistoryEntryView[]> {
    return this.documents.history(user.userId, id);
  }

  @Get('versions/:versionId')
  @ApiOkResponse({ type: VersionView })
  version(@CurrentUser() user: AuthenticatedUser, @Param('versionId', uuid) versionId: string): Promise<VersionView> {
    return this.documents.version(user.userId, versionId);
  }
}
