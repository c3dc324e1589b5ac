import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { officeMimeTypes, sendFile } from '@vankien/platform';
import type { Response } from 'express';
import { ClusterParams } from '../syntheses/syntheses.controller';
import { DispositionsService, type DispositionItemView, type DispositionTableView } from './dispositions.service';
import { BulkDisposeRequest, DisposeRequest, ListDispositionsQuery } from './dto/disposition.dto';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('dispositions')
@ApiBearerAuth()
@Controller('rounds/:roundId/dispositions')
export class DispositionsController {
  constructor(private readonly dispositions: DispositionsService) {}

  @Get()
  @ApiOkResponse({ description: 'The table of dispositions: progress per state and section, and the proposals matching the filters, in report order' })
  list(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Query() query: ListDispositionsQuery): Promise<DispositionTableView> {
    return this.dispositions.list(user.userId, roundId, query);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Disposes of several proposals at once, all or none (a conflict on one changes nothing)' })
  bulk(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: BulkDisposeRequest): Promise<{ disposed: number }> {
    return this.dispositions.disposeMany(user.userId, roundId, body);
  }

  @Get('export.xlsx')
  @ApiProduces(officeMimeTypes.xlsx)
  @ApiOkResponse({ description: 'STT, Phần/Mục, Nội dung ý kiến, Đơn vị đề xuất, Số đơn vị, Số người, Tiếp thu/Giải trình, Nội dung giải trình, Vị trí trong dự thảo mới' })
  async exportXlsx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.dispositions.export(user.userId, roundId, 'xlsx'), 'xlsx');
  }

  @Get('export.docx')
  @ApiProduces(officeMimeTypes.docx)
  @ApiOkResponse({ description: 'Bảng tổng hợp tiếp thu, giải trình: per document and section' })
  async exportDocx(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Res() response: Response): Promise<void> {
    sendFile(response, await this.dispositions.export(user.userId, roundId, 'docx'), 'docx');
  }

  @Get(':key')
  @ApiOkResponse({ description: 'One proposal with its disposition and the changes (word diff) in the blocks of the new draft that carry it' })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Query() query: ListDispositionsQuery): Promise<unknown> {
    return this.dispositions.get(user.userId, params.roundId, params.key, query.against);
  }

  @Put(':key')
  @ApiOkResponse({ description: 'Sets the disposition; expectedVersion and expectedComments are what was read (a change since is a 409)' })
  dispose(@CurrentUser() user: AuthenticatedUser, @Param() params: ClusterParams, @Body() body: DisposeRequest): Promise<DispositionItemView> {
    return this.dispositions.dispose(user.userId, params.roundId, params.key, body);
  }
}
