import { createHash, hash, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BlockClustering, CommentRound, DocumentVersion, RoundDocument, SynthesisCorrection, type SourceType } from '@vankien/domain';
import { AppConfig } from '@vankien/platform';
import { JobProducer, jobRegistry, type JobPayloads } from '@vankien/queue';
import {
  ClusterThreads,
  applyCorrections,
  buildReport,
  clusterPreparedJson,
  decodeBlockClustering,
  preparedJson,
  pairIdenticalSets,
  stableClusterKeys,
  type Cluster,
  type ClusteredJson,
  type CommentInput,
  type Correction,
  type PreparedComment,
} from '@vankien/synthesis';
import type { Job } from 'bullmq';
import type { PoolClient } from 'pg';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { copyLine, copyLines, copyValue, type CopyValue } from './copy-text';
import type { JobHandler } from './job-handler';
import { PreparedFormCache } from './prepared-form-cache';

interface CommentRow {
  id: string;
  unit: string;
  source_type: SourceType;
  document_version_id: string;
  block_id: string;
  kind: CommentInput['kind'];
  text: string;
  supporters: number | null;
  supporters_total: number | null;
  /** A contributor's own comment, not a unit's consolidated line. */
  contributor: boolean;
}

export interface RevisionOutcome {
  revision: number;
  comments: number;
  clusters: number;
  /** Blocks whose comments changed since the last clustering (the others were reused). */
  blocksReclustered: number;
  /**
   * Where the time went: reading the round's comments and stored clusterings, preparing new
   * comments, clustering the touched blocks (their prepared forms read or sent), writing the
   * revision (its transaction: the revision shows once it is done), then caching (storing the
   * touched blocks' clusterings for the next revisions).
   */
  milliseconds: { reading: number; preparing: number; clustering: number; writing: number; caching: number };
}

/**
 * What a queued job answers when the need it was queued for was served before it ran (or while
 * it ran) by another run: nothing written, since that run read every change the need stood for.
 */
export interface NeedAlreadyServed {
  revision: null;
  skipped: 'need-already-served';
}
const needAlreadyServed: NeedAlreadyServed = { revision: null, skipped: 'need-already-served' };

const preparedBatch = 5000;
/** Comments to prepare or cluster from which worker threads pay for their start (about 0.1 s). */
const threadsFrom = 5_000;

interface PreviousCluster {
  key: string;
  memberSetId: string;
  /** memberSetDigest of its members. */
  digest: string;
}

interface RememberedRevision {
  synthesisId: string;
  clusters: readonly PreviousCluster[];
}

/**
 * Clusters of the last revisions the worker wrote that it keeps in memory (a key, a set id and a
 * digest: about 250 bytes each); a revision of a round of 100,000 comments has about 49,000.
 */
const rememberedClusters = 100_000;

/** Names a set of comments: SHA-256 of their ids, sorted, joined with commas (as the migration that made the sets computed it). */
export function memberSetDigest(sortedCommentIds: readonly string[]): string {
  return hash('sha256', sortedCommentIds.join(','), 'hex');
}

/** memberSetDigest, once per array of ids (a cluster's ids are digested for its key and again for its set). */
const digests = new WeakMap<readonly string[], string>();
function digestOf(sortedCommentIds: readonly string[]): string {
  let digest = digests.get(sortedCommentIds);
  if (digest === undefined) {
    digest = memberSetDigest(sortedCommentIds);
    digests.set(sortedCommentIds, digest);
  }
  return digest;
}

interface CurrentBlock {
  key: string;
  documentVersionId: string;
  blockId: string;
  /** Sorted. */
  commentIds: string[];
  /** Those without a stored prepared form when the round was read. */
  unprepared: string[];
  membersSha256: string;
}

/**
 * The string, flattened: randomUUID's are trees of about twenty pieces (about 500 bytes on the
 * heap, against 60 flat) until a character is read.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Runs `task` on each item, at most `limit` at a time; rejects with the first failure once none runs. */
async function eachConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]);
      } catch (error: unknown) {
        failed = true;
        throw error;
      }
    }
  });
  const results = await Promise.allSettled(lanes);
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}

function toInput(row: CommentRow): CommentInput {
  return {
    id: row.id,
    unit: row.unit,
    sourceType: row.source_type,
    documentId: row.document_version_id,
    blockId: row.block_id,
    kind: row.kind,
    text: row.text,
    ...(row.supporters ? { supporters: row.supporters } : {}),
    ...(row.supporters_total ? { supportersTotal: row.supporters_total } : {}),
    ...(row.contributor ? { contributor: true } : {}),
  };
}

/**
 * Writes a new revision of a round's synthesis report: the comments of every submitted
 * submission, clustered per block by libs/synthesis, with cluster keys carried over from the
 * previous revision (so dispositions survive). Incremental: each comment is prepared
 * (normalised, signed) once and stored; only the blocks whose set of comments changed are
 * clustered again, the others reuse their stored clustering. From a few thousand comments to
 * prepare or cluster, that work runs on two worker threads, kept for later runs: each holds the
 * parsed forms of the blocks it clustered, so the next revision sends it only new comments. The
 * revision is written (with COPY) in one transaction under a lock on the round, so two runs
 * (delivery is at least once) never interleave, a crash leaves the previous revision as the
 * latest, and a rerun gives the same result.
 */
@Injectable()
export class SynthesizeRoundHandler implements JobHandler<'synthesis.round'>, OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'synthesis.round' as const;
  private readonly logger = new Logger(SynthesizeRoundHandler.name);
  private refillTimer?: NodeJS.Timeout;
  /** How often each worker compares the synthesis queue with the needs recorded in PostgreSQL (SYNTHESIS_REFILL_SECONDS). */
  private readonly refillIntervalMs: number;
  private refilling = false;
  private readonly preparedForms: PreparedFormCache;
  private readonly cacheMegabytes: number;
  private threads?: ClusterThreads;
  /** The last revision this worker wrote, per round (most recently written last); see previousClusters. */
  private readonly revisions = new Map<string, RememberedRevision>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    config: AppConfig,
  ) {
    this.cacheMegabytes = config.get('SYNTHESIS_CACHE_MB');
    this.refillIntervalMs = config.get('SYNTHESIS_REFILL_SECONDS') * 1000;
    // with clustering threads, they hold the forms (parsed) instead: see clusterThreads
    this.preparedForms = new PreparedFormCache(this.cacheMegabytes);
  }

  /** Re-fills the queue from the needs recorded in PostgreSQL at start (a Redis crash may have lost jobs), then every SYNTHESIS_REFILL_SECONDS (see refill). */
  async onApplicationBootstrap(): Promise<void> {
    await this.refill(true);
    this.refillTimer = setInterval(() => void this.refill(false), this.refillIntervalMs);
    this.refillTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refillTimer);
    await this.threads?.close();
  }

  /**
   * The clustering threads, started by the first run with enough to do and kept for the later
   * ones (which then send them only new comments' forms); undefined while no run needed them, or
   * where they cannot run (from the TypeScript sources). A pool a thread of which failed is
   * replaced (its run failed; the retry starts afresh).
   */
  private clusterThreads(touchedComments: number): ClusterThreads | undefined {
    if (this.threads?.failed) {
      void this.threads.close();
      this.threads = undefined;
    }
    if (!this.threads && touchedComments >= threadsFrom) {
      this.threads = ClusterThreads.start(Math.min(2, availableParallelism()), { residentMegabytes: this.cacheMegabytes });
      // the threads hold the forms from now on, within the same budget
      if (this.threads) this.preparedForms.clear();
    }
    return this.threads;
  }

  /**
   * A submission recorded while the round's job ran kept its need (the run started before it),
   * and its enqueue met the running job, a no-op: the next run is queued now that the job has
   * left the queue, not at the next re-fill (up to SYNTHESIS_REFILL_SECONDS later), so that it
   * gets its revision about as soon as one submitted between runs.
   */
  async afterCompleted(payload: JobPayloads['synthesis.round']): Promise<void> {
    if (await this.needRecorded(this.dataSource.manager, payload.roundId)) await this.producer.enqueue('synthesis.round', payload);
  }

  /**
   * Queues a job for every round whose need of a synthesis is recorded and that no queued job
   * will serve. Queuing a job whose id exists is a no-op in BullMQ, which left needs unserved in
   * two cases (both in test/synthesis-crash.spec.ts):
   * - a submission recorded while the round's job runs: the run started before it, so it keeps
   *   the need, but the submission's enqueue met the running job (afterCompleted now queues it,
   *   unless the worker stopped in between);
   * - a job that failed for good (attempts used up, or stalled more often than BullMQ allows: a
   *   worker killed twice in one job): BullMQ keeps it for 7 days, and every later enqueue for
   *   the round was a no-op for as long, the worker's own re-fill at start included.
   * A failed job is replaced at start (a restart is when a fix is deployed) and, afterwards, only
   * when the need was recorded after it failed, so a job that fails every time is not run in a loop.
   */
  private async refill(atStart: boolean): Promise<void> {
    if (this.refilling) return;
    this.refilling = true;
    try {
      const rounds = this.dataSource.getRepository(CommentRound);
      const pending = await rounds.find({ where: { synthesisRequestedAt: Not(IsNull()) }, select: { id: true, synthesisRequestedAt: true } });
      for (const round of pending) {
        const payload = { roundId: round.id };
        const job = await this.producer.queue('synthesis').getJob(jobRegistry['synthesis.round'].jobId?.(payload) ?? '');
        if (job) {
          // waiting, delayed or running: that run reads every comment submitted before it starts
          if ((await job.getState()) !== 'failed') continue;
          if (!atStart && (round.synthesisRequestedAt?.getTime() ?? 0) <= (job.finishedOn ?? 0)) continue;
          this.logger.warn(`synthesis of round ${round.id} failed (${job.failedReason}); queued again for the need recorded since`);
          await job.remove();
        }
        // a run clears the need before its job leaves the queue: ask again now that there is no job
        if (await this.needRecorded(this.dataSource.manager, round.id)) await this.producer.enqueue('synthesis.round', payload);
      }
    } catch (error) {
      this.logger.warn(`could not re-fill the synthesis queue: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.refilling = false;
    }
  }

  /**
   * Writes the round's next revision. Called directly (a test, a benchmark) it always writes one;
   * as a queued job (job given) it serves the need recorded with a change, and writes nothing if
   * another run has served it, checked before any work and again under the round's lock: the job
   * queued by a submission runs after its debounce delay, and a run asked for in the meantime
   * would otherwise be followed by a second, identical revision, with a new number for the
   * drafters to cite and a table that changed under them.
   */
  async handle(payload: JobPayloads['synthesis.round']): Promise<RevisionOutcome>;
  async handle(payload: JobPayloads['synthesis.round'], job: Job): Promise<RevisionOutcome | NeedAlreadyServed>;
  async handle(payload: JobPayloads['synthesis.round'], job?: Job): Promise<RevisionOutcome | NeedAlreadyServed> {
    // The need as committed before the comments are read (as text: a timestamp keeps microseconds,
    // a JavaScript date does not). The revision clears the need only if it is still this one: a
    // change committed after this read, which the run may not have seen, records another. Its
    // time cannot tell: a submission records now(), the start of its transaction, which may be
    // before this run started although it commits after the comments were read (a bulk
    // submission of thousands of comments takes a second).
    const [round]: { requested: string | null }[] = await this.dataSource.query('SELECT synthesis_requested_at::text AS requested FROM comment_rounds WHERE id = $1', [payload.roundId]);
    const needRead = round?.requested ?? null;
    // (a queued job for a round deleted since has no need either)
    if (job && needRead === null) return needAlreadyServed;
    const clock = { last: performance.now() };
    const lap = (): number => {
      const now = performance.now();
      const elapsed = Math.round(now - clock.last);
      clock.last = now;
      return elapsed;
    };
    const { blocks, commentCount } = await this.currentBlocks(payload.roundId);
    const stored: { document_version_id: string; block_id: string; members_sha256: string }[] = await this.dataSource.query(
      'SELECT document_version_id, block_id, members_sha256 FROM block_clusterings WHERE round_id = $1',
      [payload.roundId],
    );
    const storedDigest = new Map(stored.map((row) => [`${row.document_version_id}/${row.block_id}`, row.members_sha256]));
    const clustersByBlock = await this.reusedClusters(payload.roundId, blocks, storedDigest);
    // the others are clustered again, largest first so that the threads finish together
    const touched = [...blocks.values()].filter((block) => !clustersByBlock.has(block.key)).sort((a, b) => b.commentIds.length - a.commentIds.length);
    await job?.updateProgress({ phase: 'preparing', comments: commentCount, blocks: blocks.size, blocksToCluster: touched.length });
    const touchedComments = touched.reduce((sum, block) => sum + block.commentIds.length, 0);
    const reading = lap();
    const threads = this.clusterThreads(touchedComments);
    // forms prepared by this run: sent to the threads (or clustered here) without a read back
    const fresh = new Map<string, string>();
    await this.prepareMissing(touched, threads, fresh);
    const preparing = lap();
    let done = 0;
    const clusterOne = async (block: CurrentBlock): Promise<ClusteredJson> => {
      if (!threads) return clusterPreparedJson(await this.preparedJsonOf(block.commentIds, fresh));
      // the thread holding the block from the last revision is sent only the new comments' forms
      return threads.clusterResident(`${payload.roundId}/${block.key}`, block.commentIds, (ids) => this.preparedJsonOf(ids, fresh));
    };
    // blocks are pinned to the thread holding them: enough in flight that neither thread waits
    const storedForms: { block: CurrentBlock; clusters: string }[] = [];
    await eachConcurrently(touched, threads ? 3 * threads.size : 1, async (block) => {
      const { clusters, stored: storedForm } = await clusterOne(block);
      clustersByBlock.set(block.key, clusters);
      storedForms.push({ block, clusters: storedForm });
      if (++done % 50 === 0) await job?.updateProgress({ phase: 'clustering', blocksDone: done, blocksToCluster: touched.length });
    });

    const blockOrder = await this.blockOrder(payload.roundId);
    const clustered = [...blocks.keys()].sort().flatMap((key) => clustersByBlock.get(key) ?? []);
    const clustering = lap();
    const outcome = await this.dataSource.transaction(async (manager) => {
      // two revisions of a round never write at once; a lock of its own rather than the round's
      // row, which submissions update to record a need and would otherwise wait on for seconds
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('vankien:synthesis'), hashtext($1))`, [payload.roundId]);
      if (job && !(await this.needRecorded(manager, payload.roundId))) return null;
      const previous = await this.previousClusters(manager, payload.roundId);
      const keyed = await this.withPreviousKeys(manager, previous, clustered);
      // the drafters' corrections, replayed in order on the fresh clusters
      const corrections = (await manager.getRepository(SynthesisCorrection).find({ where: { roundId: payload.roundId }, order: { sequence: 'ASC' } })).map((row) => row.correction as unknown as Correction);
      let corrected: ReturnType<typeof applyCorrections> | null = null;
      let clusters = keyed;
      if (corrections.length) {
        // corrections stay within a block: only the blocks they name are rebuilt
        const scope = await this.correctionScope(corrections, keyed, blocks);
        const inScope = (cluster: Cluster): boolean => scope.blockKeys.has(`${cluster.documentId}/${cluster.blockId}`);
        corrected = applyCorrections(keyed.filter(inScope), corrections, scope.prepared);
        clusters = [...keyed.filter((cluster) => !inScope(cluster)), ...corrected.clusters];
      }
      const report = buildReport(clusters, {
        blockOrder,
        extraStats: { blocksReclustered: touched.length, ...(corrected ? { correctionsApplied: corrected.applied.length, correctionsSkipped: corrected.skipped.length } : {}) },
      });
      // why a correction no longer applies (its comment was withdrawn …), for the drafters to see
      const stats = { ...report.stats, skippedCorrections: corrected?.skipped.map((skip) => ({ sequence: skip.index + 1, reason: skip.reason })) ?? [] };
      const [{ next }] = await manager.query('SELECT coalesce(max(revision), 0) + 1 AS next FROM syntheses WHERE round_id = $1', [payload.roundId]);
      const [{ id: synthesisId }] = await manager.query(
        `INSERT INTO syntheses (round_id, revision, status, comment_count, stats, completed_at) VALUES ($1, $2, 'complete', $3, $4, now()) RETURNING id`,
        [payload.roundId, Number(next), report.comments, JSON.stringify(stats)],
      );
      const memberSetIds = await this.memberSets(manager, payload.roundId, previous, report.clusters);
      await this.insertClusters(manager, synthesisId, memberSetIds, report.clusters);
      // a change committed while this ran keeps its need, and brings the next run
      await manager.query('UPDATE comment_rounds SET synthesis_requested_at = NULL WHERE id = $1 AND synthesis_requested_at IS NOT DISTINCT FROM $2::timestamptz', [payload.roundId, needRead]);
      await job?.updateProgress({ phase: 'written', comments: report.comments });
      const written = {
        synthesisId: String(synthesisId),
        clusters: report.clusters.map((cluster, index) => ({ key: cluster.key, memberSetId: flat(memberSetIds[index]), digest: digestOf(cluster.commentIds) })),
      };
      return { revision: Number(next), comments: report.comments, clusters: report.clusters.length, blocksReclustered: touched.length, written };
    });
    if (!outcome) return needAlreadyServed;
    // committed: the next revision of the round finds these clusters here rather than in PostgreSQL
    const { written, ...revision } = outcome;
    this.rememberRevision(payload.roundId, written);
    const writing = lap();
    // (blocks that lost all their comments, a withdrawal, no longer have a clustering)
    await this.storeClusterings(payload.roundId, storedForms, stored.filter((row) => !blocks.has(`${row.document_version_id}/${row.block_id}`)));
    return { ...revision, milliseconds: { reading, preparing, clustering, writing, caching: lap() } };
  }

  private async needRecorded(manager: EntityManager, roundId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM comment_rounds WHERE id = $1 AND synthesis_requested_at IS NOT NULL', [roundId]);
    return rows.length > 0;
  }

  /**
   * Stores the touched blocks' clusterings for the next revisions, once this one is committed: a
   * cache (checked by the digest of the block's members when it is read), so that the revision
   * shows without waiting for it, and its writes (about 15 MB after a submission that touches
   * every block) do not compete for the cores with the clustering. A failure leaves those blocks
   * to be clustered again by the next revision; it does not fail the job, which would make the
   * retry write the same revision twice.
   */
  private async storeClusterings(roundId: string, storedForms: readonly { block: CurrentBlock; clusters: string }[], gone: readonly { document_version_id: string; block_id: string }[]): Promise<void> {
    try {
      for (const { block, clusters } of storedForms) {
        await this.dataSource.query(
          `INSERT INTO block_clusterings (round_id, document_version_id, block_id, members_sha256, clusters, updated_at) VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (round_id, document_version_id, block_id) DO UPDATE SET members_sha256 = excluded.members_sha256, clusters = excluded.clusters, updated_at = now()`,
          [roundId, block.documentVersionId, block.blockId, block.membersSha256, clusters],
        );
      }
      for (const row of gone) await this.dataSource.getRepository(BlockClustering).delete({ roundId, documentVersionId: row.document_version_id, blockId: row.block_id });
    } catch (error: unknown) {
      this.logger.warn(`could not store the block clusterings of round ${roundId} (the next revision clusters those blocks again): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * The submitted comments of the round, by block, with a digest of each block's member set. The
   * ids come as one string per block: splitting 85 strings costs far less than 100,000 rows.
   */
  private async currentBlocks(roundId: string): Promise<{ blocks: Map<string, CurrentBlock>; commentCount: number }> {
    const rows: { document_version_id: string; block_id: string; ids: string; unprepared: string | null }[] = await this.dataSource.query(
      `SELECT document_version_id, block_id, string_agg(id::text, ',' ORDER BY id) AS ids, string_agg(id::text, ',' ORDER BY id) FILTER (WHERE unprepared) AS unprepared
         FROM (SELECT c.id, c.document_version_id, c.block_id, f.comment_id IS NULL AS unprepared
                 FROM comments c JOIN submissions s ON s.id = c.submission_id LEFT JOIN comment_prepared_forms f ON f.comment_id = c.id
                WHERE c.round_id = $1 AND s.status = 'submitted') listed
        GROUP BY document_version_id, block_id`,
      [roundId],
    );
    const blocks = new Map<string, CurrentBlock>();
    let commentCount = 0;
    for (const row of rows) {
      const key = `${row.document_version_id}/${row.block_id}`;
      const commentIds = row.ids.split(',');
      commentCount += commentIds.length;
      blocks.set(key, {
        key,
        documentVersionId: row.document_version_id,
        blockId: row.block_id,
        commentIds,
        unprepared: row.unprepared ? row.unprepared.split(',') : [],
        membersSha256: createHash('sha256').update(row.ids).digest('hex'),
      });
    }
    return { blocks, commentCount };
  }

  /** The stored clusterings of the blocks whose comments did not change since they were made. */
  private async reusedClusters(roundId: string, blocks: Map<string, CurrentBlock>, storedDigest: ReadonlyMap<string, string>): Promise<Map<string, Cluster[]>> {
    const reused = [...blocks.values()].filter((block) => storedDigest.get(block.key) === block.membersSha256);
    const clusters = new Map<string, Cluster[]>();
    if (reused.length === 0) return clusters;
    const rows: { document_version_id: string; block_id: string; members_sha256: string; clusters: unknown }[] = await this.dataSource.query(
      'SELECT document_version_id, block_id, members_sha256, clusters FROM block_clusterings WHERE round_id = $1 AND members_sha256 = ANY($2::text[])',
      [roundId, reused.map((block) => block.membersSha256)],
    );
    // (a clustering replaced since its digest was read, by another run, is not among them: that block is clustered again)
    for (const row of rows) {
      const key = `${row.document_version_id}/${row.block_id}`;
      const block = blocks.get(key);
      if (block?.membersSha256 === row.members_sha256) {
        // (one stored in an earlier form lacks figures clustering now gives: that block is clustered again)
        const decoded = decodeBlockClustering(row.clusters, { documentId: block.documentVersionId, blockId: block.blockId, commentIds: block.commentIds });
        if (decoded) clusters.set(key, decoded);
      }
    }
    return clusters;
  }

  /**
   * Prepares (normalises, signs) the comments of the touched blocks that have no stored prepared
   * form yet, once: on the threads when there are, a batch at a time, each batch stored as it is done.
   */
  private async prepareMissing(touched: readonly CurrentBlock[], threads: ClusterThreads | undefined, fresh: Map<string, string>): Promise<void> {
    const ids = touched.flatMap((block) => block.unprepared);
    const batches: string[][] = [];
    for (let start = 0; start < ids.length; start += preparedBatch) batches.push(ids.slice(start, start + preparedBatch));
    await eachConcurrently(batches, (threads?.size ?? 0) + 1, async (batch) => {
      const rows: CommentRow[] = await this.dataSource.query(
        `SELECT c.id, CASE WHEN s.contributor_id IS NULL THEN s.organization_id::text ELSE 'user:' || s.contributor_id::text END AS unit,
                i.source_type, c.document_version_id, c.block_id, c.kind, c.text, c.supporters, c.supporters_total, s.contributor_id IS NOT NULL AS contributor
           FROM comments c JOIN submissions s ON s.id = c.submission_id JOIN invitations i ON i.id = s.invitation_id
          WHERE c.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT FROM comment_prepared_forms f WHERE f.comment_id = c.id)`,
        [batch],
      );
      if (rows.length === 0) return;
      const inputs = rows.map(toInput);
      const prepared = threads ? await threads.prepare(inputs) : preparedJson(inputs);
      await this.dataSource.query(
        // (a comment deleted meanwhile, a roll-up forwarded again, has no form to keep; another run may have stored one)
        `INSERT INTO comment_prepared_forms (comment_id, prepared)
         SELECT v.id, v.prepared FROM unnest($1::uuid[], $2::jsonb[]) AS v (id, prepared) WHERE EXISTS (SELECT FROM comments c WHERE c.id = v.id)
         ON CONFLICT (comment_id) DO NOTHING`,
        [rows.map((row) => row.id), prepared],
      );
      rows.forEach((row, index) => {
        fresh.set(row.id, prepared[index]);
        if (!this.threads) this.preparedForms.set(row.id, prepared[index]);
      });
    });
  }

  /**
   * The stored prepared forms of these comments, in this order, as JSON text (parsed where they
   * are clustered): those this run prepared, those this worker keeps in memory, the others read
   * (and kept, when there are no clustering threads: with threads, the threads keep them).
   */
  private async preparedJsonOf(commentIds: readonly string[], fresh: ReadonlyMap<string, string> = new Map()): Promise<string[]> {
    const prepared = commentIds.map((id) => fresh.get(id) ?? this.preparedForms.get(id));
    const missing = commentIds.filter((_, index) => prepared[index] === undefined);
    const read = new Map<string, string>();
    for (let start = 0; start < missing.length; start += preparedBatch) {
      const rows: { id: string; prepared: string }[] = await this.dataSource.query('SELECT comment_id AS id, prepared::text AS prepared FROM comment_prepared_forms WHERE comment_id = ANY($1::uuid[])', [
        missing.slice(start, start + preparedBatch),
      ]);
      for (const row of rows) read.set(row.id, row.prepared);
    }
    return commentIds.map((id, index) => {
      const form = prepared[index] ?? read.get(id);
      if (form === undefined) throw new Error(`comment ${id} has no prepared form`);
      if (prepared[index] === undefined && !this.threads) this.preparedForms.set(id, form);
      return form;
    });
  }

  private async preparedOf(commentIds: string[]): Promise<PreparedComment[]> {
    return (await this.preparedJsonOf(commentIds)).map((text) => JSON.parse(text) as PreparedComment);
  }

  /** The blocks the corrections name (merges and moves stay within a block) and their prepared comments. */
  private async correctionScope(
    corrections: Correction[],
    clusters: Cluster[],
    blocks: Map<string, CurrentBlock>,
  ): Promise<{ blockKeys: Set<string>; prepared: Map<string, PreparedComment> }> {
    const blockOfComment = new Map<string, string>();
    for (const block of blocks.values()) for (const id of block.commentIds) blockOfComment.set(id, block.key);
    const blockOfKey = new Map(clusters.map((cluster) => [cluster.key, `${cluster.documentId}/${cluster.blockId}`]));
    const refs = corrections.flatMap((correction) => {
      switch (correction.type) {
        case 'merge':
          return [correction.target, correction.source];
        case 'move':
          return [correction.to, { commentId: correction.commentId }];
        case 'split':
          return correction.commentIds.map((commentId) => ({ commentId }));
        case 'representative':
          return [correction.target, ...(correction.commentId ? [{ commentId: correction.commentId }] : [])];
      }
    });
    const blockKeys = new Set(refs.map((ref) => ('key' in ref ? blockOfKey.get(ref.key) : blockOfComment.get(ref.commentId))).filter((key): key is string => key !== undefined));
    const ids = [...blockKeys].flatMap((key) => blocks.get(key)?.commentIds ?? []);
    return { blockKeys, prepared: new Map((await this.preparedOf(ids)).map((comment) => [comment.id, comment])) };
  }

  /** Section order of the round's versions, so the report reads like the documents. */
  private async blockOrder(roundId: string): Promise<{ documentId: string; blockId: string }[]> {
    const documents = await this.dataSource.getRepository(RoundDocument).find({ where: { roundId }, order: { position: 'ASC' } });
    const versions = await this.dataSource.getRepository(DocumentVersion).find({ where: { id: In(documents.map((d) => d.documentVersionId)) }, select: { id: true, blockIndex: true } });
    return documents.flatMap((document) => (versions.find((v) => v.id === document.documentVersionId)?.blockIndex ?? []).map((entry) => ({ documentId: document.documentVersionId, blockId: entry.blockId })));
  }

  /**
   * The previous revision's clusters, by key and member set (their members are read only when
   * needed): from this worker's memory when it wrote that revision itself (a revision's clusters
   * never change once committed), else read.
   */
  private async previousClusters(manager: EntityManager, roundId: string): Promise<readonly PreviousCluster[]> {
    const [latest]: { id: string }[] = await manager.query(`SELECT id FROM syntheses WHERE round_id = $1 AND status = 'complete' ORDER BY revision DESC LIMIT 1`, [roundId]);
    if (!latest) return [];
    const remembered = this.revisions.get(roundId);
    if (remembered?.synthesisId === latest.id) return remembered.clusters;
    const rows: { key: string; member_set_id: string; members_sha256: string }[] = await manager.query(
      `SELECT cc.key, cc.member_set_id, ms.members_sha256
         FROM comment_clusters cc
         JOIN cluster_member_sets ms ON ms.id = cc.member_set_id
        WHERE cc.synthesis_id = $1`,
      [latest.id],
    );
    return rows.map((row) => ({ key: row.key, memberSetId: row.member_set_id, digest: row.members_sha256 }));
  }

  /** Keeps a committed revision's clusters for previousClusters, those of the most recent rounds up to rememberedClusters. */
  private rememberRevision(roundId: string, revision: RememberedRevision): void {
    this.revisions.delete(roundId);
    this.revisions.set(roundId, revision);
    let total = 0;
    for (const [id, kept] of [...this.revisions].reverse()) {
      total += kept.clusters.length;
      if (total > rememberedClusters && id !== roundId) this.revisions.delete(id);
    }
  }

  /**
   * withStableKeys against the previous revision, reading the members of only those previous
   * clusters that no new cluster repeats exactly (pairIdenticalSets): after one submission, a
   * few hundred instead of every comment of the round.
   */
  private async withPreviousKeys(manager: EntityManager, previous: readonly PreviousCluster[], clusters: readonly Cluster[]): Promise<Cluster[]> {
    const { keys, unpairedNext, unpairedPrevious } = pairIdenticalSets(previous, clusters.map((cluster) => digestOf(cluster.commentIds)));
    // (with no new cluster left to key, the previous ones left need not be read: they only free their keys)
    if (unpairedNext.length === 0) return clusters.map((cluster, index) => ({ ...cluster, key: keys[index] ?? '' }));
    const setIds = unpairedPrevious.map((index) => previous[index].memberSetId);
    // the ids as one string per set: splitting it costs far less than parsing a PostgreSQL array
    const rows: { member_set_id: string; ids: string }[] = setIds.length
      ? await manager.query(
          `SELECT member_set_id, string_agg(comment_id::text, ',' ORDER BY comment_id) AS ids FROM cluster_members WHERE member_set_id = ANY($1) GROUP BY member_set_id`,
          [setIds],
        )
      : [];
    const membersOf = new Map(rows.map((row) => [row.member_set_id, row.ids.split(',')]));
    const rest = stableClusterKeys(
      unpairedPrevious.map((index) => ({ key: previous[index].key, commentIds: membersOf.get(previous[index].memberSetId) ?? [] })),
      unpairedNext.map((index) => clusters[index]),
      previous.map((cluster) => cluster.key),
    );
    unpairedNext.forEach((index, position) => (keys[index] = rest[position]));
    return clusters.map((cluster, index) => ({ ...cluster, key: keys[index] ?? '' }));
  }

  /**
   * The member set of each cluster: the previous revision's when it had a cluster with the same
   * comments (most of them, after one submission), else one of an earlier revision, else a new
   * set, written here with its memberships.
   */
  private async memberSets(manager: EntityManager, roundId: string, previous: readonly PreviousCluster[], clusters: readonly Cluster[]): Promise<string[]> {
    const known = new Map(previous.map((cluster) => [cluster.digest, cluster.memberSetId]));
    const digests = clusters.map((cluster) => digestOf(cluster.commentIds));
    // (an earlier revision's set can come back: a unit withdraws and submits the same comments again)
    const unknown = [...new Set(digests.filter((digest) => !known.has(digest)))];
    if (unknown.length) {
      const earlier: { id: string; members_sha256: string }[] = await manager.query(
        'SELECT id, members_sha256 FROM cluster_member_sets WHERE round_id = $1 AND members_sha256 = ANY($2)',
        [roundId, unknown],
      );
      for (const row of earlier) known.set(row.members_sha256, row.id);
    }
    const created: { id: string; digest: string; commentIds: readonly string[] }[] = [];
    const ids = digests.map((digest, index) => {
      let id = known.get(digest);
      if (id === undefined) {
        id = randomUUID();
        known.set(digest, id);
        created.push({ id, digest, commentIds: clusters[index].commentIds });
      }
      return id;
    });
    if (created.length) {
      await this.copyRows(manager, 'COPY cluster_member_sets (id, round_id, members_sha256) FROM STDIN', created.map((set) => [set.id, roundId, set.digest]));
      await this.copyRows(
        manager,
        'COPY cluster_members (member_set_id, comment_id) FROM STDIN',
        created.flatMap((set) => set.commentIds.map((commentId) => [set.id, commentId])),
      );
    }
    return ids;
  }

  /**
   * Writes the clusters with COPY, each naming its member set (made here when new). The cluster
   * ids are made here too, so no statement needs an answer from the one before. Each row's text
   * is built as the connection takes it (see copyLines), without an array of values per row.
   */
  private async insertClusters(manager: EntityManager, synthesisId: string, memberSetIds: readonly string[], clusters: readonly Cluster[]): Promise<void> {
    await copyLines(
      await this.transactionClient(manager),
      'COPY comment_clusters (id, synthesis_id, key, member_set_id, document_version_id, block_id, kind, representative_text, representative_comment_id, comment_count, units, supporters, by_source, position, agreement, units_by_source, stated_supporters, contributors, contributors_by_source) FROM STDIN',
      clusters.length,
      (index) => {
        const cluster = clusters[index];
        return (
          `${randomUUID()}\t${synthesisId}\t${copyValue(cluster.key)}\t${memberSetIds[index]}\t${copyValue(cluster.documentId)}\t${copyValue(cluster.blockId)}\t` +
          `${copyValue(cluster.kind)}\t${copyValue(cluster.representative)}\t${copyValue(cluster.representativeId)}\t${cluster.commentIds.length}\t${cluster.units}\t` +
          `${cluster.supporters}\t${copyValue(JSON.stringify(cluster.bySource))}\t${index}\t${cluster.agreement ? 't' : 'f'}\t` +
          `${copyValue(JSON.stringify(cluster.unitsBySource))}\t${cluster.statedSupporters}\t${cluster.contributors}\t${copyValue(JSON.stringify(cluster.contributorsBySource))}\n`
        );
      },
    );
  }

  /** COPY of rows on the transaction's own connection (a revision is written whole or not at all). */
  private async copyRows(manager: EntityManager, statement: string, rows: readonly CopyValue[][]): Promise<void> {
    await copyLines(await this.transactionClient(manager), statement, rows.length, (index) => copyLine(rows[index]));
  }

  private async transactionClient(manager: EntityManager): Promise<PoolClient> {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('COPY must run inside a transaction');
    return (await runner.connect()) as PoolClient;
  }
}
