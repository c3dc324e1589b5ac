import { createHash } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BlockClustering, CommentRound, DocumentVersion, RoundDocument, SynthesisCorrection, type SourceType } from '@vankien/domain';
import { JobProducer, jobRegistry, type JobPayloads } from '@vankien/queue';
import { applyCorrections, buildReport, clusterBlock, prepareComment, withStableKeys, type Cluster, type CommentInput, type Correction, type PreparedComment } from '@vankien/synthesis';
import type { Job } from 'bullmq';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import type { JobHandler } from './job-handler';

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
}

export interface RevisionOutcome {
  revision: number;
  comments: number;
  clusters: number;
  /** Blocks whose comments changed since the last clustering (the others were reused). */
  blocksReclustered: number;
}

const rowsPerInsert = 500;
const preparedBatch = 5000;
/** How often each worker compares the synthesis queue with the needs recorded in PostgreSQL. */
const refillIntervalMs = 15_000;

interface CurrentBlock {
  key: string;
  documentVersionId: string;
  blockId: string;
  /** Sorted. */
  commentIds: string[];
  membersSha256: string;
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
  };
}

/**
 * Writes a new revision of a round's synthesis report: the comments of every submitted
 * submission, clustered per block by libs/synthesis, with cluster keys carried over from the
 * previous revision (so dispositions survive). Incremental: each comment is prepared
 * (normalised, signed) once and stored; only the blocks whose set of comments changed are
 * clustered again, the others reuse their stored clustering. The revision is written in one transaction under
 * a lock on the round, so two runs (delivery is at least once) never interleave, a crash leaves
 * the previous revision as the latest, and a rerun gives the same result.
 */
@Injectable()
export class SynthesizeRoundHandler implements JobHandler<'synthesis.round'>, OnApplicationBootstrap, OnApplicationShutdown {
  readonly name = 'synthesis.round' as const;
  private readonly logger = new Logger(SynthesizeRoundHandler.name);
  private refillTimer?: NodeJS.Timeout;
  private refilling = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  /** Re-fills the queue from the needs recorded in PostgreSQL at start (a Redis crash may have lost jobs), then every 15 s (see refill). */
  async onApplicationBootstrap(): Promise<void> {
    await this.refill(true);
    this.refillTimer = setInterval(() => void this.refill(false), refillIntervalMs);
    this.refillTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refillTimer);
  }

  /**
   * Queues a job for every round whose need of a synthesis is recorded and that no queued job
   * will serve. Queuing a job whose id exists is a no-op in BullMQ, which left needs unserved in
   * two cases (both in test/synthesis-crash.spec.ts):
   * - a submission recorded while the round's job runs: the run started before it, so it keeps
   *   the need, but the submission's enqueue met the running job and nothing queued it again;
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
        if (await rounds.exists({ where: { id: round.id, synthesisRequestedAt: Not(IsNull()) } })) await this.producer.enqueue('synthesis.round', payload);
      }
    } catch (error) {
      this.logger.warn(`could not re-fill the synthesis queue: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.refilling = false;
    }
  }

  async handle(payload: JobPayloads['synthesis.round'], job?: Job): Promise<RevisionOutcome> {
    const startedAt = new Date();
    const { blocks, commentCount } = await this.currentBlocks(payload.roundId);
    const cached = new Map(
      (await this.dataSource.getRepository(BlockClustering).find({ where: { roundId: payload.roundId } })).map((row) => [`${row.documentVersionId}/${row.blockId}`, row]),
    );
    const touched = [...blocks.values()].filter((block) => cached.get(block.key)?.membersSha256 !== block.membersSha256);
    await job?.updateProgress({ phase: 'preparing', comments: commentCount, blocks: blocks.size, blocksToCluster: touched.length });
    await this.prepareMissing(touched.flatMap((block) => block.commentIds));
    const clustersByBlock = new Map<string, Cluster[]>();
    for (const [key, row] of cached) if (blocks.has(key) && row.membersSha256 === blocks.get(key)?.membersSha256) clustersByBlock.set(key, row.clusters as Cluster[]);
    for (const [index, block] of touched.entries()) {
      const clusters = clusterBlock(await this.preparedOf(block.commentIds));
      clustersByBlock.set(block.key, clusters);
      await this.dataSource.query(
        `INSERT INTO block_clusterings (round_id, document_version_id, block_id, members_sha256, clusters, updated_at) VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (round_id, document_version_id, block_id) DO UPDATE SET members_sha256 = excluded.members_sha256, clusters = excluded.clusters, updated_at = now()`,
        [payload.roundId, block.documentVersionId, block.blockId, block.membersSha256, JSON.stringify(clusters)],
      );
      if (index % 50 === 49) await job?.updateProgress({ phase: 'clustering', blocksDone: index + 1, blocksToCluster: touched.length });
    }
    // blocks that lost all their comments (a withdrawal) no longer have a clustering
    const gone = [...cached.values()].filter((row) => !blocks.has(`${row.documentVersionId}/${row.blockId}`));
    for (const row of gone) await this.dataSource.getRepository(BlockClustering).delete({ roundId: row.roundId, documentVersionId: row.documentVersionId, blockId: row.blockId });

    const blockOrder = await this.blockOrder(payload.roundId);
    const clustered = [...blocks.keys()].sort().flatMap((key) => clustersByBlock.get(key) ?? []);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM comment_rounds WHERE id = $1 FOR UPDATE', [payload.roundId]);
      const previous = await this.previousClusters(manager, payload.roundId);
      const keyed = withStableKeys(previous, clustered);
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
      await this.insertClusters(manager, synthesisId, report.clusters);
      // a submission that arrived while this ran keeps its request, and triggers the next run
      await manager.query('UPDATE comment_rounds SET synthesis_requested_at = NULL WHERE id = $1 AND synthesis_requested_at <= $2', [payload.roundId, startedAt]);
      await job?.updateProgress({ phase: 'written', comments: report.comments });
      return { revision: Number(next), comments: report.comments, clusters: report.clusters.length, blocksReclustered: touched.length };
    });
  }

  /** The submitted comments of the round, by block, with a digest of each block's member set. */
  private async currentBlocks(roundId: string): Promise<{ blocks: Map<string, CurrentBlock>; commentCount: number }> {
    const rows: { id: string; document_version_id: string; block_id: string }[] = await this.dataSource.query(
      `SELECT c.id, c.document_version_id, c.block_id FROM comments c JOIN submissions s ON s.id = c.submission_id
        WHERE c.round_id = $1 AND s.status = 'submitted' ORDER BY c.document_version_id, c.block_id, c.id`,
      [roundId],
    );
    const blocks = new Map<string, CurrentBlock>();
    for (const row of rows) {
      const key = `${row.document_version_id}/${row.block_id}`;
      let block = blocks.get(key);
      if (!block) {
        block = { key, documentVersionId: row.document_version_id, blockId: row.block_id, commentIds: [], membersSha256: '' };
        blocks.set(key, block);
      }
      block.commentIds.push(row.id);
    }
    for (const block of blocks.values()) block.membersSha256 = createHash('sha256').update(block.commentIds.join(',')).digest('hex');
    return { blocks, commentCount: rows.length };
  }

  /** Prepares (normalises, signs) the comments that have no stored prepared form yet, once. */
  private async prepareMissing(commentIds: string[]): Promise<void> {
    for (let start = 0; start < commentIds.length; start += preparedBatch) {
      const rows: CommentRow[] = await this.dataSource.query(
        `SELECT c.id, CASE WHEN s.contributor_id IS NULL THEN s.organization_id::text ELSE 'user:' || s.contributor_id::text END AS unit,
                i.source_type, c.document_version_id, c.block_id, c.kind, c.text, c.supporters, c.supporters_total
           FROM comments c JOIN submissions s ON s.id = c.submission_id JOIN invitations i ON i.id = s.invitation_id
          WHERE c.id = ANY($1::uuid[]) AND c.prepared IS NULL`,
        [commentIds.slice(start, start + preparedBatch)],
      );
      if (rows.length === 0) continue;
      const prepared = rows.map((row) => prepareComment(toInput(row)));
      await this.dataSource.query(
        `UPDATE comments SET prepared = v.prepared FROM (SELECT unnest($1::uuid[]) AS id, unnest($2::jsonb[]) AS prepared) v WHERE comments.id = v.id`,
        [rows.map((row) => row.id), prepared.map((p) => JSON.stringify(p))],
      );
    }
  }

  private async preparedOf(commentIds: string[]): Promise<PreparedComment[]> {
    const prepared: PreparedComment[] = [];
    for (let start = 0; start < commentIds.length; start += preparedBatch) {
      const rows: { prepared: PreparedComment }[] = await this.dataSource.query('SELECT prepared FROM comments WHERE id = ANY($1::uuid[]) ORDER BY id', [commentIds.slice(start, start + preparedBatch)]);
      prepared.push(...rows.map((row) => row.prepared));
    }
    return prepared;
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

  private async previousClusters(manager: EntityManager, roundId: string): Promise<{ key: string; commentIds: string[] }[]> {
    return manager.query(
      `SELECT cc.key, array_agg(cm.comment_id::text ORDER BY cm.comment_id) AS "commentIds"
         FROM comment_clusters cc
         JOIN cluster_members cm ON cm.cluster_id = cc.id
        WHERE cc.synthesis_id = (SELECT id FROM syntheses WHERE round_id = $1 AND status = 'complete' ORDER BY revision DESC LIMIT 1)
        GROUP BY cc.key`,
      [roundId],
    );
  }

  private async insertClusters(manager: EntityManager, synthesisId: string, clusters: Cluster[]): Promise<void> {
    for (let start = 0; start < clusters.length; start += rowsPerInsert) {
      const chunk = clusters.slice(start, start + rowsPerInsert);
      const values: unknown[] = [];
      const rows = chunk.map((cluster, index) => {
        const base = values.length;
        values.push(
          synthesisId,
          cluster.key,
          cluster.documentId,
          cluster.blockId,
          cluster.kind,
          cluster.representative,
          cluster.representativeId,
          cluster.commentIds.length,
          cluster.units,
          cluster.supporters,
          JSON.stringify(cluster.bySource),
          start + index,
          cluster.agreement,
        );
        return `(${Array.from({ length: 13 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      const inserted: { id: string; key: string }[] = await manager.query(
        `INSERT INTO comment_clusters (synthesis_id, key, document_version_id, block_id, kind, representative_text, representative_comment_id, comment_count, units, supporters, by_source, position, agreement)
         VALUES ${rows.join(', ')} RETURNING id, key`,
        values,
      );
      const idByKey = new Map(inserted.map((row) => [row.key, row.id]));
      const members = chunk.flatMap((cluster) => cluster.commentIds.map((commentId) => [idByKey.get(cluster.key), commentId] as const));
      for (let offset = 0; offset < members.length; offset += 5000) {
        const slice = members.slice(offset, offset + 5000);
        await manager.query(
          `INSERT INTO cluster_members (cluster_id, comment_id, synthesis_id) SELECT unnest($1::uuid[]), unnest($2::uuid[]), $3`,
          [slice.map(([clusterId]) => clusterId), slice.map(([, commentId]) => commentId), synthesisId],
        );
      }
    }
  }
}
