import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors, ApiFileResponse, AppError, CommonErrors, officeMimeTypes, sendFile } from '@vankien/platform';
import type { Response } from 'express';
import { documentKinds } from '@vankien/domain';
import { CreateDocumentRequest, RevisionQuery } from './dto/document.dto';
import { ImportIntoDocumentView, ImportNewDocumentView } from './dto/document-views.dto';
import { OfficeService } from './office.service';

const uuid = new ParseUUIDPipe({ version: '4' });
/** An uploaded DOCX is read in memory: a limit on its size comes before anything else. */
const upload = FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });

function requireFile(file: Express.Multer.File | undefined): Buffer {
  if (!file) throw new AppError(CommonErrors.VALIDATION_FAILED, [{ field: 'file', reasons: ['file is required (multipart/form-data, field "file")'] }]);
  return file.buffer;
}

@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class OfficeController {
  constructor(private readonly office: OfficeService) {}

  @Get('documents/:id/export.docx')
  @ApiOperation({ summary: 'Xuất văn kiện ra tệp Word / Export as DOCX' })
  @ApiFileResponse(officeMimeTypes.docx, 'The live draft, or a version, as DOCX in the layout of Party documents')
  @ApiErrors(400, 404)
  async export(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.office.exportDocument(user.userId, id, query.version), 'docx');
  }

  @Post('documents/import')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'file (DOCX) with organizationId, kind, title, term',
    schema: {
      type: 'object',
      required: ['file', 'organizationId', 'kind', 'title', 'term'],
      properties: {
        file: { type: 'string', format: 'binary' },
        organizationId: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: [...documentKinds] },
        title: { type: 'string' },
        term: { type: 'string', example: '2025–2030' },
      },
    },
  })
  @ApiOperation({ summary: 'Nhập tệp Word thành văn kiện mới / Import a DOCX as a new document' })
  @ApiCreatedResponse({ type: ImportNewDocumentView, description: 'The new document and the import report: what became a heading, what could not be kept' })
  @ApiErrors(400, 404, 413, 422)
  importNew(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDocumentRequest, @UploadedFile() file?: Express.Multer.File): Promise<ImportNewDocumentView> {
    return this.office.importAsNewDocument(user.userId, body, requireFile(file));
  }

  @Post('documents/:id/import')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'file (DOCX): replaces the live draft; the report says what could not be kept', schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Nhập tệp Word vào bản đang soạn / Import a DOCX over the live draft' })
  @ApiCreatedResponse({ type: ImportIntoDocumentView, description: 'The import report: what was kept, warnings, what could not be kept' })
  @ApiErrors(400, 404, 409, 413, 422)
  importInto(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @UploadedFile() file?: Express.Multer.File): Promise<ImportIntoDocumentView> {
    return this.office.importIntoDocument(user.userId, id, requireFile(file));
  }
}
