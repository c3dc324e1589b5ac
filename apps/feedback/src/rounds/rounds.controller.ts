import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors } from '@vankien/platform';
import { CoverageEntry, CreateRoundRequest, RoundView } from './dto/round.dto';
import { RoundsService } from './rounds.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('rounds')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @ApiOperation({ summary: 'Tạo đợt lấy ý kiến / Create a comment round' })
  @ApiCreatedResponse({ type: RoundView })
  @ApiErrors(400, 404, 409, 422)
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateRoundRequest): Promise<RoundView> {
    return this.rounds.create(user.userId, body);
  }

  @Get()
  @ApiOperation({ summary: 'Danh sách đợt lấy ý kiến / List comment rounds' })
  @ApiOkResponse({ type: [RoundView], description: 'The rounds the caller may see' })
  list(@CurrentUser() user: AuthenticatedUser): Promise<RoundView[]> {
    return this.rounds.list(user.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Xem đợt lấy ý kiến / Read a comment round' })
  @ApiOkResponse({ type: RoundView })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.get(user.userId, id);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở đợt lấy ý kiến / Open a comment round' })
  @ApiOkResponse({ type: RoundView })
  @ApiErrors(400, 404, 409)
  open(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.open(user.userId, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc đợt lấy ý kiến / Close a comment round' })
  @ApiOkResponse({ type: RoundView })
  @ApiErrors(400, 404, 409)
  close(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.close(user.userId, id);
  }

  @Get(':id/coverage')
  @ApiOperation({ summary: 'Tình hình gửi góp ý / Who has answered' })
  @ApiOkResponse({ type: [CoverageEntry] })
  @ApiErrors(400, 404)
  coverage(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CoverageEntry[]> {
    return this.rounds.coverage(user.userId, id);
  }

  @Get(':id/reminders')
  @ApiOperation({ summary: 'Đơn vị chưa gửi góp ý / Who has not answered yet' })
  @ApiOkResponse({ type: [CoverageEntry], description: 'Invited sources that have not submitted' })
  @ApiErrors(400, 404)
  reminders(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CoverageEntry[]> {
    return this.rounds.reminders(user.userId, id);
  }
}
