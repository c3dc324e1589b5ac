import { AuditEvent, CongressDocument } from '@vankien/domain';
import { answerBeforeBody } from './support/raw-http';
import { flushWorkerRedis, seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient, startApp, serviceEnvironment, type RunningApp } from './support/test-app';

// What the HTTP layer of every service refuses before a handler runs (issue 12, findings 5, 6,
// 7, 11 and 12): bodies read only when they may be, JSON nested too deep, texts that are not
// what they look like, impossible dates, numbers that are strings, and the headers of answers.

interface ErrorAnswer {
  code: string;
  requestId?: string;
  details?: { field: string; reasons: string[] }[];
}

const randomId = '3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b';
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the HTTP layer refuses what it must, before any handler', () => {
  let system: SeededSystem;
  let feedback: ReturnType<typeof apiClient>;
  let editor: ReturnType<typeof apiClient>;
  const as = (who: string): string => system.tokens[who];

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'vanphong.td']);
    feedback = apiClient(system.feedback.url);
    editor = apiClient(system.editor.url);
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  describe('large bodies (finding 5)', () => {
    const bulk = `/api/submissions/${randomId}/comments/bulk`;

    it('answers an anonymous or badly signed bulk upload 401 without reading its body', async () => {
      const anonymous = await answerBeforeBody(system.feedback.url, bulk, 60 * 1024 * 1024);
      expect(anonymous.status).toBe(401);
      expect(anonymous.head).toMatch(/connection: close/i);
      expect(anonymous.elapsedMs).toBeLessThan(2000);
      const forged = await answerBeforeBody(system.feedback.url, bulk, 60 * 1024 * 1024, { Authorization: 'Bearer not-a-token' });
      expect(forged.status).toBe(401);
    });

    it('still reads a signed-in caller’s bulk upload (and the route decides what it may do)', async () => {
      const answer = await feedback.post<ErrorAnswer>(bulk, { comments: [{ blockId: 'b', kind: 'add', text: 'Đề nghị bổ sung.' }] }, as('vanphong.td'));
      expect(answer.status).toBe(404);
      // the ordinary limit still holds elsewhere
      const other = await feedback.raw<ErrorAnswer>('POST', '/api/rounds', { token: as('tieuban'), rawBody: JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }) });
      expect([other.status, other.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });
  });

  describe('headers and request ids (finding 11)', () => {
    it('does not say it is Express, and sends a Content-Security-Policy on /docs', async () => {
      const answer = await feedback.get('/api/me', as('tieuban'));
      expect(answer.headers.get('x-powered-by')).toBeNull();
      const docs = await fetch(`${system.editor.url}/docs`, { signal: AbortSignal.timeout(5000) });
      expect(docs.status).toBe(200);
      expect(docs.headers.get('x-powered-by')).toBeNull();
      const policy = docs.headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:"]) {
        expect(policy).toContain(directive);
      }
      expect(policy).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
      // swagger-ui's page runs no inline script, so script-src 'self' does not break it
      expect(await docs.text()).not.toMatch(/<script>(?!\s*<\/script>)/);
    });

    it('gives the body parser’s 400 and 413 the request id of the header', async () => {
      const malformed = await feedback.raw<ErrorAnswer>('POST', '/api/auth/login', { rawBody: '{"email": ' });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
      expect(malformed.body.requestId).toBe(malformed.headers.get('x-request-id'));
      expect(malformed.body.requestId).toMatch(/^[A-Za-z0-9._-]{8,}$/);
      const tooLarge = await feedback.raw<ErrorAnswer>('POST', '/api/auth/login', { rawBody: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'x-request-id': 'hardening-0001' } });
      expect([tooLarge.status, tooLarge.body.code, tooLarge.body.requestId]).toEqual([413, 'PAYLOAD_TOO_LARGE', 'hardening-0001']);
    });
  });

  describe('bad input is a 4xx with a code, never a 500 (finding 7)', () => {
    it('refuses JSON nested deeper than 64 levels on every JSON route, quickly', async () => {
      const deep = nested(400_000);
      for (const [api, path] of [
        [feedback, '/api/auth/login'],
        [feedback, '/api/auth/refresh'],
        [feedback, '/api/rounds'],
        [editor, '/api/documents'],
      ] as const) {
        const started = Date.now();
        const answer = await api.raw<ErrorAnswer>('POST', path, { token: as('tieuban'), rawBody: deep });
        expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 400, code: 'JSON_TOO_DEEP' });
        expect(answer.body.requestId).toEqual(expect.any(String));
        expect(Date.now() - started).toBeLessThan(1000);
      }
      const shallow = await feedback.raw<ErrorAnswer>('POST', '/api/auth/login', { rawBody: `{"email":${nested(63)},"password":"x"}` });
      expect(shallow.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a lone surrogate and a NUL in any text, naming the field', async () => {
      const cases: [ReturnType<typeof apiClient>, string, string, string][] = [
        [feedback, '/api/auth/login', '{"email":"a\\ud800@b.vn","password":"x"}', 'email'],
        [feedback, '/api/auth/login', '{"email":"a@b.vn","password":"x\\u0000y"}', 'password'],
        [feedback, '/api/auth/refresh', '{"refreshToken":"\\udc00"}', 'refreshToken'],
        [editor, '/api/documents', `{"organizationId":"${randomId}","kind":"political_report","title":"Báo cáo\\u0000","term":"2025–2030"}`, 'title'],
      ];
      for (const [api, path, rawBody, field] of cases) {
        const answer = await api.raw<ErrorAnswer>('POST', path, { token: as('tieuban'), rawBody });
        expect({ path, status: answer.status, code: answer.body.code, fields: answer.body.details?.map((detail) => detail.field) }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
      }
    });

    it('refuses a revision past PostgreSQL’s integer, LIVE in capitals, a round without invitations, a null text', async () => {
      const revision = await feedback.get<ErrorAnswer>(`/api/rounds/${randomId}/synthesis?revision=2147483648`, as('tieuban'));
      expect([revision.status, revision.body.details?.[0]?.field]).toEqual([400, 'revision']);
      const documentId = (await editor.post<{ id: string }>('/api/documents', { organizationId: system.org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' }, as('tieuban'))).body.id;
      const live = await editor.get<ErrorAnswer>(`/api/documents/${documentId}/metrics?version=LIVE`, as('tieuban'));
      expect([live.status, live.body.details?.[0]?.field]).toEqual([400, 'version']);
      expect((await editor.get(`/api/documents/${documentId}/metrics?version=live`, as('tieuban'))).status).toBe(200);
      const round = await feedback.post<ErrorAnswer>(
        '/api/rounds',
        { organizationId: system.org.LC, title: 'Đợt', opensAt: '2025-10-15T00:00:00+07:00', deadline: '2025-11-15T00:00:00+07:00', documentVersionIds: [randomId] },
        as('tieuban'),
      );
      expect([round.status, round.body.details?.map((detail) => detail.field)]).toEqual([400, ['invitations']]);
      const correction = await feedback.post<ErrorAnswer>(`/api/rounds/${randomId}/synthesis/corrections`, { type: 'representative', target: { key: 'k1' }, text: null }, as('tieuban'));
      expect([correction.status, correction.body.details?.map((detail) => detail.field)]).toEqual([400, ['text']]);
    });
  });

  describe('garbage that used to be stored (finding 12)', () => {
    const round = (overrides: Record<string, unknown>) => ({
      organizationId: system.org.LC,
      title: 'Lấy ý kiến dự thảo',
      opensAt: '2025-10-15T00:00:00+07:00',
      deadline: '2025-11-15T23:59:59+07:00',
      documentVersionIds: [randomId],
      invitations: { groups: ['expert'] },
      ...overrides,
    });

    it('refuses dates that do not exist and years out of range', async () => {
      for (const [field, value] of [
        ['opensAt', '2025-02-30'],
        ['opensAt', '2025-02-29T10:00:00Z'],
        ['deadline', '0000-11-15T00:00:00Z'],
        ['deadline', '2025-11-15T24:30:00+07:00'],
        ['deadline', '20251115'],
      ]) {
        const answer = await feedback.post<ErrorAnswer>('/api/rounds', round({ [field]: value }), as('tieuban'));
        expect({ value, status: answer.status, fields: answer.body.details?.map((detail) => detail.field) }).toEqual({ value, status: 400, fields: [field] });
      }
      // a real leap day passes validation (and fails later, on the unknown version)
      expect((await feedback.post<ErrorAnswer>('/api/rounds', round({ opensAt: '2028-02-29' }), as('tieuban'))).status).not.toBe(400);
    });

    it('refuses strings where a JSON body needs numbers, and reads query numbers strictly', async () => {
      for (const expectedVersion of ['1e3', '0x10', '7', 1.5, 2 ** 31]) {
        const answer = await feedback.put<ErrorAnswer>(`/api/rounds/${randomId}/dispositions/k1`, { state: 'accepted', expectedVersion, expectedComments: 1 }, as('tieuban'));
        expect({ expectedVersion, status: answer.status, fields: answer.body.details?.map((detail) => detail.field) }).toEqual({ expectedVersion, status: 400, fields: ['expectedVersion'] });
      }
      for (const depth of ['1e1', '0x1', '', ' 2']) {
        const answer = await feedback.get<ErrorAnswer>(`/api/organizations/${system.org.LC}/subtree?depth=${encodeURIComponent(depth)}`, as('tieuban'));
        expect({ depth, status: answer.status }).toEqual({ depth, status: 400 });
      }
      expect((await feedback.get(`/api/organizations/${system.org.LC}/subtree?depth=1`, as('tieuban'))).status).toBe(200);
    });

    it('refuses bidirectional controls in titles and comments, and stores titles in NFC', async () => {
      const audit = await system.dataSource.getRepository(AuditEvent).count();
      for (const control of ['\u202E', '\u2066', '\u200F']) {
        const answer = await editor.post<ErrorAnswer>('/api/documents', { organizationId: system.org.LC, kind: 'political_report', title: `Báo cáo ${control}cod.exe`, term: '2025–2030' }, as('tieuban'));
        expect([answer.status, answer.body.details?.[0]?.field, answer.body.details?.[0]?.reasons[0]]).toEqual([400, 'title', expect.stringContaining('bidirectional')]);
        const comment = await feedback.post<ErrorAnswer>(`/api/submissions/${randomId}/comments`, { blockId: 'b1', kind: 'add', text: `Đề nghị ${control}sửa` }, as('vanphong.td'));
        expect([comment.status, comment.body.details?.[0]?.field]).toEqual([400, 'text']);
      }
      expect(await system.dataSource.getRepository(AuditEvent).count()).toBe(audit);

      const decomposed = 'Báo cáo chính trị nhiệm kỳ mới'.normalize('NFD');
      const created = await editor.post<{ id: string; title: string }>('/api/documents', { organizationId: system.org.LC, kind: 'action_program', title: decomposed, term: '2025–2030' }, as('tieuban'));
      expect(created.status).toBe(201);
      const stored = await system.dataSource.getRepository(CongressDocument).findOneByOrFail({ id: created.body.id });
      expect(stored.title).toBe(decomposed.normalize('NFC'));
      expect(stored.title).not.toBe(decomposed);
    });
  });
});

describe('forwarded addresses are believed only from TRUST_PROXY (finding 6)', () => {
  let feedback: RunningApp;
  let close: () => Promise<void>;

  beforeAll(async () => {
    await flushWorkerRedis();
    const system = await seededSystem([]);
    await system.feedback.close();
    await system.editor.close();
    // the gateway is elsewhere: this test's loopback client is not it
    feedback = await startApp('feedback', serviceEnvironment(system.database, { LOGIN_ATTEMPTS_PER_MINUTE: '3', TRUST_PROXY: '10.1.2.3' }));
    close = async () => {
      await feedback.close();
      await system.close();
    };
  });

  afterAll(async () => {
    await close?.();
    await flushWorkerRedis();
  });

  it('counts a client that names a new X-Forwarded-For on every attempt as one address', async () => {
    const api = apiClient(feedback.url);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const answer = await api.post('/api/auth/login', { email: 'tieuban@vankien.local', password: `doan-${index}` }, undefined, { 'x-forwarded-for': `198.51.100.${index + 1}` });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
