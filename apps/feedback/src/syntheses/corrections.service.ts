import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditEvent } from '@vankien/database';
import { SynthesisCorrection } from '@vankien/domain';
import { AppError, CommonErrors, type FieldProblem } from '@vankien/platform';
import type { ClusterRef, Correction } from '@vankien/synthesis';
import { DataSource } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import { SynthesisRequests } from '../submissions/synthesis-requests';
import type { ClusterRefDto, CorrectionRequest } from './dto/correction.dto';
import type { CorrectionAddedView, CorrectionEntryView, CorrectionView } from './dto/synthesis-views.dto';

function clusterRef(field: string, value: ClusterRefDto | undefined, problems: FieldProblem[]): ClusterRef | undefined {
  if (!value || (value.key === undefined) === (value.commentId === undefined)) {
    problems.push({ field, reasons: [`${field} must name a cluster by key or by commentId (one of them)`] });
    return undefined;
  }
  return value.key !== undefined ? { key: value.key } : { commentId: value.commentId as string };
}

/** The shape libs/synthesis replays, with every missing field of the chosen type named. */
export function toCorrection(request: CorrectionRequest): Correction {
  const problems: FieldProblem[] = [];
  let correction: Correction | undefined;
  switch (request.type) {
    case 'merge': {
      const target = clusterRef('target', request.target, problems);
      const source = clusterRef('source', request.source, problems);
      if (target && source) correction = { type: 'merge', target, source };
      break;
    }
    case 'split':
      if (!request.commentIds) problems.push({ field: 'commentIds', reasons: ['commentIds is required for a split'] });
      else correction = { type: 'split', commentIds: request.commentIds };
      break;
    case 'move': {
      const to = clusterRef('to', request.to, problems);
      if (!request.commentId) problems.push({ field: 'commentId', reasons: ['commentId is required for a move'] });
      else if (to) correction = { type: 'move', commentId: request.commentId, to };
      break;
    }
    case 'representative': {
      const target = clusterRef('target', request.target, problems);
      if ((request.commentId === undefined) === (request.text === undefined)) problems.push({ field: 'text', reasons: ['give either commentId or text'] });
      else if (target) correction = request.text !== undefined ? { type: 'representative', target, text: request.text.normalize('NFC') } : { type: 'representative', target, commentId: request.commentId };
      break;
    }
  }
  if (!correction || problems.length) throw new AppError({ ...CommonErrors.VALIDATION_FAILED, status: 422 }, problems);
  return correction;
}

/**
 * Drafters' corrections of a round's clusters: stored in order and replayed on every revision
 * (so they survive re-clustering); storing one asks for a new revision.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly synthesis: SynthesisRequests,
  ) {}

  async add(userId: string, roundId: string, request: CorrectionRequest): Promise<CorrectionAddedView> {
    const { owner } = await this.rounds.authorize(userId, 'synthesis.correct', roundId);
    const correction = toCorrection(request);
    const sequence = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM comment_rounds WHERE id = $1 FOR UPDATE', [roundId]);
      const [{ next }] = await manager.query('SELECT coalesce(max(sequence), 0) + 1 AS next FROM synthesis_corrections WHERE round_id = $1', [roundId]);
      await manager.query('INSERT INTO synthesis_corrections (round_id, sequence, correction, created_by_id) VALUES ($1, $2, $3, $4)', [roundId, Number(next), JSON.stringify(correction), userId]);
      await appendAuditEvent(manager, { actorId: userId, action: 'synthesis.corrected', subjectType: 'comment_round', subjectId: roundId, organizationId: owner.id, payload: { sequence: Number(next), correction } });
      await this.synthesis.record(manager, roundId);
      return Number(next);
    });
    this.synthesis.enqueue(roundId);
    return { sequence, correction };
  }

  async list(userId: string, roundId: string): Promise<CorrectionEntryView[]> {
    await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const rows = await this.dataSource.getRepository(SynthesisCorrection).find({ where: { roundId }, order: { sequence: 'ASC' } });
    return rows.map((row) => ({ sequence: row.sequence, correction: row.correction as unknown as CorrectionView, createdAt: row.createdAt.toISOString() }));
  }
}
