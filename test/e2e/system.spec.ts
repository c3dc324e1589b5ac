import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { workerHeartbeatKey } from '../../libs/platform/src/health/redis.health';
import { freePort, getJson, halfBuilt, spawnApp, stopAllApps, waitFor, waitForStableBuild, type AppName, type AppProcess } from '../support/processes';
import { apiClient, openDataSource } from '../support/test-app';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';

// The whole system across processes, as `npm start` runs it: editor, feedback, worker and the
// gateway (the built JavaScript), each a process of its own, against this file's database and
// Redis, everything reached through the gateway's one address.

jest.setTimeout(60_000);

interface Component {
  status: 'up' | 'down';
  message?: string;
}

interface SystemHealth {
  status: 'ok' | 'error';
  components: Record<'database' | 'redis' | 'worker' | 'editor' | 'feedback', Component>;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, unknown>;
}

const order: AppName[] = ['editor', 'feedback', 'worker', 'gateway'];

function statuses(health: SystemHealth | string): Record<string, string> | string {
  if (typeof health !== 'object' || health === null || !health.components) return String(health);
  return Object.fromEntries(Object.entries(health.components).map(([name, component]) => [name, component?.status]));
}

describe('the system across processes, through the gateway', () => {
  let database: TestDatabase;
  let gateway: string;
  let api: ReturnType<typeof apiClient>;
  const apps = {} as Record<AppName, AppProcess>;
  let environment: Record<string, string>;

  /** What the processes printed, for a failure message. */
  const describeApps = (): string =>
    order
      .filter((name) => apps[name])
      .map((name) => `--- ${name} (${apps[name].hasExited() ? `exited ${apps[name].child.exitCode ?? apps[name].child.signalCode}` : 'running'}):\n${apps[name].stderr().slice(-1500)}${apps[name].stdout().slice(-1500)}`)
      .join('\n');

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await openDataSource(database);
    try {
      await seedDemoData(dataSource);
    } finally {
      await dataSource.destroy();
    }
    // no heartbeat left in this Jest worker's Redis database by an earlier test file: the worker
    // checks below must see this file's worker only
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    await redis.del(workerHeartbeatKey);
    redis.disconnect();

    const [port, editorPort, feedbackPort] = [await freePort(), await freePort(), await freePort()];
    environment = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: process.env.JWT_SECRET ?? 'a-test-secret-that-is-long-enough-for-hs256',
      LOG_LEVEL: 'warn',
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      PORT: String(port),
      EDITOR_PORT: String(editorPort),
      FEEDBACK_PORT: String(feedbackPort),
      HOST: '127.0.0.1',
    };
    gateway = `http://127.0.0.1:${port}`;
    api = apiClient(gateway);

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await waitForStableBuild();
      for (const name of order) {
        // The gateway turns HOST=127.0.0.1 into 0.0.0.0 (it is the public address); `localhost`
        // (127.0.0.1 only, in this machine's /etc/hosts) keeps it on loopback for the test.
        apps[name] = spawnApp(name, name === 'gateway' ? { ...environment, HOST: 'localhost' } : environment);
      }
      const started = await waitFor<SystemHealth>(
        `${gateway}/health`,
        40_000,
        (answer) => answer.status === 200 || order.some((name) => apps[name].hasExited()),
        describeApps,
      ).catch((error: Error) => error);
      const halfBuiltStart = order.some((name) => apps[name].hasExited() && halfBuilt(apps[name].stderr()));
      if (!halfBuiltStart || attempt === 3) {
        if (started instanceof Error) throw started;
        break;
      }
      // an `npm run build` elsewhere rewrote dist/ while the apps loaded it: start again
      await stopAllApps(5000);
    }
  });

  afterAll(async () => {
    await stopAllApps(5000);
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    await redis.del(workerHeartbeatKey).catch(() => undefined);
    redis.disconnect();
    await database?.drop();
  });

  it('starts: every process is running and /health is 200 with every component up', async () => {
    for (const name of order) expect({ name, exited: apps[name].hasExited() }).toEqual({ name, exited: false });
    const health = await getJson<SystemHealth>(`${gateway}/health`);
    expect({ status: health.status, components: statuses(health.body) }).toEqual({
      status: 200,
      components: { database: 'up', redis: 'up', worker: 'up', editor: 'up', feedback: 'up' },
    });
    expect(health.body.status).toBe('ok');
  });

  it('serves the web interface at / (built by npm test and npm start), with its scripts', async () => {
    const response = await fetch(`${gateway}/`, { signal: AbortSignal.timeout(5000) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Vankien');
    expect(html).toContain('<div id="root">');
    const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${gateway}${script}`, { signal: AbortSignal.timeout(5000) });
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, expect.stringMatching(/javascript/)]);
  });

  it('serves Swagger UI at /docs and both services\' OpenAPI documents', async () => {
    const page = await fetch(`${gateway}/docs`, { signal: AbortSignal.timeout(5000) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toMatch(/swagger-ui/i);
    // the UI lists both documents (in its init script, next to the page)
    const init = await fetch(`${gateway}/docs/swagger-ui-init.js`, { signal: AbortSignal.timeout(5000) });
    expect(init.status).toBe(200);
    const script = await init.text();
    expect(script).toContain('/docs/feedback.json');
    expect(script).toContain('/docs/editor.json');

    const feedback = await getJson<OpenApiDocument>(`${gateway}/docs/feedback.json`, 5000);
    expect(feedback.status).toBe(200);
    expect(feedback.body.openapi).toMatch(/^3\./);
    expect(Object.keys(feedback.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me']));

    const editor = await getJson<OpenApiDocument>(`${gateway}/docs/editor.json`, 5000);
    expect(editor.status).toBe(200);
    expect(editor.body.openapi).toMatch(/^3\./);
    expect(editor.body.info.title).toMatch(/editor/i);
  });

  it('serves exactly the committed openapi/*.json, through the gateway and from each service', async () => {
    for (const service of ['editor', 'feedback'] as const) {
      const committed = JSON.parse(readFileSync(join(__dirname, `../../openapi/${service}.json`), 'utf8')) as unknown;
      const viaGateway = await getJson<unknown>(`${gateway}/docs/${service}.json`, 5000);
      expect(viaGateway.status).toBe(200);
      expect(viaGateway.body).toEqual(committed);
      // the service's own /docs links to the same address
      const port = environment[service === 'editor' ? 'EDITOR_PORT' : 'FEEDBACK_PORT'];
      const direct = await getJson<unknown>(`http://127.0.0.1:${port}/docs/${service}.json`, 5000);
      expect(direct.status).toBe(200);
      expect(direct.body).toEqual(committed);
    }
  });

  it('logs in and answers /api/me through the gateway', async () => {
    const login = await api.post<{ accessToken: string; refreshToken: string }>('/api/auth/login', { email: 'tieuban@vankien.local', password: 'vankien-demo-2025' });
    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    const me = await api.get<{ email: string; memberships: { role: string; organizationCode: string }[] }>('/api/me', login.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('tieuban@vankien.local');
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'drafter', organizationCode: 'LC' })]);
    // the editor answers approvals and notifications behind the same address
    const notifications = await api.get<{ unread: number }>('/api/notifications', login.body.accessToken);
    expect([notifications.status, notifications.body.unread]).toEqual([200, 0]);
    expect((await api.get<unknown[]>('/api/approvals/inbox', login.body.accessToken)).status).toBe(200);
  });

  it('answers an unknown /api path with 404 NOT_FOUND and a request id', async () => {
    const answer = await api.get<{ code: string; message: string; requestId?: string }>('/api/khong-co-duong-dan-nay');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
    const requestId = answer.headers.get('x-request-id');
    expect(requestId).toMatch(/^[A-Za-z0-9._-]{8,128}$/);
    // one id from the edge to the service: the body names the id the header carries
    expect(answer.body.requestId).toBe(requestId);

    const chosen = await api.get<{ requestId?: string }>('/api/khong-co', undefined, { 'x-request-id': 'e2e-request-0001' });
    expect(chosen.headers.get('x-request-id')).toBe('e2e-request-0001');
    expect(chosen.body.requestId).toBe('e2e-request-0001');
  });

  it('reports the worker down within ~20 s of it stopping; the worker stops cleanly (exit 0)', async () => {
    const instance = `${hostname()}:${apps.worker.child.pid}`;
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    let stopped: Awaited<ReturnType<AppProcess['stop']>>;
    try {
      expect(Object.keys(await redis.hgetall(workerHeartbeatKey))).toContain(instance);
      stopped = await apps.worker.stop(10_000);
      // its shutdown hooks ran: it removed its own heartbeat
      expect(Object.keys(await redis.hgetall(workerHeartbeatKey))).not.toContain(instance);
    } finally {
      redis.disconnect();
    }
    const health = await waitFor<SystemHealth>(`${gateway}/health`, 20_000, (answer) => answer.status === 503 && answer.body?.components?.worker?.status === 'down', describeApps);
    expect(statuses(health.body)).toEqual({ database: 'up', redis: 'up', worker: 'down', editor: 'up', feedback: 'up' });
    expect(health.body.status).toBe('error');
    expect({ code: stopped.code, signal: stopped.signal, killed: stopped.killed, inTime: stopped.durationMs < 10_000 }).toEqual({ code: 0, signal: null, killed: false, inTime: true });
  });

  it('reports the editor down when it stops, its routes answer 503; the editor stops cleanly (exit 0)', async () => {
    const stopped = await apps.editor.stop(10_000);
    const health = await waitFor<SystemHealth>(`${gateway}/health`, 10_000, (answer) => answer.status === 503 && answer.body?.components?.editor?.status === 'down', describeApps);
    expect(health.body.components.editor.status).toBe('down');
    expect(health.body.components.feedback.status).toBe('up');
    // the editor's routes answer 503 through the gateway, not a hang; feedback's still work
    const documents = await api.get<{ code: string }>('/api/documents');
    expect({ status: documents.status, code: documents.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect((await api.get<{ code: string }>('/api/me')).body.code).toBe('UNAUTHENTICATED');
    expect({ code: stopped.code, signal: stopped.signal, killed: stopped.killed, inTime: stopped.durationMs < 10_000 }).toEqual({ code: 0, signal: null, killed: false, inTime: true });
  });

  it('stops every remaining process cleanly on SIGTERM: exit 0 within 10 s', async () => {
    const remaining = order.filter((name) => !apps[name].hasExited());
    expect(remaining).toEqual(expect.arrayContaining(['feedback', 'gateway']));
    const results = await Promise.all(remaining.map(async (name) => ({ name, ...(await apps[name].stop(10_000)) })));
    expect(results.map(({ name, code, signal, killed, durationMs }) => ({ name, code, signal, killed, inTime: durationMs < 10_000 }))).toEqual(
      remaining.map((name) => ({ name, code: 0, signal: null, killed: false, inTime: true })),
    );
  });
});
