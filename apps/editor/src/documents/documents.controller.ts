import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors } from '@vankien/platform';
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
import { DocumentDiffView, MetricsView } from './dto/document-views.dto';
import { DocumentsService } from './documents.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('documents')
  @ApiOperation({ summary: 'Tạo văn kiện từ mẫu / Create a document from its template' })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiErrors(400, 404)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDocumentRequest): Promise<DocumentView> {
    return this.documents.create(user.userId, body);
  }

  @Get('documents')
  @ApiOperation({ summary: 'Danh sách văn kiện / List documents' })
  @ApiOkResponse({ type: [DocumentSummaryView] })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDocumentsQuery): Promise<DocumentSummaryView[]> {
    return this.documents.list(user.userId, query.organizationId);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: 'Xem văn kiện (bản đang soạn) / Read a document (the live draft)' })
  @ApiOkResponse({ type: DocumentView })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<DocumentView> {
    return this.documents.get(user.userId, id);
  }

  @Post('documents/:id/versions')
  @ApiOperation({ summary: 'Chốt dự thảo / Freeze a numbered draft' })
  @ApiCreatedResponse({ type: VersionView })
  @ApiErrors(400, 404, 409)
  freeze(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: FreezeVersionRequest): Promise<VersionView> {
    return this.documents.freeze(user.userId, id, body.label);
  }

  @Get('documents/:id/versions')
  @ApiOperation({ summary: 'Các lần dự thảo / List the versions' })
  @ApiOkResponse({ type: [VersionSummaryView] })
  @ApiErrors(400, 404)
  versions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<VersionSummaryView[]> {
    return this.documents.versions(user.userId, id);
  }

  @Get('documents/:id/diff')
  @ApiOperation({ summary: 'So sánh hai bản dự thảo / Diff two versions' })
  @ApiOkResponse({ type: DocumentDiffView, description: 'Blocks added, removed, moved and changed (with word diffs)' })
  @ApiErrors(400, 404)
  diff(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: DiffQuery): Promise<DocumentDiffView> {
    return this.documents.diff(user.userId, id, query.from, query.to);
  }

  @Get('documents/:id/metrics')
  @ApiOperation({ summary: 'Độ dài và thời gian đọc / Length and reading time' })
  @ApiOkResponse({ type: MetricsView, description: 'Words and reading-aloud minutes per part and section; targets met' })
  @ApiErrors(400, 404)
  metrics(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: RevisionQuery): Promise<MetricsView> {
    return this.documents.metrics(user.userId, id, query.version);
  }

  @Get('documents/:id/history')
  @ApiOperation({ summary: 'Lịch sử văn kiện / Document history' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: [HistoryEntryView], description: 'Every audit event about the document: versions, approval requests, decisions with remarks, dispositions' })
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<HistoryEntryView[]> {
    return this.documents.history(user.userId, id);
  }

  @Get('versions/:versionId')
  @ApiOperation({ summary: 'Xem một lần dự thảo / Read a version' })
  @ApiOkResponse({ type: VersionView })
  @ApiErrors(400, 404)
  version(@CurrentUser() user: AuthenticatedUser, @Param('versionId', uuid) versionId: string): Promise<VersionView> {
    return this.documents.version(user.userId, versionId);
  }
}
