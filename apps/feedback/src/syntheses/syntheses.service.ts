import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CommentCluster, CongressDocument, documentKindNames, DocumentVersion, RoundDocument, Synthesis, type BlockIndexEntry, type DocumentKind } from '@vankien/domain';
import { exportSynthesisDocx, exportSynthesisXlsx, sectionTitle, wholeDocumentBlock } from '@vankien/office';
import { AppError } from '@vankien/platform';
import { JobProducer } from '@vankien/queue';
import { DataSource, In } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import { ClusterCommentsView, ClusterView, SynthesisProgressView, SynthesisReportView } from './dto/synthesis-views.dto';
import { clusterFigures } from './cluster-figures';
import { paperHeading } from './paper-heading';
import { SynthesisErrors } from './synthesis-errors';

/** Reads synthesis revisions as the report committees use: per document, in section order. */
@Injectable()
export class SynthesesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rounds: RoundsService,
    private readonly producer: JobProducer,
  ) {}

  async report(userId: string, roundId: string, revision?: number): Promise<SynthesisReportView> {
    await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const synthesis = await this.revision(roundId, revision);
    const clusters = await this.dataSource.getRepository(CommentCluster).find({ where: { synthesisId: synthesis.id }, order: { position: 'ASC' } });
    const documents = await this.dataSource.getRepository(RoundDocument).find({ where: { roundId }, order: { position: 'ASC' } });
    const versions = await this.dataSource.getRepository(DocumentVersion).find({ where: { id: In(documents.map((d) => d.documentVersionId)) } });
    const congressDocuments = new Map(
      (await this.dataSource.getRepository(CongressDocument).find({ where: { id: In(versions.map((v) => v.documentId)) }, select: { id: true, title: true, kind: true } })).map((d) => [d.id, d]),
    );
    const byBlock = new Map<string, CommentCluster[]>();
    for (const cluster of clusters) {
      const key = `${cluster.documentVersionId}/${cluster.blockId}`;
      byBlock.set(key, [...(byBlock.get(key) ?? []), cluster]);
    }
    const isAgreement = (cluster: CommentCluster): boolean => cluster.agreement;
    const view = (cluster: CommentCluster): ClusterView => ({
      key: cluster.key,
      kind: cluster.kind,
      representative: cluster.representativeText,
      ...clusterFigures(cluster),
      agreement: isAgreement(cluster),
    });
    return {
      roundId,
      revision: synthesis.revision,
      completedAt: synthesis.completedAt?.toISOString() ?? null,
      comments: synthesis.commentCount,
      documents: documents.map((document) => {
        const version = versions.find((v) => v.id === document.documentVersionId);
        const index: BlockIndexEntry[] = version?.blockIndex ?? [];
        return {
          documentVersionId: document.documentVersionId,
          ...kindOf(version ? congressDocuments.get(version.documentId) : undefined),
          title: version ? (congressDocuments.get(version.documentId)?.title ?? '') : '',
          label: version?.label ?? '',
          sections: index
            .filter((entry) => byBlock.has(`${document.documentVersionId}/${entry.blockId}`))
            .map((entry) => {
              const blockClusters = byBlock.get(`${document.documentVersionId}/${entry.blockId}`) ?? [];
              const agreement = blockClusters.find(isAgreement);
              const place = { sectionNumber: entry.sectionNumber, headingTrail: entry.headingTrail, text: entry.text.slice(0, 300), wholeDocument: entry.blockId === wholeDocumentBlock(index)?.blockId };
              return {
                blockId: entry.blockId,
                ...place,
                title: sectionTitle(place),
                agreement: agreement ? view(agreement) : null,
                proposals: blockClusters.filter((c) => c !== agreement).map(view),
              };
            }),
        };
      }),
      coverage: await this.rounds.coverage(userId, roundId),
    };
  }

  /** The report as a file committees file: XLSX (STT, Phần/Mục, Nội dung ý kiến …) or DOCX. */
  async export(userId: string, roundId: string, format: 'xlsx' | 'docx', revision?: number): Promise<{ filename: string; content: Buffer }> {
    const report = await this.report(userId, roundId, revision);
    const { round, owner } = await this.rounds.load(roundId);
    const input = { ...report, roundTitle: round.title, ...(await paperHeading(this.dataSource, owner)) };
    const content = format === 'xlsx' ? await exportSynthesisXlsx(input) : await exportSynthesisDocx(input);
    return { filename: `tong-hop-y-kien-lan-${report.revision}.${format}`, content };
  }

  /** The comments of one proposal, word for word, with who made them. */
  async cluster(userId: string, roundId: string, key: string, revision?: number): Promise<ClusterCommentsView> {
    await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const synthesis = await this.revision(roundId, revision);
    const cluster = await this.dataSource.getRepository(CommentCluster).findOne({ where: { synthesisId: synthesis.id, key } });
    if (!cluster) throw new AppError(SynthesisErrors.CLUSTER_NOT_FOUND, { key });
    const comments = await this.dataSource.query(
      `SELECT c.id, c.text, c.kind, c.supporters, c.supporters_total AS "supportersTotal",
              CASE WHEN s.contributor_id IS NULL THEN o.name ELSE u.full_name || ' (' || o.name || ')' END AS unit
         FROM cluster_members m
         JOIN comments c ON c.id = m.comment_id
         JOIN submissions s ON s.id = c.submission_id
         JOIN organizations o ON o.id = s.organization_id
         LEFT JOIN users u ON u.id = s.contributor_id
        WHERE m.member_set_id = $1
        ORDER BY o.path, c.position`,
      [cluster.memberSetId],
    );
    return { key, comments };
  }

  /** Whether a new revision is on its way: the recorded need and the job's state and progress. */
  async progress(userId: string, roundId: string): Promise<SynthesisProgressView> {
    const { round } = await this.rounds.authorize(userId, 'synthesis.read', roundId);
    const job = await this.producer.queue('synthesis').getJob(`synthesis-${roundId}`);
    const latest = await this.dataSource.getRepository(Synthesis).findOne({ where: { roundId, status: 'complete' }, order: { revision: 'DESC' }, select: { revision: true } });
    return {
      requestedAt: round.synthesisRequestedAt?.toISOString() ?? null,
      job: job ? { state: await job.getState(), progress: job.progress } : null,
      latestRevision: latest?.revision ?? null,
    };
  }

  /** The latest complete revision of a round's synthesis, or the one asked for. */
  synthesis(roundId: string, revision?: number): Promise<Synthesis> {
    return this.revision(roundId, revision);
  }

  private async revision(roundId: string, revision?: number): Promise<Synthesis> {
    const synthesis = await this.dataSource.getRepository(Synthesis).findOne({
      where: revision === undefined ? { roundId, status: 'complete' } : { roundId, revision, status: 'complete' },
      order: { revision: 'DESC' },
    });
    if (!synthesis) throw new AppError(revision === undefined ? SynthesisErrors.NO_SYNTHESIS_YET : SynthesisErrors.REVISION_NOT_FOUND, { roundId, revision });
    return synthesis;
  }
}

/** A document's kind and its name as committees write it. */
function kindOf(document: Pick<CongressDocument, 'kind'> | undefined): { kind: DocumentKind; kindName: string } {
  // a round's versions and their documents are held by foreign keys: one missing is a broken database
  if (!document) throw new Error('a round document without its document');
  return { kind: document.kind, kindName: documentKindNames[document.kind] };
}
