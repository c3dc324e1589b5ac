import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createTemplate, type DocumentJson } from '@vankien/document-schema';
import { documentKinds, type DocumentKind } from '@vankien/domain';

const kindNames: Record<DocumentKind, string> = {
  political_report: 'Báo cáo chính trị',
  political_report_summary: 'Báo cáo chính trị tóm tắt',
  review_report: 'Báo cáo kiểm điểm của Ban Chấp hành',
  action_program: 'Chương trình hành động',
  resolution: 'Dự thảo Nghị quyết Đại hội',
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  @Get()
  @ApiOkResponse({ description: 'The document kinds with their Vietnamese names' })
  list(): { kind: DocumentKind; name: string }[] {
    return documentKinds.map((kind) => ({ kind, name: kindNames[kind] }));
  }

  @Get(':kind')
  @ApiOkResponse({ description: 'The outline of a document kind (ProseMirror JSON)' })
  preview(@Param('kind', new ParseEnumPipe(Object.fromEntries(documentKinds.map((k) => [k, k])))) kind: DocumentKind): DocumentJson {
    return createTemplate(kind, { organizationName: 'Đảng bộ …', term: '2025–2030' });
  }
}
