import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { CoverageEntry, CreateRoundRequest, RoundView } from './dto/round.dto';
import { RoundsService } from './rounds.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @ApiCreatedResponse({ type: RoundView })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateRoundRequest): Promise<RoundView> {
    return this.rounds.create(user.userId, body);
  }

  @Get()
  @ApiOkResponse({ type: [RoundView] })
  list(@CurrentUser() user: AuthenticatedUser): Promise<RoundView[]> {
    return this.rounds.list(user.userId);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoundView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.get(user.userId, id);
  }

  @Post(':id/open')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  open(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.open(user.userId, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: RoundView })
  close(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.close(user.userId, id);
  }

  @Get(':id/coverage')
  @ApiOkResponse({ type: [CoverageEntry] })
  coverage(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CoverageEntry[]> {
    return this.rounds.coverage(user.userId, id);
  }

  @Get(':id/reminders')
  @ApiOkResponse({ type: [CoverageEntry], description: 'Invited sources that have not submitted' })
  reminders(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CoverageEntry[]> {
    return this.rounds.reminders(user.userId, id);
  }
}
