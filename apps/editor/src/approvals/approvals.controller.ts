import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors } from '@vankien/platform';
import { ApprovalsService } from './approvals.service';
import { CreateApprovalRequest, DecisionRequest, ListApprovalsQuery, ListNotificationsQuery } from './dto/approval.dto';
import { ApprovalRequestView, MarkedView, NotificationListView, NotificationView } from './dto/approval-views.dto';
import { NotificationsService } from './notifications.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('approvals')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Post('approvals')
  @ApiOperation({ summary: 'Gửi Ban Thường vụ phê duyệt / Send a version for approval' })
  @ApiCreatedResponse({ type: ApprovalRequestView, description: 'Sends the latest frozen version to the own standing committee (the first of its chain); the document is locked meanwhile' })
  @ApiErrors(400, 404, 409, 422)
  request(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateApprovalRequest): Promise<ApprovalRequestView> {
    return this.approvals.request(user.userId, body.versionId, body.message);
  }

  @Get('approvals/inbox')
  @ApiOperation({ summary: 'Dự thảo chờ tôi cho ý kiến / Requests waiting for my decision' })
  @ApiOkResponse({ type: [ApprovalRequestView], description: 'Open requests of the caller’s committees that wait for the caller’s decision' })
  inbox(@CurrentUser() user: AuthenticatedUser): Promise<ApprovalRequestView[]> {
    return this.approvals.inbox(user.userId);
  }

  @Get('approvals')
  @ApiOperation({ summary: 'Danh sách tờ trình phê duyệt / List approval requests' })
  @ApiOkResponse({ type: [ApprovalRequestView], description: 'The requests of a document, every stage, newest first (without documentId: the inbox)' })
  @ApiErrors(400, 404)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListApprovalsQuery): Promise<ApprovalRequestView[]> {
    return query.documentId ? this.approvals.forDocument(user.userId, query.documentId) : this.approvals.inbox(user.userId);
  }

  @Get('approvals/:id')
  @ApiOperation({ summary: 'Xem tờ trình phê duyệt / Read an approval request' })
  @ApiOkResponse({ type: ApprovalRequestView, description: 'A request with every decision, its remarks and the tally under the committee’s rule' })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.get(user.userId, id);
  }

  @Post('approvals/:id/decisions')
  @ApiOperation({ summary: 'Biểu quyết: đồng ý hoặc đề nghị chỉnh sửa / Approve or request changes' })
  @ApiCreatedResponse({ type: ApprovalRequestView, description: 'An approver approves or asks for changes (remarks required); once per approver' })
  @ApiErrors(400, 404, 409, 422)
  decide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: DecisionRequest): Promise<ApprovalRequestView> {
    return this.approvals.decide(user.userId, id, body.decision, body.remarks);
  }

  @Post('approvals/:id/decisions/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút lại ý kiến biểu quyết / Withdraw my decision' })
  @ApiOkResponse({ type: ApprovalRequestView, description: 'The approver takes back their decision; a withdrawn request for changes no longer blocks' })
  @ApiErrors(400, 404, 409)
  withdrawDecision(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.withdrawDecision(user.userId, id);
  }

  @Post('approvals/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút tờ trình phê duyệt / Withdraw the approval request' })
  @ApiOkResponse({ type: ApprovalRequestView, description: 'The drafters take the request back; the document can be edited again' })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<ApprovalRequestView> {
    return this.approvals.withdraw(user.userId, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo của tôi / My notifications' })
  @ApiOkResponse({ type: NotificationListView, description: 'The caller’s notifications, newest first, with the unread count' })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNotificationsQuery): Promise<NotificationListView> {
    return this.notifications.list(user.userId, query.unread === true);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc tất cả / Mark every notification read' })
  @ApiOkResponse({ type: MarkedView })
  markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkedView> {
    return this.notifications.markAllRead(user.userId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc / Mark a notification read' })
  @ApiOkResponse({ type: NotificationView })
  @ApiErrors(400, 404)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<NotificationView> {
    return this.notifications.markRead(user.userId, id);
  }
}
