// The drafters' manual corrections to a synthesis. They name comments and stable keys, never
// positions, so the same list can be replayed on the next revision; whatever no longer applies
// (a vanished comment or cluster) is skipped and reported, never guessed.
import { buildCluster, compareClusters, compareIds, defaultClusterKey, pickRepresentative } from './cluster-block';
import { uniqueKey } from './stable-keys';
import type { Cluster, CommentFamily, PreparedComment } from './types';

/** A cluster named by its stable key, or by any comment it contains. */
export type ClusterRef = { readonly key: string } | { readonly commentId: string };

export type Correction =
  /** Moves every comment of `source` into `target` (same block). */
  | { readonly type: 'merge'; readonly target: ClusterRef; readonly source: ClusterRef }
  /** Takes these comments out of their clusters into a new one (same block); `key` optional. */
  | { readonly type: 'split'; readonly commentIds: readonly string[]; readonly key?: string }
  /** Moves one comment into another cluster of the same block. */
  | { readonly type: 'move'; readonly commentId: string; readonly to: ClusterRef }
  /** Chooses the representative: a member (`commentId`) or the drafters' own wording (`text`). */
  | { readonly type: 'representative'; readonly target: ClusterRef; readonly commentId?: string; readonly text?: string };

export interface SkippedCorrection {
  readonly index: number;
  readonly correction: Correction;
  readonly reason: string;
}

export interface CorrectionResult {
  readonly clusters: Cluster[];
  /** Indexes (in the corrections list) of the corrections applied, fully or in part. */
  readonly applied: number[];
  /** Corrections skipped, or applied in part (a split naming some vanished comments), and why. */
  readonly skipped: SkippedCorrection[];
}

interface WorkingCluster {
  key: string;
  family: CommentFamily;
  block: string;
  members: Set<string>;
  changed: boolean;
  original: Cluster;
  representativeId?: string;
  representativeText?: string;
}

function blockOf(cluster: Pick<Cluster, 'documentId' | 'blockId'>): string {
  return `${cluster.documentId ?? ''}\u0000${cluster.blockId}`;
}

/**
 * Applies corrections in order to the clusters of one or more blocks. `comments` must hold the
 * prepared form of every comment in the clusters (counts and representatives are recomputed).
 */
export function applyCorrections(
  clusters: readonly Cluster[],
  corrections: readonly Correction[],
  comments: readonly PreparedComment[] | ReadonlyMap<string, PreparedComment>,
): CorrectionResult {
  const byId: ReadonlyMap<string, PreparedComment> =
    comments instanceof Map ? comments : new Map((comments as readonly PreparedComment[]).map((comment) => [comment.id, comment]));
  const working = new Map<string, WorkingCluster>();
  const clusterOfComment = new Map<string, WorkingCluster>();
  const blockOrder: string[] = [];
  for (const cluster of clusters) {
    const entry: WorkingCluster = {
      key: cluster.key,
      family: cluster.family,
      block: blockOf(cluster),
      members: new Set(cluster.commentIds),
      changed: false,
      original: cluster,
    };
    if (!blockOrder.includes(entry.block)) blockOrder.push(entry.block);
    working.set(cluster.key, entry);
    for (const id of cluster.commentIds) clusterOfComment.set(id, entry);
  }
  const usedKeys = new Set(working.keys());
  const applied: number[] = [];
  const skipped: SkippedCorrection[] = [];

  const resolve = (ref: ClusterRef): WorkingCluster | string => {
    if ('key' in ref) return working.get(ref.key) ?? `no cluster has key ${ref.key}`;
    return clusterOfComment.get(ref.commentId) ?? `comment ${ref.commentId} is no longer in the synthesis`;
  };
  const moveInto = (id: string, target: WorkingCluster): void => {
    const source = clusterOfComment.get(id);
    if (!source || source === target) return;
    source.members.delete(id);
    source.changed = true;
    if (source.members.size === 0) working.delete(source.key);
    target.members.add(id);
    target.changed = true;
    clusterOfComment.set(id, target);
  };

  corrections.forEach((correction, index) => {
    const skip = (reason: string): void => {
      skipped.push({ index, correction, reason });
    };
    switch (correction.type) {
      case 'merge': {
        const target = resolve(correction.target);
        const source = resolve(correction.source);
        if (typeof target === 'string') return skip(target);
        if (typeof source === 'string') return skip(source);
        if (target === source) return skip('both sides are already one cluster');
        if (target.block !== source.block) return skip('clusters of different blocks cannot be merged');
        for (const id of [...source.members]) moveInto(id, target);
        if (target.family !== source.family) target.family = 'proposal';
        applied.push(index);
        return;
      }
      case 'split': {
        const present = correction.commentIds.filter((id) => clusterOfComment.has(id));
        const vanished = correction.commentIds.filter((id) => !clusterOfComment.has(id));
        if (present.length === 0) return skip('none of its comments is still in the synthesis');
        const first = clusterOfComment.get([...present].sort(compareIds)[0]);
        if (!first) return skip('none of its comments is still in the synthesis');
        const sameBlock = present.filter((id) => clusterOfComment.get(id)?.block === first.block);
        const smallest = [...sameBlock].sort(compareIds)[0];
        const key = uniqueKey(correction.key ?? defaultClusterKey(smallest), usedKeys);
        const created: WorkingCluster = {
          key,
          family: first.family,
          block: first.block,
          members: new Set(),
          changed: true,
          original: first.original,
        };
        working.set(key, created);
        for (const id of sameBlock) moveInto(id, created);
        applied.push(index);
        const notes: string[] = [];
        if (vanished.length > 0) notes.push(`comments no longer in the synthesis: ${vanished.join(', ')}`);
        if (sameBlock.length < present.length) notes.push('comments of other blocks were left where they were');
        if (notes.length > 0) skip(`applied in part; ${notes.join('; ')}`);
        return;
      }
      case 'move': {
        const target = resolve(correction.to);
        if (typeof target === 'string') return skip(target);
        const source = clusterOfComment.get(correction.commentId);
        if (!source) return skip(`comment ${correction.commentId} is no longer in the synthesis`);
        if (source.block !== target.block) return skip('a comment can only move within its block');
        moveInto(correction.commentId, target);
        applied.push(index);
        return;
      }
      case 'representative': {
        const target = resolve(correction.target);
        if (typeof target === 'string') return skip(target);
        if (correction.commentId !== undefined) {
          if (!target.members.has(correction.commentId)) return skip(`comment ${correction.commentId} is not in that cluster`);
          target.representativeId = correction.commentId;
          target.representativeText = undefined;
        } else if (correction.text !== undefined && correction.text.trim() !== '') {
          target.representativeText = correction.text.normalize('NFC').trim();
          target.representativeId = undefined;
        } else return skip('a representative needs a member comment id or a text');
        applied.push(index);
        return;
      }
    }
  });

  const result: Cluster[] = [];
  for (const entry of working.values()) {
    if (entry.members.size === 0) continue;
    const members: PreparedComment[] = [];
    for (const id of entry.members) {
      const comment = byId.get(id);
      if (!comment) throw new RangeError(`applyCorrections: no prepared comment for id ${id}`);
      members.push(comment);
    }
    const manualMember = entry.representativeId !== undefined ? byId.get(entry.representativeId) : undefined;
    const keepOriginal = !entry.changed && entry.original.key === entry.key;
    let representative: PreparedComment;
    if (manualMember) representative = manualMember;
    else if (keepOriginal) representative = byId.get(entry.original.representativeId) ?? pickRepresentative(members);
    else representative = pickRepresentative(members);
    const rebuilt = buildCluster(members, entry.family, representative);
    const cluster: Cluster = { ...rebuilt, key: entry.key };
    if (entry.representativeText !== undefined) {
      cluster.representative = entry.representativeText;
      cluster.representativeOverridden = true;
    } else if (manualMember) cluster.representativeOverridden = true;
    result.push(cluster);
  }
  result.sort((a, b) => blockOrder.indexOf(blockOf(a)) - blockOrder.indexOf(blockOf(b)) || compareClusters(a, b));
  return { clusters: result, applied, skipped };
}
