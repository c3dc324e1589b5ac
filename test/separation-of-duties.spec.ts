import type { ApprovalRequestView } from '../apps/editor/src/approvals/approvals.service';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient } from './support/test-app';

interface ErrorBody {
  code: string;
}

/**
 * Approval is the standing committee's act: whoever administers accounts cannot make it theirs
 * (findings of an attack pass: an admin made itself an approver, and a second, puppet approver,
 * and their two approvals made the document final). And each role sees what it needs of the
 * tree and of rounds, no more.
 */
describe('separation of duties and what each role sees', () => {
  let system: SeededSystem;
  let api: ReturnType<typeof apiClient>;
  let editorApi: ReturnType<typeof apiClient>;
  let tokens: Record<string, string>;
  const org: Record<string, string> = {};
  let adminId = '';

  beforeAll(async () => {
    system = await seededSystem(['quantri', 'tieuban', 'thuongvu1', 'thuongvu2', 'nghihuu1', 'vanphong.pt', 'vanphong.tp']);
    ({ tokens } = system);
    Object.assign(org, system.org);
    api = apiClient(system.feedback.url);
    editorApi = apiClient(system.editor.url);
    adminId = (await api.get<{ id: string }>('/api/me', tokens.quantri)).body.id;
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  it('an admin grants no role to itself', async () => {
    for (const role of ['approver', 'drafter', 'clerk']) {
      const selfGrant = await api.post<ErrorBody>(`/api/organizations/${org.LC}/memberships`, { userId: adminId, role }, tokens.quantri);
      expect([role, selfGrant.status, selfGrant.body.code]).toEqual([role, 403, 'GRANT_TO_SELF']);
    }
    const memberships = await api.get<{ userId: string; role: string }[]>(`/api/organizations/${org.LC}/memberships`, tokens.quantri);
    expect(memberships.body.filter((m) => m.userId === adminId).map((m) => m.role)).toEqual(['admin']);
  });

  it('an approver appointed after a request was sent neither counts nor decides on it, and the request shows who appointed whom when', async () => {
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'resolution', title: 'Dự thảo Nghị quyết Đại hội', term: '2025–2030' }, tokens.tieuban);
    const version = await editorApi.post<{ id: string }>(`/api/documents/${document.body.id}/versions`, {}, tokens.tieuban);
    const request = await editorApi.post<ApprovalRequestView>('/api/approvals', { versionId: version.body.id }, tokens.tieuban);
    expect(request.status).toBe(201);
    // the admin makes a second approver account while the request is open
    const puppet = await api.post<{ id: string }>('/api/users', { email: 'thuongvu.moi@vankien.local', fullName: 'Ủy viên mới', password: 'mat-khau-du-dai', organizationId: org.LC, role: 'approver' }, tokens.quantri);
    expect(puppet.status).toBe(201);
    const puppetToken = await system.login('puppet', 'thuongvu.moi@vankien.local', 'mat-khau-du-dai');

    const refused = await editorApi.post<ErrorBody>(`/api/approvals/${request.body.id}/decisions`, { decision: 'approve' }, puppetToken);
    expect([refused.status, refused.body.code]).toEqual([403, 'APPOINTED_AFTER_REQUEST']);
    // three approvers counted when it was sent: one approval is not a majority
    const one = await editorApi.post<ApprovalRequestView>(`/api/approvals/${request.body.id}/decisions`, { decision: 'approve' }, tokens.thuongvu1);
    expect(one.body.tally).toMatchObject({ approvers: 3, required: 2, approvals: 1, outcome: 'pending' });
    expect(one.body.status).toBe('pending');
    const appointed = one.body.approvers.find((a) => a.id === puppet.body.id);
    expect(appointed).toMatchObject({ counts: false, appointedBy: { id: adminId, name: 'Quản trị hệ thống' } });
    expect(one.body.approvers.filter((a) => a.counts)).toHaveLength(3);
    // the committee as it was decides
    const two = await editorApi.post<ApprovalRequestView>(`/api/approvals/${request.body.id}/decisions`, { decision: 'approve' }, tokens.thuongvu2);
    expect(two.body.status).toBe('approved');
  });

  it('an organisation may reserve the deciding roles to an admin of a higher level', async () => {
    const district = await api.post<{ id: string }>('/api/organizations', { parentId: org.LC, name: 'Đảng bộ huyện Tân Uyên', code: 'LC-TU', level: 'district', kind: 'party_organization', decidingRolesGrantedBy: 'upper_level' }, tokens.quantri);
    expect(district.status).toBe(201);
    const districtAdmin = await api.post<{ id: string }>('/api/users', { email: 'quantri.tu@vankien.local', fullName: 'Quản trị huyện Tân Uyên', password: 'mat-khau-du-dai', organizationId: district.body.id, role: 'admin' }, tokens.quantri);
    const districtAdminToken = await system.login('quantri.tu', 'quantri.tu@vankien.local', 'mat-khau-du-dai');
    const member = await api.post<{ id: string }>('/api/users', { email: 'canbo.tu@vankien.local', fullName: 'Cán bộ huyện Tân Uyên', password: 'mat-khau-du-dai', organizationId: district.body.id, role: 'clerk' }, districtAdminToken);
    expect(member.status).toBe(201);

    for (const role of ['approver', 'drafter']) {
      const fromDistrict = await api.post<ErrorBody>(`/api/organizations/${district.body.id}/memberships`, { userId: member.body.id, role }, districtAdminToken);
      expect([role, fromDistrict.status, fromDistrict.body.code]).toEqual([role, 403, 'GRANT_RESERVED_TO_UPPER_LEVEL']);
    }
    const newApprover = await api.post<ErrorBody>('/api/users', { email: 'thuongvu.tu@vankien.local', fullName: 'Ủy viên huyện', password: 'mat-khau-du-dai', organizationId: district.body.id, role: 'approver' }, districtAdminToken);
    expect([newApprover.status, newApprover.body.code]).toEqual([403, 'GRANT_RESERVED_TO_UPPER_LEVEL']);
    expect((await api.post(`/api/organizations/${district.body.id}/memberships`, { userId: member.body.id, role: 'approver' }, tokens.quantri)).status).toBe(201);
    expect((await api.post(`/api/organizations/${district.body.id}/memberships`, { userId: districtAdmin.body.id, role: 'contributor' }, districtAdminToken)).status).toBe(403);
  });

  it('a contributor sees its own group and the levels above, not the rest of the tree; a clerk its own branch', async () => {
    const seen = await api.get<{ code: string }[]>(`/api/organizations/${org.LC}/subtree`, tokens.nghihuu1);
    expect(seen.status).toBe(200);
    expect(seen.body.map((o) => o.code).sort()).toEqual(['LC', 'LC-NGH']);
    expect((await api.get(`/api/organizations/${org['LC-TD']}`, tokens.nghihuu1)).status).toBe(403);
    expect((await api.get(`/api/organizations/${org['LC-MTTQ']}/subtree`, tokens.nghihuu1)).status).toBe(403);
    const clerkSees = await api.get<{ code: string }[]>(`/api/organizations/${org.LC}/subtree`, tokens['vanphong.pt']);
    expect(clerkSees.body.map((o) => o.code).sort()).toEqual(['LC', 'LC-PT', 'LC-PT-CB1', 'LC-PT-CB2']);
    const drafterSees = await api.get<{ code: string }[]>(`/api/organizations/${org.LC}/subtree`, tokens.tieuban);
    expect(drafterSees.body.length).toBeGreaterThan(10);
  });

  it('an invited clerk sees a round and its template only once it is opened', async () => {
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'action_program', title: 'Chương trình hành động', term: '2025–2030' }, tokens.tieuban);
    const version = await editorApi.post<{ id: string }>(`/api/documents/${document.body.id}/versions`, {}, tokens.tieuban);
    const round = await api.post<{ id: string }>(
      '/api/rounds',
      { organizationId: org.LC, title: 'Góp ý Chương trình hành động', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [version.body.id], invitations: { organizationIds: [org['LC-TP']] } },
      tokens.tieuban,
    );
    const roundId = round.body.id;
    expect((await api.get(`/api/rounds/${roundId}`, tokens['vanphong.tp'])).status).toBe(403);
    expect((await api.get(`/api/rounds/${roundId}/template.xlsx`, tokens['vanphong.tp'])).status).toBe(403);
    expect((await api.get<{ id: string }[]>('/api/rounds', tokens['vanphong.tp'])).body.map((r) => r.id)).not.toContain(roundId);
    expect((await editorApi.get(`/api/versions/${version.body.id}`, tokens['vanphong.tp'])).status).toBe(403);
    expect((await api.post(`/api/rounds/${roundId}/open`, {}, tokens.tieuban)).status).toBe(200);
    expect((await api.get(`/api/rounds/${roundId}`, tokens['vanphong.tp'])).status).toBe(200);
    expect((await api.get(`/api/rounds/${roundId}/template.xlsx`, tokens['vanphong.tp'])).status).toBe(200);
    expect((await editorApi.get(`/api/versions/${version.body.id}`, tokens['vanphong.tp'])).status).toBe(200);
  });
});
