import { Comment, Organization } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from '../support/test-app';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * The database connection dies in the middle of a 10,000-comment bulk request (as when
 * PostgreSQL restarts): the request fails cleanly and nothing of it is stored; after the
 * database is back the same request succeeds once.
 */
describe('a bulk insert interrupted by a database outage', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let proxy: TcpProxy;
  let feedback: RunningApp;
  let editor: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    const url = new URL(database.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    feedback = await startApp('feedback', serviceEnvironment(database, { DATABASE_URL: proxy.proxiedUrl(database.url), LOGIN_ATTEMPTS_PER_MINUTE: '1000' }));
    editor = await startApp('editor', serviceEnvironment(database));
  });

  afterAll(async () => {
    await feedback?.close();
    await editor?.close();
    await proxy?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores nothing of a request cut off mid-way, and accepts its retry', async () => {
    const org = Object.fromEntries((await dataSource.getRepository(Organization).find()).map((o) => [o.code, o.id]));
    const drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    const clerk = (await login(feedback.url, 'vanphong.td@vankien.local')).accessToken;
    const api = apiClient(feedback.url);
    const editorApi = apiClient(editor.url);
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'resolution', title: 'Nghị quyết', term: '2025–2030' }, drafter);
    const version = await editorApi.post<{ id: string; blockIndex: { blockId: string; type: string }[] }>(`/api/documents/${document.body.id}/versions`, {}, drafter);
    const paragraphs = version.body.blockIndex.filter((b) => b.type === 'paragraph').map((b) => b.blockId);
    const round = await api.post<{ id: string }>(
      '/api/rounds',
      { organizationId: org.LC, title: 'Góp ý Nghị quyết', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [version.body.id], invitations: { organizationIds: [org['LC-TD']] } },
      drafter,
    );
    await api.post(`/api/rounds/${round.body.id}/open`, {}, drafter);
    const submission = (await api.post<{ id: string }>(`/api/rounds/${round.body.id}/submissions`, { organizationId: org['LC-TD'] }, clerk)).body.id;
    const comments = Array.from({ length: 10_000 }, (_, index) => ({
      blockId: paragraphs[index % paragraphs.length],
      kind: 'amend',
      text: `Ý kiến số ${index + 1}: đề nghị viết lại đoạn này cho ngắn gọn, rõ ràng hơn, nêu rõ chỉ tiêu và giải pháp thực hiện trong nhiệm kỳ.`,
    }));

    // cut the database while the request is being handled (validation done, inserts under way)
    const request = api.raw<{ code: string }>('POST', `/api/submissions/${submission}/comments/bulk`, { body: { comments }, token: clerk, headers: { 'idempotency-key': 'td-bulk-0000001' } });
    const cut = (async () => {
      for (let waited = 0; waited < 10_000; waited += 5) {
        const active = await dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND (query ILIKE 'INSERT INTO comments%' OR query ILIKE 'COPY comments%')`, [database.name]);
        if (active[0].n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await proxy.pause();
    })();
    const [answer] = await Promise.all([request, cut]);
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(await dataSource.getRepository(Comment).countBy({ submissionId: submission })).toBe(0);

    await proxy.resume();
    let retry = await api.raw<{ added: number }>('POST', `/api/submissions/${submission}/comments/bulk`, { body: { comments }, token: clerk, headers: { 'idempotency-key': 'td-bulk-0000001' } });
    for (let attempt = 0; attempt < 10 && retry.status === 503; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      retry = await api.raw<{ added: number }>('POST', `/api/submissions/${submission}/comments/bulk`, { body: { comments }, token: clerk, headers: { 'idempotency-key': 'td-bulk-0000001' } });
    }
    expect(retry.status).toBe(201);
    expect(retry.body.added).toBe(10_000);
    expect(await dataSource.getRepository(Comment).countBy({ submissionId: submission })).toBe(10_000);
  });
});
