import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { AppError, CommonErrors, officeMimeTypes, sendFile } from '@vankien/platform';
import type { Response } from 'express';
import { CreateDocumentRequest, RevisionQuery } from './dto/document.dto';
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
@Controller()
export class OfficeController {
  constructor(private readonly office: OfficeService) {}

  @Get('documents/:id/export.docx')
  @ApiProduces(officeMimeTypes.docx)
  @ApiOkResponse({ description: 'The live draft, or a version, as DOCX in the layout of Party documents' })
  async export(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.office.exportDocument(user.userId, id, query.version), 'docx');
  }

  @Post('documents/import')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'file (DOCX) with organizationId, kind, title, term' })
  importNew(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDocumentRequest, @UploadedFile() file?: Express.Multer.File): Promise<unknown> {
    return this.office.importAsNewDocument(user.userId, body, requireFile(file));
  }

  @Post('documents/:id/import')
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'file (DOCX): replaces the live draft; the report says what could not be kept' })
  importInto(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @UploadedFile() file?: Express.Multer.File): Promise<unknown> {
    return this.office.importIntoDocument(user.userId, id, requireFile(file));
  }
}
