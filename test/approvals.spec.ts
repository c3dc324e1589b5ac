import { AuditEvent } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import type { ApprovalRequestView } from '../apps/editor/src/approvals/approvals.service';
import type { NotificationView } from '../apps/editor/src/approvals/notifications.service';
import { allSaved, connectClient, typeInto, waitUntil } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient, type RunningApp } from './support/test-app';

interface ErrorBody {
  code: string;
  details?: unknown;
}
interface VersionBody {
  id: string;
  number: number;
  blockIndex: { blockId: string; type: string }[];
}

/**
 * Approval of frozen versions by standing committees, on the demo data: LC (the province, three
 * approvers, majority) and LC-TD (a district, one approver, whose documents the province must
 * approve too).
 */
describe('approval by standing committees', () => {
  let system: SeededSystem;
  let dataSource: DataSource;
  let editor: RunningApp;
  let api: ReturnType<typeof apiClient>;
  const org: Record<string, string> = {};
  let tokens: Record<string, string> = {};

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'thuongvu1', 'thuongvu2', 'thuongvu3', 'thuongvu.td', 'vanphong.td', 'vanphong.tp', 'quantri']);
    ({ dataSource, editor, tokens } = system);
    Object.assign(org, system.org);
    api = apiClient(editor.url);
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  const newDocument = async (organization: string, drafter: string): Promise<string> => {
    const created = await api.post<{ id: string }>('/api/documents', { organizationId: org[organization], kind: 'political_report', title: `Báo cáo chính trị ${organization}`, term: '2025–2030' }, tokens[drafter]);
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const freeze = async (documentId: string, drafter: string): Promise<VersionBody> => {
    const version = await api.post<VersionBody>(`/api/documents/${documentId}/versions`, {}, tokens[drafter]);
    expect(version.status).toBe(201);
    return version.body;
  };
  const sendForApproval = async (versionId: string, drafter: string): Promise<ApprovalRequestView> => {
    const request = await api.post<ApprovalRequestView>('/api/approvals', { versionId, message: 'Kính trình Ban Thường vụ' }, tokens[drafter]);
    expect(request.status).toBe(201);
    return request.body;
  };
  const decide = (requestId: string, who: string, decision: string, remarks?: string) =>
    api.post<ApprovalRequestView & ErrorBody>(`/api/approvals/${requestId}/decisions`, { decision, ...(remarks ? { remarks } : {}) }, tokens[who]);

  it('a district’s report is approved by its own standing committee, then by the province’s, and is then final everywhere', async () => {
    const documentId = await newDocument('LC-TD', 'vanphong.td');
    const v1 = await freeze(documentId, 'vanphong.td');
    const stage1 = await sendForApproval(v1.id, 'vanphong.td');
    expect(stage1).toMatchObject({ stage: 1, stages: 2, status: 'pending', committee: { code: 'LC-TD' }, tally: { rule: 'majority', approvers: 1, required: 1 } });

    // under approval: the text is locked on every path
    const locked = await api.post<ErrorBody>(`/api/documents/${documentId}/versions`, {}, tokens['vanphong.td']);
    expect([locked.status, locked.body.code]).toEqual([409, 'DOCUMENT_UNDER_APPROVAL']);
    const drafterConnection = await connectClient(editor.url, documentId, tokens['vanphong.td']);
    expect(drafterConnection.readOnly()).toBe(true);
    drafterConnection.close();
    await expect(dataSource.query(`INSERT INTO document_updates (document_id, update) VALUES ($1, '\\x0000')`, [documentId])).rejects.toThrow(/under approval/);

    // the district's approver finds it waiting, and approves
    const inbox = await api.get<ApprovalRequestView[]>('/api/approvals/inbox', tokens['thuongvu.td']);
    expect(inbox.body.map((r) => r.id)).toContain(stage1.id);
    // a province approver may not decide at the district's stage
    expect((await decide(stage1.id, 'thuongvu1', 'approve')).status).toBe(403);
    const approvedByDistrict = await decide(stage1.id, 'thuongvu.td', 'approve');
    expect(approvedByDistrict.status).toBe(201);
    expect(approvedByDistrict.body).toMatchObject({ status: 'approved', tally: { approvals: 1, outcome: 'approved' } });

    // the province's committee is asked next, with the same version
    const chain = await api.get<ApprovalRequestView[]>(`/api/approvals?documentId=${documentId}`, tokens['vanphong.td']);
    const stage2 = chain.body.find((r) => r.stage === 2);
    expect(stage2).toMatchObject({ status: 'pending', committee: { code: 'LC' }, versionId: v1.id, previousStageId: stage1.id, tally: { approvers: 3, required: 2 } });
    const document = await api.get<{ approvedVersionId: string | null; lockedVersionId: string | null }>(`/api/documents/${documentId}`, tokens['vanphong.td']);
    expect(document.body).toMatchObject({ approvedVersionId: null, lockedVersionId: v1.id });
    // the province's approvers now read the district's document (read-only)
    expect((await api.get(`/api/documents/${documentId}`, tokens.thuongvu1)).status).toBe(200);

    expect((await decide(stage2!.id, 'thuongvu1', 'approve')).body.status).toBe('pending');
    const final = await decide(stage2!.id, 'thuongvu3', 'approve', 'Đồng ý.');
    expect(final.body).toMatchObject({ status: 'approved', tally: { approvals: 2, outcome: 'approved' } });
    // a late decision on a closed request is refused
    expect((await decide(stage2!.id, 'thuongvu2', 'approve')).body.code).toBe('REQUEST_CLOSED');

    const approved = await api.get<{ approvedVersionId: string; contentSource: string }>(`/api/documents/${documentId}`, tokens['vanphong.td']);
    expect(approved.body).toMatchObject({ approvedVersionId: v1.id, contentSource: 'approved_version' });
    const refreeze = await api.post<ErrorBody>(`/api/documents/${documentId}/versions`, {}, tokens['vanphong.td']);
    expect([refreeze.status, refreeze.body.code]).toEqual([409, 'DOCUMENT_APPROVED']);
    const again = await api.post<ErrorBody>('/api/approvals', { versionId: v1.id }, tokens['vanphong.td']);
    expect([again.status, again.body.code]).toEqual([409, 'DOCUMENT_APPROVED']);
    const reader = await connectClient(editor.url, documentId, tokens['vanphong.td']);
    expect(reader.readOnly()).toBe(true);
    reader.close();

    // everything is in the document's history, with the remarks
    const history = await api.get<{ action: string; payload: Record<string, unknown> }[]>(`/api/documents/${documentId}/history`, tokens['vanphong.td']);
    const actions = history.body.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['document.created', 'version.frozen', 'approval.requested', 'approval.approved_by', 'approval.request_approved', 'document.approved']));
    expect(actions.filter((a) => a === 'approval.requested')).toHaveLength(2);
    expect(history.body.find((e) => e.action === 'approval.approved_by' && e.payload.remarks === 'Đồng ý.')).toBeDefined();
    expect(actions.indexOf('document.approved')).toBeGreaterThan(actions.lastIndexOf('approval.approved_by'));
  });

  it('a request for changes blocks approval until withdrawn or answered by a new version, and reopens the text', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const v1 = await freeze(documentId, 'tieuban');
    const request = await sendForApproval(v1.id, 'tieuban');
    expect((await decide(request.id, 'thuongvu1', 'approve')).status).toBe(201);

    const noRemarks = await decide(request.id, 'thuongvu2', 'request_changes');
    expect([noRemarks.status, noRemarks.body.code]).toEqual([422, 'REMARKS_REQUIRED']);
    const changes = await decide(request.id, 'thuongvu2', 'request_changes', 'Cần làm rõ chỉ tiêu tăng trưởng.');
    expect(changes.body).toMatchObject({ status: 'pending', tally: { outcome: 'blocked', changeRequests: 1 } });
    // a majority approves, yet the open request for changes blocks
    expect((await decide(request.id, 'thuongvu3', 'approve')).body).toMatchObject({ status: 'pending', tally: { approvals: 2, outcome: 'blocked' } });
    // deciding twice is a conflict; withdrawing lets the approver decide again
    expect((await decide(request.id, 'thuongvu2', 'approve')).body.code).toBe('ALREADY_DECIDED');

    // the text went back to the drafters: they edit and answer with a new version
    const client = await connectClient(editor.url, documentId, tokens.tieuban);
    expect(client.readOnly()).toBe(false);
    const paragraph = v1.blockIndex.find((b) => b.type === 'paragraph')!.blockId;
    typeInto(client.ydoc, paragraph, 0, 'Làm rõ: ');
    await allSaved(client);
    client.close();
    const v2 = await freeze(documentId, 'tieuban');
    const answer = await sendForApproval(v2.id, 'tieuban');
    expect(answer).toMatchObject({ versionNumber: 2, stage: 1, status: 'pending', tally: { approvals: 0 } });
    const old = await api.get<ApprovalRequestView>(`/api/approvals/${request.id}`, tokens.tieuban);
    expect(old.body.status).toBe('changes_requested');
    // the drafters were told of each decision, with the remarks
    const told = await api.get<{ notifications: NotificationView[] }>('/api/notifications', tokens.tieuban);
    expect(told.body.notifications.find((n) => n.kind === 'approval.decided' && n.message.includes('Cần làm rõ chỉ tiêu tăng trưởng.'))).toBeDefined();

    // on the new request, an approver asks for changes and then withdraws it: the majority carries
    await decide(answer.id, 'thuongvu1', 'request_changes', 'Sửa lỗi chính tả.');
    await decide(answer.id, 'thuongvu2', 'approve');
    expect((await decide(answer.id, 'thuongvu3', 'approve')).body.tally.outcome).toBe('blocked');
    const withdrawn = await api.post<ApprovalRequestView>(`/api/approvals/${answer.id}/decisions/withdraw`, {}, tokens.thuongvu1);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'approved', tally: { approvals: 2, changeRequests: 0 } });
    const document = await api.get<{ approvedVersionId: string }>(`/api/documents/${documentId}`, tokens.tieuban);
    expect(document.body.approvedVersionId).toBe(v2.id);
  });

  it('counts decisions taken at the same moment once each, and approves once', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const v1 = await freeze(documentId, 'tieuban');
    const request = await sendForApproval(v1.id, 'tieuban');
    const results = await Promise.all(['thuongvu1', 'thuongvu2', 'thuongvu3', 'thuongvu1'].map((who) => decide(request.id, who, 'approve')));
    const statuses = results.map((r) => r.status);
    // thuongvu1 twice: one of the two is a conflict; the third approver may find it already approved
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(2);
    expect(results.every((r) => r.status === 201 || ['ALREADY_DECIDED', 'REQUEST_CLOSED'].includes(r.body.code))).toBe(true);
    const final = await api.get<ApprovalRequestView>(`/api/approvals/${request.id}`, tokens.tieuban);
    expect(final.body.status).toBe('approved');
    expect(new Set(final.body.decisions.map((d) => d.approverId)).size).toBe(final.body.decisions.length);
    const approvedEvents = await dataSource.getRepository(AuditEvent).count({ where: { action: 'document.approved', subjectId: documentId } });
    expect(approvedEvents).toBe(1);
  });

  it('two drafters sending the same version at the same moment open one request', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const v1 = await freeze(documentId, 'tieuban');
    const results = await Promise.all([1, 2].map(() => api.post<ErrorBody>('/api/approvals', { versionId: v1.id }, tokens.tieuban)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('ALREADY_PENDING');
  });

  it('refuses bad input and people without the role, and leaves what is stored unchanged', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const v1 = await freeze(documentId, 'tieuban');
    const notUuid = await api.post<ErrorBody>('/api/approvals', { versionId: 'v1' }, tokens.tieuban);
    expect([notUuid.status, notUuid.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.post<ErrorBody>('/api/approvals', { versionId: v1.id, message: 'x'.repeat(5001) }, tokens.tieuban)).status).toBe(400);
    expect((await api.post<ErrorBody>('/api/approvals', { versionId: v1.id, stage: 2 }, tokens.tieuban)).status).toBe(400);
    expect((await api.post<ErrorBody>('/api/notifications/not-an-id/read', {}, tokens.tieuban)).status).toBe(400);
    expect((await api.get<ErrorBody>('/api/approvals?documentId=doc', tokens.tieuban)).status).toBe(400);
    const unknown = await api.post<ErrorBody>('/api/approvals', { versionId: '00000000-0000-4000-8000-000000000000' }, tokens.tieuban);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'VERSION_NOT_FOUND']);
    // only the document's drafters send it; approvers and clerks do not
    for (const who of ['thuongvu1', 'vanphong.tp', 'quantri', 'vanphong.td']) {
      expect((await api.post('/api/approvals', { versionId: v1.id }, tokens[who])).status).toBe(403);
    }
    const v2 = await freeze(documentId, 'tieuban');
    const older = await api.post<ErrorBody>('/api/approvals', { versionId: v1.id }, tokens.tieuban);
    expect([older.status, older.body.code]).toEqual([422, 'NOT_LATEST_VERSION']);
    const request = await sendForApproval(v2.id, 'tieuban');
    const twice = await api.post<ErrorBody>('/api/approvals', { versionId: v2.id }, tokens.tieuban);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_PENDING']);

    const badDecision = await api.post<ErrorBody>(`/api/approvals/${request.id}/decisions`, { decision: 'maybe' }, tokens.thuongvu1);
    expect([badDecision.status, badDecision.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.post<ErrorBody>(`/api/approvals/${request.id}/decisions`, { decision: 'approve', remarks: 'x'.repeat(10_001) }, tokens.thuongvu1)).status).toBe(400);
    expect((await api.post<ErrorBody>('/api/approvals/not-an-id/decisions', { decision: 'approve' }, tokens.thuongvu1)).status).toBe(400);
    // drafters, clerks and the district's approver do not decide for the province
    for (const who of ['tieuban', 'vanphong.tp', 'thuongvu.td']) expect((await decide(request.id, who, 'approve')).status).toBe(403);
    expect((await api.get(`/api/approvals/${request.id}`, tokens['vanphong.tp'])).status).toBe(403);
    const noDecision = await api.post<ErrorBody>(`/api/approvals/${request.id}/decisions/withdraw`, {}, tokens.thuongvu1);
    expect([noDecision.status, noDecision.body.code]).toEqual([409, 'NO_DECISION']);
    expect((await api.get<ErrorBody>('/api/approvals/00000000-0000-4000-8000-000000000000', tokens.tieuban)).body.code).toBe('REQUEST_NOT_FOUND');
    expect((await api.post(`/api/approvals/${request.id}/withdraw`, {}, tokens.thuongvu1)).status).toBe(403);

    // nothing of that changed the request
    const unchanged = await api.get<ApprovalRequestView>(`/api/approvals/${request.id}`, tokens.tieuban);
    expect(unchanged.body).toMatchObject({ status: 'pending', decisions: [] });

    // the drafters withdraw it: the approvers are told, and the text is open again
    const withdrawn = await api.post<ApprovalRequestView>(`/api/approvals/${request.id}/withdraw`, {}, tokens.tieuban);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await decide(request.id, 'thuongvu1', 'approve')).body.code).toBe('REQUEST_CLOSED');
    expect((await api.post(`/api/documents/${documentId}/versions`, {}, tokens.tieuban)).status).toBe(201);
  });

  it('shows approvers what waits for them and drafters the decisions, each their own', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const v1 = await freeze(documentId, 'tieuban');
    const request = await sendForApproval(v1.id, 'tieuban');
    const waiting = await api.get<{ unread: number; notifications: NotificationView[] }>('/api/notifications?unread=true', tokens.thuongvu2);
    const mine = waiting.body.notifications.find((n) => n.approvalRequestId === request.id && n.kind === 'approval.requested');
    expect(mine).toBeDefined();
    expect(mine!.message).toContain('đang chờ');
    // another user's notification is not theirs to read or mark
    expect((await api.post(`/api/notifications/${mine!.id}/read`, {}, tokens.thuongvu1)).status).toBe(404);
    expect((await api.get('/api/notifications?unread=perhaps', tokens.thuongvu2)).status).toBe(400);
    const read = await api.post<NotificationView>(`/api/notifications/${mine!.id}/read`, {}, tokens.thuongvu2);
    expect(read.body.readAt).not.toBeNull();
    const after = await api.get<{ unread: number }>('/api/notifications', tokens.thuongvu2);
    expect(after.body.unread).toBe(waiting.body.unread - 1);

    await decide(request.id, 'thuongvu2', 'approve');
    // the approver who decided no longer finds it waiting; the others still do
    expect((await api.get<ApprovalRequestView[]>('/api/approvals/inbox', tokens.thuongvu2)).body.map((r) => r.id)).not.toContain(request.id);
    expect((await api.get<ApprovalRequestView[]>('/api/approvals/inbox', tokens.thuongvu3)).body.map((r) => r.id)).toContain(request.id);
    const drafter = await api.get<{ notifications: NotificationView[] }>('/api/notifications', tokens.tieuban);
    expect(drafter.body.notifications.some((n) => n.approvalRequestId === request.id && n.kind === 'approval.decided')).toBe(true);
    expect((await api.post<{ marked: number }>('/api/notifications/read-all', {}, tokens.tieuban)).body.marked).toBeGreaterThan(0);
    expect((await api.get<{ unread: number }>('/api/notifications', tokens.tieuban)).body.unread).toBe(0);
  });

  it('closes open collaboration connections when a document is sent for approval', async () => {
    const documentId = await newDocument('LC', 'tieuban');
    const client = await connectClient(editor.url, documentId, tokens.tieuban);
    expect(client.readOnly()).toBe(false);
    const v1 = await freeze(documentId, 'tieuban');
    let closed = false;
    client.provider.on('close', () => {
      closed = true;
    });
    await sendForApproval(v1.id, 'tieuban');
    await waitUntil(() => closed, 10_000, 'the connection to be closed');
    client.close();
  });
});
