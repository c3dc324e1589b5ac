import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { createTemplate } from '@vankien/document-schema';
import { documentKinds, type DocumentKind } from '@vankien/domain';
import { ApiErrors } from '@vankien/platform';
import { DocumentJsonView } from './dto/document-json.dto';
import { TemplateKindView } from './dto/document-views.dto';

const kindNames: Record<DocumentKind, string> = {
  political_report: 'Báo cáo chính trị',
  political_report_summary: 'Báo cáo chính trị tóm tắt',
  review_report: 'Báo cáo kiểm điểm của Ban Chấp hành',
  action_program: 'Chương trình hành động',
  resolution: 'Dự thảo Nghị quyết Đại hội',
};

@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('templates')
export class TemplatesController {
  @Get()
  @ApiOperation({ summary: 'Các loại văn kiện / Document kinds' })
  @ApiOkResponse({ type: [TemplateKindView], description: 'The document kinds with their Vietnamese names' })
  list(): TemplateKindView[] {
    return documentKinds.map((kind) => ({ kind, name: kindNames[kind] }));
  }

  @Get(':kind')
  @ApiOperation({ summary: 'Xem mẫu đề cương văn kiện / Preview the template of a kind' })
  @ApiParam({ name: 'kind', enum: documentKinds })
  @ApiOkResponse({ type: DocumentJsonView, description: 'The outline of a document kind (ProseMirror JSON)' })
  @ApiErrors(400)
  preview(@Param('kind', new ParseEnumPipe(Object.fromEntries(documentKinds.map((k) => [k, k])))) kind: DocumentKind): DocumentJsonView {
    return createTemplate(kind, { organizationName: 'Đảng bộ …', term: '2025–2030' });
  }
}
