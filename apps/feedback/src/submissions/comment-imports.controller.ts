import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors, ApiFileResponse, AppError, CommonErrors, officeMimeTypes, sendFile } from '@vankien/platform';
import type { Response } from 'express';
import { CommentImportsService } from './comment-imports.service';
import { ConfirmImportRequest, ConfirmImportView, ImportDocumentOutline } from './dto/comment-import.dto';
import { ImportView } from './dto/submission-views.dto';

const uuid = new ParseUUIDPipe({ version: '4' });
/** The file is held in memory and in PostgreSQL until read: its size is capped first. */
const upload = FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5 } });

@ApiTags('submissions')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class CommentImportsController {
  constructor(private readonly imports: CommentImportsService) {}

  @Post('submissions/:id/imports')
  @HttpCode(202)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'file: an .xlsx or .docx table of comments (STT, Phần/Mục, Nội dung góp ý …)',
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({ summary: 'Tải lên bảng góp ý (Word, Excel) / Upload a table of comments' })
  @ApiAcceptedResponse({ type: ImportView, description: 'Queued: the worker reads it; poll the import for its preview' })
  @ApiErrors(400, 404, 409, 413, 422)
  upload(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @UploadedFile() file?: Express.Multer.File): Promise<ImportView> {
    if (!file) throw new AppError(CommonErrors.VALIDATION_FAILED, [{ field: 'file', reasons: ['file is required (multipart/form-data, field "file")'] }]);
    return this.imports.upload(user.userId, id, file.originalname, file.buffer);
  }

  @Get('submissions/:id/imports/:importId')
  @ApiOperation({ summary: 'Xem kết quả đọc bảng góp ý / Read an import and its preview' })
  @ApiOkResponse({ type: ImportView, description: 'Status, progress, and the preview: each row with its section and problems' })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('importId', uuid) importId: string): Promise<ImportView> {
    return this.imports.get(user.userId, id, importId);
  }

  @Get('submissions/:id/imports/:importId/sections')
  @ApiOperation({ summary: 'Mục lục văn kiện để chọn phần, mục cho một dòng / The outline to choose a row’s section from' })
  @ApiOkResponse({ type: [ImportDocumentOutline], description: 'The outline of the round’s documents: the sections a row may be given' })
  @ApiErrors(400, 404)
  sections(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('importId', uuid) importId: string): Promise<ImportDocumentOutline[]> {
    return this.imports.sections(user.userId, id, importId);
  }

  @Post('submissions/:id/imports/:importId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận nhập bảng góp ý / Confirm an import' })
  @ApiOkResponse({ type: ConfirmImportView, description: 'Adds the ready rows with the clerk’s changes (section, kind, left out); lists the rows left out with why' })
  @ApiErrors(400, 404, 409, 422)
  confirm(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('importId', uuid) importId: string, @Body() body: ConfirmImportRequest): Promise<ConfirmImportView> {
    return this.imports.confirm(user.userId, id, importId, body?.rows ?? []);
  }

  @Delete('submissions/:id/imports/:importId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Hủy nhập bảng góp ý / Cancel an import' })
  @ApiNoContentResponse({ description: 'Cancelled: the file and its preview are deleted, nothing is added' })
  @ApiErrors(400, 404, 409)
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('importId', uuid) importId: string): Promise<void> {
    return this.imports.cancel(user.userId, id, importId);
  }

  @Get('rounds/:roundId/template.xlsx')
  @ApiOperation({ summary: 'Tải mẫu bảng góp ý (Excel) / Download the comment template (XLSX)' })
  @ApiFileResponse(officeMimeTypes.xlsx, 'An XLSX to fill in, pre-filled with the sections of the round’s documents')
  @ApiErrors(400, 404)
  async template(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.imports.template(user.userId, roundId), 'xlsx');
  }
}
