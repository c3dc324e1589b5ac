import { Controller, Get, Param, ParseEnumPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { createTemplate } from '@vankien/document-schema';
import { documentKindNames, documentKinds, type DocumentKind } from '@vankien/domain';
import { ApiErrors } from '@vankien/platform';
import { DocumentJsonView } from './dto/document-json.dto';
import { TemplateKindView } from './dto/document-views.dto';


@ApiTags('documents')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('templates')
export class TemplatesController {
  @Get()
  @ApiOperation({ summary: 'Các loại văn kiện / Document kinds' })
  @ApiOkResponse({ type: [TemplateKindView], description: 'The document kinds with their Vietnamese names' })
  list(): TemplateKindView[] {
    return documentKinds.map((kind) => ({ kind, name: documentKindNames[kind] }));
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
