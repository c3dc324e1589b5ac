// A block's clusters as the synthesis worker stores them between revisions (block_clusterings),
// without what the block itself gives again: the member ids become positions in the block's list
// of comment ids, the key is the default one of the first member, the document and block are the
// row's, and the field names go. A revision after one submission stores every block it touched;
// this form is about 2.3× smaller than the clusters' JSON (about 175 KB instead of 400 KB for
// 1,200 comments, most of it the representative texts), and is made on the clustering thread.
import { defaultClusterKey } from './cluster-block';
import { COMMENT_KINDS, SOURCE_TYPES, type Cluster, type CommentFamily, type CommentKind, type SourceCounts } from './types';

const FAMILIES: readonly CommentFamily[] = ['agreement', 'proposal', 'question'];
/**
 * 3: with the stated supporters and the contributors. The clusterings stored before it (format 2,
 * and the clusters' JSON before that) lack them: they are stale, and their blocks are clustered again.
 */
const FORMAT = 3;

/**
 * [family, kind, representative's position, its text, units, supporters, members' positions,
 * comments per source, units per source, stated supporters, contributors, contributors per source]
 */
type StoredCluster = [number, number, number, string, number, number, number[], number[], number[], number, number, number[]];

interface StoredClustering {
  readonly format: typeof FORMAT;
  readonly clusters: StoredCluster[];
}

/** The block a stored clustering is read back for: its comment ids, in the order they were encoded against. */
export interface StoredBlock {
  readonly documentId?: string;
  readonly blockId: string;
  readonly commentIds: readonly string[];
}

function positionsIn(commentIds: readonly string[]): Map<string, number> {
  return new Map(commentIds.map((id, position) => [id, position]));
}

function countsBySource(counts: SourceCounts): number[] {
  return SOURCE_TYPES.map((sourceType) => counts[sourceType] ?? 0);
}

/**
 * The stored form of the clusters clusterBlock gave for the comments `commentIds` (in any
 * order, the same when read back). Refuses clusters that are not as clusterBlock makes them
 * (another key, a member outside the list, a representative overridden by hand), which this
 * form cannot hold.
 */
export function encodeBlockClustering(clusters: readonly Cluster[], commentIds: readonly string[]): string {
  const positions = positionsIn(commentIds);
  const positionOf = (id: string): number => {
    const position = positions.get(id);
    if (position === undefined) throw new RangeError(`comment ${id} is not one of the block's`);
    return position;
  };
  const stored = clusters.map((cluster): StoredCluster => {
    if (cluster.representativeOverridden || cluster.key !== defaultClusterKey(cluster.commentIds[0] ?? '')) {
      throw new RangeError(`cluster ${cluster.key} is not as clustering made it: it cannot be stored`);
    }
    return [
      FAMILIES.indexOf(cluster.family),
      COMMENT_KINDS.indexOf(cluster.kind),
      positionOf(cluster.representativeId),
      cluster.representative,
      cluster.units,
      cluster.supporters,
      cluster.commentIds.map(positionOf),
      countsBySource(cluster.bySource),
      countsBySource(cluster.unitsBySource),
      cluster.statedSupporters,
      cluster.contributors,
      countsBySource(cluster.contributorsBySource),
    ];
  });
  return JSON.stringify({ format: FORMAT, clusters: stored } satisfies StoredClustering);
}

function sourceCounts(counts: readonly number[]): SourceCounts {
  const result: SourceCounts = {};
  SOURCE_TYPES.forEach((sourceType, index) => {
    if (counts[index] > 0) result[sourceType] = counts[index];
  });
  return result;
}

/** A clustering stored by an earlier form (see FORMAT): its figures are not those clusterBlock gives now. */
export function isStaleBlockClustering(stored: unknown): boolean {
  if (Array.isArray(stored)) return true;
  const { format } = (stored ?? {}) as Partial<{ format: unknown }>;
  return typeof format === 'number' && format < FORMAT;
}

/**
 * The clusters of a stored clustering, exactly as clusterBlock gives them (field for field, in
 * the same order), given the block's comment ids; undefined for a stale one (isStaleBlockClustering),
 * whose block must be clustered again.
 */
export function decodeBlockClustering(stored: unknown, block: StoredBlock): Cluster[] | undefined {
  if (isStaleBlockClustering(stored)) return undefined;
  const { format, clusters } = stored as Partial<StoredClustering>;
  if (format !== FORMAT || !Array.isArray(clusters)) throw new RangeError(`a stored clustering of block ${block.blockId} has an unknown form`);
  const idAt = (position: number): string => {
    const id = block.commentIds[position];
    if (id === undefined) throw new RangeError(`a stored clustering of block ${block.blockId} names comment ${position} of ${block.commentIds.length}`);
    return id;
  };
  return clusters.map(([family, kind, representative, text, units, supporters, members, comments, unitsPerSource, statedSupporters, contributors, contributorsPerSource]): Cluster => {
    const commentIds = members.map(idAt);
    const bySource = sourceCounts(comments);
    return {
      key: defaultClusterKey(commentIds[0]),
      ...(block.documentId !== undefined ? { documentId: block.documentId } : {}),
      blockId: block.blockId,
      family: FAMILIES[family],
      agreement: FAMILIES[family] === 'agreement',
      kind: COMMENT_KINDS[kind] as CommentKind,
      representative: text,
      representativeId: idAt(representative),
      commentIds,
      units,
      supporters,
      bySource,
      unitsBySource: sourceCounts(unitsPerSource),
      statedSupporters,
      contributors,
      commentsBySource: bySource,
      contributorsBySource: sourceCounts(contributorsPerSource),
    };
  });
}
