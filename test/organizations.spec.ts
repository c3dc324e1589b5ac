import { AuditEvent, Membership, Organization, User } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

interface OrganizationView {
  id: string;
  code: string;
  depth: number;
  parentId: string | null;
}

describe('organisation tree, accounts and roles', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let admin: string;
  const idOf = async (code: string): Promise<string> => (await dataSource.getRepository(Organization).findOneByOrFail({ code })).id;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    feedback = await startApp('feedback', serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' }));
    api = apiClient(feedback.url);
    admin = (await login(feedback.url, 'quantri@vankien.local')).accessToken;
  });

  afterAll(async () => {
    await feedback?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers a subtree level by level, to a given depth', async () => {
    const province = await idOf('LC');
    const all = await api.get<OrganizationView[]>(`/api/organizations/${province}/subtree`, admin);
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(13);
    expect(all.body[0].code).toBe('LC');
    const children = await api.get<OrganizationView[]>(`/api/organizations/${province}/subtree?depth=1`, admin);
    expect(children.body.map((o) => o.depth).every((depth) => depth <= 1)).toBe(true);
    expect(children.body).toHaveLength(7);
    const district = await api.get<OrganizationView[]>(`/api/organizations/${await idOf('LC-TD')}/subtree`, admin);
    expect(district.body.map((o) => o.code)).toEqual(['LC-TD', 'LC-TD-CB1', 'LC-TD-CB2']);
  });

  it('keeps levels as data: a tree of any depth works', async () => {
    let parentId = await idOf('LC-TD-CB1');
    for (let depth = 0; depth < 6; depth += 1) {
      const created = await api.post<OrganizationView>('/api/organizations', { parentId, name: `Tổ đảng ${depth}`, code: `DEEP-${depth}`, level: 'party_group', kind: 'party_organization' }, admin);
      expect(created.status).toBe(201);
      parentId = created.body.id;
    }
    const subtree = await api.get<OrganizationView[]>(`/api/organizations/${await idOf('LC-TD')}/subtree`, admin);
    expect(subtree.body.find((o) => o.code === 'DEEP-5')?.depth).toBe(8);
  });

  it('lets an admin create an account with a role, recorded in the audit chain', async () => {
    const organizationId = await idOf('LC-PT');
    const created = await api.post<{ id: string }>('/api/users', { email: 'Moi@Vankien.local', fullName: 'Cán bộ mới', password: 'mat-khau-du-dai', organizationId, role: 'clerk' }, admin);
    expect(created.status).toBe(201);
    const tokens = await login(feedback.url, 'moi@vankien.local', 'mat-khau-du-dai');
    const me = await api.get<{ memberships: { role: string; organizationCode: string }[] }>('/api/me', tokens.accessToken);
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'clerk', organizationCode: 'LC-PT' })]);
    const events = await dataSource.getRepository(AuditEvent).find({ where: { subjectId: created.body.id }, order: { id: 'ASC' } });
    expect(events.map((event) => event.action).filter((action) => action !== 'auth.login')).toEqual(['user.created', 'membership.granted']);
  });

  it('grants and revokes roles, each an audit event; a duplicate grant is a conflict', async () => {
    const organizationId = await idOf('LC-TP');
    const user = await dataSource.getRepository(User).findOneByOrFail({ email: 'vanphong.pt@vankien.local' });
    const granted = await api.post<{ id: string }>(`/api/organizations/${organizationId}/memberships`, { userId: user.id, role: 'contributor' }, admin);
    expect(granted.status).toBe(201);
    const again = await api.post<{ code: string }>(`/api/organizations/${organizationId}/memberships`, { userId: user.id, role: 'contributor' }, admin);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ROLE_ALREADY_HELD');
    const revoked = await api.delete(`/api/organizations/${organizationId}/memberships/${granted.body.id}`, admin);
    expect(revoked.status).toBe(204);
    expect(await dataSource.getRepository(Membership).countBy({ id: granted.body.id })).toBe(0);
    const actions = (await dataSource.getRepository(AuditEvent).find({ where: { subjectId: user.id, organizationId } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['membership.granted', 'membership.revoked']));
  });

  it('refuses what the policy refuses, and bad input with the field named', async () => {
    const clerk = (await login(feedback.url, 'vanphong.tp@vankien.local')).accessToken;
    const drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    const before = await dataSource.getRepository(Organization).count();
    const asClerk = await api.post<{ code: string }>('/api/organizations', { parentId: await idOf('LC-TP'), name: 'X', code: 'X1', level: 'cell', kind: 'party_organization' }, clerk);
    expect(asClerk.status).toBe(403);
    expect(asClerk.body.code).toBe('FORBIDDEN');
    const drafterGrants = await api.post<{ code: string }>(`/api/organizations/${await idOf('LC')}/memberships`, { userId: (await dataSource.getRepository(User).findOneByOrFail({ email: 'tieuban@vankien.local' })).id, role: 'admin' }, drafter);
    expect(drafterGrants.status).toBe(403);
    const siblingRead = await api.get<{ code: string }>(`/api/organizations/${await idOf('LC-PT')}`, clerk);
    expect(siblingRead.status).toBe(403);
    const badKind = await api.post<{ code: string; details: { field: string }[] }>('/api/organizations', { parentId: await idOf('LC'), name: 'X', code: 'bad code!', level: 'Cell', kind: 'club' }, admin);
    expect(badKind.status).toBe(400);
    expect(badKind.body.details.map((d) => d.field).sort()).toEqual(['code', 'kind', 'level']);
    const duplicate = await api.post<{ code: string }>('/api/organizations', { parentId: await idOf('LC'), name: 'X', code: 'LC-TP', level: 'district', kind: 'party_organization' }, admin);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('ORGANIZATION_CODE_TAKEN');
    const notUuid = await api.get<{ code: string }>('/api/organizations/not-a-uuid', admin);
    expect(notUuid.status).toBe(400);
    const missing = await api.get<{ code: string }>('/api/organizations/00000000-0000-4000-8000-000000000000', admin);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORGANIZATION_NOT_FOUND');
    expect(await dataSource.getRepository(Organization).count()).toBe(before);
  });

  describe('finding the accounts an admin may manage', () => {
    interface AccountPage {
      total: number;
      limit: number;
      offset: number;
      items: { id: string; email: string; fullName: string; roles: { organizationId: string; organizationName: string; role: string }[] }[];
    }
    let districtAdmin: string;

    beforeAll(async () => {
      const made = await api.post('/api/users', { email: 'quantri.timkiem@vankien.local', fullName: 'Quản trị huyện Tam Đường', password: 'mat-khau-du-dai', organizationId: await idOf('LC-TD'), role: 'admin' }, admin);
      expect(made.status).toBe(201);
      districtAdmin = (await login(feedback.url, 'quantri.timkiem@vankien.local', 'mat-khau-du-dai')).accessToken;
      // the province's drafter also holds a role in one of the district's cells
      const tieuban = await dataSource.getRepository(User).findOneByOrFail({ email: 'tieuban@vankien.local' });
      const granted = await api.post(`/api/organizations/${await idOf('LC-TD-CB2')}/memberships`, { userId: tieuban.id, role: 'contributor' }, admin);
      expect(granted.status).toBe(201);
    });

    it('matches names and e-mails in NFC and without tone marks, paged', async () => {
      const province = await idOf('LC');
      const toneless = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=${encodeURIComponent('hoang van EM')}`, admin);
      expect(toneless.status).toBe(200);
      expect(toneless.body.items.map((a) => a.email)).toEqual(['thuongvu.td@vankien.local']);
      const decomposed = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=${encodeURIComponent('Tiểu ban Văn kiện'.normalize('NFD'))}`, admin);
      expect(decomposed.body.items.map((a) => a.email)).toEqual(['tieuban@vankien.local']);
      // without tone marks, "nguyen" is also "nguyên" (a former secretary): both are found
      const toneless2 = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=nguyen`, admin);
      expect(toneless2.body.items.map((a) => a.email).sort()).toEqual(['nghihuu1@vankien.local', 'nghihuu2@vankien.local', 'tieuban@vankien.local']);
      const byEmail = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=THUONGVU`, admin);
      expect(byEmail.body.total).toBe(4);
      const first = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=thuongvu&limit=3`, admin);
      const rest = await api.get<AccountPage>(`/api/organizations/${province}/accounts?query=thuongvu&limit=3&offset=3`, admin);
      expect([first.body.items.length, rest.body.items.length, first.body.total]).toEqual([3, 1, 4]);
      expect(new Set([...first.body.items, ...rest.body.items].map((a) => a.id)).size).toBe(4);
    });

    it('an admin of a district never sees the province’s accounts, nor their roles outside the district', async () => {
      const district = await api.get<AccountPage>(`/api/organizations/${await idOf('LC-TD')}/accounts?limit=100`, districtAdmin);
      expect(district.status).toBe(200);
      const emails = district.body.items.map((a) => a.email);
      expect(emails).toEqual(expect.arrayContaining(['vanphong.td@vankien.local', 'thuongvu.td@vankien.local', 'chibo.binhlu@vankien.local', 'quantri.timkiem@vankien.local']));
      for (const outside of ['quantri@vankien.local', 'thuongvu1@vankien.local', 'vanphong.tp@vankien.local', 'vanphong.pt@vankien.local', 'mttq@vankien.local']) expect(emails).not.toContain(outside);
      // the province's drafter appears only through the district's cell, with that role alone
      const tieuban = district.body.items.find((a) => a.email === 'tieuban@vankien.local');
      expect(tieuban?.roles).toEqual([expect.objectContaining({ role: 'contributor', organizationId: await idOf('LC-TD-CB2') })]);
      const everyOrganization = new Set(district.body.items.flatMap((a) => a.roles.map((r) => r.organizationId)));
      const subtree = new Set([await idOf('LC-TD'), await idOf('LC-TD-CB1'), await idOf('LC-TD-CB2')]);
      expect([...everyOrganization].every((id) => subtree.has(id))).toBe(true);
      // the province itself, and a sibling district: refused
      for (const code of ['LC', 'LC-PT']) {
        const refused = await api.get<{ code: string }>(`/api/organizations/${await idOf(code)}/accounts?query=nguyen`, districtAdmin);
        expect([code, refused.status, refused.body.code]).toEqual([code, 403, 'FORBIDDEN']);
      }
      // someone who administers nothing
      const clerk = (await login(feedback.url, 'vanphong.td@vankien.local')).accessToken;
      expect((await api.get(`/api/organizations/${await idOf('LC-TD')}/accounts`, clerk)).status).toBe(403);
    });

    it('refuses bad input with the field named', async () => {
      const province = await idOf('LC');
      const bad = await api.get<{ code: string; details: { field: string }[] }>(`/api/organizations/${province}/accounts?limit=0&offset=-1`, admin);
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d) => d.field).sort()).toEqual(['limit', 'offset']);
      const tooLong = await api.get<{ details: { field: string }[] }>(`/api/organizations/${province}/accounts?query=${'a'.repeat(201)}&limit=abc`, admin);
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.details.map((d) => d.field).sort()).toEqual(['limit', 'query']);
      const control = await api.get<{ details: { field: string }[] }>(`/api/organizations/${province}/accounts?query=%00`, admin);
      expect(control.status).toBe(400);
      expect(control.body.details.map((d) => d.field)).toEqual(['query']);
      expect((await api.get(`/api/organizations/not-a-uuid/accounts`, admin)).status).toBe(400);
      const missing = await api.get<{ code: string }>('/api/organizations/00000000-0000-4000-8000-000000000000/accounts', admin);
      expect([missing.status, missing.body.code]).toEqual([404, 'ORGANIZATION_NOT_FOUND']);
    });
  });
});
