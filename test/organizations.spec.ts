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
});
