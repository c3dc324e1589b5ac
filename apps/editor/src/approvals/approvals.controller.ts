import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApprovalsService, type ApprovalRequestView } from './approvals.service';
import { CreateApprovalRequest, DecisionRequest, ListApprovalsQuery, ListNotificationsQuery } from './dto/approval.dto';
import { NotificationsService, type NotificationView } from './notifications.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('approvals')
@ApiBearerAuth()
@Controller()
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Post('approvals')
  @ApiCreatedResponse({ description: 'Sends the latest frozen version to the own standing committee (the first of its chain); the document is locked meanwhile' })
  request(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateApprovalRequest): Promise<ApprovalRequestView> {
    return this.approvals.request(user.userId, body.versionId, body.message);
  }

  @Get('approvals/inbox')
  @ApiOkResponse({ description: 'Open requests of the caller’s committees that wait for the caller’s decision' })
  inbox(@CurrentUser() user: AuthenticatedUser): Promise<ApprovalRequestView[]> {
    return this.approvals.inbox(user.userId);
  }

  @Get('approvals')
  @ApiOkResponse({ description: 'The requests of a document, every stage, newest first' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListApprovalsQuery): Promise<ApprovalRequestView[]> {
    return query.documentId ? this.approvals.forDocument(user.userId, query.documentId) : this.approvals.inbox(user.userId);
  }

  @Get('approvals/:id')
  @ApiOkResponse({ description: 'A request with every decision, its remarks and the tally under the committee’s rule' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.get(user.userId, id);
  }

  @Post('approvals/:id/decisions')
  @ApiCreatedResponse({ description: 'An approver approves or asks for changes (remarks required); once per approver' })
  decide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: DecisionRequest): Promise<ApprovalRequestView> {
    return this.approvals.decide(user.userId, id, body.decision, body.remarks);
  }

  @Post('approvals/:id/decisions/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The approver takes back their decision; a withdrawn request for changes no longer blocks' })
  withdrawDecision(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.withdrawDecision(user.userId, id);
  }

  @Post('approvals/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The drafters take the request back; the document can be edited again' })
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.withdraw(user.userId, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ description: 'The caller’s notifications, newest first, with the unread count' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNotificationsQuery): Promise<{ unread: number; notifications: NotificationView[] }> {
    return this.notifications.list(user.userId, query.unread === true);
  }

  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<{ marked: number }> {
    return this.notifications.markAllRead(user.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<NotificationView> {
    return this.notifications.markRead(user.userId, id);
  }
}
