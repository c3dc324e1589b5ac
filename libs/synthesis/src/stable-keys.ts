// Keys that survive a new revision of the synthesis, so that the drafters' dispositions (keyed by
// cluster key) follow the comments they were given to.
import { compareIds, defaultClusterKey } from './cluster-block';
import type { Cluster } from './types';

export interface KeyedClusterMembers {
  readonly key: string;
  readonly commentIds: readonly string[];
}

/**
 * The key of each next cluster, aligned with `next`. Pairs (next, previous) are taken greedily by
 * the number of shared comments (ties: previous key, then the next cluster's smallest id), each
 * previous key at most once. A cluster that takes no previous key gets one derived from its
 * smallest comment id, never one of the previous keys (a vanished cluster's disposition must
 * not jump to an unrelated newcomer).
 */
export function stableClusterKeys(
  previous: readonly KeyedClusterMembers[],
  next: ReadonlyArray<Pick<Cluster, 'commentIds'>>,
  /** Keys no new cluster may take besides those of `previous` (see pairIdenticalSets). */
  reserved: Iterable<string> = [],
): string[] {
  const previousOf = new Map<string, number>();
  previous.forEach((cluster, index) => cluster.commentIds.forEach((id) => previousOf.set(id, index)));
  const smallest = next.map((cluster) => cluster.commentIds.reduce((min, id) => (compareIds(id, min) < 0 ? id : min), cluster.commentIds[0] ?? ''));
  const overlaps: Array<{ count: number; next: number; previous: number }> = [];
  next.forEach((cluster, nextIndex) => {
    const counts = new Map<number, number>();
    for (const id of cluster.commentIds) {
      const previousIndex = previousOf.get(id);
      if (previousIndex !== undefined) counts.set(previousIndex, (counts.get(previousIndex) ?? 0) + 1);
    }
    for (const [previousIndex, count] of counts) overlaps.push({ count, next: nextIndex, previous: previousIndex });
  });
  overlaps.sort(
    (a, b) =>
      b.count - a.count ||
      compareIds(previous[a.previous].key, previous[b.previous].key) ||
      compareIds(smallest[a.next], smallest[b.next]),
  );
  const keys = new Array<string | undefined>(next.length);
  const takenPrevious = new Set<number>();
  const used = new Set<string>([...previous.map((cluster) => cluster.key), ...reserved]);
  for (const overlap of overlaps) {
    if (keys[overlap.next] !== undefined || takenPrevious.has(overlap.previous)) continue;
    keys[overlap.next] = previous[overlap.previous].key;
    takenPrevious.add(overlap.previous);
  }
  const fresh = next.map((_, index) => index).filter((index) => keys[index] === undefined);
  fresh.sort((a, b) => compareIds(smallest[a], smallest[b]));
  for (const index of fresh) {
    keys[index] = uniqueKey(defaultClusterKey(smallest[index]), used);
  }
  return keys.map((key) => key ?? '');
}

/**
 * The first step of stableClusterKeys when the previous clusters are known by a digest of their
 * members (any function of the member set) and only some of them by their members: a next
 * cluster with the same members as a previous one takes its key. In stableClusterKeys such a pair
 * shares comments with no other cluster on either side, so it always pairs with itself and its
 * removal changes no other pairing. The rest is stableClusterKeys of the clusters left
 * (`unpairedNext`, `unpairedPrevious`), with every previous key reserved.
 */
export function pairIdenticalSets(
  previous: ReadonlyArray<{ readonly key: string; readonly digest: string }>,
  nextDigests: readonly string[],
): { keys: Array<string | undefined>; unpairedNext: number[]; unpairedPrevious: number[] } {
  const previousByDigest = new Map(previous.map((cluster, index) => [cluster.digest, index]));
  const paired = new Set<number>();
  const keys = nextDigests.map((digest) => {
    const index = previousByDigest.get(digest);
    if (index === undefined || paired.has(index)) return undefined;
    paired.add(index);
    return previous[index].key;
  });
  return {
    keys,
    unpairedNext: keys.flatMap((key, index) => (key === undefined ? [index] : [])),
    unpairedPrevious: previous.flatMap((_, index) => (paired.has(index) ? [] : [index])),
  };
}

/** A key not yet in `used` (the base, else base-2, base-3 …), recorded as used. */
export function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let suffix = 2; used.has(key); suffix++) key = `${base}-${suffix}`;
  used.add(key);
  return key;
}

/** The clusters with the keys of stableClusterKeys. */
export function withStableKeys(previous: readonly KeyedClusterMembers[], next: readonly Cluster[]): Cluster[] {
  const keys = stableClusterKeys(previous, next);
  return next.map((cluster, index) => ({ ...cluster, key: keys[index] }));
}
