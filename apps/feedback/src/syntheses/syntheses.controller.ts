import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { maxInt32, officeMimeTypes, QueryInteger, sendFile, OptionalField } from '@vankien/platform';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { CorrectionsService } from './corrections.service';
import { CorrectionRequest } from './dto/correction.dto';
import { RollUpService, type ForwardOutcome } from './roll-up.service';
import { SynthesesService, type SynthesisReportView } from './syntheses.service';

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
  @IsUUID('4', { message: 'targetRoundId must be a UUID' })
  targetRoundId!: string;
}

export class ClusterParams {
  @IsUUID('4', { message: 'roundId must be a UUID' })
  roundId!: string;

  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'key must be a cluster key' })
  key!: string;
}

@ApiTags('syntheses')
@ApiBearerAuth()
@Controller('rounds/:roundId/synthesis')
export class SynthesesController {
  constructor(
    private readonly syntheses: SynthesesService,
    private readonly rollUp: RollUpService,
    private readonly corrections: CorrectionsService,
  ) {}

  @Post('corrections')
  @ApiOkResponse({ description: 'A merge, split, move or representative text; replayed on every revision from now on' })
  correct(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: CorrectionRequest): Promise<unknown> {
    return this.corrections.add(user.userId, roundId, body);
  }

  @Get('corrections')
  @ApiOkResponse({ description: 'The corrections, in the order they are replayed' })
  listCorrections(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string): Promise<unknown> {
    return this.corrections.list(user.userId, roundId);
  }

  @Post('forward')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Sends the latest synthesis upward, as this organisation’s consolidated submission in the upper level’s round' })
  forward(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: ForwardRequest): Promise<ForwardOutcome> {
    return this.rollUp.forward(user.userId, roundId, body.targetRoundId);
  }

  @Get()
  @ApiOkResponse({ description: 'The synthesis report: per document and section, proposals largest first, agreement apart, coverage' })
  report(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery): Promise<SynthesisReportView> {
    return this.syntheses.report(user.userId, roundId, query.revision);
  }

  @Get('export.xlsx')
  @ApiProduces(officeMimeTypes.xlsx)
  @ApiOkResponse({ description: 'STT, Phần/Mục, Nội dung ý kiến, Số đơn vị, Số người, Nguồn, Ghi chú; formulas escaped' })
  async exportXlsx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.syntheses.export(user.userId, roundId, 'xlsx', query.revision), 'xlsx');
  }

  @Get('export.docx')
  @ApiProduces(officeMimeTypes.docx)
  @ApiOkResponse({ description: 'The report per document and section, with the coverage' })
  async exportDocx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: RevisionQuery, @Res() response: Response): Promise<void> {
    sendFile(response, await this.syntheses.export(user.userId, roundId, 'docx', query.revision), 'docx');
  }

  @Get('progress')
  @ApiOkResponse({ description: 'Whether a new revision is being computed' })
  progress(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string): Promise<unknown> {
    return this.syntheses.progress(user.userId, roundId);
  }

  @Get('clusters/:key')
  @ApiOkResponse({ description: 'The comments behind one proposal' })
  cluster(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Query() query: RevisionQuery): Promise<unknown> {
    return this.syntheses.cluster(user.userId, params.roundId, params.key, query.revision);
  }
}

