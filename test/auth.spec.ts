import { JwtService } from '@nestjs/jwt';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { AuditEvent, RefreshToken } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { flushWorkerRedis } from './support/seeded-system';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

describe('accounts: login, refresh, logout, /api/me', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    feedback = await startApp('feedback', serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' }));
    api = apiClient(feedback.url);
  });

  afterAll(async () => {
    await feedback?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('logs in with the right password and answers /api/me with the memberships', async () => {
    const tokens = await login(feedback.url, 'TieuBan@vankien.local');
    const me = await api.get<{ email: string; memberships: { role: string; organizationCode: string }[] }>('/api/me', tokens.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('tieuban@vankien.local');
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'drafter', organizationCode: 'LC' })]);
  });

  it('refuses a wrong password and an unknown user alike, in Vietnamese by default', async () => {
    const wrong = await api.post<{ code: string; message: string }>('/api/auth/login', { email: 'tieuban@vankien.local', password: 'sai mật khẩu' });
    const unknown = await api.post<{ code: string; message: string }>('/api/auth/login', { email: 'khongco@vankien.local', password: 'x' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body.message).toBe('Email hoặc mật khẩu không đúng.');
    const english = await api.post<{ message: string }>('/api/auth/login', { email: 'x@y.vn', password: 'x' }, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.body.message).toBe('Wrong email or password.');
    const failures = await dataSource.getRepository(AuditEvent).count({ where: { action: 'auth.login_failed' } });
    expect(failures).toBeGreaterThanOrEqual(3);
  });

  it('needs a token, and rejects a forged, malformed or expired one', async () => {
    expect((await api.get<{ code: string }>('/api/me')).body.code).toBe('UNAUTHENTICATED');
    const tokens = await login(feedback.url, 'tieuban@vankien.local');
    const [header, payload] = tokens.accessToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    const forged = await api.get<{ code: string }>('/api/me', `${header}.${forgedPayload}.${tokens.accessToken.split('.')[2]}`);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
    const noneAlgorithm = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    expect((await api.get<{ code: string }>('/api/me', noneAlgorithm)).body.code).toBe('TOKEN_INVALID');
    expect((await api.get<{ code: string }>('/api/me', 'not-a-jwt')).body.code).toBe('TOKEN_INVALID');
    const expired = new JwtService({ secret: process.env.JWT_SECRET }).sign(
      { sub: JSON.parse(Buffer.from(payload, 'base64url').toString()).sub, email: 'tieuban@vankien.local', typ: 'access' },
      { expiresIn: -10 },
    );
    const expiredAnswer = await api.get<{ code: string }>('/api/me', expired);
    expect(expiredAnswer.status).toBe(401);
    expect(expiredAnswer.body.code).toBe('TOKEN_EXPIRED');
  });

  it('rotates refresh tokens; reusing an old one revokes the whole family', async () => {
    const first = await login(feedback.url, 'thuongvu1@vankien.local');
    const second = await api.post<TokenPair>('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const third = await api.post<TokenPair>('/api/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    const reuse = await api.post<{ code: string }>('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');
    // the newest token of the family is revoked too: the thief and the owner must sign in again
    const afterReuse = await api.post<{ code: string }>('/api/auth/refresh', { refreshToken: third.body.refreshToken });
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body.code).toBe('REFRESH_TOKEN_INVALID');
    expect(await dataSource.getRepository(AuditEvent).count({ where: { action: 'auth.refresh_token_reused' } })).toBe(1);
  });

  it('logs out: the refresh token no longer works', async () => {
    const tokens = await login(feedback.url, 'thuongvu2@vankien.local');
    const logout = await api.post('/api/auth/logout', { refreshToken: tokens.refreshToken }, tokens.accessToken);
    expect(logout.status).toBe(204);
    const refresh = await api.post<{ code: string }>('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refresh.status).toBe(401);
    const stored = await dataSource.getRepository(RefreshToken).find({ where: { revokedAt: undefined } });
    expect(stored.length).toBeGreaterThan(0);
  });

  it('logs out: that access token, and the earlier ones of its session, get 401 at once; another session goes on', async () => {
    const first = await login(feedback.url, 'thuongvu3@vankien.local');
    const other = await login(feedback.url, 'thuongvu3@vankien.local');
    const refreshed = await api.post<TokenPair>('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await api.get('/api/me', first.accessToken)).status).toBe(200);
    const logout = await api.post('/api/auth/logout', { refreshToken: refreshed.body.refreshToken }, refreshed.body.accessToken);
    expect(logout.status).toBe(204);
    for (const token of [refreshed.body.accessToken, first.accessToken]) {
      const after = await api.get<{ code: string }>('/api/me', token);
      expect([after.status, after.body.code]).toEqual([401, 'SESSION_ENDED']);
    }
    // the deny-list entries expire with the tokens they concern
    const redis = new Redis(testRedisUrl());
    const sessionId = (JSON.parse(Buffer.from(first.accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
    const ttl = await redis.pttl(`vankien:revoked:session:${sessionId}`).finally(() => redis.disconnect());
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900_000);
    expect((await api.get('/api/me', other.accessToken)).status).toBe(200);
    // a token without an id could not be deny-listed: it is not accepted
    const [, payload] = other.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const withoutId = new JwtService({ secret: process.env.JWT_SECRET }).sign({ sub: claims.sub, email: claims.email, typ: 'access' }, { expiresIn: 60 });
    expect((await api.get<{ code: string }>('/api/me', withoutId)).body.code).toBe('TOKEN_INVALID');
  });

  it('rejects bad login bodies with every bad field named', async () => {
    const cases: [unknown, string[]][] = [
      [{ email: 'tieuban@vankien.local' }, ['password']],
      [{ email: 42, password: 'x' }, ['email']],
      [{ email: 'tieuban@vankien.local', password: 'x', admin: true }, ['admin']],
      [{}, ['email', 'password']],
    ];
    for (const [body, fields] of cases) {
      const answer = await api.post<{ code: string; details: { field: string }[] }>('/api/auth/login', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.details.map((detail) => detail.field).sort()).toEqual(fields.sort());
    }
    const malformed = await api.raw<{ code: string }>('POST', '/api/auth/login', { rawBody: '{"email": "a@b.vn", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const oversized = await api.raw<{ code: string }>('POST', '/api/auth/login', { rawBody: JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(oversized.status).toBe(413);
    expect(oversized.body.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('login rate limit', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;

  beforeAll(async () => {
    // the attempts counted by the other tests of this worker must not count here
    await flushWorkerRedis();
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    feedback = await startApp('feedback', serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '3' }));
  });

  afterAll(async () => {
    await feedback?.close();
    await dataSource?.destroy();
    await database?.drop();
    // the accounts blocked here must not stay blocked for the next test file of this worker
    await flushWorkerRedis();
  });

  it('limits attempts per client and account, with a clear 429, while other accounts still log in', async () => {
    const api = apiClient(feedback.url);
    const attempts = [];
    for (let index = 0; index < 5; index += 1) attempts.push(await api.post<{ code: string }>('/api/auth/login', { email: 'tieuban@vankien.local', password: `doan-${index}` }));
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(attempts[4].body.code).toBe('LOGIN_RATE_LIMITED');
    // even the right password waits now: guessing cannot continue
    expect((await api.post('/api/auth/login', { email: 'tieuban@vankien.local', password: 'vankien-demo-2025' })).status).toBe(429);
    expect((await api.post('/api/auth/login', { email: 'thuongvu1@vankien.local', password: 'vankien-demo-2025' })).status).toBe(200);
  });
});
