import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors, ApiFileResponse, officeMimeTypes, sendFile } from '@vankien/platform';
import type { Response } from 'express';
import { ClusterParams } from '../syntheses/syntheses.controller';
import { DispositionsService } from './dispositions.service';
import { DisposedCountView, DispositionDetailView, DispositionItemView, DispositionTableView } from './dto/disposition-views.dto';
import { BulkDisposeRequest, DisposeRequest, ListDispositionsQuery } from './dto/disposition.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('dispositions')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('rounds/:roundId/dispositions')
export class DispositionsController {
  constructor(private readonly dispositions: DispositionsService) {}

  @Get()
  @ApiOperation({ summary: 'Bảng tổng hợp tiếp thu, giải trình / The table of dispositions' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: DispositionTableView, description: 'The table of dispositions: progress per state and section, and the proposals matching the filters, in report order' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: ListDispositionsQuery): Promise<DispositionTableView> {
    return this.dispositions.list(user.userId, roundId, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tiếp thu, giải trình nhiều ý kiến một lần / Dispose of several proposals at once' })
  @ApiErrors(400, 404, 409, 422)
  @ApiOkResponse({ type: DisposedCountView, description: 'Disposes of several proposals at once, all or none (a conflict on one changes nothing)' })
  bulk(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: BulkDisposeRequest): Promise<DisposedCountView> {
    return this.dispositions.disposeMany(user.userId, roundId, body);
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'Xuất bảng tiếp thu, giải trình ra Excel / Export the dispositions as XLSX' })
  @ApiFileResponse(officeMimeTypes.xlsx, 'STT, Phần/Mục, Nội dung ý kiến, Đơn vị đề xuất, Số đơn vị, Số người, Tiếp thu/Giải trình, Nội dung giải trình, Vị trí trong dự thảo mới')
  @ApiErrors(400, 404)
  async exportXlsx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.dispositions.export(user.userId, roundId, 'xlsx'), 'xlsx');
  }

  @Get('export.docx')
  @ApiOperation({ summary: 'Xuất bảng tiếp thu, giải trình ra Word / Export the dispositions as DOCX' })
  @ApiFileResponse(officeMimeTypes.docx, 'Bảng tổng hợp tiếp thu, giải trình: per document and section')
  @ApiErrors(400, 404)
  async exportDocx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.dispositions.export(user.userId, roundId, 'docx'), 'docx');
  }

  @Get(':key')
  @ApiOperation({ summary: 'Xem một ý kiến và việc tiếp thu / Read one proposal and its disposition' })
  @ApiErrors(400, 404)
  @ApiOkResponse({ type: DispositionDetailView, description: 'One proposal with its disposition and the changes (word diff) in the blocks of the new draft that carry it' })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Query() query: ListDispositionsQuery): Promise<DispositionDetailView> {
    return this.dispositions.get(user.userId, params.roundId, params.key, query.against);
  }

  @Put(':key')
  @ApiOperation({ summary: 'Tiếp thu, giải trình một ý kiến / Dispose of a proposal' })
  @ApiErrors(400, 404, 409, 422)
  @ApiOkResponse({ type: DispositionItemView, description: 'Sets the disposition; expectedVersion and expectedComments are what was read (a change since is a 409)' })
  dispose(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Body() body: DisposeRequest): Promise<DispositionItemView> {
    return this.dispositions.dispose(user.userId, params.roundId, params.key, body);
  }
}
