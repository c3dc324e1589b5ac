import { DocumentUpdate } from '@vankien/domain';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { collaborationRedisPrefix } from '../apps/editor/src/collaboration/collaboration.server';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { allSaved, blockText, connectClient, typeInto, waitUntil, type CollabClient } from './support/collab-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

// COLLAB_REDIS switches Hocuspocus's Redis extension (the relay between editor instances): with
// `off` a single editor serves and stores everything as with `on`, and subscribes to nothing in
// Redis for its documents; with `on` (the default) it subscribes to each open document's channel.

interface DocumentView {
  id: string;
  content: { content: { type: string; attrs: { blockId: string } }[] };
}

describe('COLLAB_REDIS switches the Redis relay of /collab', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let redis: IORedis;
  let drafter: string;
  let organizationId: string;
  let editor: RunningApp | undefined;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    const feedback = await startApp('feedback', serviceEnvironment(database));
    drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    organizationId = (await apiClient(feedback.url).get<{ memberships: { organizationId: string }[] }>('/api/me', drafter)).body.memberships[0].organizationId;
    await feedback.close();
    redis = new IORedis(serviceEnvironment(database).REDIS_URL);
  });

  afterEach(async () => {
    clients.splice(0).forEach((client) => client.close());
    await editor?.close();
    editor = undefined;
  });

  afterAll(async () => {
    delete process.env.COLLAB_REDIS;
    redis?.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  it.each(['off', 'on'] as const)('COLLAB_REDIS=%s: two clients converge and every edit is stored; the document has a Redis channel only when on', async (setting) => {
    editor = await startApp('editor', serviceEnvironment(database, { COLLAB_REDIS: setting }));
    const api = apiClient(editor.url);
    const created = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'political_report', title: `Báo cáo (COLLAB_REDIS=${setting})`, term: '2025–2030' }, drafter);
    expect(created.status).toBe(201);
    const document = created.body;
    const blockId = document.content.content.find((block) => block.type === 'paragraph')?.attrs.blockId ?? '';
    const before = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });

    const a = await connectClient(editor.url, document.id, drafter);
    const b = await connectClient(editor.url, document.id, drafter);
    clients.push(a, b);
    const initial = blockText(a.ydoc, blockId);
    for (let index = 0; index < 10; index += 1) {
      typeInto(a.ydoc, blockId, 0, 'a');
      typeInto(b.ydoc, blockId, 0, 'b');
    }
    await Promise.all([allSaved(a), allSaved(b)]);
    await waitUntil(() => blockText(a.ydoc, blockId) === blockText(b.ydoc, blockId), 5_000, 'the two clients to converge');
    expect(blockText(a.ydoc, blockId).length).toBe(initial.length + 20);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBeGreaterThanOrEqual(before + 20);

    const channels = await redis.pubsub('CHANNELS', `${collaborationRedisPrefix}*`);
    expect(channels.includes(`${collaborationRedisPrefix}:${document.id}`)).toBe(setting === 'on');
  });
});
