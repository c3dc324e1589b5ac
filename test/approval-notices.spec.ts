import mammoth from 'mammoth';
import type { ApprovalRequestView, NotificationListView } from '../apps/editor/src/approvals/dto/approval-views.dto';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient } from './support/test-app';

/**
 * When a request for approval closes, the approvers who had not decided are told that it
 * closed and how, their "approval requested" notice is done, and nobody is listed as waited for.
 */
describe('approval notices when a request closes', () => {
  let system: SeededSystem;
  let editorApi: ReturnType<typeof apiClient>;
  let tokens: Record<string, string>;
  let org: Record<string, string>;

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'thuongvu1', 'thuongvu2', 'thuongvu3']);
    ({ tokens, org } = system);
    editorApi = apiClient(system.editor.url);
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  const sendForApproval = async (title: string): Promise<{ documentId: string; requestId: string }> => {
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'resolution', title, term: '2025–2030' }, tokens.tieuban);
    const version = await editorApi.post<{ id: string }>(`/api/documents/${document.body.id}/versions`, {}, tokens.tieuban);
    const request = await editorApi.post<ApprovalRequestView>('/api/approvals', { versionId: version.body.id }, tokens.tieuban);
    expect(request.status).toBe(201);
    return { documentId: document.body.id, requestId: request.body.id };
  };
  const noticesOf = async (who: string, requestId: string) =>
    (await editorApi.get<NotificationListView>('/api/notifications', tokens[who])).body.notifications.filter((n) => n.approvalRequestId === requestId);

  it('an approved request: the approver still waiting is told, and its request notice is done', async () => {
    const { documentId, requestId } = await sendForApproval('Nghị quyết Đại hội (thông qua)');
    expect((await noticesOf('thuongvu3', requestId)).map((n) => [n.kind, n.readAt])).toEqual([['approval.requested', null]]);
    await editorApi.post(`/api/approvals/${requestId}/decisions`, { decision: 'approve' }, tokens.thuongvu1);
    const approved = await editorApi.post<ApprovalRequestView>(`/api/approvals/${requestId}/decisions`, { decision: 'approve' }, tokens.thuongvu2);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.tally.waitingFor).toEqual([]);

    const notices = await noticesOf('thuongvu3', requestId);
    const closed = notices.find((n) => n.kind === 'approval.closed');
    expect(closed).toMatchObject({ payload: { status: 'approved' }, readAt: null });
    expect(closed?.message).toContain('thông qua');
    expect(notices.find((n) => n.kind === 'approval.requested')?.readAt).not.toBeNull();
    // those who decided are not told what they did themselves
    expect((await noticesOf('thuongvu2', requestId)).filter((n) => n.kind === 'approval.closed')).toEqual([]);

    // the approved text prints as the official one: no draft label, the date of its approval
    const exported = await fetch(`${system.editor.url}/api/documents/${documentId}/export.docx`, { headers: { authorization: `Bearer ${tokens.tieuban}` } });
    expect(exported.headers.get('content-disposition')).toMatch(/filename="[^"]*-ban-da-phe-duyet\.docx"/);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await exported.arrayBuffer()) });
    expect(text).not.toMatch(/DỰ THẢO/);
    expect(text).toMatch(/Lai Châu, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  });

  it('a request answered by a new version after a request for changes: every approver is told how it closed', async () => {
    const { documentId, requestId } = await sendForApproval('Nghị quyết Đại hội (chỉnh sửa)');
    await editorApi.post(`/api/approvals/${requestId}/decisions`, { decision: 'request_changes', remarks: 'Đề nghị viết lại phần mục tiêu.' }, tokens.thuongvu1);
    const next = await editorApi.post<{ id: string }>(`/api/documents/${documentId}/versions`, {}, tokens.tieuban);
    expect((await editorApi.post('/api/approvals', { versionId: next.body.id }, tokens.tieuban)).status).toBe(201);
    const closedRequest = await editorApi.get<ApprovalRequestView>(`/api/approvals/${requestId}`, tokens.thuongvu2);
    expect(closedRequest.body.status).toBe('changes_requested');
    expect(closedRequest.body.tally.waitingFor).toEqual([]);
    for (const who of ['thuongvu2', 'thuongvu3']) {
      const notices = await noticesOf(who, requestId);
      expect(notices.find((n) => n.kind === 'approval.closed')).toMatchObject({ payload: { status: 'changes_requested' }, message: expect.stringContaining('phiên bản mới') });
      expect(notices.find((n) => n.kind === 'approval.requested')?.readAt).not.toBeNull();
    }
  });
});
