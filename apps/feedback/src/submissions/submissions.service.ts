import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decide, PolicyService, type Subject } from '@vankien/auth';
import { appendAuditEvent } from '@vankien/database';
import { canonicalJson, Comment, CommentRound, DocumentVersion, Organization, Submission, SubmissionReceipt } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { acceptingSubmissions, RoundsService, type LoadedRound } from '../rounds/rounds.service';
import { checkComments, type BlockCatalogue, type CheckedComment } from './comment-checks';
import { maxCommentsPerRequest, type CommentInput, type CommentView, type SubmissionView } from './dto/submission.dto';
import type { CommentsAddedView } from './dto/submission-views.dto';
import { onceForKey, type StoredAnswer } from './idempotency';
import { SubmissionErrors } from './submission-errors';
import { SynthesisRequests } from './synthesis-requests';

interface LoadedSubmission {
  submission: Submission;
  round: LoadedRound;
  subject: Subject;
}

/** A value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* copyLines(submission: Submission, comments: CheckedComment[], firstPosition: number): Generator<string> {
  const batch = 1000;
  for (let start = 0; start < comments.length; start += batch) {
    yield comments
      .slice(start, start + batch)
      .map((comment, index) =>
        [
          submission.id,
          submission.roundId,
          comment.documentVersionId,
          comment.blockId,
          firstPosition + start + index,
          comment.kind,
          comment.text,
          comment.quote,
          comment.quotePrefix,
          comment.quoteSuffix,
          comment.supporters,
          comment.supportersTotal,
        ]
          .map(copyValue)
          .join('\t'),
      )
      .join('\n') + '\n';
  }
}

/**
 * Stores comments with COPY on the transaction's own connection: several times faster than
 * multi-row INSERTs (and far faster than save() row by row), and still all or nothing.
 */
async function insertComments(manager: EntityManager, submission: Submission, comments: CheckedComment[], firstPosition: number): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('insertComments must run inside a transaction');
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(
    copyFrom('COPY comments (submission_id, round_id, document_version_id, block_id, position, kind, text, quote, quote_prefix, quote_suffix, supporters, supporters_total) FROM STDIN'),
  );
  await pipeline(Readable.from(copyLines(submission, comments, firstPosition)), copy);
}

function commentView(comment: Comment): CommentView {
  const { id, position, documentVersionId, blockId, kind, text, quote, supporters, supportersTotal } = comment;
  return { id, position, documentVersionId, blockId, kind, text, quote, supporters, supportersTotal };
}

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly policy: PolicyService,
    private readonly synthesis: SynthesisRequests,
  ) {}

  /**
   * The caller's submission for an invited organisation, created on first use: the unit's
   * consolidated one for its clerks, their own for a contributor of an invited group.
   */
  async open(userId: string, roundId: string, organizationId: string): Promise<SubmissionView> {
    const round = await this.rounds.load(roundId);
    const invitation = round.invitations.find((i) => i.organizationId === organizationId && !i.withdrawnAt);
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: organizationId } });
    if (!invitation || !organization) throw new AppError(SubmissionErrors.NOT_INVITED, { organizationId });
    const actor = await this.policy.actor(userId);
    const asUnit: Subject = { type: 'submission', roundOwner: round.subject.owner, submitter: { id: organization.id, path: organization.path }, contributorId: null };
    const asContributor: Subject = { ...asUnit, contributorId: userId };
    const contributorId = decide(actor, 'submission.write', asUnit).allowed ? null : userId;
    await this.policy.authorize(userId, 'submission.write', contributorId ? asContributor : asUnit);
    if (!acceptingSubmissions(round.round)) throw new AppError(SubmissionErrors.ROUND_NOT_ACCEPTING, { status: round.round.status, deadline: round.round.deadline });
    await this.dataSource.query(
      `INSERT INTO submissions (round_id, invitation_id, organization_id, contributor_id, row_version) VALUES ($1, $2, $3, $4, 1) ON CONFLICT DO NOTHING`,
      [roundId, invitation.id, organizationId, contributorId],
    );
    const submission = await this.dataSource.getRepository(Submission).findOneOrFail({
      where: contributorId ? { roundId, contributorId } : { roundId, organizationId, contributorId: IsNull() },
    });
    return this.view(submission.id);
  }

  async get(userId: string, submissionId: string): Promise<SubmissionView> {
    await this.authorize(userId, 'submission.read', submissionId);
    return this.view(submissionId);
  }

  async comments(userId: string, submissionId: string): Promise<CommentView[]> {
    await this.authorize(userId, 'submission.read', submissionId);
    const comments = await this.dataSource.getRepository(Comment).find({ where: { submissionId }, order: { position: 'ASC' } });
    return comments.map(commentView);
  }

  /**
   * Adds comments, all or nothing: every bad line is reported at once (422) and nothing is
   * stored. With an Idempotency-Key a retry gets the same answer and stores nothing twice.
   */
  async addComments(userId: string, submissionId: string, inputs: CommentInput[], idempotencyKey?: string): Promise<StoredAnswer<CommentsAddedView>> {
    const loaded = await this.authorize(userId, 'submission.write', submissionId);
    const catalogue = await this.catalogue(loaded.round.versionIds);
    const { comments, problems } = checkComments(inputs, catalogue);
    if (problems.length) throw new AppError(SubmissionErrors.INVALID_COMMENTS, problems.map((p) => ({ field: `comments.${p.line - 1}.${p.field}`, line: p.line, reasons: [p.reason] })));
    const work = async (manager: EntityManager): Promise<{ status: number; body: CommentsAddedView }> => {
      const submission = await this.lockEditable(manager, submissionId);
      if (submission.commentCount + comments.length > maxCommentsPerRequest * 5) throw new AppError(SubmissionErrors.TOO_MANY_COMMENTS, { limit: maxCommentsPerRequest * 5 });
      const [{ next }] = await manager.query('SELECT coalesce(max(position), 0) + 1 AS next FROM comments WHERE submission_id = $1', [submissionId]);
      await insertComments(manager, submission, comments, Number(next));
      const commentCount = submission.commentCount + comments.length;
      await manager.getRepository(Submission).update({ id: submissionId }, { commentCount });
      return { status: 201, body: { added: comments.length, commentCount } };
    };
    if (!idempotencyKey) return { ...(await this.dataSource.transaction(work)), replayed: false };
    return onceForKey(this.dataSource, { userId, key: idempotencyKey, name: `comments:${submissionId}`, request: inputs }, work);
  }

  async deleteComment(userId: string, submissionId: string, commentId: string): Promise<void> {
    await this.authorize(userId, 'submission.write', submissionId);
    await this.dataSource.transaction(async (manager) => {
      const submission = await this.lockEditable(manager, submissionId);
      const deleted = await manager.getRepository(Comment).delete({ id: commentId, submissionId });
      if (deleted.affected) await manager.getRepository(Submission).update({ id: submissionId }, { commentCount: submission.commentCount - 1 });
    });
  }

  /**
   * Locks the submission and gives a receipt (time, number of comments, SHA-256 of the
   * content). Two clerks submitting at once: the row lock orders them, the second is told it is
   * already submitted. A change since the `rowVersion` the client read is a conflict too.
   */
  async submit(userId: string, submissionId: string, rowVersion?: number): Promise<SubmissionView> {
    await this.authorize(userId, 'submission.write', submissionId);
    return this.submitAs(userId, submissionId, rowVersion);
  }

  /** The submission itself, for a caller that has already been authorized (a roll-up by the unit's drafters). */
  async submitAs(userId: string, submissionId: string, rowVersion?: number): Promise<SubmissionView> {
    const roundId = await this.dataSource.transaction((manager) => this.submitWithin(manager, userId, submissionId, rowVersion));
    this.synthesis.enqueue(roundId);
    return this.view(submissionId);
  }

  /**
   * Submits in the caller's transaction (a roll-up writes its comments and submits them as one
   * act: a refusal leaves nothing behind). Answers the round, whose synthesis the caller queues
   * after the commit.
   */
  async submitWithin(manager: EntityManager, userId: string, submissionId: string, rowVersion?: number): Promise<string> {
    const submission = await manager.getRepository(Submission).findOneOrFail({ where: { id: submissionId }, lock: { mode: 'pessimistic_write' } });
    if (submission.status === 'submitted') throw new AppError(SubmissionErrors.ALREADY_SUBMITTED, { submittedAt: submission.submittedAt });
    if (rowVersion !== undefined && rowVersion !== submission.rowVersion) throw new AppError(SubmissionErrors.SUBMISSION_CHANGED, { rowVersion: submission.rowVersion });
    const round = await manager.getRepository(CommentRound).findOneOrFail({ where: { id: submission.roundId } });
    if (!acceptingSubmissions(round)) throw new AppError(SubmissionErrors.ROUND_NOT_ACCEPTING, { deadline: round.deadline });
    const comments = await manager.getRepository(Comment).find({ where: { submissionId }, order: { position: 'ASC' } });
    if (comments.length === 0) throw new AppError(SubmissionErrors.EMPTY_SUBMISSION);
    const content = comments.map((c) => ({ documentVersionId: c.documentVersionId, blockId: c.blockId, kind: c.kind, text: c.text, quote: c.quote, supporters: c.supporters, supportersTotal: c.supportersTotal }));
    const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const now = new Date();
    const late = now > round.deadline;
    const [{ sequence }] = await manager.query('SELECT coalesce(max(sequence), 0) + 1 AS sequence FROM submission_receipts WHERE submission_id = $1', [submissionId]);
    await manager.getRepository(SubmissionReceipt).insert({ submissionId, sequence: Number(sequence), commentCount: comments.length, contentSha256, content, submittedById: userId });
    await manager.getRepository(Submission).save({ ...submission, status: 'submitted', submittedAt: now, late, commentCount: comments.length });
    await appendAuditEvent(manager, {
      actorId: userId,
      action: 'submission.submitted',
      subjectType: 'submission',
      subjectId: submissionId,
      organizationId: submission.organizationId,
      payload: { roundId: submission.roundId, comments: comments.length, contentSha256, late },
    });
    await this.synthesis.record(manager, submission.roundId);
    return round.id;
  }

  /** Before the deadline a submission can be withdrawn (its receipts stay) and submitted again. */
  async withdraw(userId: string, submissionId: string): Promise<SubmissionView> {
    const loaded = await this.authorize(userId, 'submission.write', submissionId);
    await this.dataSource.transaction(async (manager) => {
      const submission = await manager.getRepository(Submission).findOneOrFail({ where: { id: submissionId }, lock: { mode: 'pessimistic_write' } });
      if (submission.status !== 'submitted') throw new AppError(SubmissionErrors.NOT_SUBMITTED, { status: submission.status });
      const round = await manager.getRepository(CommentRound).findOneOrFail({ where: { id: submission.roundId } });
      if (new Date() > round.deadline || round.status !== 'open') throw new AppError(SubmissionErrors.WITHDRAW_AFTER_DEADLINE, { deadline: round.deadline });
      await manager.getRepository(Submission).save({ ...submission, status: 'withdrawn' });
      await appendAuditEvent(manager, { actorId: userId, action: 'submission.withdrawn', subjectType: 'submission', subjectId: submissionId, organizationId: submission.organizationId, payload: { roundId: submission.roundId } });
      await this.synthesis.record(manager, submission.roundId);
    });
    this.synthesis.enqueue(loaded.round.round.id);
    return this.view(submissionId);
  }

  async authorize(userId: string, action: 'submission.read' | 'submission.write', submissionId: string): Promise<LoadedSubmission> {
    const submission = await this.dataSource.getRepository(Submission).findOne({ where: { id: submissionId } });
    if (!submission) throw new AppError(SubmissionErrors.SUBMISSION_NOT_FOUND, { submissionId });
    const round = await this.rounds.load(submission.roundId);
    const submitter = await this.dataSource.getRepository(Organization).findOneOrFail({ where: { id: submission.organizationId }, select: { id: true, path: true } });
    const subject: Subject = { type: 'submission', roundOwner: round.subject.owner, submitter: { id: submitter.id, path: submitter.path }, contributorId: submission.contributorId };
    await this.policy.authorize(userId, action, subject);
    return { submission, round, subject };
  }

  /** The block texts of the round's versions, for anchoring comments. */
  async catalogue(versionIds: string[]): Promise<BlockCatalogue> {
    const versions = await this.dataSource.getRepository(DocumentVersion).find({ where: { id: In(versionIds) }, select: { id: true, blockIndex: true } });
    return new Map(versions.map((version) => [version.id, new Map(version.blockIndex.map((entry) => [entry.blockId, entry.text]))]));
  }

  private async lockEditable(manager: EntityManager, submissionId: string): Promise<Submission> {
    const submission = await manager.getRepository(Submission).findOneOrFail({ where: { id: submissionId }, lock: { mode: 'pessimistic_write' } });
    if (submission.status === 'submitted') throw new AppError(SubmissionErrors.SUBMISSION_LOCKED);
    const round = await manager.getRepository(CommentRound).findOneOrFail({ where: { id: submission.roundId } });
    if (!acceptingSubmissions(round)) throw new AppError(SubmissionErrors.ROUND_NOT_ACCEPTING, { deadline: round.deadline });
    return submission;
  }

  async view(submissionId: string): Promise<SubmissionView> {
    const submission = await this.dataSource.getRepository(Submission).findOneOrFail({ where: { id: submissionId } });
    const receipts = await this.dataSource.getRepository(SubmissionReceipt).find({
      where: { submissionId },
      order: { sequence: 'ASC' },
      select: { sequence: true, submittedAt: true, commentCount: true, contentSha256: true },
    });
    return {
      id: submission.id,
      roundId: submission.roundId,
      organizationId: submission.organizationId,
      contributorId: submission.contributorId,
      status: submission.status,
      commentCount: submission.commentCount,
      late: submission.late,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      rowVersion: submission.rowVersion,
      receipts: receipts.map((r) => ({ sequence: r.sequence, submittedAt: r.submittedAt.toISOString(), commentCount: r.commentCount, contentSha256: r.contentSha256, late: submission.late })),
    };
  }
}

