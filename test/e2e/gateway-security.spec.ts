import { request } from 'node:http';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { freePort, spawnApp, stopAllApps, waitFor, waitForStableBuild, type AppName, type AppProcess } from '../support/processes';
import { answerBeforeBody } from '../support/raw-http';
import { flushWorkerRedis } from '../support/seeded-system';
import { apiClient, openDataSource } from '../support/test-app';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';

// The public address as `npm start` runs it (editor, feedback and the gateway, built, each a
// process, the services trusting the gateway on loopback: the default TRUST_PROXY): what a
// client sends through the gateway cannot pass for another client, and what the gateway answers
// says little about itself.

jest.setTimeout(60_000);

/** A login sent from a chosen loopback address (Linux answers on all of 127.0.0.0/8): another client. */
function loginFrom(localAddress: string, url: string, email: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ email, password });
    const outgoing = request(`${url}/api/auth/login`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

interface Health {
  components?: Record<string, { status: string }>;
}

describe('the gateway, as the edge', () => {
  let database: TestDatabase;
  let gateway: string;
  const apps = {} as Record<AppName, AppProcess>;
  const order: AppName[] = ['editor', 'feedback', 'gateway'];
  const describeApps = (): string => order.filter((name) => apps[name]).map((name) => `--- ${name}:\n${apps[name].stderr().slice(-1500)}${apps[name].stdout().slice(-1500)}`).join('\n');

  beforeAll(async () => {
    await flushWorkerRedis();
    database = await createTestDatabase();
    const dataSource = await openDataSource(database);
    try {
      await seedDemoData(dataSource);
    } finally {
      await dataSource.destroy();
    }
    const [port, editorPort, feedbackPort] = [await freePort(), await freePort(), await freePort()];
    const environment = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: process.env.JWT_SECRET ?? 'a-test-secret-that-is-long-enough-for-hs256',
      LOG_LEVEL: 'warn',
      LOGIN_ATTEMPTS_PER_MINUTE: '3',
      PORT: String(port),
      EDITOR_PORT: String(editorPort),
      FEEDBACK_PORT: String(feedbackPort),
      HOST: '127.0.0.1',
    };
    gateway = `http://127.0.0.1:${port}`;
    await waitForStableBuild();
    // `localhost` keeps the gateway on loopback (HOST=127.0.0.1 would make it listen on 0.0.0.0)
    for (const name of order) apps[name] = spawnApp(name, name === 'gateway' ? { ...environment, HOST: 'localhost' } : environment);
    // no worker here: /health is 503, but it names both services up once they answer
    await waitFor<Health>(`${gateway}/health`, 40_000, (answer) => answer.body?.components?.feedback?.status === 'up' && answer.body?.components?.editor?.status === 'up', describeApps);
  });

  afterAll(async () => {
    await stopAllApps(5000);
    await database?.drop();
    await flushWorkerRedis();
  });

  it('does not let a forged X-Forwarded-For escape the login limit', async () => {
    const api = apiClient(gateway);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const answer = await api.post('/api/auth/login', { email: 'tieuban@vankien.local', password: `doan-${index}` }, undefined, {
        'x-forwarded-for': `198.51.100.${index + 1}`,
        forwarded: `for=198.51.100.${index + 1}`,
        'x-real-ip': `198.51.100.${index + 1}`,
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // the count is the real client's, not the gateway's: another address may still try
    expect(await loginFrom('127.0.0.2', gateway, 'tieuban@vankien.local', 'doan-khac')).toBe(401);
    expect(await loginFrom('127.0.0.1', gateway, 'tieuban@vankien.local', 'doan-khac')).toBe(429);
  });

  it('answers an anonymous 60 MB bulk upload 401 at once, without waiting for the body', async () => {
    const answer = await answerBeforeBody(gateway, '/api/submissions/3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b/comments/bulk', 60 * 1024 * 1024);
    expect(answer.status).toBe(401);
    expect(answer.elapsedMs).toBeLessThan(2000);
    // the gateway is still well
    expect((await apiClient(gateway).get('/api/me')).status).toBe(401);
  });

  it('says nothing of Express, and sends a Content-Security-Policy on / and /docs', async () => {
    const api = await fetch(`${gateway}/api/me`, { signal: AbortSignal.timeout(5000) });
    expect(api.headers.get('x-powered-by')).toBeNull();
    for (const path of ['/', '/docs/', '/docs/swagger-ui-init.js']) {
      const page = await fetch(`${gateway}${path}`, { signal: AbortSignal.timeout(5000) });
      expect({ path, status: page.status, poweredBy: page.headers.get('x-powered-by') }).toEqual({ path, status: 200, poweredBy: null });
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
      if (path !== '/docs/swagger-ui-init.js') {
        // Swagger UI and the placeholder run no inline script: script-src 'self' leaves them working
        const html = await page.text();
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      }
    }
  });
});
