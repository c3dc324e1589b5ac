import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Comment, CommentImport } from '@vankien/domain';
import ExcelJS from 'exceljs';
import { expectedCode, hostileArchives } from '../libs/office/src/test-support/hostile-archives';
import { measurePeakRss, MIB } from '../libs/office/src/test-support/peak-rss';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { flushWorkerRedis, seededDatabase, type SeededDatabase } from './support/seeded-system';
import type { TestDatabase } from './support/test-database';
import { apiClient, login, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

interface PreviewRow {
  rowNumber: number;
  resolved: { blockId: string; sectionNumber: string; how: string } | null;
  confidence: 'sure' | 'unsure' | 'none';
  candidates?: { documentVersionId: string; blockId: string; sectionNumber: string; heading: string }[];
  kind: string;
  problems: string[];
}

interface ImportView {
  id: string;
  status: string;
  ready: number;
  unresolved: number;
  unsure: number;
  error: { code: string; vi?: string; en?: string } | null;
  preview: { rows: PreviewRow[]; columns: Record<string, string>; columnNotes: string[] } | null;
}

describe('comment tables from Word and Excel: upload, preview, confirm', () => {
  let seeded: SeededDatabase;
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let editor: RunningApp;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof apiClient>;
  let drafter: string;
  let clerk: string;
  let roundId: string;
  let submissionId: string;

  const upload = async (filename: string, content: Buffer): Promise<{ status: number; body: ImportView & { code?: string } }> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), filename);
    const response = await fetch(`${feedback.url}/api/submissions/${submissionId}/imports`, { method: 'POST', headers: { authorization: `Bearer ${clerk}` }, body: form });
    return { status: response.status, body: (await response.json()) as ImportView & { code?: string } };
  };

  beforeAll(async () => {
    await flushWorkerRedis();
    seeded = await seededDatabase();
    ({ database, dataSource } = seeded);
    const { org } = seeded;
    const environment = serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    feedback = await startApp('feedback', environment);
    editor = await startApp('editor', environment);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    api = apiClient(feedback.url);
    drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    clerk = (await login(feedback.url, 'vanphong.tp@vankien.local')).accessToken;
    const editorApi = apiClient(editor.url);
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'action_program', title: 'Chương trình hành động', term: '2025–2030' }, drafter);
    const version = await editorApi.post<{ id: string }>(`/api/documents/${document.body.id}/versions`, {}, drafter);
    const round = await api.post<{ id: string }>(
      '/api/rounds',
      { organizationId: org.LC, title: 'Góp ý Chương trình hành động', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [version.body.id], invitations: { childrenOf: [{ organizationId: org.LC, depth: 1 }] } },
      drafter,
    );
    roundId = round.body.id;
    await api.post(`/api/rounds/${roundId}/open`, {}, drafter);
    submissionId = (await api.post<{ id: string }>(`/api/rounds/${roundId}/submissions`, { organizationId: org['LC-TP'] }, clerk)).body.id;
  });

  afterAll(async () => {
    await worker?.close();
    await feedback?.close();
    await editor?.close();
    await seeded?.close();
  });

  it('reads a filled-in template in the worker, previews every row, and adds only on confirmation', async () => {
    const template = await fetch(`${feedback.url}/api/rounds/${roundId}/template.xlsx`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await template.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((candidate) => candidate.name !== 'Hướng dẫn') ?? workbook.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    const commentColumn = header.findIndex((value) => typeof value === 'string' && /Nội dung góp ý/i.test(value));
    expect(commentColumn).toBeGreaterThan(0);
    let filled = 0;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 1 && filled < 3) {
        row.getCell(commentColumn).value = ['Đề nghị bổ sung giải pháp về chuyển đổi số.', 'Tán thành như dự thảo', '=HYPERLINK("http://x","bấm")'][filled];
        filled += 1;
      }
    });
    const filledFile = Buffer.from(await workbook.xlsx.writeBuffer());

    const queued = await upload('gop-y.xlsx', filledFile);
    expect(queued.status).toBe(202);
    let view: ImportView | undefined;
    const poll = async (): Promise<ImportView> => (await api.get<ImportView>(`/api/submissions/${submissionId}/imports/${queued.body.id}`, clerk)).body;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      view = await poll();
      if (view.status !== 'queued' && view.status !== 'parsing') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(view?.status).toBe('preview');
    expect(view?.ready).toBe(3);
    expect(await dataSource.getRepository(Comment).countBy({ submissionId })).toBe(0);

    const confirmed = await api.post<{ added: number; skippedRows: number[] }>(`/api/submissions/${submissionId}/imports/${queued.body.id}/confirm`, {}, clerk);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.added).toBe(3);
    const texts = (await dataSource.getRepository(Comment).findBy({ submissionId })).map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['Đề nghị bổ sung giải pháp về chuyển đổi số.', 'Tán thành như dự thảo']));
    // a formula in a cell is read as its value or text, never run
    expect(texts.some((text) => text.includes('HYPERLINK') || text === 'bấm')).toBe(true);
    const again = await api.post<{ code: string }>(`/api/submissions/${submissionId}/imports/${queued.body.id}/confirm`, {}, clerk);
    expect(again.body.code).toBe('IMPORT_NOT_READY');
    expect(await dataSource.getRepository(Comment).countBy({ submissionId })).toBe(3);
  });

  it('refuses files that are not what they claim, and fails a broken one in the worker with the reason', async () => {
    expect((await upload('gop-y.pdf', Buffer.from('%PDF-1.7'))).body.code).toBe('UNSUPPORTED_FILE');
    expect((await upload('gop-y.xlsx', Buffer.from('not a zip at all'))).body.code).toBe('UNSUPPORTED_FILE');
    const fakeDocx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    const queued = await upload('bien-ban.docx', fakeDocx);
    expect(queued.status).toBe(202);
    const deadline = Date.now() + 30_000;
    let view: ImportView | undefined;
    while (Date.now() < deadline) {
      view = (await api.get<ImportView>(`/api/submissions/${submissionId}/imports/${queued.body.id}`, clerk)).body;
      if (view.status !== 'queued' && view.status !== 'parsing') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(view?.status).toBe('failed');
    expect(view?.error?.code).toBeDefined();
    expect((await api.post<{ code: string }>(`/api/submissions/${submissionId}/imports/${queued.body.id}/confirm`, {}, clerk)).body.code).toBe('IMPORT_NOT_READY');
    const other = (await login(feedback.url, 'vanphong.pt@vankien.local')).accessToken;
    expect((await api.get(`/api/submissions/${submissionId}/imports/${queued.body.id}`, other)).status).toBe(403);
    expect(await dataSource.getRepository(CommentImport).countBy({ submissionId })).toBe(2);
  });

  it('fails every hostile archive of the corpus in the worker with its reason, in bounded memory, adding nothing', async () => {
    const commentsBefore = (await dataSource.getRepository(Comment).findBy({ submissionId })).map((comment) => comment.text).sort();
    // The per-entry limit's case needs lowered limits; at the defaults it would need a 50 MiB upload.
    const corpus = (await hostileArchives()).filter((archive) => archive.limits === undefined);
    const uploads = corpus.flatMap((archive) => (['xlsx', 'docx'] as const).map((format) => ({ archive, format })));
    const settled = async (id: string): Promise<ImportView> => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const view = (await api.get<ImportView>(`/api/submissions/${submissionId}/imports/${id}`, clerk)).body;
        if ((view.status !== 'queued' && view.status !== 'parsing') || Date.now() > deadline) return view;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const outcomes: unknown[][] = [];
    const growths: [string, number][] = [];
    // One at a time, so that each figure is the growth while the worker (in this process) read that file.
    for (const { archive, format } of uploads) {
      const measured = await measurePeakRss(async () => {
        const answer = await upload(`gop-y.${format}`, archive[format]);
        expect(answer.status).toBe(202);
        return settled(answer.body.id);
      });
      if (!('value' in measured.outcome)) throw measured.outcome.error;
      const view = measured.outcome.value;
      // The record keeps the reason in both languages (the last element), for the clerk to read.
      outcomes.push([archive.name, format, view.status, view.error?.code, (view.error?.vi ?? '') !== '' && (view.error?.en ?? '') !== '']);
      growths.push([`${format} ${archive.name}`, measured.growth]);
    }
    if (process.env.HOSTILE_RSS_REPORT !== undefined) {
      process.stdout.write(`worker, comment tables: peak RSS growth\n${growths.map(([name, growth]) => `  ${(growth / MIB).toFixed(1).padStart(6)} MiB  ${name}`).join('\n')}\n`);
    }
    expect(outcomes).toEqual(uploads.map(({ archive, format }) => [archive.name, format, 'failed', expectedCode(archive, format), true]));
    for (const [name, growth] of growths) expect({ name, withinBound: growth < 40 * MIB }).toEqual({ name, withinBound: true });
    expect((await dataSource.getRepository(Comment).findBy({ submissionId })).map((comment) => comment.text).sort()).toEqual(commentsBefore);
  });

  describe('the clerk decides on each row before confirming', () => {
    const settle = async (id: string): Promise<ImportView> => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const view = (await api.get<ImportView>(`/api/submissions/${submissionId}/imports/${id}`, clerk)).body;
        if ((view.status !== 'queued' && view.status !== 'parsing') || Date.now() > deadline) return view;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const sheet = async (rows: (string | number)[][]): Promise<Buffer> => {
      const workbook = new ExcelJS.Workbook();
      const table = workbook.addWorksheet('Góp ý');
      table.addRow(['STT', 'Vị trí trong dự thảo', 'Nội dung góp ý']);
      for (const row of rows) table.addRow(row);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };

    it('an unsure row shows its candidates; the confirmation takes a section, a kind, or "leave out" per row, and lists what was left out with why', async () => {
      const before = await dataSource.getRepository(Comment).countBy({ submissionId });
      const file = await sheet([
        [1, 'Mục I', 'Đề nghị bổ sung mục đích về chuyển đổi số'],
        [2, 'Mục I – Các khâu đột phá', 'Đề nghị bổ sung đột phá về hạ tầng giao thông'],
        [3, 'Mục II', 'Tán thành như dự thảo'],
        [4, 'Trang 5, dòng 3', 'Đề nghị sửa lỗi chính tả "nhiệm vu"'],
        [5, 'Mục IV', 'Đề nghị sửa câu cuối cho rõ trách nhiệm'],
      ]);
      const queued = await upload('gop-y-vi-tri.xlsx', file);
      expect(queued.status).toBe(202);
      const view = await settle(queued.body.id);
      expect(view.status).toBe('preview');
      // the section column's header speaks of the draft: it is the section, not the document
      expect(view.preview?.columns).toMatchObject({ number: 'A', section: 'B', text: 'C' });
      const rows = new Map((view.preview?.rows ?? []).map((row) => [row.rowNumber, row]));
      expect(rows.get(2)).toMatchObject({ confidence: 'sure', resolved: { sectionNumber: 'I' }, problems: [] });
      const unsure = rows.get(3);
      expect(unsure?.confidence).toBe('unsure');
      expect(unsure?.resolved).toBeNull();
      const breakthrough = unsure?.candidates?.find((candidate) => candidate.sectionNumber === 'III.5');
      expect(breakthrough?.heading).toMatch(/đột phá/);
      expect(view.unsure).toBe(1);
      expect(view.ready).toBe(3);

      const outline = await api.get<{ documentVersionId: string; sections: { blockId: string; sectionNumber: string }[] }[]>(`/api/submissions/${submissionId}/imports/${queued.body.id}/sections`, clerk);
      expect(outline.status).toBe(200);
      const economy = outline.body[0].sections.find((section) => section.sectionNumber === 'III.1');
      expect(economy).toBeDefined();

      const refused = await api.post<{ code: string; details: { field: string }[] }>(
        `/api/submissions/${submissionId}/imports/${queued.body.id}/confirm`,
        { rows: [{ rowNumber: 5, blockId: 'no-such-block' }, { rowNumber: 99, leaveOut: true }] },
        clerk,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('INVALID_IMPORT_CHOICES');
      expect(refused.body.details.map((detail) => detail.field).sort()).toEqual(['rows.0.blockId', 'rows.1.rowNumber']);
      expect(await dataSource.getRepository(Comment).countBy({ submissionId })).toBe(before);

      const confirmed = await api.post<{ added: number; skippedRows: number[]; leftOut: { rowNumber: number; reason: string }[] }>(
        `/api/submissions/${submissionId}/imports/${queued.body.id}/confirm`,
        {
          rows: [
            { rowNumber: 3, blockId: breakthrough?.blockId },
            { rowNumber: 4, leaveOut: true },
            { rowNumber: 5, blockId: economy?.blockId },
            { rowNumber: 6, kind: 'question' },
          ],
        },
        clerk,
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.added).toBe(4);
      expect(confirmed.body.skippedRows).toEqual([4]);
      expect(confirmed.body.leftOut).toEqual([{ rowNumber: 4, reason: expect.stringMatching(/left out by the clerk/) }]);
      const stored = await dataSource.getRepository(Comment).findBy({ submissionId });
      expect(stored.length).toBe(before + 4);
      expect(stored.find((comment) => comment.text.startsWith('Đề nghị bổ sung đột phá'))?.blockId).toBe(breakthrough?.blockId);
      expect(stored.find((comment) => comment.text.includes('nhiệm vu'))?.blockId).toBe(economy?.blockId);
      expect(stored.find((comment) => comment.text.startsWith('Đề nghị sửa câu cuối'))?.kind).toBe('question');
      expect(stored.some((comment) => comment.text === 'Tán thành như dự thảo' && comment.position > before)).toBe(false);
    });

    it('without a choice, an unsure row is left out and says why; a cancel deletes the import and adds nothing', async () => {
      const file = await sheet([
        [1, 'Mục I – Các khâu đột phá', 'Đề nghị bổ sung đột phá về nguồn nhân lực'],
        [2, 'Mục II', 'Đề nghị nâng chỉ tiêu thu ngân sách'],
      ]);
      const first = await upload('gop-y-2.xlsx', file);
      await settle(first.body.id);
      const before = await dataSource.getRepository(Comment).countBy({ submissionId });
      const confirmed = await api.post<{ added: number; leftOut: { rowNumber: number; reason: string }[] }>(`/api/submissions/${submissionId}/imports/${first.body.id}/confirm`, {}, clerk);
      expect(confirmed.body.added).toBe(1);
      expect(confirmed.body.leftOut).toEqual([{ rowNumber: 2, reason: expect.stringMatching(/^Chưa chắc mục/) }]);

      const second = await upload('gop-y-3.xlsx', file);
      expect((await settle(second.body.id)).status).toBe('preview');
      const other = (await login(feedback.url, 'vanphong.pt@vankien.local')).accessToken;
      expect((await api.delete(`/api/submissions/${submissionId}/imports/${second.body.id}`, other)).status).toBe(403);
      expect((await api.delete(`/api/submissions/${submissionId}/imports/${second.body.id}`, clerk)).status).toBe(204);
      expect((await api.get(`/api/submissions/${submissionId}/imports/${second.body.id}`, clerk)).status).toBe(404);
      expect((await api.post(`/api/submissions/${submissionId}/imports/${second.body.id}/confirm`, {}, clerk)).status).toBe(404);
      expect((await api.delete(`/api/submissions/${submissionId}/imports/${first.body.id}`, clerk)).status).toBe(409);
      expect(await dataSource.getRepository(Comment).countBy({ submissionId })).toBe(before + 1);
    });
  });
});
