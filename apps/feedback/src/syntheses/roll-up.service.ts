import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditEvent } from '@vankien/database';
import { CommentCluster, RoundDocument, Submission, Synthesis, type CommentProvenance } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, IsNull } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import { SubmissionsService } from '../submissions/submissions.service';
import { SynthesisRequests } from '../submissions/synthesis-requests';
import type { ForwardOutcomeView } from './dto/synthesis-views.dto';
import { SynthesisErrors } from './synthesis-errors';

/**
 * The roll-up: a level's synthesis of comments on the upper level's drafts becomes its
 * organisation's consolidated submission in the upper level's round. Each cluster is one
 * comment with its representative text, anchor, kind and supporters, and a provenance back to
 * the original comments; the upper level then counts this organisation as one unit, so nothing
 * is counted twice when it merges again.
 */
@Injectable()
export class RollUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly submissions: SubmissionsService,
    private readonly synthesis: SynthesisRequests,
  ) {}

  async forward(userId: string, roundId: string, targetRoundId: string): Promise<ForwardOutcomeView> {
    const source = await this.rounds.authorize(userId, 'round.manage', roundId);
    const target = await this.rounds.load(targetRoundId);
    const invitation = target.invitations.find((i) => i.organizationId === source.owner.id && !i.withdrawnAt);
    if (!invitation) throw new AppError(SynthesisErrors.NOT_INVITED_UPWARD, { targetRoundId });
    const latest = await this.dataSource.getRepository(Synthesis).findOne({ where: { roundId, status: 'complete' }, order: { revision: 'DESC' } });
    if (!latest) throw new AppError(SynthesisErrors.NO_SYNTHESIS_YET, { roundId });
    const targetVersions = new Set((await this.dataSource.getRepository(RoundDocument).find({ where: { roundId: targetRoundId } })).map((d) => d.documentVersionId));
    const clusters = await this.dataSource.getRepository(CommentCluster).find({ where: { synthesisId: latest.id }, order: { position: 'ASC' } });
    const members: { cluster_id: string; comment_ids: string[] }[] = await this.dataSource.query(
      `SELECT cc.id AS cluster_id, array_agg(m.comment_id::text ORDER BY m.comment_id) AS comment_ids
         FROM comment_clusters cc JOIN cluster_members m ON m.member_set_id = cc.member_set_id
        WHERE cc.synthesis_id = $1 GROUP BY cc.id`,
      [latest.id],
    );
    const commentIdsOf = new Map(members.map((m) => [m.cluster_id, m.comment_ids]));
    const carried = clusters.filter((cluster) => targetVersions.has(cluster.documentVersionId));

    const submissionId = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO submissions (round_id, invitation_id, organization_id, contributor_id, row_version) VALUES ($1, $2, $3, NULL, 1) ON CONFLICT DO NOTHING`,
        [targetRoundId, invitation.id, source.owner.id],
      );
      const submission = await manager.getRepository(Submission).findOneOrFail({ where: { roundId: targetRoundId, organizationId: source.owner.id, contributorId: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (submission.status === 'submitted') throw new AppError(SynthesisErrors.ALREADY_FORWARDED, { submissionId: submission.id });
      // a new forward replaces the previous one (the unit's submission is its synthesis)
      await manager.query('DELETE FROM comments WHERE submission_id = $1', [submission.id]);
      for (const [position, cluster] of carried.entries()) {
        const provenance: CommentProvenance = { roundId, revision: latest.revision, clusterKey: cluster.key, commentIds: commentIdsOf.get(cluster.id) ?? [], units: cluster.units };
        await manager.query(
          `INSERT INTO comments (submission_id, round_id, document_version_id, block_id, position, kind, text, supporters, provenance)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [submission.id, targetRoundId, cluster.documentVersionId, cluster.blockId, position + 1, cluster.kind, cluster.representativeText, cluster.supporters, JSON.stringify(provenance)],
        );
      }
      await manager.getRepository(Submission).update({ id: submission.id }, { commentCount: carried.length });
      await appendAuditEvent(manager, {
        actorId: userId,
        action: 'synthesis.forwarded',
        subjectType: 'submission',
        subjectId: submission.id,
        organizationId: source.owner.id,
        payload: { fromRoundId: roundId, revision: latest.revision, toRoundId: targetRoundId, comments: carried.length },
      });
      // submitted like any unit's (receipt, lock, a synthesis upstairs) in the same transaction:
      // a refusal (the upper round closed, nothing to send) leaves the upper round as it was
      await this.submissions.submitWithin(manager, userId, submission.id);
      return submission.id;
    });
    this.synthesis.enqueue(targetRoundId);
    return { submissionId, forwarded: carried.length, skipped: clusters.length - carried.length, revision: latest.revision };
  }
}

