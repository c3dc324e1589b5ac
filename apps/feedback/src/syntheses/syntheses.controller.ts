import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors, ApiFileResponse, maxInt32, officeMimeTypes, QueryInteger, sendFile, OptionalField } from '@vankien/platform';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { CorrectionsService } from './corrections.service';
import { CorrectionRequest } from './dto/correction.dto';
import {
  ClusterCommentsView,
  CorrectionAddedView,
  CorrectionEntryView,
  ForwardOutcomeView,
  SynthesisProgressView,
  SynthesisReportView,
} from './dto/synthesis-views.dto';
import { RollUpService } from './roll-up.service';
import { SynthesesService } from './syntheses.service';

const uuid = new ParseUUIDPipe({ version: '4' });

export class RevisionQuery {
  @ApiPropertyOptional({ description: 'A revision number (default: the latest)' })
  @OptionalField()
  @QueryInteger()
  @IsInt({ message: 'revision must be a whole number' })
  @Min(1)
  @Max(maxInt32)
  revision?: number;
}

export class ForwardRequest {
  @ApiProperty({ description: 'The upper level’s opened round on the same drafts' })
  @IsUUID('4', { message: 'targetRoundId must be a UUID' })
  targetRoundId!: string;
}

export class ClusterParams {
  @ApiProperty()
  @IsUUID('4', { message: 'roundId must be a UUID' })
  roundId!: string;

  @ApiProperty({ description: 'The proposal’s stable key' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'key must be a cluster key' })
  key!: string;
}

@ApiTags('syntheses')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('rounds/:roundId/synthesis')
export class SynthesesController {
  constructor(
    private readonly syntheses: SynthesesService,
    private readonly rollUp: RollUpService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Post('corrections')
  @ApiOperation({ summary: 'Hiệu chỉnh kết quả tổng hợp / Correct the synthesis' })
  @ApiCreatedResponse({ type: CorrectionAddedView, description: 'A merge, split, move or representative text; replayed on every revision from now on' })
  @ApiErrors(400, 404, 409)
  correct(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: CorrectionRequest): Promise<CorrectionAddedView> {
    return this.corrections.add(user.userId, roundId, body);
  }

  @Get('corrections')
  @ApiOperation({ summary: 'Các hiệu chỉnh đã thực hiện / List the corrections' })
  @ApiOkResponse({ type: [CorrectionEntryView], description: 'The corrections, in the order they are replayed' })
  @ApiErrors(400, 404)
  listCorrections(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string): Promise<CorrectionEntryView[]> {
    return this.corrections.list(user.userId, roundId);
  }

  @Post('forward')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi kết quả tổng hợp lên cấp trên / Forward the synthesis to the upper level' })
  @ApiErrors(400, 404, 409, 422)
  @ApiOkResponse({ type: ForwardOutcomeView, description: 'Sends the latest synthesis upward, as this organisation’s consolidated submission in the upper level’s round' })
  forward(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: ForwardRequest): Promise<ForwardOutcomeView> {
    return this.rollUp.forward(user.userId, roundId, body.targetRoundId);
  }

  @Get()
  @ApiOperation({ summary: 'Báo cáo tổng hợp ý kiến / The synthesis report' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: SynthesisReportView, description: 'The synthesis report: per document and section, proposals largest first, agreement apart, coverage' })
  report(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery): Promise<SynthesisReportView> {
    return this.syntheses.report(user.userId, roundId, query.revision);
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'Xuất báo cáo tổng hợp ra Excel / Export the synthesis as XLSX' })
  @ApiFileResponse(officeMimeTypes.xlsx, 'STT, Phần/Mục, Nội dung ý kiến, Số đơn vị, Số người, Nguồn, Ghi chú; formulas escaped')
  @ApiErrors(400, 404)
  async exportXlsx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.syntheses.export(user.userId, roundId, 'xlsx', query.revision), 'xlsx');
  }

  @Get('export.docx')
  @ApiOperation({ summary: 'Xuất báo cáo tổng hợp ra Word / Export the synthesis as DOCX' })
  @ApiFileResponse(officeMimeTypes.docx, 'The report per document and section, with the coverage')
  @ApiErrors(400, 404)
  async exportDocx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.syntheses.export(user.userId, roundId, 'docx', query.revision), 'docx');
  }

  @Get('progress')
  @ApiOperation({ summary: 'Tiến độ tổng hợp / Synthesis progress' })
  @ApiOkResponse({ type: SynthesisProgressView, description: 'Whether a new revision is being computed' })
  @ApiErrors(400, 404)
  progress(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string): Promise<SynthesisProgressView> {
    return this.syntheses.progress(user.userId, roundId);
  }

  @Get('clusters/:key')
  @ApiOperation({ summary: 'Các ý kiến của một đề xuất / The comments behind a proposal' })
  @ApiOkResponse({ type: ClusterCommentsView, description: 'The comments behind one proposal' })
  @ApiErrors(400, 404)
  cluster(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Query() query: RevisionQuery): Promise<ClusterCommentsView> {
    return this.syntheses.cluster(user.userId, params.roundId, params.key, query.revision);
  }
}

