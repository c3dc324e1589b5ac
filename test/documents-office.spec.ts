import mammoth from 'mammoth';
import { CongressDocument } from '@vankien/domain';
import { exportDocx } from '@vankien/office';
import { expectedCode, hostileArchives } from '../libs/office/src/test-support/hostile-archives';
import { measurePeakRss, MIB } from '../libs/office/src/test-support/peak-rss';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { blockText, connectClient, waitUntil } from './support/collab-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

interface DocumentView {
  id: string;
  content: { type: string; content: unknown[] };
}

function form(file: Buffer | undefined, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append('file', new Blob([new Uint8Array(file)]), 'du-thao.docx');
  return body;
}

describe('DOCX export and import of documents', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let editor: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let drafter: string;
  let organizationId: string;

  const upload = async (path: string, body: FormData): Promise<{ status: number; body: { code?: string; message?: string; document?: DocumentView; report?: { lost: unknown[] } } }> => {
    const response = await fetch(`${editor.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${drafter}` }, body });
    return { status: response.status, body: (await response.json()) as { code?: string } };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    const environment = serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    const feedback = await startApp('feedback', environment);
    drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    organizationId = (await apiClient(feedback.url).get<{ memberships: { organizationId: string }[] }>('/api/me', drafter)).body.memberships[0].organizationId;
    await feedback.close();
    editor = await startApp('editor', environment);
    api = apiClient(editor.url);
  });

  afterAll(async () => {
    await editor?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('exports the live draft and a frozen version as DOCX that an independent reader reads in order', async () => {
    const created = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'political_report', title: 'Báo cáo chính trị Đại hội XV', term: '2025–2030' }, drafter);
    const version = await api.post<{ id: string }>(`/api/documents/${created.body.id}/versions`, {}, drafter);
    for (const query of ['', `?version=${version.body.id}`]) {
      const response = await fetch(`${editor.url}/api/documents/${created.body.id}/export.docx${query}`, { headers: { authorization: `Bearer ${drafter}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('wordprocessingml');
      expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="Bao-cao-chinh-tri-Dai-hoi-XV-(ban-dang-soan|du-thao-lan-1)\.docx"/);
      const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      const partOne = text.search(/PHẦN THỨ NHẤT/i);
      const partTwo = text.search(/PHẦN THỨ HAI/i);
      expect(partOne).toBeGreaterThan(0);
      expect(partTwo).toBeGreaterThan(partOne);
    }
  });

  it('imports a DOCX as a new document and over a live draft that a client has open', async () => {
    const source = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'resolution', title: 'Nghị quyết', term: '2025–2030' }, drafter);
    const docx = await exportDocx(source.body.content as never, { organizationName: 'Đảng bộ tỉnh Lai Châu', title: 'Nghị quyết' });
    const imported = await upload('/api/documents/import', form(docx, { organizationId, kind: 'resolution', title: 'Nghị quyết (nhập từ Word)', term: '2025–2030' }));
    expect(imported.status).toBe(201);
    expect(imported.body.report).toBeDefined();
    const fetched = await api.get<DocumentView>(`/api/documents/${imported.body.document?.id}`, drafter);
    expect(JSON.stringify(fetched.body.content)).toContain('NGHỊ QUYẾT');

    const target = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'action_program', title: 'Chương trình hành động', term: '2025–2030' }, drafter);
    const client = await connectClient(editor.url, target.body.id, drafter);
    try {
      const marker = 'Đoạn văn duy nhất được nhập từ Word';
      const single = await exportDocx(
        { type: 'doc', content: [{ type: 'paragraph', attrs: { blockId: 'p1', align: null }, content: [{ type: 'text', text: marker }] }] } as never,
        { organizationName: 'Đảng bộ tỉnh Lai Châu', title: 'X' },
      );
      const replaced = await upload(`/api/documents/${target.body.id}/import`, form(single));
      expect(replaced.status).toBe(201);
      await waitUntil(() => JSON.stringify(client.ydoc.getXmlFragment('prosemirror').toJSON()).includes(marker), 10_000, 'the open client to receive the import');
      const live = await api.get<DocumentView>(`/api/documents/${target.body.id}`, drafter);
      expect(JSON.stringify(live.body.content)).toContain(marker);
      expect(JSON.stringify(live.body.content)).not.toContain('CHƯƠNG TRÌNH HÀNH ĐỘNG');
      expect(blockText(client.ydoc, 'nonexistent')).toBe('');
    } finally {
      client.close();
    }
  });

  it('refuses bad files with a clear 4xx and leaves the document as it was', async () => {
    const target = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'resolution', title: 'Nghị quyết', term: '2025–2030' }, drafter);
    const before = await api.get<DocumentView>(`/api/documents/${target.body.id}`, drafter);
    const random = await upload(`/api/documents/${target.body.id}/import`, form(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))));
    expect(random.status).toBe(422);
    expect(random.body.code).toBe('NOT_A_ZIP');
    const missing = await upload(`/api/documents/${target.body.id}/import`, form(undefined));
    expect(missing.status).toBe(400);
    const huge = await upload(`/api/documents/${target.body.id}/import`, form(Buffer.alloc(21 * 1024 * 1024)));
    expect(huge.status).toBe(413);
    const badFields = await upload('/api/documents/import', form(Buffer.from('x'), { organizationId, kind: 'poem', title: 'X', term: '2025–2030' }));
    expect(badFields.status).toBe(400);
    await dataSource.getRepository(CongressDocument).update({ id: target.body.id }, { approvedVersionId: (await api.post<{ id: string }>(`/api/documents/${target.body.id}/versions`, {}, drafter)).body.id });
    const approved = await upload(`/api/documents/${target.body.id}/import`, form(await exportDocx(before.body.content as never, { organizationName: 'X', title: 'X' })));
    expect(approved.status).toBe(409);
    expect(approved.body.code).toBe('DOCUMENT_APPROVED');
    expect((await api.get<DocumentView>(`/api/documents/${target.body.id}`, drafter)).body.content).toEqual(before.body.content);
  });

  it('refuses every hostile archive of the corpus with a 422 naming the problem, in bounded memory, and keeps what was stored', async () => {
    const target = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'resolution', title: 'Nghị quyết (giữ nguyên)', term: '2025–2030' }, drafter);
    const before = await api.get<DocumentView>(`/api/documents/${target.body.id}`, drafter);
    const documentsBefore = await dataSource.getRepository(CongressDocument).count();
    // The per-entry limit's case needs lowered limits; at the defaults it would need a 50 MiB upload.
    const corpus = (await hostileArchives()).filter((archive) => archive.limits === undefined);
    const answers: [string, number, string | undefined, boolean][] = [];
    const growths: [string, number][] = [];
    for (const archive of corpus) {
      const intoDraft = await measurePeakRss(() => upload(`/api/documents/${target.body.id}/import`, form(archive.docx)));
      const asNew = await upload('/api/documents/import', form(archive.docx, { organizationId, kind: 'resolution', title: 'Nhập từ Word', term: '2025–2030' }));
      if (!('value' in intoDraft.outcome)) throw intoDraft.outcome.error;
      // The message (Vietnamese by default) says what is wrong, not only that something is.
      const explained = (message: string | undefined): boolean => (message ?? '').length > 30;
      answers.push(
        [archive.name, intoDraft.outcome.value.status, intoDraft.outcome.value.body.code, explained(intoDraft.outcome.value.body.message)],
        [archive.name, asNew.status, asNew.body.code, explained(asNew.body.message)],
      );
      growths.push([archive.name, intoDraft.growth]);
    }
    if (process.env.HOSTILE_RSS_REPORT !== undefined) {
      process.stdout.write(`editor, DOCX import: peak RSS growth\n${growths.map(([name, growth]) => `  ${(growth / MIB).toFixed(1).padStart(6)} MiB  ${name}`).join('\n')}\n`);
    }
    expect(answers).toEqual(corpus.flatMap((archive) => [0, 1].map(() => [archive.name, 422, expectedCode(archive, 'docx'), true])));
    for (const [name, growth] of growths) expect({ name, withinBound: growth < 40 * MIB }).toEqual({ name, withinBound: true });
    expect((await api.get<DocumentView>(`/api/documents/${target.body.id}`, drafter)).body.content).toEqual(before.body.content);
    expect(await dataSource.getRepository(CongressDocument).count()).toBe(documentsBefore);
  });
});

