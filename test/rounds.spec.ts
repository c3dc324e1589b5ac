import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { ClusterMember, Comment, CommentCluster, Submission, SubmissionReceipt, Synthesis } from '@vankien/domain';
import { AppConfig } from '@vankien/platform';
import { JobProducer, queuePrefix } from '@vankien/queue';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SynthesizeRoundHandler } from '../apps/worker/src/processors/synthesize-round.handler';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { flushWorkerRedis, seededDatabase, type SeededDatabase } from './support/seeded-system';
import { testRedisUrl, type TestDatabase } from './support/test-database';
import { apiClient, login, serviceEnvironment, startApp, type RunningApp } from './support/test-app';
import { eventually } from './support/eventually';

interface Round {
  id: string;
  status: string;
  invitations: { organizationId: string; sourceType: string }[];
}
interface SubmissionView {
  id: string;
  status: string;
  rowVersion: number;
  late: boolean;
  receipts: { sequence: number; contentSha256: string; commentCount: number }[];
}
interface Problem {
  field: string;
  line: number;
  reasons: string[];
}

describe('comment rounds and submissions', () => {
  let seeded: SeededDatabase;
  let database: TestDatabase;
  let dataSource: DataSource;
  let feedback: RunningApp;
  let editor: RunningApp;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof apiClient>;
  const tokens: Record<string, string> = {};
  const org: Record<string, string> = {};
  let versionId: string;
  let blocks: { blockId: string; text: string; type: string }[];
  let round: Round;

  const as = (who: string): string => tokens[who];
  /** Waits until another session waits for a lock in a statement like `queryPattern` (SQL LIKE). */
  const waitingOnLock = (what: string, queryPattern: string): Promise<true> =>
    eventually(what, 30_000, async () => {
      const rows: unknown[] = await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1 AND pid <> pg_backend_pid()`, [queryPattern]);
      return rows.length > 0 ? true : undefined;
    });
  const paragraph = (n: number): string => blocks.filter((b) => b.type === 'paragraph')[n].blockId;
  const openSubmission = async (who: string, organization: string): Promise<SubmissionView> => {
    const answer = await api.post<SubmissionView>(`/api/rounds/${round.id}/submissions`, { organizationId: org[organization] }, as(who));
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    await flushWorkerRedis();
    seeded = await seededDatabase();
    ({ database, dataSource } = seeded);
    Object.assign(org, seeded.org);
    const environment = serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    feedback = await startApp('feedback', environment);
    editor = await startApp('editor', environment);
    api = apiClient(feedback.url);
    for (const who of ['tieuban', 'thuongvu1', 'vanphong.tp', 'vanphong.td', 'vanphong.pt', 'mttq', 'nghihuu1', 'nghihuu2', 'tinhdoan']) {
      tokens[who] = (await login(feedback.url, `${who}@vankien.local`)).accessToken;
    }
    const editorApi = apiClient(editor.url);
    const document = await editorApi.post<{ id: string }>('/api/documents', { organizationId: org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' }, as('tieuban'));
    const version = await editorApi.post<{ id: string; blockIndex: { blockId: string; text: string; type: string }[] }>(`/api/documents/${document.body.id}/versions`, {}, as('tieuban'));
    versionId = version.body.id;
    blocks = version.body.blockIndex;
    // the worker's periodic re-fill must not queue what the tests expect the worker to queue itself
    const refill = process.env.SYNTHESIS_REFILL_SECONDS;
    process.env.SYNTHESIS_REFILL_SECONDS = '3600';
    try {
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
      await worker.init();
    } finally {
      if (refill === undefined) delete process.env.SYNTHESIS_REFILL_SECONDS;
      else process.env.SYNTHESIS_REFILL_SECONDS = refill;
    }
  });

  afterAll(async () => {
    await worker?.close();
    await feedback?.close();
    await editor?.close();
    await seeded?.close();
  });

  it('opens a round on a frozen version for three units, the retired leaders and the Front', async () => {
    const created = await api.post<Round>(
      '/api/rounds',
      {
        organizationId: org.LC,
        title: 'Lấy ý kiến dự thảo Báo cáo chính trị',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        documentVersionIds: [versionId],
        invitations: { childrenOf: [{ organizationId: org.LC, depth: 1 }], groups: ['retired_leaders', 'fatherland_front'] },
      },
      as('tieuban'),
    );
    expect(created.status).toBe(201);
    round = created.body;
    expect(round.status).toBe('draft');
    expect(round.invitations.map((i) => i.organizationId).sort()).toEqual([org['LC-TP'], org['LC-TD'], org['LC-PT'], org['LC-MTTQ'], org['LC-NGH']].sort());
    expect(round.invitations.find((i) => i.organizationId === org['LC-NGH'])?.sourceType).toBe('retired_leaders');
    // a clerk cannot submit before the round opens
    expect((await api.post<{ code: string }>(`/api/rounds/${round.id}/submissions`, { organizationId: org['LC-TP'] }, as('vanphong.tp'))).body.code).toBe('ROUND_NOT_ACCEPTING');
    expect((await api.post(`/api/rounds/${round.id}/open`, {}, as('vanphong.tp'))).status).toBe(403);
    const opened = await api.post<Round>(`/api/rounds/${round.id}/open`, {}, as('tieuban'));
    expect(opened.body.status).toBe('open');
    expect((await api.post<{ code: string }>(`/api/rounds/${round.id}/open`, {}, as('tieuban'))).body.code).toBe('ROUND_NOT_DRAFT');
  });

  it('refuses bad rounds with the field named', async () => {
    const base = { organizationId: org.LC, title: 'X', opensAt: new Date().toISOString(), deadline: new Date(Date.now() + 86_400_000).toISOString(), documentVersionIds: [versionId], invitations: { groups: ['fatherland_front'] } };
    const wrongDates = await api.post<{ code: string }>('/api/rounds', { ...base, deadline: new Date(Date.now() - 86_400_000).toISOString() }, as('tieuban'));
    expect(wrongDates.body.code).toBe('DEADLINE_BEFORE_OPENING');
    const badShape = await api.post<{ code: string; details: { field: string }[] }>('/api/rounds', { ...base, latePolicy: 'sometimes', documentVersionIds: ['x'], invitations: { groups: ['friends'] } }, as('tieuban'));
    expect(badShape.status).toBe(400);
    expect(badShape.body.details.map((d) => d.field).sort()).toEqual(['documentVersionIds', 'invitations.groups', 'latePolicy']);
    const foreignVersion = await api.post<{ code: string }>('/api/rounds', { ...base, documentVersionIds: ['00000000-0000-4000-8000-000000000000'] }, as('tieuban'));
    expect(foreignVersion.body.code).toBe('VERSION_NOT_IN_ORGANIZATION');
    const outside = await api.post<{ code: string }>('/api/rounds', { ...base, invitations: { organizationIds: [org.LC] } }, as('tieuban'));
    expect(outside.body.code).toBe('INVITEE_OUTSIDE_SUBTREE');
  });

  it('takes a unit’s consolidated comments in bulk, all or nothing, reporting every bad line', async () => {
    const submission = await openSubmission('vanphong.td', 'LC-TD');
    const bad = await api.post<{ code: string; details: Problem[] }>(
      `/api/submissions/${submission.id}/comments/bulk`,
      {
        comments: [
          { blockId: paragraph(0), kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số.' },
          { blockId: 'khong-ton-tai', kind: 'amend', text: 'Sửa câu này.' },
          { blockId: paragraph(1), kind: 'amend', text: 'Sửa.', quote: 'câu không có trong đoạn' },
          { blockId: paragraph(1), kind: 'agree', text: 'Tán thành', supporters: 16, supportersTotal: 15 },
        ],
      },
      as('vanphong.td'),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INVALID_COMMENTS');
    expect(bad.body.details.map((d) => `${d.line}:${d.field}`)).toEqual(['2:comments.1.blockId', '3:comments.2.quote', '4:comments.3.supporters']);
    expect(await dataSource.getRepository(Comment).countBy({ submissionId: submission.id })).toBe(0);

    const quote = blocks.find((b) => b.blockId === paragraph(1))?.text.split(' ').slice(0, 3).join(' ') ?? '';
    const good = await api.post<{ added: number }>(
      `/api/submissions/${submission.id}/comments/bulk`,
      {
        comments: [
          { blockId: paragraph(0), kind: 'add', text: 'Đề nghị bổ sung nội dung về chuyển đổi số.', supporters: 12, supportersTotal: 15 },
          { blockId: paragraph(1), kind: 'amend', text: 'Đề nghị viết gọn đoạn này.', quote },
          { blockId: paragraph(1), kind: 'agree', text: 'Tán thành như dự thảo' },
        ],
      },
      as('vanphong.td'),
    );
    expect(good.status).toBe(201);
    expect(good.body.added).toBe(3);
    const tooMany = await api.post<{ code: string; details: { field: string }[] }>(
      `/api/submissions/${submission.id}/comments/bulk`,
      { comments: Array.from({ length: 10_001 }, () => ({ blockId: paragraph(0), kind: 'agree', text: 'Tán thành' })) },
      as('vanphong.td'),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details.map((d) => d.field)).toContain('comments');
    const badShape = await api.post<{ code: string; details: { field: string }[] }>(
      `/api/submissions/${submission.id}/comments/bulk`,
      { comments: [{ blockId: paragraph(0), kind: 'poem', text: '' }, 'not an object', { blockId: paragraph(0), kind: 'add', text: 'x', supporters: 0, extra: true }] },
      as('vanphong.td'),
    );
    expect(badShape.status).toBe(400);
    expect(badShape.body.details.map((d) => d.field)).toEqual(['comments.0.kind', 'comments.0.text', 'comments.1', 'comments.2.extra', 'comments.2.supporters']);
    const submitted = await api.post<SubmissionView>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.td'));
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.receipts).toEqual([expect.objectContaining({ sequence: 1, commentCount: 3, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const locked = await api.post<{ code: string }>(`/api/submissions/${submission.id}/comments`, { blockId: paragraph(0), kind: 'general', text: 'Thêm' }, as('vanphong.td'));
    expect(locked.body.code).toBe('SUBMISSION_LOCKED');
  });

  it('makes a retry with the same Idempotency-Key safe, and refuses the key for another request', async () => {
    const submission = await openSubmission('vanphong.tp', 'LC-TP');
    const body = { comments: [{ blockId: paragraph(2), kind: 'add', text: 'Bổ sung chỉ tiêu về tỷ lệ hộ nghèo.' }, { blockId: paragraph(2), kind: 'question', text: 'Đề nghị làm rõ số liệu năm 2024.' }] };
    const headers = { 'idempotency-key': 'tp-upload-0001' };
    const [first, second] = await Promise.all([
      api.raw<{ added: number; commentCount: number }>('POST', `/api/submissions/${submission.id}/comments/bulk`, { body, token: as('vanphong.tp'), headers }),
      api.raw<{ added: number; commentCount: number }>('POST', `/api/submissions/${submission.id}/comments/bulk`, { body, token: as('vanphong.tp'), headers }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body).toEqual(second.body);
    expect(await dataSource.getRepository(Comment).countBy({ submissionId: submission.id })).toBe(2);
    const third = await api.raw<{ added: number }>('POST', `/api/submissions/${submission.id}/comments/bulk`, { body, token: as('vanphong.tp'), headers });
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.raw<{ code: string }>('POST', `/api/submissions/${submission.id}/comments/bulk`, { body: { comments: body.comments.slice(0, 1) }, token: as('vanphong.tp'), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await dataSource.getRepository(Comment).countBy({ submissionId: submission.id })).toBe(2);
  });

  it('lets one of two clerks submitting at once win; the other gets a clear conflict', async () => {
    const submission = await openSubmission('vanphong.tp', 'LC-TP');
    const answers = await Promise.all([0, 1, 2].map(() => api.post<{ code?: string }>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.tp'))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'ALREADY_SUBMITTED')).toBe(true);
    expect(await dataSource.getRepository(SubmissionReceipt).countBy({ submissionId: submission.id })).toBe(1);
  });

  it('keeps every submitted state: withdraw, change, submit again', async () => {
    const submission = await openSubmission('vanphong.tp', 'LC-TP');
    const withdrawn = await api.post<SubmissionView>(`/api/submissions/${submission.id}/withdraw`, {}, as('vanphong.tp'));
    expect(withdrawn.body.status).toBe('withdrawn');
    await api.post(`/api/submissions/${submission.id}/comments`, { blockId: paragraph(0), kind: 'agree', text: 'Tán thành như dự thảo' }, as('vanphong.tp'));
    const stale = await api.post<{ code: string }>(`/api/submissions/${submission.id}/submit`, { rowVersion: withdrawn.body.rowVersion - 1 }, as('vanphong.tp'));
    expect(stale.body.code).toBe('SUBMISSION_CHANGED');
    // the same check through HTTP's If-Match, as the API's description says
    const staleByHeader = await api.post<{ code: string }>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.tp'), { 'if-match': `"${withdrawn.body.rowVersion - 1}"` });
    expect([staleByHeader.status, staleByHeader.body.code]).toEqual([409, 'SUBMISSION_CHANGED']);
    for (const bad of ['"abc"', '"0"', '"99999999999"', '"3", "4"']) {
      const refused = await api.post<{ code: string; details: { field: string }[] }>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.tp'), { 'if-match': bad });
      expect([bad, refused.status, refused.body.details?.[0]?.field]).toEqual([bad, 400, 'If-Match']);
    }
    const disagreeing = await api.post<{ code: string }>(`/api/submissions/${submission.id}/submit`, { rowVersion: 5 }, as('vanphong.tp'), { 'if-match': '"6"' });
    expect(disagreeing.status).toBe(400);
    const again = await api.post<SubmissionView>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.tp'));
    expect(again.body.receipts.map((r) => r.commentCount)).toEqual([2, 3]);
    expect(again.body.receipts[0].contentSha256).not.toBe(again.body.receipts[1].contentSha256);
  });

  it('gives contributors their own submissions, seen by no one else but the drafters', async () => {
    const mine = await openSubmission('nghihuu1', 'LC-NGH');
    const theirs = await openSubmission('nghihuu2', 'LC-NGH');
    expect(mine.id).not.toBe(theirs.id);
    await api.post(`/api/submissions/${mine.id}/comments`, { blockId: paragraph(0), kind: 'add', text: 'Cần bổ sung nội dung chuyển đổi số trong phần này.' }, as('nghihuu1'));
    expect((await api.post(`/api/submissions/${mine.id}/submit`, {}, as('nghihuu1'))).status).toBe(200);
    expect((await api.get(`/api/submissions/${mine.id}`, as('nghihuu2'))).status).toBe(403);
    expect((await api.get(`/api/submissions/${mine.id}/comments`, as('tieuban'))).status).toBe(200);
    expect((await api.get(`/api/submissions/${mine.id}`, as('vanphong.tp'))).status).toBe(403);
    const front = await openSubmission('mttq', 'LC-MTTQ');
    await api.post(`/api/submissions/${front.id}/comments`, { blockId: paragraph(2), kind: 'add', text: 'Bổ sung chỉ tiêu về tỷ lệ hộ nghèo' }, as('mttq'));
    expect((await api.post(`/api/submissions/${front.id}/submit`, {}, as('mttq'))).status).toBe(200);
  });

  it('keeps units apart: no clerk acts for or reads another unit; uninvited organisations cannot submit', async () => {
    const td = (await dataSource.getRepository(Submission).findOneByOrFail({ roundId: round.id, organizationId: org['LC-TD'] })).id;
    expect((await api.get(`/api/submissions/${td}`, as('vanphong.tp'))).status).toBe(403);
    expect((await api.post(`/api/submissions/${td}/withdraw`, {}, as('vanphong.tp'))).status).toBe(403);
    expect((await api.post(`/api/rounds/${round.id}/submissions`, { organizationId: org['LC-TD'] }, as('vanphong.tp'))).status).toBe(403);
    expect((await api.post<{ code: string }>(`/api/rounds/${round.id}/submissions`, { organizationId: org['LC-DTN'] }, as('tinhdoan'))).body.code).toBe('NOT_INVITED');
    expect((await api.get(`/api/rounds/${round.id}/coverage`, as('vanphong.tp'))).status).toBe(403);
  });

  it('reports coverage and who to remind', async () => {
    const coverage = await api.get<{ organizationId: string; state: string; since: string | null; comments: number; contributorsSubmitted: number }[]>(`/api/rounds/${round.id}/coverage`, as('tieuban'));
    const state = (code: string) => coverage.body.find((entry) => entry.organizationId === org[code]);
    expect(state('LC-TD')).toEqual(expect.objectContaining({ state: 'submitted', comments: 3 }));
    expect(state('LC-TP')).toEqual(expect.objectContaining({ state: 'submitted', comments: 3 }));
    expect(state('LC-PT')).toEqual(expect.objectContaining({ state: 'not_started', comments: 0, since: null }));
    // a group answers through its members: submitted since the first of them submitted
    const [leaders] = await dataSource.query(`SELECT min(submitted_at) AS first FROM submissions WHERE round_id = $1 AND organization_id = $2 AND status = 'submitted'`, [round.id, org['LC-NGH']]);
    expect(leaders.first).not.toBeNull();
    expect(state('LC-NGH')).toEqual(expect.objectContaining({ state: 'submitted', contributorsSubmitted: 1, comments: 1, since: new Date(leaders.first).toISOString() }));
    const reminders = await api.get<{ organizationId: string }[]>(`/api/rounds/${round.id}/reminders`, as('thuongvu1'));
    expect(reminders.body.map((r) => r.organizationId)).toEqual([org['LC-PT']]);
  });

  it('writes a synthesis revision in which every comment is in exactly one cluster, keys stable on rerun', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    // this test counts revisions: the worker's own run, queued by the submissions above, waits
    const release = await holdSynthesisQueue();
    try {
      const first = await handler.handle({ roundId: round.id });
      const submitted = await dataSource.query(`SELECT count(*)::int AS n FROM comments c JOIN submissions s ON s.id = c.submission_id WHERE s.round_id = $1 AND s.status = 'submitted'`, [round.id]);
      expect(first.comments).toBe(submitted[0].n);
      const synthesis = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: round.id, revision: first.revision });
      const membersOf = async (synthesisId: string): Promise<{ memberships: number; comments: number }> =>
        (
          await dataSource.query(
            `SELECT count(*)::int AS memberships, count(DISTINCT cm.comment_id)::int AS comments
               FROM comment_clusters cc JOIN cluster_members cm ON cm.member_set_id = cc.member_set_id WHERE cc.synthesis_id = $1`,
            [synthesisId],
          )
        )[0];
      expect(await membersOf(synthesis.id)).toEqual({ memberships: first.comments, comments: first.comments });
      const storedMemberships = await dataSource.getRepository(ClusterMember).count();
      const clusters = await dataSource.getRepository(CommentCluster).findBy({ synthesisId: synthesis.id });
      // the unit's and the Front's "tỷ lệ hộ nghèo" proposals, and the leader's and the unit's "chuyển đổi số"
      const digital = clusters.find((c) => c.representativeText.includes('chuyển đổi số'));
      expect(digital?.units).toBe(2);
      expect(digital?.supporters).toBe(13);
      // the unit's line stands for 12 of its 15 cells; the retired leader is one person of their own
      expect(digital).toMatchObject({ statedSupporters: 12, contributors: 1, unitsBySource: { lower_organization: 1, retired_leaders: 1 }, contributorsBySource: { retired_leaders: 1 } });
      const second = await handler.handle({ roundId: round.id });
      expect(second.revision).toBe(first.revision + 1);
      const next = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: round.id, revision: second.revision });
      const keys = (await dataSource.getRepository(CommentCluster).findBy({ synthesisId: next.id })).map((c) => c.key).sort();
      expect(keys).toEqual(clusters.map((c) => c.key).sort());
      // the rerun's clusters have the same comments: it shares their member sets and writes no membership
      expect(await membersOf(next.id)).toEqual({ memberships: first.comments, comments: first.comments });
      expect(await dataSource.getRepository(ClusterMember).count()).toBe(storedMemberships);
      expect((await dataSource.query('SELECT synthesis_requested_at FROM comment_rounds WHERE id = $1', [round.id]))[0].synthesis_requested_at).toBeNull();

      const report = await api.get<{ revision: number; comments: number; documents: { sections: { sectionNumber: string; agreement: unknown; proposals: { key: string; units: number }[] }[] }[]; coverage: unknown[] }>(
        `/api/rounds/${round.id}/synthesis`,
        as('thuongvu1'),
      );
      expect(report.status).toBe(200);
      expect(report.body.revision).toBe(second.revision);
      const sections = report.body.documents[0].sections;
      const counted = sections.flatMap((section) => section.proposals).length + sections.filter((section) => section.agreement).length;
      expect(counted).toBe(keys.length);
      expect(sections.flatMap((section) => section.proposals).find((proposal) => proposal.key === digital?.key)).toMatchObject({
        comments: 2,
        units: 2,
        statedSupporters: 12,
        contributors: 1,
        commentsBySource: { lower_organization: 1, retired_leaders: 1 },
        unitsBySource: { lower_organization: 1, retired_leaders: 1 },
        contributorsBySource: { retired_leaders: 1 },
      });
      expect(report.body.coverage).toHaveLength(5);
      expect((await api.get(`/api/rounds/${round.id}/synthesis?revision=${first.revision}`, as('tieuban'))).status).toBe(200);
      expect((await api.get<{ code: string }>(`/api/rounds/${round.id}/synthesis?revision=99`, as('tieuban'))).body.code).toBe('REVISION_NOT_FOUND');
      expect((await api.get(`/api/rounds/${round.id}/synthesis`, as('vanphong.tp'))).status).toBe(403);
      const members = await api.get<{ comments: { text: string; unit: string }[] }>(`/api/rounds/${round.id}/synthesis/clusters/${digital?.key}`, as('tieuban'));
      expect(members.body.comments.map((c) => c.unit).sort()).toEqual(['Đảng bộ huyện Tam Đường', expect.stringContaining('Vũ Văn Giang')]);
      for (const format of ['xlsx', 'docx']) {
        const file = await fetch(`${feedback.url}/api/rounds/${round.id}/synthesis/export.${format}`, { headers: { authorization: `Bearer ${as('tieuban')}` } });
        expect(file.status).toBe(200);
        expect(file.headers.get('content-disposition')).toContain(`tong-hop-y-kien-lan-${second.revision}.${format}`);
        expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      const progress = await api.get<{ latestRevision: number }>(`/api/rounds/${round.id}/synthesis/progress`, as('tieuban'));
      expect(progress.body.latestRevision).toBe(second.revision);
    } finally {
      await release();
    }
  });

  it('re-clusters only the blocks whose comments changed, with the same result as a full recomputation', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    await dataSource.query('DELETE FROM synthesis_corrections WHERE round_id = $1', [round.id]);
    const warm = await handler.handle({ roundId: round.id });
    const again = await handler.handle({ roundId: round.id });
    expect(again.blocksReclustered).toBe(0);
    const clustersOf = async (revision: number) => {
      const synthesis = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: round.id, revision });
      const rows: { key: string; members: string[]; representative: string; units: number; supporters: number }[] = await dataSource.query(
        `SELECT cc.key, cc.representative_text AS representative, cc.units, cc.supporters, cc.by_source, cc.units_by_source, cc.stated_supporters, cc.contributors, cc.contributors_by_source,
                array_agg(cm.comment_id::text ORDER BY cm.comment_id) AS members
           FROM comment_clusters cc JOIN cluster_members cm ON cm.member_set_id = cc.member_set_id WHERE cc.synthesis_id = $1 GROUP BY cc.id ORDER BY cc.key`,
        [synthesis.id],
      );
      return rows;
    };
    expect(await clustersOf(again.revision)).toEqual(await clustersOf(warm.revision));
    // a clustering stored in the form before the stated supporters and contributors (format 2) is
    // stale: its block is clustered again, with the same result
    const storedBlocks: number = (await dataSource.query('SELECT count(*)::int AS n FROM block_clusterings WHERE round_id = $1', [round.id]))[0].n;
    expect(storedBlocks).toBeGreaterThan(0);
    await dataSource.query(`UPDATE block_clusterings SET clusters = '{"format": 2, "clusters": []}'::json WHERE round_id = $1`, [round.id]);
    const stale = await handler.handle({ roundId: round.id });
    expect(stale.blocksReclustered).toBe(storedBlocks);
    expect(await clustersOf(stale.revision)).toEqual(await clustersOf(warm.revision));
    // a new submission touches one block: only it is clustered again; a cold run (no stored
    // prepared forms, no stored clusterings) gives exactly the same report
    const front = await dataSource.getRepository(Submission).findOneByOrFail({ roundId: round.id, organizationId: org['LC-MTTQ'] });
    await dataSource.query(`UPDATE submissions SET status = 'withdrawn' WHERE id = $1`, [front.id]);
    const incremental = await handler.handle({ roundId: round.id });
    expect(incremental.blocksReclustered).toBe(1);
    await dataSource.query('DELETE FROM block_clusterings WHERE round_id = $1', [round.id]);
    await dataSource.query('DELETE FROM comment_prepared_forms f USING comments c WHERE c.id = f.comment_id AND c.round_id = $1', [round.id]);
    const full = await handler.handle({ roundId: round.id });
    expect(full.blocksReclustered).toBeGreaterThan(1);
    expect(await clustersOf(full.revision)).toEqual(await clustersOf(incremental.revision));
    // the Front submits the same comments again: its clusters are those of an earlier revision,
    // not the latest, and their member sets are found again rather than written twice
    const sets = async (): Promise<number> => (await dataSource.query('SELECT count(*)::int AS n FROM cluster_member_sets WHERE round_id = $1', [round.id]))[0].n;
    const setsBefore = await sets();
    await dataSource.query(`UPDATE submissions SET status = 'submitted' WHERE id = $1`, [front.id]);
    const back = await handler.handle({ roundId: round.id });
    expect(back.blocksReclustered).toBe(1);
    expect(await sets()).toBe(setsBefore);
  });

  it('keeps the need of a change that commits after the revision read the comments, even one whose transaction began before the run', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    const front = await dataSource.getRepository(Submission).findOneByOrFail({ roundId: round.id, organizationId: org['LC-MTTQ'] });
    // the need the run serves (an earlier change)
    await dataSource.query(`UPDATE comment_rounds SET synthesis_requested_at = now() - interval '1 minute' WHERE id = $1`, [round.id]);
    const count = async (revision: number): Promise<number> => (await dataSource.query('SELECT comment_count AS n FROM syntheses WHERE round_id = $1 AND revision = $2', [round.id, revision]))[0].n;
    // a withdrawal, as the feedback service makes it: the change, then the need (now(): the
    // transaction's start), committed while the run is writing
    const change = new Client({ connectionString: database.url });
    await change.connect();
    let revision: number;
    try {
      await change.query('BEGIN');
      await change.query(`UPDATE submissions SET status = 'withdrawn' WHERE id = $1`, [front.id]);
      await change.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [round.id]);
      const running = handler.handle({ roundId: round.id });
      // the run read the comments (the withdrawal not yet among them) and waits to clear the need
      await waitingOnLock('the run waiting for the change', 'UPDATE comment_rounds SET synthesis_requested_at = NULL%');
      await change.query('COMMIT');
      revision = (await running).revision;
    } finally {
      await change.end();
    }
    const [{ requested }] = await dataSource.query('SELECT synthesis_requested_at AS requested FROM comment_rounds WHERE id = $1', [round.id]);
    expect(requested).not.toBeNull();
    // the next run has the withdrawal
    const next = await handler.handle({ roundId: round.id });
    expect(await count(next.revision)).toBeLessThan(await count(revision));
    await dataSource.query(`UPDATE submissions SET status = 'submitted' WHERE id = $1`, [front.id]);
    await handler.handle({ roundId: round.id });
    await dataSource.query('UPDATE comment_rounds SET synthesis_requested_at = NULL WHERE id = $1', [round.id]);
  });

  it('shows a revision even when its block clusterings cannot be stored afterwards; the next revision clusters those blocks again', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    const membersOf = async (revision: number): Promise<string[]> =>
      (
        await dataSource.query(
          `SELECT cc.key || ':' || string_agg(cm.comment_id::text, ',' ORDER BY cm.comment_id) AS cluster
             FROM syntheses s JOIN comment_clusters cc ON cc.synthesis_id = s.id JOIN cluster_members cm ON cm.member_set_id = cc.member_set_id
            WHERE s.round_id = $1 AND s.revision = $2 GROUP BY cc.id ORDER BY 1`,
          [round.id, revision],
        )
      ).map((row: { cluster: string }) => row.cluster);
    const front = await dataSource.getRepository(Submission).findOneByOrFail({ roundId: round.id, organizationId: org['LC-MTTQ'] });
    await dataSource.query(`CREATE FUNCTION refuse_clusterings() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await dataSource.query('CREATE TRIGGER refuse_clusterings BEFORE INSERT OR UPDATE ON block_clusterings FOR EACH ROW EXECUTE FUNCTION refuse_clusterings()');
    let refused: Awaited<ReturnType<SynthesizeRoundHandler['handle']>>;
    try {
      await dataSource.query(`UPDATE submissions SET status = 'withdrawn' WHERE id = $1`, [front.id]);
      refused = await handler.handle({ roundId: round.id });
      expect(refused.blocksReclustered).toBe(1);
    } finally {
      await dataSource.query('DROP TRIGGER refuse_clusterings ON block_clusterings');
      await dataSource.query('DROP FUNCTION refuse_clusterings()');
    }
    const shown = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: round.id, revision: refused.revision });
    expect(shown.status).toBe('complete');
    // the touched block's clustering was not stored: clustered again, to the same clusters
    const next = await handler.handle({ roundId: round.id });
    expect(next.blocksReclustered).toBe(1);
    expect(await membersOf(next.revision)).toEqual(await membersOf(refused.revision));
    expect((await handler.handle({ roundId: round.id })).blocksReclustered).toBe(0);
    await dataSource.query(`UPDATE submissions SET status = 'submitted' WHERE id = $1`, [front.id]);
    expect((await handler.handle({ roundId: round.id })).blocksReclustered).toBe(1);
  });

  it('carries keys over from the latest revision when another worker wrote it, not from the one this worker remembers', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    // another worker process: a handler of its own, with nothing in memory
    const other = new SynthesizeRoundHandler(worker.get(DataSource), worker.get(JobProducer), worker.get(AppConfig));
    const release = await holdSynthesisQueue();
    try {
      const keysOf = async (revision: number): Promise<string[]> =>
        (await dataSource.query('SELECT cc.key FROM comment_clusters cc JOIN syntheses s ON s.id = cc.synthesis_id WHERE s.round_id = $1 AND s.revision = $2 ORDER BY cc.key', [round.id, revision])).map(
          (row: { key: string }) => row.key,
        );
      const mine = await handler.handle({ roundId: round.id });
      const theirs = await other.handle({ roundId: round.id });
      const [renamed] = await keysOf(theirs.revision);
      // a key of their revision that this worker's remembered revision does not have
      await dataSource.query(`UPDATE comment_clusters SET key = 'renamed-by-the-other-worker' WHERE key = $1 AND synthesis_id = (SELECT id FROM syntheses WHERE round_id = $2 AND revision = $3)`, [
        renamed,
        round.id,
        theirs.revision,
      ]);
      const expected = (await keysOf(theirs.revision)).sort();
      expect(expected).not.toEqual((await keysOf(mine.revision)).sort());
      const next = await handler.handle({ roundId: round.id });
      expect((await keysOf(next.revision)).sort()).toEqual(expected);
      // and from its own revision, remembered, the next time
      const after = await handler.handle({ roundId: round.id });
      expect((await keysOf(after.revision)).sort()).toEqual(expected);
      // the key back as it was, in a revision the other worker writes (revisions are never changed
      // once written: this worker's memory of its own would no longer be the stored one)
      await dataSource.query(`UPDATE comment_clusters SET key = $1 WHERE key = 'renamed-by-the-other-worker' AND synthesis_id IN (SELECT id FROM syntheses WHERE round_id = $2)`, [renamed, round.id]);
      const restored = await other.handle({ roundId: round.id });
      expect((await keysOf(restored.revision)).sort()).toEqual((await keysOf(mine.revision)).sort());
    } finally {
      await release();
    }
  });

  describe('queued synthesis jobs', () => {
    let events: QueueEvents;
    beforeAll(async () => {
      events = new QueueEvents('synthesis', { connection: { url: testRedisUrl() }, prefix: queuePrefix });
      await events.waitUntilReady();
    });
    afterAll(() => events?.close());
    const latest = async (): Promise<number> => (await dataSource.query('SELECT max(revision)::int AS n FROM syntheses WHERE round_id = $1', [round.id]))[0].n;
    const recordNeed = (): Promise<unknown> => dataSource.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [round.id]);
    /** Queues the round's job at once and answers what it returned. */
    const runQueued = async (): Promise<unknown> => {
      const producer = worker.get(JobProducer);
      const jobId = await producer.enqueue('synthesis.round', { roundId: round.id }, { delay: 0 });
      const job = await producer.queue('synthesis').getJob(jobId);
      return job ? job.waitUntilFinished(events, 60_000) : Promise.reject(new Error(`job ${jobId} already gone`));
    };
    /** Runs `whileHeld` with the round's synthesis lock held in a transaction of its own (as another run writing would); it commits when `whileHeld` is done. */
    const holdingTheRound = async <T>(whileHeld: (otherRun: Client) => Promise<T>): Promise<T> => {
      const otherRun = new Client({ connectionString: database.url });
      await otherRun.connect();
      try {
        await otherRun.query('BEGIN');
        await otherRun.query(`SELECT pg_advisory_xact_lock(hashtext('vankien:synthesis'), hashtext($1))`, [round.id]);
        const result = await whileHeld(otherRun);
        await otherRun.query('COMMIT');
        return result;
      } finally {
        await otherRun.end();
      }
    };
    const jobWaitsForTheRound = (): Promise<true> => waitingOnLock('the job waiting for the round’s lock', '%pg_advisory_xact_lock%');

    it('writes no second revision for a queued job whose need another run served, before it ran or while it waited for the round', async () => {
      const handler = worker.get(SynthesizeRoundHandler);
      // a submission's need, served by a run asked for before its job's delay was over
      await recordNeed();
      const served = await handler.handle({ roundId: round.id });
      expect(await runQueued()).toEqual({ revision: null, skipped: 'need-already-served' });
      expect(await latest()).toBe(served.revision);
      // a need still recorded is served by the job
      await recordNeed();
      expect(await runQueued()).toMatchObject({ revision: served.revision + 1 });
      expect(await latest()).toBe(served.revision + 1);
      // a job waiting for the round's lock while another run writes, and clears the need
      await recordNeed();
      const waiting = await holdingTheRound(async (otherRun) => {
        const job = runQueued();
        await jobWaitsForTheRound();
        await otherRun.query('UPDATE comment_rounds SET synthesis_requested_at = NULL WHERE id = $1', [round.id]);
        // (wrapped: returned bare, the job's promise would be awaited while the lock is still held)
        return { job };
      });
      expect(await waiting.job).toEqual({ revision: null, skipped: 'need-already-served' });
      expect(await latest()).toBe(served.revision + 1);
    });

    it('starts a quiet round’s revision at once; in a burst of changes, waits the debounce so that one run serves it', async () => {
      const [{ id: submissionId }] = await dataSource.query(`SELECT id FROM submissions WHERE round_id = $1 AND organization_id = $2 AND status = 'submitted'`, [round.id, org['LC-TD']]);
      const queue = worker.get(JobProducer).queue('synthesis');
      /** The job the change queued (the feedback service queues it once it has answered). */
      const queuedJob = () => eventually('the job the change queued', 5_000, async () => await queue.getJob(`synthesis-${round.id}`));
      const release = await holdSynthesisQueue();
      try {
        // the last revision completed a minute ago: the withdrawal's revision is not delayed
        await dataSource.query(`UPDATE syntheses SET completed_at = now() - interval '1 minute' WHERE round_id = $1`, [round.id]);
        expect((await api.post(`/api/submissions/${submissionId}/withdraw`, {}, as('vanphong.td'))).status).toBe(200);
        const quiet = await queuedJob();
        expect(quiet.opts.delay).toBe(0);
        await quiet.remove();
        // a revision completed just now: the submission made again waits the debounce
        await dataSource.query(`UPDATE syntheses SET completed_at = now() WHERE id = (SELECT id FROM syntheses WHERE round_id = $1 ORDER BY revision DESC LIMIT 1)`, [round.id]);
        expect((await api.post(`/api/submissions/${submissionId}/submit`, {}, as('vanphong.td'))).status).toBe(200);
        const burst = await queuedJob();
        expect(burst.opts.delay).toBe(2000);
        await burst.remove();
      } finally {
        // the submission is as it was: nothing for the worker to do
        await dataSource.query('UPDATE comment_rounds SET synthesis_requested_at = NULL WHERE id = $1', [round.id]);
        await release();
      }
    });

    // (this file's worker re-fills the queue only every hour: the next run comes from the completed job)
    it('queues the next run as soon as the job completes when a submission was recorded while it ran', async () => {
      const before = await latest();
      await recordNeed();
      const running = await holdingTheRound(async () => {
        const job = runQueued();
        await jobWaitsForTheRound();
        // a submission while the job runs: its need is recorded after the job started
        await recordNeed();
        return { job };
      });
      expect(await running.job).toMatchObject({ revision: before + 1 });
      await eventually(`revision ${before + 2}, for the need recorded during revision ${before + 1}`, 60_000, async () => ((await latest()) >= before + 2 ? true : undefined));
      const [{ requested }] = await dataSource.query('SELECT synthesis_requested_at AS requested FROM comment_rounds WHERE id = $1', [round.id]);
      expect(requested).toBeNull();
    });
  });

  it('replays the drafters’ corrections on every revision: merge, representative text; bad ones are refused', async () => {
    const handler = worker.get(SynthesizeRoundHandler);
    const latest = await dataSource.getRepository(Synthesis).findOneOrFail({ where: { roundId: round.id }, order: { revision: 'DESC' } });
    const clusters = await dataSource.getRepository(CommentCluster).find({ where: { synthesisId: latest.id }, order: { position: 'ASC' } });
    // two proposals on the same block, merged by the drafters
    const byBlock = new Map<string, CommentCluster[]>();
    for (const cluster of clusters.filter((c) => c.kind !== 'agree')) byBlock.set(cluster.blockId, [...(byBlock.get(cluster.blockId) ?? []), cluster]);
    const [target, source] = [...byBlock.values()].find((group) => group.length >= 2) ?? [];
    expect(target && source).toBeTruthy();
    expect((await api.post(`/api/rounds/${round.id}/synthesis/corrections`, { type: 'merge', target: { key: target.key }, source: { key: source.key } }, as('vanphong.tp'))).status).toBe(403);
    const merged = await api.post<{ sequence: number }>(`/api/rounds/${round.id}/synthesis/corrections`, { type: 'merge', target: { key: target.key }, source: { key: source.key } }, as('tieuban'));
    expect(merged.status).toBe(201);
    expect((await api.post(`/api/rounds/${round.id}/synthesis/corrections`, { type: 'representative', target: { key: target.key }, text: 'Đề nghị bổ sung và làm rõ các chỉ tiêu (ý kiến gộp).' }, as('tieuban'))).status).toBe(201);
    const incomplete = await api.post<{ code: string; details: { field: string }[] }>(`/api/rounds/${round.id}/synthesis/corrections`, { type: 'move', to: { key: target.key, commentId: '00000000-0000-4000-8000-000000000000' } }, as('tieuban'));
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.map((d) => d.field).sort()).toEqual(['commentId', 'to']);
    expect((await api.post(`/api/rounds/${round.id}/synthesis/corrections`, { type: 'shuffle' }, as('tieuban'))).status).toBe(400);

    const expectCorrected = async (revision: number): Promise<void> => {
      const synthesis = await dataSource.getRepository(Synthesis).findOneByOrFail({ roundId: round.id, revision });
      const after = await dataSource.getRepository(CommentCluster).findBy({ synthesisId: synthesis.id });
      expect(after.find((c) => c.key === source.key)).toBeUndefined();
      const kept = after.find((c) => c.key === target.key);
      expect(kept?.commentCount).toBe(target.commentCount + source.commentCount);
      expect(kept?.representativeText).toBe('Đề nghị bổ sung và làm rõ các chỉ tiêu (ý kiến gộp).');
    };
    const first = await handler.handle({ roundId: round.id });
    await expectCorrected(first.revision);
    // a later revision (another submission arrived) keeps the corrections
    const second = await handler.handle({ roundId: round.id });
    await expectCorrected(second.revision);
    const listed = await api.get<{ sequence: number }[]>(`/api/rounds/${round.id}/synthesis/corrections`, as('thuongvu1'));
    expect(listed.body.map((c) => c.sequence)).toEqual([1, 2]);
  });

  it('after the deadline refuses submissions, or accepts them as late when the round says so; closing is final', async () => {
    const submission = await openSubmission('vanphong.pt', 'LC-PT');
    await api.post(`/api/submissions/${submission.id}/comments`, { blockId: paragraph(0), kind: 'agree', text: 'Nhất trí' }, as('vanphong.pt'));
    await dataSource.query(`UPDATE comment_rounds SET deadline = now() - interval '1 minute', opens_at = now() - interval '1 day' WHERE id = $1`, [round.id]);
    expect((await api.post<{ code: string }>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.pt'))).body.code).toBe('ROUND_NOT_ACCEPTING');
    await dataSource.query(`UPDATE comment_rounds SET late_policy = 'accept_late' WHERE id = $1`, [round.id]);
    const late = await api.post<SubmissionView>(`/api/submissions/${submission.id}/submit`, {}, as('vanphong.pt'));
    expect(late.body.late).toBe(true);
    const coverage = await api.get<{ organizationId: string; state: string }[]>(`/api/rounds/${round.id}/coverage`, as('tieuban'));
    expect(coverage.body.find((entry) => entry.organizationId === org['LC-PT'])?.state).toBe('late');
    expect((await api.post<Round>(`/api/rounds/${round.id}/close`, {}, as('tieuban'))).body.status).toBe('closed');
    expect((await api.post<{ code: string }>(`/api/rounds/${round.id}/submissions`, { organizationId: org['LC-TD'] }, as('vanphong.td'))).body.code).toBe('ROUND_NOT_ACCEPTING');
  });
});

/** Pauses the synthesis queue (the worker finishes the run it has) until the returned function resumes it. */
async function holdSynthesisQueue(): Promise<() => Promise<void>> {
  const connection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  const queue = new Queue('synthesis', { connection, prefix: queuePrefix });
  await queue.pause();
  while ((await queue.getActiveCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  return async () => {
    await queue.resume();
    await queue.close();
    connection.disconnect();
  };
}
