import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decide, PolicyService, type Actor } from '@vankien/auth';
import { appendAuditEvent, loadYDoc } from '@vankien/database';
import { buildBlockIndex, carryAnchors, congressSchema, diffDocuments, yDocToDocumentJson, type AnchorBlock, type CarriedAnchor } from '@vankien/document-schema';
import { CommentCluster, CongressDocument, Disposition, documentKindNames, DocumentVersion, RoundDocument, User, type DocumentKind, type Synthesis } from '@vankien/domain';
import { exportDispositionsDocx, exportDispositionsXlsx, sectionTitle, wholeDocumentBlock, type DispositionTableInput, type SectionPlace } from '@vankien/office';
import { AppError, CommonErrors } from '@vankien/platform';
import { dispositionProblems, dispositionProgress, needsAnotherLook, type DispositionStateName } from '@vankien/synthesis';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import { clusterFigures } from '../syntheses/cluster-figures';
import { paperHeading } from '../syntheses/paper-heading';
import { SynthesesService } from '../syntheses/syntheses.service';
import { SynthesisErrors } from '../syntheses/synthesis-errors';
import { DispositionErrors } from './disposition-errors';
import type { BulkDisposeRequest, DisposeRequest, ListDispositionsQuery } from './dto/disposition.dto';
import type { DisposedCountView, DispositionDetailView, DispositionItemView, DispositionTableView, DispositionView, TargetView } from './dto/disposition-views.dto';

// the tests import the views from here
export type { DispositionItemView, DispositionTableView } from './dto/disposition-views.dto';

interface RoundTableDocument {
  documentVersionId: string;
  documentId: string;
  /** The organisation that drafts the document. */
  organizationId: string;
  kind: DocumentKind;
  title: string;
  label: string;
  number: number;
  index: Map<string, AnchorBlock & { order: number }>;
  /** Where comments on the whole document are anchored. */
  wholeDocumentBlockId: string | undefined;
  against: { id: string; label: string; index: AnchorBlock[]; content: Record<string, unknown> } | null;
}

interface Entry {
  cluster: CommentCluster;
  document: RoundTableDocument;
  disposition: Disposition | null;
}

interface Write {
  clusterKey: string;
  state: DispositionStateName;
  explanation: string | null;
  targetBlockIds: string[];
  expectedVersion: number;
  expectedComments: number;
}

const noDisposition = (): DispositionView => ({ state: 'pending', explanation: null, targetBlockIds: [], version: 0, memberCountAtDecision: 0, decidedBy: null, updatedAt: null });

/**
 * The table of dispositions (bảng tiếp thu, giải trình) of a round: every proposal of its latest
 * synthesis with what the drafters decided about it. Dispositions are keyed by the clusters'
 * stable keys, so they carry over to new revisions; a proposal that gained comments since its
 * disposition is flagged. Writes are checked against what the drafter read: a change made
 * meanwhile (by another drafter, or by a new revision) is a conflict, never an overwrite.
 */
@Injectable()
export class DispositionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly syntheses: SynthesesService,
    private readonly policy: PolicyService,
  ) {}

  async list(userId: string, roundId: string, query: ListDispositionsQuery): Promise<DispositionTableView> {
    const { actor } = await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const { synthesis, documents, entries } = await this.table(roundId, query.against ?? 'next', actor);
    const progress = dispositionProgress(entries.map((entry) => ({ ...this.place(entry), state: entry.disposition?.state ?? 'pending', needsReview: this.needsReview(entry) })));
    const matching = entries.filter((entry) => this.matches(entry, query));
    const page = matching.slice(query.offset ?? 0, (query.offset ?? 0) + (query.limit ?? 500));
    return {
      roundId,
      revision: synthesis.revision,
      progress,
      documents: documents.map((d) => ({ documentVersionId: d.documentVersionId, against: d.against?.id ?? null, againstLabel: d.against?.label ?? null })),
      total: matching.length,
      items: await this.items(page),
    };
  }

  /** One proposal, with what changed in the blocks that carry it (the version diff, word by word). */
  async get(userId: string, roundId: string, clusterKey: string, against: 'next' | 'live' = 'next'): Promise<DispositionDetailView> {
    const { actor } = await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const { entries } = await this.table(roundId, against, actor, [clusterKey]);
    const entry = entries.find((e) => e.cluster.key === clusterKey);
    if (!entry) throw new AppError(SynthesisErrors.CLUSTER_NOT_FOUND, { key: clusterKey });
    const [item] = await this.items([entry]);
    const targetRevision = entry.document.against;
    if (!targetRevision || item.disposition.targetBlockIds.length === 0) return { ...item, changes: [] };
    const version = await this.dataSource.getRepository(DocumentVersion).findOneOrFail({ where: { id: entry.document.documentVersionId }, select: { id: true, content: true } });
    const diff = diffDocuments(congressSchema.nodeFromJSON(version.content), congressSchema.nodeFromJSON(targetRevision.content));
    const added = new Set(diff.added.map((b) => b.blockId));
    const changed = new Map(diff.changed.map((b) => [b.blockId, b]));
    const present = new Set(targetRevision.index.map((b) => b.blockId));
    return {
      ...item,
      changes: item.disposition.targetBlockIds.map((blockId) => {
        if (!present.has(blockId)) return { blockId, change: 'removed' as const, words: [] };
        if (added.has(blockId)) return { blockId, change: 'added' as const, words: [] };
        const change = changed.get(blockId);
        return change ? { blockId, change: 'changed' as const, words: change.words } : { blockId, change: 'unchanged' as const, words: [] };
      }),
    };
  }

  async dispose(userId: string, roundId: string, clusterKey: string, request: DisposeRequest): Promise<DispositionItemView> {
    const actor = await this.write(userId, roundId, [{ clusterKey, state: request.state, explanation: request.explanation ?? null, targetBlockIds: request.targetBlockIds ?? [], expectedVersion: request.expectedVersion, expectedComments: request.expectedComments }]);
    const { entries } = await this.table(roundId, 'next', actor, [clusterKey]);
    const [item] = await this.items(entries);
    return item;
  }

  /** Several proposals at once, all or none: one conflict and nothing is changed. */
  async disposeMany(userId: string, roundId: string, request: BulkDisposeRequest): Promise<DisposedCountView> {
    const keys = request.items.map((item) => item.clusterKey);
    if (new Set(keys).size !== keys.length) throw new AppError({ ...CommonErrors.VALIDATION_FAILED, status: 422 }, [{ field: 'items', reasons: ['a proposal may appear once'] }]);
    await this.write(
      userId,
      roundId,
      request.items.map((item) => ({ clusterKey: item.clusterKey, state: request.state, explanation: request.explanation ?? null, targetBlockIds: [], expectedVersion: item.expectedVersion, expectedComments: item.expectedComments })),
    );
    return { disposed: request.items.length };
  }

  async export(userId: string, roundId: string, format: 'docx' | 'xlsx'): Promise<{ filename: string; content: Buffer }> {
    const { round, owner, actor } = await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const { synthesis, documents, entries } = await this.table(roundId, 'next', actor);
    const items = await this.items(entries);
    const table: DispositionTableInput = {
      roundTitle: round.title,
      ...(await paperHeading(this.dataSource, owner)),
      revision: synthesis.revision,
      documents: await Promise.all(documents.map(async (document) => {
        const placeOfTarget = await this.targetPlaces(document, owner.id);
        const sections: DispositionTableInput['documents'][number]['sections'] = [];
        for (const item of items.filter((i) => i.documentVersionId === document.documentVersionId)) {
          let section = sections[sections.length - 1];
          // the paragraphs of one section together; blocks before the first heading each apart
          if (!section || sectionTitle(section) !== item.sectionTitle) {
            section = { ...placeOf(document, item.blockId), proposals: [] };
            sections.push(section);
          }
          section.proposals.push({
            representative: item.representative,
            proposers: item.proposers,
            comments: item.comments,
            units: item.units,
            statedSupporters: item.statedSupporters,
            contributors: item.contributors,
            unitsBySource: item.unitsBySource,
            contributorsBySource: item.contributorsBySource,
            state: item.disposition.state,
            explanation: item.disposition.explanation,
            targets: item.targets.map((target) => placeOfTarget(target)),
            needsReview: item.needsReview,
          });
        }
        return { kindName: documentKindNames[document.kind], title: document.title, label: document.label, nextLabel: document.against?.label ?? null, sections };
      })),
    };
    const content = format === 'docx' ? await exportDispositionsDocx(table) : await exportDispositionsXlsx(table);
    return { filename: `tiep-thu-giai-trinh-lan-${synthesis.revision}.${format}`, content };
  }

  /**
   * How the paper names where a proposal went: the section number in the next version; before
   * that version is frozen, in the live draft ("bản đang soạn"), which the round's own drafters
   * read; never a block id, which means nothing to a reader.
   */
  private async targetPlaces(document: RoundTableDocument, roundOwnerId: string): Promise<(target: TargetView) => string> {
    const place = (block: AnchorBlock | undefined): string => block?.sectionNumber || 'Mở đầu';
    if (document.against) {
      const next = new Map(document.against.index.map((block) => [block.blockId, block]));
      const label = document.against.label;
      return (target) => (next.has(target.blockId) ? place(next.get(target.blockId)) : `đã xóa ở ${label}`);
    }
    if (document.organizationId !== roundOwnerId) return () => 'bản đang soạn';
    const live = new Map((await this.liveIndex(document.documentId)).map((block) => [block.blockId, block]));
    return (target) => (live.has(target.blockId) ? `${place(live.get(target.blockId))} (bản đang soạn)` : 'đã xóa khỏi bản đang soạn');
  }

  /** Writes the dispositions, all or none; answers who wrote them (to show the result to them). */
  private async write(userId: string, roundId: string, writes: Write[]): Promise<Actor> {
    const { owner, actor } = await this.rounds.authorize(userId, 'disposition.write', roundId);
    const problems = writes.flatMap((w) => dispositionProblems(w).map((p) => ({ ...p, clusterKey: w.clusterKey })));
    if (problems.length) throw new AppError(DispositionErrors.INVALID_DISPOSITION, problems);
    const { synthesis, entries: all } = await this.table(roundId, 'none', actor, writes.map((w) => w.clusterKey));
    const byKey = new Map(all.map((entry) => [entry.cluster.key, entry]));
    const found = writes.map((w) => {
      const entry = byKey.get(w.clusterKey);
      return { write: w, entry };
    });
    for (const { write, entry } of found) {
      if (entry) continue;
      const agreement = await this.dataSource.getRepository(CommentCluster).exists({ where: { synthesisId: synthesis.id, key: write.clusterKey, agreement: true } });
      throw agreement ? new AppError(DispositionErrors.NOT_A_PROPOSAL, { clusterKey: write.clusterKey }) : new AppError(SynthesisErrors.CLUSTER_NOT_FOUND, { key: write.clusterKey });
    }
    const wanted = found.map(({ write, entry }) => ({ write, entry: entry as Entry }));
    for (const { write, entry } of wanted) if (write.targetBlockIds.length) await this.checkTargets(entry, write.targetBlockIds, owner.id);
    try {
      await this.dataSource.transaction(async (manager) => {
        const keys = writes.map((w) => w.clusterKey);
        const current = await manager.getRepository(Disposition).find({ where: { roundId, clusterKey: In(keys) }, lock: { mode: 'pessimistic_write' } });
        const currentByKey = new Map(current.map((d) => [d.clusterKey, d]));
        const conflicts = wanted.flatMap(({ write, entry }): { clusterKey: string; code: string; version?: number; state?: string; comments?: number }[] => {
          const now = currentByKey.get(write.clusterKey);
          if ((now?.rowVersion ?? 0) !== write.expectedVersion) return [{ clusterKey: write.clusterKey, code: DispositionErrors.STALE_DISPOSITION.code, version: now?.rowVersion ?? 0, state: now?.state ?? 'pending' }];
          if (entry.cluster.commentCount !== write.expectedComments) return [{ clusterKey: write.clusterKey, code: DispositionErrors.CLUSTER_CHANGED.code, comments: entry.cluster.commentCount }];
          return [];
        });
        if (conflicts.length) {
          const error = conflicts.every((c) => c.code === DispositionErrors.CLUSTER_CHANGED.code) ? DispositionErrors.CLUSTER_CHANGED : DispositionErrors.STALE_DISPOSITION;
          throw new AppError(error, conflicts);
        }
        const byDocument = new Map<string, { clusterKey: string; state: string; previousState: string }[]>();
        for (const { write, entry } of wanted) {
          const now = currentByKey.get(write.clusterKey);
          const fields = {
            state: write.state,
            explanation: write.explanation?.normalize('NFC').trim() || null,
            targetBlockIds: write.targetBlockIds,
            memberCountAtDecision: entry.cluster.commentCount,
            decidedById: userId,
          };
          if (now) {
            await manager
              .createQueryBuilder()
              .update(Disposition)
              .set({ ...fields, rowVersion: () => 'row_version + 1', updatedAt: () => 'now()' })
              .where('id = :id AND row_version = :version', { id: now.id, version: now.rowVersion })
              .execute();
          } else {
            await manager.createQueryBuilder().insert().into(Disposition).values({ roundId, clusterKey: write.clusterKey, ...fields, rowVersion: 1 }).execute();
          }
          const list = byDocument.get(entry.document.documentId) ?? [];
          list.push({ clusterKey: write.clusterKey, state: write.state, previousState: now?.state ?? 'pending' });
          byDocument.set(entry.document.documentId, list);
        }
        // one event per document (its history shows it); a bulk decision is one event, not thousands
        for (const [documentId, changes] of byDocument) {
          const single = writes.length === 1 ? writes[0] : null;
          await appendAuditEvent(manager, {
            actorId: userId,
            action: single ? 'disposition.set' : 'disposition.bulk_set',
            subjectType: 'comment_round',
            subjectId: roundId,
            organizationId: owner.id,
            payload: {
              documentId,
              roundId,
              ...(single ? { clusterKey: single.clusterKey, state: single.state, previousState: changes[0].previousState, explanation: single.explanation, targetBlockIds: single.targetBlockIds } : { state: writes[0].state, explanation: writes[0].explanation, clusterKeys: changes.map((c) => c.clusterKey) }),
            },
          });
        }
      });
    } catch (error) {
      // two drafters disposing of a new proposal at the same moment: the second one is stale
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new AppError(DispositionErrors.STALE_DISPOSITION, { clusterKeys: writes.map((w) => w.clusterKey) });
      throw error;
    }
    return actor;
  }

  /**
   * Target blocks must be blocks of the same document (of a later version, or of the live
   * draft), and only of a document the round's organisation drafts: a round on an upper
   * level's draft has nothing of that draft's later text to point at.
   */
  private async checkTargets(entry: Entry, blockIds: string[], roundOwnerId: string): Promise<void> {
    if (entry.document.organizationId !== roundOwnerId) throw new AppError(DispositionErrors.TARGETS_IN_ANOTHER_ORGANIZATIONS_DOCUMENT, { field: 'targetBlockIds', documentVersionId: entry.document.documentVersionId });
    const rows: { blockId: string }[] = await this.dataSource.query(
      `SELECT DISTINCT b->>'blockId' AS "blockId"
         FROM document_versions v, jsonb_array_elements(v.block_index) b
        WHERE v.document_id = $1 AND v.number > $2 AND b->>'blockId' = ANY($3)`,
      [entry.document.documentId, entry.document.number, blockIds],
    );
    const known = new Set(rows.map((row) => row.blockId));
    let missing = blockIds.filter((id) => !known.has(id));
    if (missing.length) {
      const live = new Set((await this.liveIndex(entry.document.documentId)).map((b) => b.blockId));
      missing = missing.filter((id) => !live.has(id));
    }
    if (missing.length) throw new AppError(DispositionErrors.UNKNOWN_TARGET_BLOCKS, { field: 'targetBlockIds', blockIds: missing });
  }

  /**
   * Every proposal (not general agreement) of the latest synthesis, in the report's order, with
   * the revision its anchors are shown against: one that `reader` may read, never more.
   */
  private async table(roundId: string, against: 'next' | 'live' | 'none', reader: Actor, keys?: string[]): Promise<{ synthesis: Synthesis; documents: RoundTableDocument[]; entries: Entry[] }> {
    const synthesis = await this.syntheses.synthesis(roundId);
    const roundDocuments = await this.dataSource.getRepository(RoundDocument).find({ where: { roundId }, order: { position: 'ASC' } });
    const documents: RoundTableDocument[] = [];
    for (const roundDocument of roundDocuments) {
      const version = await this.dataSource.getRepository(DocumentVersion).findOneOrFail({ where: { id: roundDocument.documentVersionId }, select: { id: true, documentId: true, number: true, label: true, blockIndex: true } });
      const document = await this.dataSource.getRepository(CongressDocument).findOneOrFail({ where: { id: version.documentId }, select: { id: true, title: true, organizationId: true, kind: true } });
      documents.push({
        documentVersionId: version.id,
        documentId: version.documentId,
        organizationId: document.organizationId,
        kind: document.kind,
        title: document.title,
        label: version.label,
        number: version.number,
        index: new Map(version.blockIndex.map((b) => [b.blockId, b])),
        wholeDocumentBlockId: wholeDocumentBlock(version.blockIndex)?.blockId,
        against: against === 'none' ? null : await this.againstRevision(version, against, reader),
      });
    }
    const byVersion = new Map(documents.map((d) => [d.documentVersionId, d]));
    // a write names its proposals: only those are read, not the whole table of a large round
    const clusters = await this.dataSource.getRepository(CommentCluster).find({ where: { synthesisId: synthesis.id, agreement: false, ...(keys ? { key: In(keys) } : {}) }, order: { position: 'ASC' } });
    const dispositions = new Map((await this.dataSource.getRepository(Disposition).find({ where: { roundId, ...(keys ? { clusterKey: In(keys) } : {}) } })).map((d) => [d.clusterKey, d]));
    const entries = clusters
      .filter((cluster) => byVersion.has(cluster.documentVersionId))
      .map((cluster) => ({ cluster, document: byVersion.get(cluster.documentVersionId)!, disposition: dispositions.get(cluster.key) ?? null }));
    const documentOrder = new Map(documents.map((d, i) => [d.documentVersionId, i]));
    entries.sort(
      (a, b) =>
        documentOrder.get(a.document.documentVersionId)! - documentOrder.get(b.document.documentVersionId)! ||
        (a.document.index.get(a.cluster.blockId)?.order ?? Number.MAX_SAFE_INTEGER) - (b.document.index.get(b.cluster.blockId)?.order ?? Number.MAX_SAFE_INTEGER) ||
        a.cluster.position - b.cluster.position,
    );
    return { synthesis, documents, entries };
  }

  /**
   * The revision anchors are shown against. The live draft only to the document's own readers
   * (a lower level commenting on an upper level's version must not read its live text); the
   * next version that the reader may read, which for a lower level is one shared with it later.
   */
  private async againstRevision(version: DocumentVersion, against: 'next' | 'live', reader: Actor): Promise<RoundTableDocument['against']> {
    const document = await this.policy.documentSubject(version.documentId);
    const readsDocument = document !== null && decide(reader, 'document.read', document).allowed;
    if (against === 'live') {
      if (!readsDocument) throw new AppError(DispositionErrors.LIVE_DRAFT_NOT_READABLE, { documentVersionId: version.id });
      const { ydoc } = await loadYDoc(this.dataSource, version.documentId);
      try {
        const content = yDocToDocumentJson(ydoc) as unknown as Record<string, unknown>;
        return { id: 'live', label: 'Bản đang soạn', index: buildBlockIndex(congressSchema.nodeFromJSON(content)), content };
      } finally {
        ydoc.destroy();
      }
    }
    const later = await this.dataSource
      .getRepository(DocumentVersion)
      .createQueryBuilder('version')
      .select(['version.id'])
      .where('version.document_id = :documentId AND version.number > :number', { documentId: version.documentId, number: version.number })
      .orderBy('version.number', 'ASC')
      .getMany();
    for (const candidate of later) {
      if (!readsDocument && !(await this.policy.mayReadVersion(reader, candidate.id))) continue;
      const next = await this.dataSource.getRepository(DocumentVersion).findOneOrFail({ where: { id: candidate.id }, select: { id: true, label: true, blockIndex: true, content: true } });
      return { id: next.id, label: next.label, index: next.blockIndex, content: next.content };
    }
    return null;
  }

  private async liveIndex(documentId: string): Promise<AnchorBlock[]> {
    const { ydoc } = await loadYDoc(this.dataSource, documentId);
    try {
      return buildBlockIndex(congressSchema.nodeFromJSON(yDocToDocumentJson(ydoc)));
    } finally {
      ydoc.destroy();
    }
  }

  private place(entry: Entry): { documentVersionId: string; blockId: string; sectionNumber: string } {
    return { documentVersionId: entry.document.documentVersionId, blockId: entry.cluster.blockId, sectionNumber: entry.document.index.get(entry.cluster.blockId)?.sectionNumber ?? '' };
  }

  private needsReview(entry: Entry): boolean {
    return needsAnotherLook(entry.disposition, entry.cluster.commentCount);
  }

  private matches(entry: Entry, query: ListDispositionsQuery): boolean {
    if (query.state && (entry.disposition?.state ?? 'pending') !== query.state) return false;
    if (query.source && !((entry.cluster.bySource[query.source] ?? 0) > 0)) return false;
    if (query.minUnits && entry.cluster.units < query.minUnits) return false;
    if (query.documentVersionId && entry.document.documentVersionId !== query.documentVersionId) return false;
    if (query.blockId && entry.cluster.blockId !== query.blockId) return false;
    if (query.needsReview !== undefined && this.needsReview(entry) !== query.needsReview) return false;
    return true;
  }

  private async items(entries: Entry[]): Promise<DispositionItemView[]> {
    if (entries.length === 0) return [];
    const proposers = await this.proposers(entries.map((entry) => entry.cluster.id));
    const deciders = [...new Set(entries.map((e) => e.disposition?.decidedById).filter((id): id is string => !!id))];
    const names = new Map((await this.dataSource.getRepository(User).find({ where: { id: In(deciders) }, select: { id: true, fullName: true } })).map((u) => [u.id, u.fullName]));
    // per document, once: the revision shown against, by block id, and every anchor carried there
    const shown = new Map<RoundTableDocument, { index: Map<string, AnchorBlock>; carried: Map<string, CarriedAnchor> } | null>();
    for (const document of new Set(entries.map((entry) => entry.document))) {
      if (!document.against) {
        shown.set(document, null);
        continue;
      }
      const blockIds = [...new Set(entries.filter((entry) => entry.document === document).map((entry) => entry.cluster.blockId))];
      const carried = carryAnchors([...document.index.values()], document.against.index, blockIds);
      shown.set(document, { index: new Map(document.against.index.map((b) => [b.blockId, b])), carried: new Map(carried.map((anchor) => [anchor.blockId, anchor])) });
    }
    return entries.map((entry) => {
      const { cluster, document, disposition } = entry;
      const block = document.index.get(cluster.blockId);
      const against = shown.get(document) ?? null;
      const againstIndex = against?.index ?? null;
      const targetBlockIds = disposition?.targetBlockIds ?? [];
      return {
        clusterKey: cluster.key,
        documentVersionId: document.documentVersionId,
        blockId: cluster.blockId,
        sectionNumber: block?.sectionNumber ?? '',
        headingTrail: block?.headingTrail ?? [],
        sectionTitle: sectionTitle(placeOf(document, cluster.blockId)),
        kind: cluster.kind,
        representative: cluster.representativeText,
        ...clusterFigures(cluster),
        proposers: proposers.get(cluster.id) ?? [],
        disposition: disposition
          ? {
              state: disposition.state,
              explanation: disposition.explanation,
              targetBlockIds,
              version: disposition.rowVersion,
              memberCountAtDecision: disposition.memberCountAtDecision,
              decidedBy: disposition.decidedById ? { id: disposition.decidedById, name: names.get(disposition.decidedById) ?? '' } : null,
              updatedAt: disposition.updatedAt.toISOString(),
            }
          : noDisposition(),
        needsReview: this.needsReview(entry),
        carried: against?.carried.get(cluster.blockId) ?? null,
        targets: targetBlockIds.map((blockId) => {
          const target = againstIndex?.get(blockId);
          return { blockId, sectionNumber: target?.sectionNumber ?? null, present: againstIndex ? target !== undefined : false };
        }),
      };
    });
  }

  /** Who made each proposal: the submitting units, or the contributors by name. */
  private async proposers(clusterIds: string[]): Promise<Map<string, string[]>> {
    const rows: { clusterId: string; names: string[] }[] = await this.dataSource.query(
      `SELECT cc.id AS "clusterId",
              array_agg(DISTINCT CASE WHEN s.contributor_id IS NULL THEN o.name ELSE u.full_name END) AS names
         FROM comment_clusters cc
         JOIN cluster_members m ON m.member_set_id = cc.member_set_id
         JOIN comments c ON c.id = m.comment_id
         JOIN submissions s ON s.id = c.submission_id
         JOIN organizations o ON o.id = s.organization_id
         LEFT JOIN users u ON u.id = s.contributor_id
        WHERE cc.id = ANY($1)
        GROUP BY cc.id`,
      [clusterIds],
    );
    return new Map(rows.map((row) => [row.clusterId, [...row.names].sort((a, b) => a.localeCompare(b, 'vi'))]));
  }
}

/** Where a block is, as the exports name it (sectionTitle). */
function placeOf(document: RoundTableDocument, blockId: string): SectionPlace {
  const block = document.index.get(blockId);
  return { sectionNumber: block?.sectionNumber ?? '', headingTrail: block?.headingTrail ?? [], text: block?.text ?? '', wholeDocument: blockId === document.wholeDocumentBlockId };
}
