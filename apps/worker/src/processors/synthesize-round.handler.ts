import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommentRound, DocumentVersion, RoundDocument, SynthesisCorrection, type SourceType } from '@vankien/domain';
import { JobProducer, type JobPayloads } from '@vankien/queue';
import { applyCorrections, buildReport, prepareComment, synthesizeComments, withStableKeys, type Cluster, type CommentInput, type Correction } from '@vankien/synthesis';
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
}

const rowsPerInsert = 500;

/**
 * Writes a new revision of a round's synthesis report: the comments of every submitted
 * submission, clustered per block by libs/synthesis, with cluster keys carried over from the
 * previous revision (so dispositions survive). The revision is written in one transaction under
 * a lock on the round, so two runs (delivery is at least once) never interleave, a crash leaves
 * the previous revision as the latest, and a rerun gives the same result.
 */
@Injectable()
export class SynthesizeRoundHandler implements JobHandler<'synthesis.round'>, OnApplicationBootstrap {
  readonly name = 'synthesis.round' as const;
  private readonly logger = new Logger(SynthesizeRoundHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  /** Re-fills the queue from the needs recorded in PostgreSQL (a Redis crash may have lost jobs). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const pending = await this.dataSource.getRepository(CommentRound).find({ where: { synthesisRequestedAt: Not(IsNull()) }, select: { id: true } });
      for (const round of pending) await this.producer.enqueue('synthesis.round', { roundId: round.id });
    } catch (error) {
      this.logger.warn(`could not re-fill the synthesis queue: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async handle(payload: JobPayloads['synthesis.round'], job?: Job): Promise<RevisionOutcome> {
    const startedAt = new Date();
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.id, CASE WHEN s.contributor_id IS NULL THEN s.organization_id::text ELSE 'user:' || s.contributor_id::text END AS unit,
              i.source_type, c.document_version_id, c.block_id, c.kind, c.text, c.supporters, c.supporters_total
         FROM comments c
         JOIN submissions s ON s.id = c.submission_id
         JOIN invitations i ON i.id = s.invitation_id
        WHERE c.round_id = $1 AND s.status = 'submitted'`,
      [payload.roundId],
    );
    await job?.updateProgress({ phase: 'clustering', comments: rows.length });
    const inputs: CommentInput[] = rows.map((row) => ({
      id: row.id,
      unit: row.unit,
      sourceType: row.source_type,
      documentId: row.document_version_id,
      blockId: row.block_id,
      kind: row.kind,
      text: row.text,
      ...(row.supporters ? { supporters: row.supporters } : {}),
      ...(row.supporters_total ? { supportersTotal: row.supporters_total } : {}),
    }));
    const clustered = await synthesizeComments(inputs);
    const blockOrder = await this.blockOrder(payload.roundId);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM comment_rounds WHERE id = $1 FOR UPDATE', [payload.roundId]);
      const previous = await this.previousClusters(manager, payload.roundId);
      const keyed = withStableKeys(previous, clustered.clusters);
      // the drafters' corrections, replayed in order on the fresh clusters
      const corrections = (await manager.getRepository(SynthesisCorrection).find({ where: { roundId: payload.roundId }, order: { sequence: 'ASC' } })).map((row) => row.correction as unknown as Correction);
      const corrected = corrections.length ? applyCorrections(keyed, corrections, new Map(inputs.map((input) => [input.id, prepareComment(input)]))) : null;
      const report = buildReport(corrected?.clusters ?? keyed, {
        blockOrder,
        extraStats: corrected ? { correctionsApplied: corrected.applied.length, correctionsSkipped: corrected.skipped.length } : {},
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
      return { revision: Number(next), comments: report.comments, clusters: report.clusters.length };
    });
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
        );
        return `(${Array.from({ length: 12 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      const inserted: { id: string; key: string }[] = await manager.query(
        `INSERT INTO comment_clusters (synthesis_id, key, document_version_id, block_id, kind, representative_text, representative_comment_id, comment_count, units, supporters, by_source, position)
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
