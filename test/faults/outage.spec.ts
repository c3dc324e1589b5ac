import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { workerHeartbeatKey } from '../../libs/platform/src/health/redis.health';
import { getJson, waitFor, type HealthAnswer } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from '../support/test-app';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';

// PostgreSQL or Redis going away under a running feedback app (simulated by a TCP proxy that
// cuts every connection and refuses new ones): /health names what is down, requests fail fast
// with 503 and a code a client can act on (never a hang, never a 500), and the app recovers by
// itself when the server is back, without a restart.

jest.setTimeout(60_000);

interface Indicator {
  status: 'up' | 'down';
  message?: string;
}

interface HealthBody {
  status?: string;
  info?: Record<string, Indicator>;
  error?: Record<string, Indicator>;
  details?: Record<string, Indicator>;
}

interface ErrorBody {
  code: string;
  message: string;
  requestId?: string;
}

/** The state of each component in a Terminus answer. */
function components(answer: HealthAnswer<HealthBody>): Record<string, string> {
  const body = typeof answer.body === 'object' && answer.body !== null ? answer.body : {};
  const all = { ...body.info, ...body.error, ...body.details };
  return Object.fromEntries(Object.entries(all).map(([name, indicator]) => [name, indicator.status]));
}

/** Runs `request` and returns its answer with how long it took. */
async function timed<T>(request: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = Date.now();
  const answer = await request();
  return { answer, ms: Date.now() - started };
}

describe('outages of PostgreSQL and Redis under a running feedback app', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let postgresProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let feedback: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let heartbeatRedis: Redis;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  const heartbeatInstance = `outage-test:${process.pid}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);

    const databaseUrl = new URL(database.url);
    const redisUrl = new URL(testRedisUrl());
    postgresProxy = await startTcpProxy(databaseUrl.hostname, Number(databaseUrl.port));
    redisProxy = await startTcpProxy(redisUrl.hostname, Number(redisUrl.port));

    // feedback's /health also wants a live worker: stand in for one with its heartbeat, written
    // straight to Redis (not through the proxy, so that only the app sees the outage)
    heartbeatRedis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    const beat = (): void => void heartbeatRedis.hset(workerHeartbeatKey, heartbeatInstance, String(Date.now())).catch(() => undefined);
    beat();
    heartbeatTimer = setInterval(beat, 2000);

    feedback = await startApp(
      'feedback',
      serviceEnvironment(database, {
        DATABASE_URL: postgresProxy.proxiedUrl(database.url),
        REDIS_URL: redisProxy.proxiedUrl(testRedisUrl()),
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        // the outages below make the app log an error per failed request; the assertions say enough
        LOG_LEVEL: 'fatal',
      }),
    );
    api = apiClient(feedback.url);
    await waitFor<HealthBody>(`${feedback.url}/health`, 15_000);
  });

  afterAll(async () => {
    clearInterval(heartbeatTimer);
    // the proxies first: the app must not wait on a server that is "down" while it closes
    await postgresProxy?.resume().catch(() => undefined);
    await redisProxy?.resume().catch(() => undefined);
    await feedback?.close().catch(() => undefined);
    await postgresProxy?.close();
    await redisProxy?.close();
    await heartbeatRedis?.hdel(workerHeartbeatKey, heartbeatInstance).catch(() => undefined);
    heartbeatRedis?.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('is healthy through the proxies before any outage', async () => {
    const health = await getJson<HealthBody>(`${feedback.url}/health`);
    expect(health.status).toBe(200);
    expect(components(health)).toEqual({ database: 'up', redis: 'up', worker: 'up' });
    expect(postgresProxy.openConnections).toBeGreaterThan(0);
    expect(redisProxy.openConnections).toBeGreaterThan(0);
  });

  /** Waits (bounded) until /health stops answering 200, i.e. the app has noticed the outage. */
  function healthAfterOutage(timeoutMs = 5000): Promise<{ answer: HealthAnswer<HealthBody>; ms: number }> {
    return timed(() => waitFor<HealthBody>(`${feedback.url}/health`, timeoutMs, (answer) => answer.status !== 200 && answer.status !== 0));
  }

  describe('while PostgreSQL is down', () => {
    let accessToken: string;

    beforeAll(async () => {
      ({ accessToken } = await login(feedback.url, 'tieuban@vankien.local'));
      expect((await api.get('/api/me', accessToken)).status).toBe(200);
      await postgresProxy.pause();
    });

    afterAll(() => postgresProxy.resume());

    it('/health answers 503 within a few seconds, naming the database down and redis up', async () => {
      const { answer: health, ms } = await healthAfterOutage();
      expect(ms).toBeLessThan(5000);
      expect({ status: health.status, components: components(health) }).toEqual({
        status: 503,
        components: expect.objectContaining({ database: 'down', redis: 'up' }),
      });
    });

    it('an authenticated request answers 503 DATABASE_UNAVAILABLE at once, not a hang or a 500', async () => {
      const { answer: me, ms } = await timed(() => api.get<ErrorBody>('/api/me', accessToken));
      expect({ status: me.status, body: me.body }).toEqual({ status: 503, body: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', requestId: expect.any(String) }) });
      expect(me.headers.get('retry-after')).toBe('5');
      expect(ms).toBeLessThan(10_000);
    });

    it('a login answers 503 DATABASE_UNAVAILABLE too (not 401 or 500)', async () => {
      const { answer, ms } = await timed(() => api.post<ErrorBody>('/api/auth/login', { email: 'quantri@vankien.local', password: 'vankien-demo-2025' }));
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(ms).toBeLessThan(10_000);
    });
  });

  it('recovers when PostgreSQL is back, without a restart: /health 200, /api/me works', async () => {
    const recovered = await waitFor<HealthBody>(`${feedback.url}/health`, 15_000);
    expect(components(recovered)).toEqual({ database: 'up', redis: 'up', worker: 'up' });
    const { accessToken } = await login(feedback.url, 'tieuban@vankien.local');
    const me = await api.get<{ email: string }>('/api/me', accessToken);
    expect({ status: me.status, email: me.body.email }).toEqual({ status: 200, email: 'tieuban@vankien.local' });
  });

  describe('while Redis is down', () => {
    let accessToken: string;
    let loggedOut: string;

    beforeAll(async () => {
      ({ accessToken } = await login(feedback.url, 'quantri@vankien.local'));
      const ended = await login(feedback.url, 'quantri@vankien.local');
      expect((await api.post('/api/auth/logout', { refreshToken: ended.refreshToken }, ended.accessToken)).status).toBe(204);
      loggedOut = ended.accessToken;
      await redisProxy.pause();
    });

    afterAll(() => redisProxy.resume());

    it('/health answers 503 within a few seconds, naming redis down and the database up', async () => {
      const { answer: health, ms } = await healthAfterOutage();
      expect(ms).toBeLessThan(5000);
      expect({ status: health.status, components: components(health) }).toEqual({
        status: 503,
        components: expect.objectContaining({ database: 'up', redis: 'down' }),
      });
    });

    it('a login (its rate limit is counted in Redis) answers 503 REDIS_UNAVAILABLE at once, not a hang or a 500', async () => {
      const { answer, ms } = await timed(() => api.post<ErrorBody>('/api/auth/login', { email: 'tieuban@vankien.local', password: 'vankien-demo-2025' }));
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 503, body: expect.objectContaining({ code: 'REDIS_UNAVAILABLE' }) });
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(ms).toBeLessThan(10_000);
    });

    it('what does not need Redis keeps working (/api/me)', async () => {
      const me = await api.get<{ email: string }>('/api/me', accessToken);
      expect({ status: me.status, email: me.body.email }).toEqual({ status: 200, email: 'quantri@vankien.local' });
    });

    it('a logged-out session stays ended: its revoked refresh family in PostgreSQL answers for the deny-list', async () => {
      const me = await api.get<ErrorBody>('/api/me', loggedOut);
      expect([me.status, me.body.code]).toEqual([401, 'SESSION_ENDED']);
    });
  });

  it('recovers when Redis is back, without a restart: /health 200, login works', async () => {
    const recovered = await waitFor<HealthBody>(`${feedback.url}/health`, 15_000);
    expect(components(recovered)).toEqual({ database: 'up', redis: 'up', worker: 'up' });
    const again = await api.post<{ accessToken: string }>('/api/auth/login', { email: 'tieuban@vankien.local', password: 'vankien-demo-2025' });
    expect(again.status).toBe(200);
    expect((await api.get('/api/me', again.body.accessToken)).status).toBe(200);
  });
});
