import { clusterBlock } from './cluster-block';
import { mulberry32 } from './hash';
import { prepareComment } from './prepare';
import { pairIdenticalSets, stableClusterKeys, withStableKeys } from './stable-keys';
import { loadFixture } from '../test/support';

describe('stableClusterKeys', () => {
  it('keeps the key of the previous cluster a new one overlaps most', () => {
    const previous = [
      { key: 'alpha', commentIds: ['a', 'b', 'c'] },
      { key: 'beta', commentIds: ['d', 'e'] },
      { key: 'gamma', commentIds: ['f'] },
    ];
    const next = [{ commentIds: ['a', 'b', 'd'] }, { commentIds: ['c', 'e', 'x'] }, { commentIds: ['y'] }];
    const keys = stableClusterKeys(previous, next);
    expect(keys[0]).toBe('alpha');
    expect(keys[1]).toBe('beta');
    expect(keys[2]).toMatch(/^k[0-9a-f]{16}$/);
    expect(keys).not.toContain('gamma');
  });

  it('gives each previous key to one cluster only, and is deterministic', () => {
    const previous = [{ key: 'alpha', commentIds: ['a', 'b', 'c', 'd'] }];
    const next = [{ commentIds: ['c', 'd'] }, { commentIds: ['a', 'b'] }];
    const keys = stableClusterKeys(previous, next);
    // equal overlap: the cluster with the smaller first id wins
    expect(keys[1]).toBe('alpha');
    expect(keys[0]).not.toBe('alpha');
    expect(stableClusterKeys(previous, [...next].reverse())).toEqual([...keys].reverse());
  });

  it('carries keys across a revision that adds comments', () => {
    const fixture = loadFixture();
    const first = clusterBlock(fixture.slice(20).map(prepareComment));
    const second = withStableKeys(first, clusterBlock(fixture.map(prepareComment)));
    const previousKeyOf = new Map(first.flatMap((cluster) => cluster.commentIds.map((id) => [id, cluster.key] as const)));
    let kept = 0;
    for (const cluster of second) {
      const earlier = cluster.commentIds.map((id) => previousKeyOf.get(id)).filter((key) => key !== undefined);
      if (earlier.length > 0 && earlier.every((key) => key === earlier[0])) {
        expect(cluster.key).toBe(earlier[0]);
        kept++;
      }
    }
    expect(kept).toBeGreaterThan(first.length * 0.9);
    expect(new Set(second.map((cluster) => cluster.key)).size).toBe(second.length);
  });
});

describe('pairIdenticalSets', () => {
  /** Any injective function of the member set does for the property: here, its ids joined. */
  const digest = (ids: readonly string[]): string => [...ids].sort().join(',');

  it('followed by stableClusterKeys of the rest, gives exactly the keys of stableClusterKeys on everything', () => {
    // random partitions of 60 comments, the second a revision of the first: some clusters kept,
    // some split, merged or grown by new comments
    const random = mulberry32(7);
    for (let trial = 0; trial < 200; trial++) {
      const ids = Array.from({ length: 60 }, (_, index) => `c${String(index).padStart(3, '0')}`);
      const partition = (pool: string[], groups: number): string[][] => {
        const clusters: string[][] = Array.from({ length: groups }, () => []);
        for (const id of pool) clusters[Math.floor(random() * groups)].push(id);
        return clusters.filter((cluster) => cluster.length > 0).map((cluster) => cluster.sort());
      };
      const previous = partition(ids.slice(0, 50), 20).map((commentIds, index) => ({ key: `p${index}`, commentIds }));
      const kept = previous.filter(() => random() < 0.6).map((cluster) => cluster.commentIds);
      const keptIds = new Set(kept.flat());
      const next = [...kept, ...partition(ids.filter((id) => !keptIds.has(id)), 15)].map((commentIds) => ({ commentIds }));

      const expected = stableClusterKeys(previous, next);
      const { keys, unpairedNext, unpairedPrevious } = pairIdenticalSets(
        previous.map((cluster) => ({ key: cluster.key, digest: digest(cluster.commentIds) })),
        next.map((cluster) => digest(cluster.commentIds)),
      );
      const rest = stableClusterKeys(
        unpairedPrevious.map((index) => previous[index]),
        unpairedNext.map((index) => next[index]),
        previous.map((cluster) => cluster.key),
      );
      unpairedNext.forEach((index, position) => (keys[index] = rest[position]));
      expect(keys).toEqual(expected);
    }
  });
});
