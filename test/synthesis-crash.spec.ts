import { hostname } from 'node:os';
import { buildBlockIndex, congressSchema, createTemplate, plainText } from '@vankien/document-schema';
import { workerHeartbeatKey } from '@vankien/platform';
import { JobProducer, queuePrefix } from '@vankien/queue';
import { clusterBlock, prepareComment, withStableKeys, type Cluster, type CommentInput } from '@vankien/synthesis';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { halfBuilt, spawnApp, waitForStableBuild, type AppProcess } from './support/processes';
import { flushWorkerRedis, seededDatabase, type SeededDatabase } from './support/seeded-system';
import { apiClient, login, serviceEnvironment, startApp, type RunningApp } from './support/test-app';
import { testRedisUrl } from './support/test-database';
import { eventually } from './support/eventually';

// A crash in the middle of a synthesis job: the built worker runs as a process of its own, is
// killed with SIGKILL while it is writing a revision (held there by a row lock the test takes,
// so the moment is certain, not guessed with a sleep), and is started again. The last complete
// revision must stay readable and unchanged, nothing half-written may show, and BullMQ's
// stalled-job check must hand the job to the new process, which writes a revision equal to a
// full recomputation from the comments. The tests run in order, on one round and the worker
// process the first one starts.

/** mulberry32: the same seed gives the same comments. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS: Record<CommentInput['kind'], string[]> = {
  agree: ['Tán thành với nội dung dự thảo.', 'Nhất trí như dự thảo.', 'Chi bộ thống nhất cao với đoạn này.'],
  amend: ['Đề nghị sửa lại câu này cho rõ nghĩa.', 'Đề nghị điều chỉnh cách diễn đạt.', 'Đề nghị chỉnh sửa số liệu cho khớp với báo cáo tổng kết.'],
  add: ['Đề nghị bổ sung nội dung về chuyển đổi số.', 'Cần bổ sung đánh giá về công tác cán bộ.', 'Đề nghị bổ sung chỉ tiêu về giảm nghèo bền vững.'],
  delete: ['Đề nghị bỏ câu này vì trùng với phần trên.', 'Đề nghị lược bỏ nội dung không cần thiết.'],
  question: ['Đề nghị làm rõ căn cứ của chỉ tiêu này?', 'Số liệu này lấy từ nguồn nào?'],
  general: ['Góp ý chung về bố cục của dự thảo.', 'Về văn phong, đề nghị thống nhất cách dùng thuật ngữ.'],
};
const TOPICS = [
  'phát triển kinh tế nông nghiệp hàng hóa gắn với xây dựng nông thôn mới',
  'cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh',
  'giảm nghèo bền vững ở các xã đặc biệt khó khăn vùng cao biên giới',
  'xây dựng đội ngũ cán bộ, nhất là người đứng đầu',
  'bảo vệ và phát triển rừng, ứng phó với biến đổi khí hậu',
  'phát triển du lịch gắn với bảo tồn văn hóa các dân tộc thiểu số',
  'huy động nguồn lực đầu tư kết cấu hạ tầng giao thông liên vùng',
  'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
];
const REASONS = [
  'Thực tế ở địa phương cho thấy nội dung này còn nhiều khó khăn cần được nhận diện đầy đủ hơn.',
  'Cách viết hiện nay còn chung chung, chưa sát với điều kiện của tỉnh.',
  'Cần có giải pháp cụ thể, phân công rõ trách nhiệm của từng cấp ủy.',
  'Kinh phí thực hiện còn hạn chế, cần nêu rõ nguồn lực và lộ trình thực hiện.',
  'Chỉ tiêu đặt ra cao so với khả năng thực hiện, đề nghị cân nhắc giảm xuống 7%.',
];
const KINDS: CommentInput['kind'][] = ['agree', 'amend', 'add', 'add', 'delete', 'question', 'general', 'amend'];

interface GeneratedComment {
  blockId: string;
  kind: CommentInput['kind'];
  text: string;
  supporters: number | null;
  supportersTotal: number | null;
}

function generateComments(count: number, blockIds: string[], seed: number): GeneratedComment[] {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, () => {
    const kind = pick(KINDS);
    let text = pick(OPENERS[kind]);
    const parts = 1 + Math.floor(random() * 3);
    for (let part = 0; part < parts; part++) text += random() < 0.5 ? ` Về ${pick(TOPICS)}: ${pick(REASONS).toLowerCase()}` : ` ${pick(REASONS)}`;
    const total = random() < 0.3 ? 5 + Math.floor(random() * 100) : null;
    return { blockId: pick(blockIds), kind, text, supporters: total === null ? null : 1 + Math.floor(random() * total), supportersTotal: total };
  });
}

/** What a revision says, cluster by cluster: what the crash must not change and the rerun must reproduce. */
interface ClusterRow {
  key: string;
  documentVersionId: string;
  blockId: string;
  kind: string;
  representative: string;
  representativeId: string;
  count: number;
  units: number;
  supporters: number;
  agreement: boolean;
  members: string[];
}

describe('a crash in the middle of a synthesis job', () => {
  let seeded_: SeededDatabase;
  let dataSource: DataSource;
  let redis: Redis;
  let producer: JobProducer;
  let feedback: RunningApp;
  let token: string;
  let roundId: string;
  let versionId: string;
  let blockIds: string[];
  let worker: AppProcess | undefined;
  const jobId = (): string => `synthesis-${roundId}`;

  const describeWorker = (): string =>
    worker ? `--- worker ${worker.child.pid} (${worker.hasExited() ? 'exited' : 'running'}):\n${worker.stderr().slice(-3000)}${worker.stdout().slice(-2000)}` : 'no worker';

  /** Starts the built worker and waits for its heartbeat (written once its queues are open). */
  async function startWorker(): Promise<AppProcess> {
    for (let attempt = 1; ; attempt += 1) {
      await waitForStableBuild();
      const started = spawnApp('worker', serviceEnvironment(seeded_.database));
      worker = started;
      const instance = `${hostname()}:${started.child.pid}`;
      const up = await eventually('the worker’s heartbeat', 30_000, async () => ((await redis.hexists(workerHeartbeatKey, instance)) || started.hasExited() ? true : undefined), describeWorker);
      if (up && !started.hasExited()) return started;
      if (attempt < 3 && halfBuilt(started.stderr())) continue;
      throw new Error(`the worker exited while starting\n${describeWorker()}`);
    }
  }

  /** A unit of the province submits `count` comments (rows written as the bulk API's COPY would). */
  async function submit(code: string, count: number, seed: number): Promise<string> {
    const [{ id: invitationId }] = await dataSource.query(`INSERT INTO invitations (round_id, organization_id, source_type) VALUES ($1, $2, 'lower_organization') RETURNING id`, [roundId, seeded_.org[code]]);
    const [{ id: submissionId }] = await dataSource.query(
      `INSERT INTO submissions (round_id, invitation_id, organization_id, status, submitted_at, comment_count, row_version) VALUES ($1, $2, $3, 'submitted', now(), $4, 1) RETURNING id`,
      [roundId, invitationId, seeded_.org[code], count],
    );
    const comments = generateComments(count, blockIds, seed);
    for (let start = 0; start < comments.length; start += 5000) {
      const chunk = comments.slice(start, start + 5000);
      await dataSource.query(
        `INSERT INTO comments (submission_id, round_id, document_version_id, block_id, position, kind, text, supporters, supporters_total)
         SELECT $1, $2, $3, unnest($4::text[]), unnest($5::int[]), unnest($6::text[]), unnest($7::text[]), unnest($8::int[]), unnest($9::int[])`,
        [submissionId, roundId, versionId, chunk.map((c) => c.blockId), chunk.map((_, i) => start + i + 1), chunk.map((c) => c.kind), chunk.map((c) => c.text), chunk.map((c) => c.supporters), chunk.map((c) => c.supportersTotal)],
      );
    }
    // what the feedback service records with a submission (SynthesisRequests.record)
    await dataSource.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [roundId]);
    return submissionId;
  }

  async function revisions(): Promise<{ revision: number; status: string }[]> {
    return dataSource.query('SELECT revision, status FROM syntheses WHERE round_id = $1 ORDER BY revision', [roundId]);
  }

  async function waitForRevision(revision: number, timeoutMs: number): Promise<void> {
    await eventually(`revision ${revision} of the synthesis`, timeoutMs, async () => ((await revisions()).some((row) => row.revision === revision && row.status === 'complete') ? true : undefined), describeWorker);
  }

  /** What a revision must share with a full recomputation: its clusters, their figures and members. */
  type Comparable = Omit<ClusterRow, 'kind' | 'agreement' | 'documentVersionId'>;
  const comparable = ({ key, blockId, representative, representativeId, count, units, supporters, members }: ClusterRow): Comparable => ({
    key,
    blockId,
    representative,
    representativeId,
    count,
    units,
    supporters,
    members,
  });

  /**
   * The clusters a full recomputation with libs/synthesis alone gives, from the comments as
   * stored (every comment prepared, every block clustered), keyed against `previous`, ordered by
   * key as clustersOf orders them.
   */
  async function fullRecomputation(expectedComments: number, previous: readonly ClusterRow[]): Promise<Comparable[]> {
    const rows: { id: string; unit: string; source_type: CommentInput['sourceType']; block_id: string; kind: CommentInput['kind']; text: string; supporters: number | null; supporters_total: number | null }[] =
      await dataSource.query(
        `SELECT c.id::text, s.organization_id::text AS unit, i.source_type, c.block_id, c.kind, c.text, c.supporters, c.supporters_total
           FROM comments c JOIN submissions s ON s.id = c.submission_id JOIN invitations i ON i.id = s.invitation_id
          WHERE c.round_id = $1 AND s.status = 'submitted'`,
        [roundId],
      );
    expect(rows).toHaveLength(expectedComments);
    const byBlock = new Map<string, CommentInput[]>();
    for (const row of rows) {
      const input: CommentInput = {
        id: row.id,
        unit: row.unit,
        sourceType: row.source_type,
        documentId: versionId,
        blockId: row.block_id,
        kind: row.kind,
        text: row.text,
        ...(row.supporters ? { supporters: row.supporters } : {}),
        ...(row.supporters_total ? { supportersTotal: row.supporters_total } : {}),
      };
      byBlock.set(`${versionId}/${row.block_id}`, [...(byBlock.get(`${versionId}/${row.block_id}`) ?? []), input]);
    }
    const fresh: Cluster[] = [...byBlock.keys()].sort().flatMap((key) => clusterBlock((byBlock.get(key) ?? []).map((input) => prepareComment(input))));
    return withStableKeys(
      previous.map((cluster) => ({ key: cluster.key, commentIds: cluster.members })),
      fresh,
    )
      .map((cluster) => ({
        key: cluster.key,
        blockId: cluster.blockId,
        representative: cluster.representative,
        representativeId: cluster.representativeId,
        count: cluster.commentIds.length,
        units: cluster.units,
        supporters: cluster.supporters,
        members: [...cluster.commentIds].sort(),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async function clustersOf(revision: number): Promise<ClusterRow[]> {
    return dataSource.query(
      `SELECT cc.key, cc.document_version_id AS "documentVersionId", cc.block_id AS "blockId", cc.kind, cc.representative_text AS representative,
              cc.representative_comment_id::text AS "representativeId", cc.comment_count AS count, cc.units, cc.supporters, cc.agreement,
              array_agg(cm.comment_id::text ORDER BY cm.comment_id) AS members
         FROM syntheses s JOIN comment_clusters cc ON cc.synthesis_id = s.id JOIN cluster_members cm ON cm.member_set_id = cc.member_set_id
        WHERE s.round_id = $1 AND s.revision = $2
        GROUP BY cc.id ORDER BY cc.key`,
      [roundId, revision],
    );
  }

  /**
   * Waits until the worker runs the job (its state in BullMQ) and has written the revision's
   * row inside its transaction (it holds the syntheses table's row lock), then keeps it there:
   * the test locks the round's comments the worker has not referenced yet, so its next insert
   * of cluster members waits. `release` ends the test's lock and waits until the worker's
   * session has committed, rolled back, or gone.
   */
  async function holdInRevisionTransaction(): Promise<{ pid: number; progress: unknown; release(): Promise<void> }> {
    const locker = new Client({ connectionString: seeded_.database.url, application_name: 'vankien-test-locker' });
    await locker.connect();
    try {
      await eventually('the job running', 60_000, async () => {
        const job = await producer.queue('synthesis').getJob(jobId());
        return job && (await job.getState()) === 'active' ? true : undefined;
      }, describeWorker);
      const pid = await eventually('the worker writing a revision in its transaction', 120_000, async () => {
        const rows: { pid: number }[] = (
          await locker.query(
            `SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
              WHERE a.datname = current_database() AND a.application_name = 'vankien-worker'
                AND l.locktype = 'relation' AND l.relation = 'syntheses'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted`,
          )
        ).rows;
        return rows[0]?.pid;
      }, describeWorker);
      await locker.query('BEGIN');
      const locked = await locker.query('SELECT id FROM comments WHERE round_id = $1 FOR UPDATE SKIP LOCKED', [roundId]);
      expect(locked.rowCount).toBeGreaterThan(0);
      await eventually('the worker waiting on the locked comments', 30_000, async () => {
        // read from another session: inside a transaction, pg_stat_activity stays as it was first read
        const rows: { wait_event_type: string | null }[] = await dataSource.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
        return rows[0]?.wait_event_type === 'Lock' ? true : undefined;
      }, describeWorker);
      const progress = (await producer.queue('synthesis').getJob(jobId()))?.progress;
      return {
        pid,
        progress,
        release: async () => {
          try {
            await locker.query('ROLLBACK');
            await eventually('the worker’s transaction ending', 30_000, async () => {
              const rows: { xact_start: Date | null }[] = (await locker.query('SELECT xact_start FROM pg_stat_activity WHERE pid = $1', [pid])).rows;
              return rows.length === 0 || rows[0].xact_start === null ? true : undefined;
            });
          } finally {
            await locker.end();
          }
        },
      };
    } catch (error) {
      await locker.end();
      throw error;
    }
  }

  beforeAll(async () => {
    await flushWorkerRedis();
    seeded_ = await seededDatabase();
    dataSource = seeded_.dataSource;
    redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    producer = new JobProducer(redis);

    // a frozen political report and an open round of the province on it
    const content = createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030' });
    const node = congressSchema.nodeFromJSON(content);
    const index = buildBlockIndex(node);
    const [{ id: documentId }] = await dataSource.query(`INSERT INTO documents (organization_id, kind, title, term) VALUES ($1, 'political_report', 'Báo cáo chính trị', '2025–2030') RETURNING id`, [seeded_.org.LC]);
    [{ id: versionId }] = await dataSource.query(
      `INSERT INTO document_versions (document_id, number, label, yjs_state, content, block_index, plain_text) VALUES ($1, 1, 'Dự thảo lần 1', '\\x00', $2, $3, $4) RETURNING id`,
      [documentId, JSON.stringify(content), JSON.stringify(index), plainText(node)],
    );
    [{ id: roundId }] = await dataSource.query(
      `INSERT INTO comment_rounds (organization_id, title, status, opens_at, deadline) VALUES ($1, 'Góp ý dự thảo', 'open', now() - interval '1 day', now() + interval '7 days') RETURNING id`,
      [seeded_.org.LC],
    );
    await dataSource.query('INSERT INTO round_documents (round_id, document_version_id, position) VALUES ($1, $2, 0)', [roundId, versionId]);
    blockIds = index.filter((entry) => entry.text).map((entry) => entry.blockId);

    feedback = await startApp('feedback', serviceEnvironment(seeded_.database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' }));
    token = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
  });

  afterAll(async () => {
    if (worker && !worker.hasExited()) await worker.stop(5000);
    await feedback?.close();
    await producer?.onApplicationShutdown();
    redis?.disconnect();
    await seeded_?.close();
  });

  it('keeps the last complete revision, shows nothing half-written, and the restarted worker finishes the stalled job as a full recomputation would', async () => {
    // revision 1: three units, written by the worker process
    for (const [index, code] of ['LC-TP', 'LC-TD', 'LC-PT'].entries()) await submit(code, 3000, 100 + index);
    await startWorker();
    await producer.enqueue('synthesis.round', { roundId });
    await waitForRevision(1, 120_000);
    const before = await clustersOf(1);
    expect(before.length).toBeGreaterThan(1000);

    // a fourth unit submits: revision 2 is queued, and the worker is held inside its
    // transaction: once the revision's row is written (it holds the syntheses table's row
    // lock), the test locks the comments it has not referenced yet, so its next insert of
    // cluster members waits
    await submit('LC-MTTQ', 3000, 200);
    await producer.enqueue('synthesis.round', { roundId });
    const held = await holdInRevisionTransaction();
    try {
      // half-way through writing revision 2: other sessions see revision 1 only
      expect(await revisions()).toEqual([{ revision: 1, status: 'complete' }]);
      // the job reported its progress up to the clustering; nothing says it was written
      expect(held.progress).toMatchObject({ phase: expect.stringMatching(/^(preparing|clustering)$/) });
      // a submission meanwhile records its need on the round's row at once: the revision's lock
      // is not that row (the update would wait for the whole revision otherwise)
      await dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL lock_timeout = '2s'`);
        await manager.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [roundId]);
      });
      const running = worker as AppProcess;
      running.child.kill('SIGKILL');
      expect((await running.exited).signal).toBe('SIGKILL');
    } finally {
      // the worker's backend finds its client gone once it can run again, and rolls back
      await held.release();
    }

    // nothing of revision 2 is visible, complete or otherwise; revision 1 is whole and unchanged
    expect(await revisions()).toEqual([{ revision: 1, status: 'complete' }]);
    const [{ clusters, sets, members }] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM comment_clusters cc JOIN syntheses s ON s.id = cc.synthesis_id WHERE s.round_id = $1) AS clusters,
              (SELECT count(*)::int FROM cluster_member_sets ms WHERE ms.round_id = $1) AS sets,
              (SELECT count(*)::int FROM cluster_members cm JOIN cluster_member_sets ms ON ms.id = cm.member_set_id WHERE ms.round_id = $1) AS members`,
      [roundId],
    );
    // no member set of the interrupted revision either: only revision 1's, one per cluster
    expect({ clusters, sets, members }).toEqual({ clusters: before.length, sets: before.length, members: 9000 });
    expect(await clustersOf(1)).toEqual(before);
    const api = apiClient(feedback.url);
    const report = await api.get<{ revision: number; commentCount?: number; comments?: number }>(`/api/rounds/${roundId}/synthesis`, token);
    expect(report.status).toBe(200);
    expect(report.body.revision).toBe(1);
    const progress = await api.get<{ latestRevision: number; requestedAt: string | null; job: { state: string } | null }>(`/api/rounds/${roundId}/synthesis/progress`, token);
    expect(progress.body).toMatchObject({ latestRevision: 1, job: { state: 'active' } });
    expect(progress.body.requestedAt).not.toBeNull();

    // a new worker: BullMQ's stalled-job check finds the job without a lock and hands it over
    const events = new QueueEvents('synthesis', { connection: { url: testRedisUrl() }, prefix: queuePrefix });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId: stalledId }) => stalled.push(stalledId));
    await events.waitUntilReady();
    try {
      await startWorker();
      // the lock of the killed worker lasts 30 s, the check runs every 30 s
      await waitForRevision(2, 150_000);
    } finally {
      await events.close();
    }
    expect(stalled).toContain(jobId());
    expect(await revisions()).toEqual([
      { revision: 1, status: 'complete' },
      { revision: 2, status: 'complete' },
    ]);
    expect((await dataSource.query('SELECT synthesis_requested_at FROM comment_rounds WHERE id = $1', [roundId]))[0].synthesis_requested_at).toBeNull();

    // a full recomputation with libs/synthesis alone, from the comments as stored: every comment
    // prepared, every block clustered, keys carried over from revision 1
    const recovered = await clustersOf(2);
    expect(recovered.length).toBeGreaterThan(0);
    expect(recovered.map(comparable)).toEqual(await fullRecomputation(12_000, before));
    // keys of revision 1 carry over to the clusters that kept their members
    const keysBefore = new Set(before.map((cluster) => cluster.key));
    expect(recovered.filter((cluster) => keysBefore.has(cluster.key)).length).toBeGreaterThan(0);
  }, 420_000);

  it('does not let a job that failed for good block the round: the next submission gets its revision', async () => {
    // the revision's insert fails inside the real handler until the trigger is dropped; the job
    // uses up its attempts (one here, not five with their backoff, to keep the test short)
    await dataSource.query(`CREATE FUNCTION refuse_syntheses() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await dataSource.query('CREATE TRIGGER refuse_syntheses BEFORE INSERT ON syntheses FOR EACH ROW EXECUTE FUNCTION refuse_syntheses()');
    try {
      await dataSource.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [roundId]);
      await producer.enqueue('synthesis.round', { roundId }, { attempts: 1, delay: 0 });
      await eventually('the job failing for good', 60_000, async () => {
        const job = await producer.queue('synthesis').getJob(jobId());
        return job && (await job.getState()) === 'failed' ? true : undefined;
      }, describeWorker);
    } finally {
      await dataSource.query('DROP TRIGGER refuse_syntheses ON syntheses');
      await dataSource.query('DROP FUNCTION refuse_syntheses()');
    }
    // BullMQ keeps a failed job (retention: 7 days), and a job id that exists is not queued
    // again: what the feedback service enqueues for the next submission is a no-op
    await submit('LC-DTN', 300, 300);
    await producer.enqueue('synthesis.round', { roundId });
    await waitForRevision(3, 90_000);
    const [third] = await dataSource.query('SELECT comment_count FROM syntheses WHERE round_id = $1 AND revision = 3', [roundId]);
    expect(third.comment_count).toBe(12_300);
  }, 180_000);

  it('gives a submission that arrives while a revision is being prepared a revision of its own', async () => {
    const latest = Math.max(...(await revisions()).map((row) => row.revision));
    const [{ submitted }] = await dataSource.query(
      `SELECT count(*)::int AS submitted FROM comments c JOIN submissions s ON s.id = c.submission_id WHERE c.round_id = $1 AND s.status = 'submitted'`,
      [roundId],
    );
    // a first submission, whose comments the test locks: the run reads them, then waits to
    // store their prepared forms (outside its transaction: it holds no lock on the round yet)
    const first = await submit('LC-NGH', 200, 400);
    const locker = new Client({ connectionString: seeded_.database.url, application_name: 'vankien-test-locker' });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM comments WHERE submission_id = $1 FOR UPDATE', [first]);
      await producer.enqueue('synthesis.round', { roundId });
      await eventually('the run waiting to store prepared forms', 60_000, async () => {
        // read from another session than the locker's (see holdInRevisionTransaction)
        const rows: { query: string }[] = await dataSource.query(
          `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'vankien-worker' AND wait_event_type = 'Lock'`,
        );
        return rows.some((row) => row.query.trimStart().startsWith('INSERT INTO comment_prepared_forms')) ? true : undefined;
      }, describeWorker);
      // a second submission while the job runs: the need is recorded, the enqueue is a no-op
      await submit('LC-TD-CB1', 150, 500);
      await producer.enqueue('synthesis.round', { roundId });
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    await waitForRevision(latest + 1, 60_000);
    await waitForRevision(latest + 2, 90_000);
    const counts: { revision: number; comment_count: number }[] = await dataSource.query(
      'SELECT revision, comment_count FROM syntheses WHERE round_id = $1 AND revision > $2 ORDER BY revision',
      [roundId, latest],
    );
    // the run that was held had read the comments before the second submission; the next one has them
    expect(counts).toEqual([
      { revision: latest + 1, comment_count: submitted + 200 },
      { revision: latest + 2, comment_count: submitted + 350 },
    ]);
    expect((await dataSource.query('SELECT synthesis_requested_at FROM comment_rounds WHERE id = $1', [roundId]))[0].synthesis_requested_at).toBeNull();
    // these revisions were clustered by the worker's threads from the forms they held since the
    // recovered job, sent only the new comments' forms: still exactly a full recomputation
    expect((await clustersOf(latest + 2)).map(comparable)).toEqual(await fullRecomputation(submitted + 350, await clustersOf(latest + 1)));
  }, 180_000);
});
