import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';
import { stableClusterKeys, withStableKeys } from './stable-keys';
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
