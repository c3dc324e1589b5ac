import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@vankien/auth';
import { ApiErrors, AppError, CommonErrors } from '@vankien/platform';
import type { Response } from 'express';
import { BulkCommentsRequest, CommentInput, CommentView, CreateSubmissionRequest, SubmissionView, SubmitRequest } from './dto/submission.dto';
import { CommentsAddedView } from './dto/submission-views.dto';
import { parseCommentInputs } from './comment-input.parser';
import { SubmissionsService } from './submissions.service';

const uuid = new ParseUUIDPipe({ version: '4' });

function idempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9._:-]{8,200}$/.test(value)) {
    throw new AppError(CommonErrors.VALIDATION_FAILED, [{ field: 'Idempotency-Key', reasons: ['Idempotency-Key must be 8–200 letters, digits or . _ : -'] }]);
  }
  return value;
}

/**
 * The rowVersion a submit is checked against: from the body, or from If-Match (HTTP's own way of
 * saying "only if it is still the one I read"); both, they must agree.
 */
function expectedRowVersion(fromBody: number | undefined, ifMatch: string | undefined): number | undefined {
  // "*" matches any current version: no check beyond the body's
  if (ifMatch === undefined || ifMatch.trim() === '*') return fromBody;
  const match = /^\s*(?:W\/)?"?([1-9]\d{0,9})"?\s*$/.exec(ifMatch);
  const fromHeader = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(fromHeader) || fromHeader > 2147483647) throw new AppError(CommonErrors.VALIDATION_FAILED, [{ field: 'If-Match', reasons: ['If-Match must be the rowVersion read, e.g. "3"'] }]);
  if (fromBody !== undefined && fromBody !== fromHeader) throw new AppError(CommonErrors.VALIDATION_FAILED, [{ field: 'If-Match', reasons: ['If-Match and rowVersion disagree'] }]);
  return fromHeader;
}

@ApiTags('submissions')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post('rounds/:roundId/submissions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở bản góp ý của đơn vị / Open the unit’s submission' })
  @ApiOkResponse({ type: SubmissionView, description: 'Your submission for an invited organisation, created on first use' })
  @ApiErrors(400, 404, 409)
  open(@CurrentUser() user: AuthenticatedUser, @Param('roundId', uuid) roundId: string, @Body() body: CreateSubmissionRequest): Promise<SubmissionView> {
    return this.submissions.open(user.userId, roundId, body.organizationId);
  }

  @Get('submissions/:id')
  @ApiOperation({ summary: 'Xem bản góp ý / Read a submission' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 404)
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<SubmissionView> {
    return this.submissions.get(user.userId, id);
  }

  @Get('submissions/:id/comments')
  @ApiOperation({ summary: 'Các ý kiến của bản góp ý / The comments of a submission' })
  @ApiOkResponse({ type: [CommentView] })
  @ApiErrors(400, 404)
  comments(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<CommentView[]> {
    return this.submissions.comments(user.userId, id);
  }

  @Post('submissions/:id/comments')
  @ApiOperation({ summary: 'Thêm một ý kiến / Add a comment' })
  @ApiCreatedResponse({ type: CommentsAddedView, description: 'One comment' })
  @ApiErrors(400, 404, 409, 422)
  async addOne(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: CommentInput): Promise<CommentsAddedView> {
    return (await this.submissions.addComments(user.userId, id, [body])).body;
  }

  @Post('submissions/:id/comments/bulk')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key gets the same answer and stores nothing twice' })
  @ApiOperation({ summary: 'Thêm nhiều ý kiến một lần / Add comments in bulk' })
  @ApiCreatedResponse({ type: CommentsAddedView, description: 'Up to 10,000 comments, all or nothing; every bad line is reported. A replay (same Idempotency-Key) answers the first answer again' })
  @ApiErrors(400, 404, 409, 413, 422)
  async addMany(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Body() body: BulkCommentsRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommentsAddedView> {
    const { inputs, problems } = parseCommentInputs(body.comments);
    if (problems.length) throw new AppError(CommonErrors.VALIDATION_FAILED, problems);
    const answer = await this.submissions.addComments(user.userId, id, inputs, idempotencyKey(key));
    response.status(answer.status);
    if (answer.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Delete('submissions/:id/comments/:commentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xóa một ý kiến / Delete a comment' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(400, 404, 409)
  deleteComment(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('commentId', uuid) commentId: string): Promise<void> {
    return this.submissions.deleteComment(user.userId, id, commentId);
  }

  @Post('submissions/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi bản góp ý / Submit' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The rowVersion you read, as an entity tag ("3", W/"3" or 3): refused with 409 if the submission changed since; the same as rowVersion in the body' })
  @ApiOkResponse({ type: SubmissionView, description: 'Locks the submission and adds a receipt' })
  @ApiErrors(400, 404, 409, 422)
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() body: SubmitRequest, @Headers('if-match') ifMatch?: string): Promise<SubmissionView> {
    return this.submissions.submit(user.userId, id, expectedRowVersion(body.rowVersion, ifMatch));
  }

  @Post('submissions/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút bản góp ý đã gửi / Withdraw a submission' })
  @ApiOkResponse({ type: SubmissionView })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string): Promise<SubmissionView> {
    return this.submissions.withdraw(user.userId, id);
  }
}
