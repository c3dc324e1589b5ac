import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Comment, CommentCluster, Synthesis } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import { SynthesizeRoundHandler } from '../apps/worker/src/processors/synthesize-round.handler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { flushWorkerRedis, seededDatabase, type SeededDatabase } from './support/seeded-system';
import type { TestDatabase } from './support/test-database';
import { apiClient, login, serviceEnvironment, startApp, type RunningApp } from './support/test-app';

/**
 * Three levels: two cells comment on the province's draft in their district's round; the
 * district forwards its synthesis to the province's round, where another district comments
 * too. Counts are checked by hand at each level.
 */
describe('roll-up of a synthesis from level to level', () => {
  let seeded: SeededDatabase;
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let editor: RunningApp;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof apiClient>;
  const org: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await flushWorkerRedis();
    seeded = await seededDatabase();
    ({ database, dataSource } = seeded);
    Object.assign(org, seeded.org);
    const environment = serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    feedback = await startApp('feedback', environment);
    editor = await startApp('editor', environment);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
    api = apiClient(feedback.url);
    for (const who of ['tieuban', 'quantri', 'vanphong.td', 'vanphong.tp', 'chibo.binhlu']) tokens[who] = (await login(feedback.url, `${who}@vankien.local`)).accessToken;
    // a clerk for the second cell of the district
    await api.post('/api/users', { email: 'chibo.sonbinh@vankien.local', fullName: 'Chi bộ xã Sơn Bình', password: 'mat-khau-du-dai', organizationId: org['LC-TD-CB2'], role: 'clerk' }, tokens.quantri);
    tokens['chibo.sonbinh'] = (await login(feedback.url, 'chibo.sonbinh@vankien.local', 'mat-khau-du-dai')).accessToken;
  });

  afterAll(async () => {
    await worker?.close();
    await feedback?.close();
    await editor?.close();
    await seeded?.close();
  });

  const round = async (token: string, organizationId: string, versionId: string, invitations: object): Promise<string> => {
    const created = await api.post<{ id: string }>(
      '/api/rounds',
      { organizationId, title: 'Góp ý dự thảo Báo cáo chính trị của Tỉnh', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [versionId], invitations },
      token,
    );
    expect(created.status).toBe(201);
    await api.post(`/api/rounds/${created.body.id}/open`, {}, token);
    return created.body.id;
  };
  const submit = async (token: string, roundId: string, organizationId: string, comments: object[]): Promise<void> => {
    const submission = (await api.post<{ id: string }>(`/api/rounds/${roundId}/submissions`, { organizationId }, token)).body.id;
    expect((await api.post(`/api/submissions/${submission}/comments/bulk`, { comments }, token)).status).toBe(201);
    expect((await api.post(`/api/submissions/${submission}/submit`, {}, token)).status).toBe(200);
  };

  it('forwards clusters with provenance, and the upper level counts the district once', async () => {
    const editorApi = apiClient(editor.url);
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' }, tokens.tieuban);
    const version = await editorApi.post<{ id: string; blockIndex: { blockId: string; type: string }[] }>(`/api/documents/${document.body.id}/versions`, {}, tokens.tieuban);
    const block = version.body.blockIndex.filter((b) => b.type === 'paragraph')[0].blockId;

    const provinceRound = await round(tokens.tieuban, org.LC, version.body.id, { organizationIds: [org['LC-TD'], org['LC-TP']] });
    // the district discusses the province's draft with its cells (vanphong.td is also a drafter of LC-TD)
    const districtRound = await round(tokens['vanphong.td'], org['LC-TD'], version.body.id, { childrenOf: [{ organizationId: org['LC-TD'], depth: 1 }] });

    await submit(tokens['chibo.binhlu'], districtRound, org['LC-TD-CB1'], [
      { blockId: block, kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số.', supporters: 9, supportersTotal: 12 },
      { blockId: block, kind: 'amend', text: 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.', supporters: 5, supportersTotal: 12 },
    ]);
    await submit(tokens['chibo.sonbinh'], districtRound, org['LC-TD-CB2'], [{ blockId: block, kind: 'add', text: 'Cần bổ sung thêm nội dung chuyển đổi số trong phần này.', supporters: 7, supportersTotal: 10 }]);

    const handler = worker.get(SynthesizeRoundHandler);
    // (the submissions' own jobs may have written a revision of the first cell's comments alone)
    const district = await handler.handle({ roundId: districtRound });
    const districtSynthesis = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: districtRound, revision: district.revision });
    const districtClusters = await dataSource.getRepository(CommentCluster).findBy({ synthesisId: districtSynthesis.id });
    const digitalAtDistrict = districtClusters.find((c) => c.representativeText.includes('chuyển đổi số'));
    // by hand: two cells, 9 + 7 members
    expect(digitalAtDistrict).toEqual(expect.objectContaining({ units: 2, supporters: 16, commentCount: 2 }));
    expect(districtClusters).toHaveLength(2);

    expect((await api.post(`/api/rounds/${districtRound}/synthesis/forward`, { targetRoundId: provinceRound }, tokens['vanphong.tp'])).status).toBe(403);
    const forwarded = await api.post<{ forwarded: number; submissionId: string }>(`/api/rounds/${districtRound}/synthesis/forward`, { targetRoundId: provinceRound }, tokens['vanphong.td']);
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.forwarded).toBe(2);
    const carried = await dataSource.getRepository(Comment).findBy({ submissionId: forwarded.body.submissionId });
    const digitalComment = carried.find((c) => c.text.includes('chuyển đổi số'));
    expect(digitalComment?.supporters).toBe(16);
    expect(digitalComment?.provenance).toEqual(expect.objectContaining({ roundId: districtRound, revision: district.revision, units: 2, commentIds: expect.arrayContaining([expect.any(String), expect.any(String)]) }));
    expect((await api.post<{ code: string }>(`/api/rounds/${districtRound}/synthesis/forward`, { targetRoundId: provinceRound }, tokens['vanphong.td'])).body.code).toBe('ALREADY_FORWARDED');

    await submit(tokens['vanphong.tp'], provinceRound, org['LC-TP'], [{ blockId: block, kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số', supporters: 20, supportersTotal: 25 }]);
    const province = await handler.handle({ roundId: provinceRound });
    const provinceSynthesis = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: provinceRound, revision: province.revision });
    const provinceClusters = await dataSource.getRepository(CommentCluster).findBy({ synthesisId: provinceSynthesis.id });
    const digitalAtProvince = provinceClusters.find((c) => c.representativeText.includes('chuyển đổi số'));
    // by hand: the district (once, for its two cells) and the city: 2 units, 16 + 20 people
    expect(digitalAtProvince).toEqual(expect.objectContaining({ units: 2, supporters: 36, commentCount: 2 }));
    const growth = provinceClusters.find((c) => c.representativeText.includes('8%'));
    expect(growth).toEqual(expect.objectContaining({ units: 1, supporters: 5 }));
  });
});
