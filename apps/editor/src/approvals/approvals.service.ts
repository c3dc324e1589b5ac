import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyService, type Subject } from '@vankien/auth';
import { appendAuditEvent } from '@vankien/database';
import {
  Approval,
  approvalChain,
  ApprovalRequest,
  CongressDocument,
  DocumentVersion,
  Notification,
  Organization,
  tallyApproval,
  User,
  type ApprovalDecision,
  type ApprovalRequestStatus,
  type ApprovalTally,
} from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { DocumentLockBroadcast } from '../collaboration/document-lock-broadcast';
import { DocumentAccess } from '../documents/document-access';
import { DocumentErrors } from '../documents/document-errors';
import { ApprovalErrors } from './approval-errors';
import { ApprovalRequestView, CommitteeApproverView } from './dto/approval-views.dto';
import { NotificationsService } from './notifications.service';

// the tests import the view from here
export type { ApprovalRequestView } from './dto/approval-views.dto';

/** What a decision or a withdrawal did, for the caller to act on after the commit. */
interface Outcome {
  requestId: string;
  lockDocumentId: string | null;
}

/**
 * Approval of frozen versions by standing committees. A drafter sends the latest version to
 * the own committee; its approvers approve or ask for changes; when the committee's rule is met
 * the next committee of the chain (the upper level's) is asked, and after the last one the
 * document is final. Every step is one transaction that locks the request row, so decisions
 * arriving at the same moment are counted once each and the request is approved once.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly access: DocumentAccess,
    private readonly notifications: NotificationsService,
    private readonly locks: DocumentLockBroadcast,
  ) {}

  async request(userId: string, versionId: string, message?: string): Promise<ApprovalRequestView> {
    const version = await this.dataSource.getRepository(DocumentVersion).findOne({ where: { id: versionId }, select: { id: true, documentId: true, number: true, label: true } });
    if (!version) throw new AppError(DocumentErrors.VERSION_NOT_FOUND, { versionId });
    const { document } = await this.access.authorize(userId, 'approval.request', version.documentId);
    if (document.approvedVersionId) throw new AppError(DocumentErrors.DOCUMENT_APPROVED, { approvedVersionId: document.approvedVersionId });
    const owner = await this.dataSource.getRepository(Organization).findOneOrFail({ where: { id: document.organizationId } });
    const [committeeId] = approvalChain(owner);
    const stages = approvalChain(owner).length;
    let requestId: string;
    try {
      requestId = await this.dataSource.transaction(async (manager) => {
        const locked = await this.lockDocument(manager, document.id);
        if (locked.approvedVersionId) throw new AppError(DocumentErrors.DOCUMENT_APPROVED, { approvedVersionId: locked.approvedVersionId });
        const [{ latest }] = await manager.query('SELECT max(number) AS latest FROM document_versions WHERE document_id = $1', [document.id]);
        if (Number(latest) !== version.number) throw new AppError(ApprovalErrors.NOT_LATEST_VERSION, { versionNumber: version.number, latestNumber: Number(latest) });
        const open = await manager.getRepository(ApprovalRequest).findOne({ where: { documentId: document.id, status: 'pending' }, lock: { mode: 'pessimistic_write' } });
        if (open) {
          if (open.documentVersionId === version.id) throw new AppError(ApprovalErrors.ALREADY_PENDING, { requestId: open.id });
          await this.closeAnsweredRequest(manager, userId, open, version.number);
        }
        const id = await this.openStage(manager, userId, { documentId: document.id, version, committeeId, stage: 1, stages, previousStageId: null, message: message?.normalize('NFC') ?? null, requestedById: userId });
        await manager.getRepository(CongressDocument).update({ id: document.id }, { lockedVersionId: version.id });
        return id;
      });
    } catch (error) {
      // two drafters sending at the same moment: the unique index keeps one open request
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new AppError(ApprovalErrors.ALREADY_PENDING, { documentId: document.id });
      throw error;
    }
    await this.locks.locked(document.id);
    return this.view(requestId);
  }

  async decide(userId: string, requestId: string, decision: ApprovalDecision, remarks?: string): Promise<ApprovalRequestView> {
    const text = remarks?.normalize('NFC').trim() || null;
    if (decision === 'request_changes' && !text) throw new AppError(ApprovalErrors.REMARKS_REQUIRED, { field: 'remarks' });
    await this.authorizeDecision(userId, requestId);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const request = await this.lockOpenRequest(manager, requestId);
      const committee = await this.committee(manager, request);
      const member = committee.find((approver) => approver.id === userId);
      if (member && !member.counts) throw new AppError(ApprovalErrors.APPOINTED_AFTER_REQUEST, { appointedAt: member.appointedAt, requestSentAt: request.createdAt.toISOString() });
      const repository = manager.getRepository(Approval);
      const existing = await repository.findOne({ where: { requestId, approverId: userId } });
      if (existing && !existing.withdrawnAt) throw new AppError(ApprovalErrors.ALREADY_DECIDED, { decision: existing.decision });
      const decidedAt = new Date();
      if (existing) await repository.update({ id: existing.id }, { decision, remarks: text, withdrawnAt: null, decidedAt });
      else await repository.insert({ requestId, approverId: userId, decision, remarks: text, withdrawnAt: null, decidedAt });
      const context = await this.context(manager, request);
      await appendAuditEvent(manager, {
        actorId: userId,
        action: decision === 'approve' ? 'approval.approved_by' : 'approval.changes_requested',
        subjectType: 'approval_request',
        subjectId: request.id,
        organizationId: request.committeeId,
        payload: { documentId: request.documentId, versionNumber: context.version.number, stage: request.stage, decision, remarks: text },
      });
      const who = await this.userName(manager, userId);
      await this.notifications.notify(manager, await this.drafters(manager, request), {
        kind: 'approval.decided',
        documentId: request.documentId,
        approvalRequestId: request.id,
        message:
          decision === 'approve'
            ? `Đồng chí ${who} (${context.committee.name}) đã đồng ý ${context.version.label} – ${context.document.title}.`
            : `Đồng chí ${who} (${context.committee.name}) đề nghị chỉnh sửa ${context.version.label} – ${context.document.title}: ${text}`,
        payload: { decision, remarks: text, stage: request.stage },
      });
      if (decision === 'request_changes') {
        // the text goes back to the drafters, who answer with a new version
        await manager.getRepository(CongressDocument).update({ id: request.documentId, lockedVersionId: request.documentVersionId }, { lockedVersionId: null });
      }
      return this.settle(manager, userId, request, committee);
    });
    if (outcome.lockDocumentId) await this.locks.locked(outcome.lockDocumentId);
    return this.view(requestId);
  }

  /** An approver takes back their decision (e.g. a request for changes that was answered in the meeting). */
  async withdrawDecision(userId: string, requestId: string): Promise<ApprovalRequestView> {
    await this.authorizeDecision(userId, requestId);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const request = await this.lockOpenRequest(manager, requestId);
      const existing = await manager.getRepository(Approval).findOne({ where: { requestId, approverId: userId } });
      if (!existing || existing.withdrawnAt) throw new AppError(ApprovalErrors.NO_DECISION, { requestId });
      await manager.getRepository(Approval).update({ id: existing.id }, { withdrawnAt: new Date() });
      await appendAuditEvent(manager, {
        actorId: userId,
        action: 'approval.decision_withdrawn',
        subjectType: 'approval_request',
        subjectId: request.id,
        organizationId: request.committeeId,
        payload: { documentId: request.documentId, stage: request.stage, decision: existing.decision },
      });
      return this.settle(manager, userId, request);
    });
    if (outcome.lockDocumentId) await this.locks.locked(outcome.lockDocumentId);
    return this.view(requestId);
  }

  /** The drafters take the request back; the document is open for editing again. */
  async withdraw(userId: string, requestId: string): Promise<ApprovalRequestView> {
    const request = await this.find(requestId);
    await this.access.authorize(userId, 'approval.request', request.documentId);
    await this.dataSource.transaction(async (manager) => {
      const open = await this.lockOpenRequest(manager, requestId);
      await this.close(manager, userId, open, 'withdrawn', 'approval.withdrawn');
      await manager.getRepository(CongressDocument).update({ id: open.documentId, lockedVersionId: open.documentVersionId }, { lockedVersionId: null });
    });
    return this.view(requestId);
  }

  async get(userId: string, requestId: string): Promise<ApprovalRequestView> {
    const request = await this.find(requestId);
    await this.policy.authorize(userId, 'document.read', await this.subject(request));
    return this.view(requestId);
  }

  /** A document's requests, every stage, newest first. */
  async forDocument(userId: string, documentId: string): Promise<ApprovalRequestView[]> {
    await this.access.authorize(userId, 'document.read', documentId);
    const requests = await this.dataSource.getRepository(ApprovalRequest).find({ where: { documentId }, order: { createdAt: 'DESC' }, select: { id: true } });
    return Promise.all(requests.map((request) => this.view(request.id)));
  }

  /** What waits for this approver: open requests of their committees on which they have no decision in force. */
  async inbox(userId: string): Promise<ApprovalRequestView[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM approval_requests r
         JOIN memberships m ON m.organization_id = r.committee_id AND m.role = 'approver' AND m.user_id = $1
        WHERE r.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.request_id = r.id AND a.approver_id = $1 AND a.withdrawn_at IS NULL)
        ORDER BY r.created_at`,
      [userId],
    );
    return Promise.all(rows.map((row) => this.view(row.id)));
  }

  /**
   * After a decision or a withdrawal: counts the decisions under the committee's rule and, once
   * it is met, approves the request and asks the next committee, or makes the document final.
   */
  private async settle(manager: EntityManager, actorId: string, request: ApprovalRequest, committee?: CommitteeApproverView[]): Promise<Outcome> {
    const tally = await this.tally(manager, request, committee);
    if (tally.outcome !== 'approved') return { requestId: request.id, lockDocumentId: null };
    const decidedAt = new Date();
    await manager.getRepository(ApprovalRequest).update({ id: request.id }, { status: 'approved', decidedAt });
    const context = await this.context(manager, request);
    await this.tellWaitingApprovers(manager, request, tally.waitingFor, {
      status: 'approved',
      message: `${context.version.label} – ${context.document.title} đã được ${context.committee.name} thông qua (${tally.approvals}/${tally.approvers} ý kiến đồng ý); tờ trình đã kết thúc, đồng chí không cần cho ý kiến nữa.`,
    });
    await appendAuditEvent(manager, {
      actorId,
      action: 'approval.request_approved',
      subjectType: 'approval_request',
      subjectId: request.id,
      organizationId: request.committeeId,
      payload: { documentId: request.documentId, versionNumber: context.version.number, stage: request.stage, stages: request.stages, approvals: tally.approvals, approvers: tally.approvers, rule: tally.rule },
    });
    const documents = manager.getRepository(CongressDocument);
    if (request.stage < request.stages) {
      const owner = await manager.getRepository(Organization).findOneOrFail({ where: { id: context.document.organizationId } });
      const nextCommittee = approvalChain(owner)[request.stage];
      await this.openStage(manager, actorId, {
        documentId: request.documentId,
        version: context.version,
        committeeId: nextCommittee,
        stage: request.stage + 1,
        stages: request.stages,
        previousStageId: request.id,
        message: request.message,
        requestedById: request.requestedById,
      });
      await documents.update({ id: request.documentId }, { lockedVersionId: request.documentVersionId });
      await this.notifications.notify(manager, await this.drafters(manager, request), {
        kind: 'approval.approved',
        documentId: request.documentId,
        approvalRequestId: request.id,
        message: `${context.committee.name} đã thông qua ${context.version.label} – ${context.document.title}; văn kiện đã được trình cấp trên phê duyệt.`,
        payload: { stage: request.stage, final: false },
      });
    } else {
      await documents.update({ id: request.documentId }, { approvedVersionId: request.documentVersionId, lockedVersionId: request.documentVersionId });
      await appendAuditEvent(manager, {
        actorId,
        action: 'document.approved',
        subjectType: 'document',
        subjectId: request.documentId,
        organizationId: context.document.organizationId,
        payload: { documentId: request.documentId, versionId: request.documentVersionId, versionNumber: context.version.number, label: context.version.label },
      });
      await this.notifications.notify(manager, await this.drafters(manager, request), {
        kind: 'approval.approved',
        documentId: request.documentId,
        approvalRequestId: request.id,
        message: `${context.committee.name} đã phê duyệt ${context.version.label} – ${context.document.title}. Đây là văn bản chính thức.`,
        payload: { stage: request.stage, final: true },
      });
    }
    return { requestId: request.id, lockDocumentId: request.documentId };
  }

  /** Opens one stage's request, tells its approvers, and records it. */
  private async openStage(
    manager: EntityManager,
    actorId: string,
    stage: { documentId: string; version: Pick<DocumentVersion, 'id' | 'number' | 'label'>; committeeId: string; stage: number; stages: number; previousStageId: string | null; message: string | null; requestedById: string | null },
  ): Promise<string> {
    const committee = await manager.getRepository(Organization).findOneOrFail({ where: { id: stage.committeeId } });
    const approvers = await this.notifications.holders(manager, committee.id, 'approver');
    if (approvers.length === 0) throw new AppError(ApprovalErrors.COMMITTEE_WITHOUT_APPROVERS, { committee: committee.code });
    const rule = committee.settings.approvalRule ?? 'majority';
    const inserted = await manager.getRepository(ApprovalRequest).insert({
      documentVersionId: stage.version.id,
      documentId: stage.documentId,
      committeeId: committee.id,
      stage: stage.stage,
      stages: stage.stages,
      previousStageId: stage.previousStageId,
      status: 'pending',
      rule,
      message: stage.message,
      requestedById: stage.requestedById,
      decidedAt: null,
    });
    const id = String(inserted.identifiers[0].id);
    const document = await manager.getRepository(CongressDocument).findOneOrFail({ where: { id: stage.documentId }, select: { id: true, title: true, organizationId: true } });
    await appendAuditEvent(manager, {
      actorId,
      action: 'approval.requested',
      subjectType: 'approval_request',
      subjectId: id,
      organizationId: committee.id,
      payload: { documentId: stage.documentId, versionId: stage.version.id, versionNumber: stage.version.number, committee: committee.code, stage: stage.stage, stages: stage.stages, rule, message: stage.message },
    });
    await this.notifications.notify(manager, approvers, {
      kind: 'approval.requested',
      documentId: stage.documentId,
      approvalRequestId: id,
      message: `${stage.version.label} – ${document.title} đang chờ ${committee.name} cho ý kiến phê duyệt.`,
      payload: { stage: stage.stage, stages: stage.stages },
    });
    return id;
  }

  /**
   * A newer version answers an open request: it closes as changes_requested when someone had
   * asked for changes (the new version is the answer), superseded otherwise.
   */
  private async closeAnsweredRequest(manager: EntityManager, actorId: string, open: ApprovalRequest, newVersionNumber: number): Promise<void> {
    const tally = await this.tally(manager, open);
    const status = tally.changeRequests > 0 ? 'changes_requested' : 'superseded';
    await this.close(manager, actorId, open, status, status === 'changes_requested' ? 'approval.answered_by_new_version' : 'approval.superseded', { newVersionNumber });
  }

  private async close(manager: EntityManager, actorId: string, request: ApprovalRequest, status: ApprovalRequestStatus, action: string, payload: Record<string, unknown> = {}): Promise<void> {
    await manager.getRepository(ApprovalRequest).update({ id: request.id }, { status, decidedAt: new Date() });
    await appendAuditEvent(manager, { actorId, action, subjectType: 'approval_request', subjectId: request.id, organizationId: request.committeeId, payload: { documentId: request.documentId, stage: request.stage, ...payload } });
    const context = await this.context(manager, request);
    const what = `${context.version.label} – ${context.document.title}`;
    const message =
      status === 'withdrawn'
        ? `Tiểu ban đã rút lại tờ trình ${what}.`
        : status === 'changes_requested'
          ? `Tờ trình ${what} đã kết thúc: Tiểu ban trả lời ý kiến đề nghị chỉnh sửa bằng phiên bản mới.`
          : `${what} đã được thay bằng phiên bản mới; tờ trình đã kết thúc.`;
    // every approver hears that it closed: those who decided, to know what became of it
    await this.tellWaitingApprovers(manager, request, await this.notifications.holders(manager, request.committeeId, 'approver'), { status, message, ...payload });
  }

  /**
   * A request closed: the approvers named get a notice saying how, and every "approval
   * requested" notice of the request is marked done (read): nobody is left waited for.
   */
  private async tellWaitingApprovers(manager: EntityManager, request: ApprovalRequest, approverIds: readonly string[], closing: { status: ApprovalRequestStatus; message: string } & Record<string, unknown>): Promise<void> {
    const { message, ...payload } = closing;
    await this.notifications.notify(manager, approverIds, { kind: 'approval.closed', documentId: request.documentId, approvalRequestId: request.id, message, payload });
    await manager.getRepository(Notification).update({ approvalRequestId: request.id, kind: 'approval.requested', readAt: IsNull() }, { readAt: new Date() });
  }

  /**
   * The committee's approvers, each with who appointed them and when. Only those appointed
   * before the request was sent count for it, so an approver appointed while it is open (a
   * puppet account, say) cannot tip it.
   */
  private async committee(manager: EntityManager, request: ApprovalRequest): Promise<CommitteeApproverView[]> {
    const rows: { id: string; name: string; appointedAt: Date; appointedById: string | null; appointedByName: string | null }[] = await manager.query(
      `SELECT m.user_id AS id, u.full_name AS name, m.created_at AS "appointedAt", m.granted_by_id AS "appointedById", g.full_name AS "appointedByName"
         FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN users g ON g.id = m.granted_by_id
        WHERE m.organization_id = $1 AND m.role = 'approver'
        ORDER BY m.created_at, m.user_id`,
      [request.committeeId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      appointedAt: new Date(row.appointedAt).toISOString(),
      appointedBy: row.appointedById ? { id: row.appointedById, name: row.appointedByName ?? '' } : null,
      counts: new Date(row.appointedAt) <= request.createdAt,
    }));
  }

  private async tally(manager: EntityManager, request: ApprovalRequest, committee?: CommitteeApproverView[]): Promise<ApprovalTally> {
    const approvers = (committee ?? (await this.committee(manager, request))).filter((approver) => approver.counts).map((approver) => approver.id);
    const decisions = await manager.getRepository(Approval).find({ where: { requestId: request.id } });
    const tally = tallyApproval(request.rule, approvers, decisions.map((d) => ({ approverId: d.approverId, decision: d.decision, withdrawn: d.withdrawnAt !== null })));
    // a closed request waits for nobody
    return request.status === 'pending' ? tally : { ...tally, waitingFor: [] };
  }

  private async authorizeDecision(userId: string, requestId: string): Promise<void> {
    const request = await this.find(requestId);
    await this.policy.authorize(userId, 'approval.decide', await this.subject(request));
  }

  private async subject(request: ApprovalRequest): Promise<Subject> {
    const document = await this.dataSource.getRepository(CongressDocument).findOneOrFail({ where: { id: request.documentId }, select: { id: true, organizationId: true } });
    return { type: 'approval_request', committee: await this.policy.organizationRef(request.committeeId), documentOwner: await this.policy.organizationRef(document.organizationId) };
  }

  private async find(requestId: string): Promise<ApprovalRequest> {
    const request = await this.dataSource.getRepository(ApprovalRequest).findOne({ where: { id: requestId } });
    if (!request) throw new AppError(ApprovalErrors.REQUEST_NOT_FOUND, { requestId });
    return request;
  }

  /**
   * Locks the document, then the request row (decisions on it queue behind each other), and
   * checks the request is still open. Always in that order, as `request` does, so a decision and
   * a new request for the same document never deadlock.
   */
  private async lockOpenRequest(manager: EntityManager, requestId: string): Promise<ApprovalRequest> {
    const unlocked = await manager.getRepository(ApprovalRequest).findOne({ where: { id: requestId }, select: { id: true, documentId: true } });
    if (!unlocked) throw new AppError(ApprovalErrors.REQUEST_NOT_FOUND, { requestId });
    await this.lockDocument(manager, unlocked.documentId);
    const request = await manager.getRepository(ApprovalRequest).findOne({ where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw new AppError(ApprovalErrors.REQUEST_NOT_FOUND, { requestId });
    if (request.status !== 'pending') throw new AppError(ApprovalErrors.REQUEST_CLOSED, { status: request.status });
    return request;
  }

  private async lockDocument(manager: EntityManager, documentId: string): Promise<CongressDocument> {
    return manager.getRepository(CongressDocument).findOneOrFail({ where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
  }

  private async drafters(manager: EntityManager, request: ApprovalRequest): Promise<string[]> {
    const document = await manager.getRepository(CongressDocument).findOneOrFail({ where: { id: request.documentId }, select: { id: true, organizationId: true } });
    const drafters = await this.notifications.holders(manager, document.organizationId, 'drafter');
    return request.requestedById ? [...drafters, request.requestedById] : drafters;
  }

  private async userName(manager: EntityManager, userId: string): Promise<string> {
    return (await manager.getRepository(User).findOne({ where: { id: userId }, select: { id: true, fullName: true } }))?.fullName ?? '';
  }

  private async context(manager: EntityManager, request: ApprovalRequest): Promise<{ document: CongressDocument; version: DocumentVersion; committee: Organization }> {
    // one after the other: a transaction's manager holds one connection
    const document = await manager.getRepository(CongressDocument).findOneOrFail({ where: { id: request.documentId } });
    const version = await manager.getRepository(DocumentVersion).findOneOrFail({ where: { id: request.documentVersionId }, select: { id: true, number: true, label: true, documentId: true } });
    const committee = await manager.getRepository(Organization).findOneOrFail({ where: { id: request.committeeId } });
    return { document, version, committee };
  }

  private async view(requestId: string): Promise<ApprovalRequestView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const request = await manager.getRepository(ApprovalRequest).findOneOrFail({ where: { id: requestId } });
      const { document, version, committee } = await this.context(manager, request);
      const decisions = await manager.getRepository(Approval).find({ where: { requestId }, order: { decidedAt: 'ASC' } });
      const approvers = await this.committee(manager, request);
      const userIds = [...new Set([...decisions.map((d) => d.approverId), ...(request.requestedById ? [request.requestedById] : [])])];
      const names = new Map((await manager.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
      return {
        id: request.id,
        documentId: request.documentId,
        documentTitle: document.title,
        versionId: version.id,
        versionNumber: version.number,
        versionLabel: version.label,
        committee: { id: committee.id, code: committee.code, name: committee.name },
        stage: request.stage,
        stages: request.stages,
        previousStageId: request.previousStageId,
        status: request.status,
        message: request.message,
        requestedBy: request.requestedById ? { id: request.requestedById, name: names.get(request.requestedById) ?? '' } : null,
        createdAt: request.createdAt.toISOString(),
        decidedAt: request.decidedAt?.toISOString() ?? null,
        tally: await this.tally(manager, request, approvers),
        approvers,
        decisions: decisions.map((d) => ({
          approverId: d.approverId,
          approverName: names.get(d.approverId) ?? '',
          decision: d.decision,
          remarks: d.remarks,
          decidedAt: d.decidedAt.toISOString(),
          withdrawnAt: d.withdrawnAt?.toISOString() ?? null,
        })),
      };
    });
  }
}
