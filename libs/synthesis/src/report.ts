// Aggregation of clustered blocks into the synthesis report.
import { compareClusters, compareIds } from './cluster-block';
import type { Cluster, Report, ReportStats } from './types';

export interface BlockRef {
  readonly documentId?: string;
  readonly blockId: string;
}

export interface ReportOptions {
  /**
   * The blocks in section order (from the frozen version's block index). Blocks it does not list
   * follow, in documentId then blockId order.
   */
  readonly blockOrder?: readonly BlockRef[];
  readonly rejectedLines?: number;
  readonly legacyConverted?: number;
  /** Extra figures to carry in stats (lines read, elapsed time …). */
  readonly extraStats?: Readonly<Record<string, number>>;
}

function blockKey(block: BlockRef): string {
  return `${block.documentId ?? ''}\u0000${block.blockId}`;
}

/** Orders the clusters document by document and block by block, and counts. */
export function buildReport(clusters: readonly Cluster[], options: ReportOptions = {}): Report {
  const position = new Map<string, number>();
  const documentPosition = new Map<string, number>();
  for (const block of options.blockOrder ?? []) {
    if (!position.has(blockKey(block))) position.set(blockKey(block), position.size);
    const documentId = block.documentId ?? '';
    if (!documentPosition.has(documentId)) documentPosition.set(documentId, documentPosition.size);
  }
  const sorted = [...clusters].sort((a, b) => {
    const documentA = documentPosition.get(a.documentId ?? '') ?? Number.MAX_SAFE_INTEGER;
    const documentB = documentPosition.get(b.documentId ?? '') ?? Number.MAX_SAFE_INTEGER;
    if (documentA !== documentB) return documentA - documentB;
    const byDocumentId = compareIds(a.documentId ?? '', b.documentId ?? '');
    if (byDocumentId !== 0) return byDocumentId;
    const blockA = position.get(blockKey(a)) ?? Number.MAX_SAFE_INTEGER;
    const blockB = position.get(blockKey(b)) ?? Number.MAX_SAFE_INTEGER;
    if (blockA !== blockB) return blockA - blockB;
    return compareIds(a.blockId, b.blockId) || compareClusters(a, b);
  });
  return { comments: countComments(sorted), clusters: sorted, stats: computeStats(sorted, options) };
}

function countComments(clusters: readonly Cluster[]): number {
  let comments = 0;
  for (const cluster of clusters) comments += cluster.commentIds.length;
  return comments;
}

/** What the report's stats count of clusters, by family (the command line's threads count their blocks with it too). */
export interface ClusterTallies {
  proposalClusters: number;
  agreementComments: number;
  agreementClusters: number;
  questionClusters: number;
  singletons: number;
  /** The people stated by units behind the lines, summed over the clusters (stated figures only). */
  statedSupporters: number;
}

/** Adds one cluster to `tallies`. */
export function tallyCluster(tallies: ClusterTallies, cluster: Cluster): void {
  if (cluster.agreement) {
    tallies.agreementClusters++;
    tallies.agreementComments += cluster.commentIds.length;
  } else if (cluster.family === 'question') tallies.questionClusters++;
  else tallies.proposalClusters++;
  if (cluster.commentIds.length === 1 && !cluster.agreement) tallies.singletons++;
  tallies.statedSupporters += cluster.statedSupporters;
}

export function emptyTallies(): ClusterTallies {
  return { proposalClusters: 0, agreementComments: 0, agreementClusters: 0, questionClusters: 0, singletons: 0, statedSupporters: 0 };
}

export function computeStats(clusters: readonly Cluster[], options: ReportOptions = {}): ReportStats {
  const documents = new Set<string>();
  const blocks = new Set<string>();
  const tallies = emptyTallies();
  for (const cluster of clusters) {
    documents.add(cluster.documentId ?? '');
    blocks.add(blockKey(cluster));
    tallyCluster(tallies, cluster);
  }
  return reportStats({ comments: countComments(clusters), clusters: clusters.length, tallies, documents: documents.size, blocks: blocks.size }, options);
}

/** The report's stats from what was counted, keys always in this order (the report's JSON is compared byte for byte). */
export function reportStats(
  counted: { comments: number; clusters: number; tallies: ClusterTallies; documents: number; blocks: number },
  options: ReportOptions = {},
): ReportStats {
  const { proposalClusters, agreementComments, agreementClusters, questionClusters, singletons, statedSupporters } = counted.tallies;
  return {
    comments: counted.comments,
    clusters: counted.clusters,
    proposalClusters,
    agreementComments,
    agreementClusters,
    questionClusters,
    singletons,
    documents: counted.documents,
    blocks: counted.blocks,
    legacyConverted: options.legacyConverted ?? 0,
    rejectedLines: options.rejectedLines ?? 0,
    statedSupporters,
    ...(options.extraStats ?? {}),
  };
}

/**
 * The report as JSON text in pieces (one cluster per line), so that a report of a million
 * comments is written without building one huge string. Joined, the pieces parse as the report.
 */
export function* reportJsonChunks(report: Report): Generator<string> {
  yield `{"comments":${report.comments},"clusters":[`;
  for (let index = 0; index < report.clusters.length; index++) {
    yield `${index === 0 ? '\n' : ',\n'}${JSON.stringify(report.clusters[index])}`;
  }
  yield `\n],"stats":${JSON.stringify(report.stats)}}\n`;
}
