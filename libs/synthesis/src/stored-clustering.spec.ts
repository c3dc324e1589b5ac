import { clusterBlock, defaultClusterKey } from './cluster-block';
import { mulberry32 } from './hash';
import { prepareComment } from './prepare';
import { decodeBlockClustering, encodeBlockClustering, isStaleBlockClustering } from './stored-clustering';
import { loadFixture } from '../test/support';
import type { Cluster, CommentInput } from './types';

const fixture = loadFixture();

function blocks(): { documentId?: string; blockId: string; comments: CommentInput[] }[] {
  const byBlock = new Map<string, CommentInput[]>();
  for (const comment of fixture) {
    const key = `${comment.documentId ?? ''}/${comment.blockId}`;
    byBlock.set(key, [...(byBlock.get(key) ?? []), comment]);
  }
  return [...byBlock.values()].map((comments) => ({ documentId: comments[0].documentId, blockId: comments[0].blockId, comments }));
}

describe('a block clustering as it is stored between revisions', () => {
  it('reads back exactly the clusters clusterBlock gave, field for field and in the same order', () => {
    for (const { documentId, blockId, comments } of blocks()) {
      const clusters = clusterBlock(comments.map(prepareComment));
      const commentIds = comments.map((comment) => comment.id).sort();
      const stored = encodeBlockClustering(clusters, commentIds);
      const decoded = decodeBlockClustering(JSON.parse(stored), { documentId, blockId, commentIds });
      expect(JSON.stringify(decoded)).toBe(JSON.stringify(clusters));
      expect(decoded).toEqual(clusters);
      // smaller than the clusters' JSON it replaces
      expect(stored.length).toBeLessThan(JSON.stringify(clusters).length);
    }
  });

  it('works with the ids in any order, the same when read back', () => {
    const { documentId, blockId, comments } = blocks().sort((a, b) => b.comments.length - a.comments.length)[0];
    const clusters = clusterBlock(comments.map(prepareComment));
    const random = mulberry32(7);
    const shuffled = comments.map((comment) => comment.id);
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [shuffled[index], shuffled[other]] = [shuffled[other], shuffled[index]];
    }
    const stored = JSON.parse(encodeBlockClustering(clusters, shuffled)) as unknown;
    expect(decodeBlockClustering(stored, { documentId, blockId, commentIds: shuffled })).toEqual(clusters);
  });

  it('reads a clustering stored in an earlier form (the clusters themselves; format 2, without the stated supporters and contributors) as stale', () => {
    const { documentId, blockId, comments } = blocks()[0];
    const clusters = clusterBlock(comments.map(prepareComment));
    const commentIds = comments.map((comment) => comment.id);
    expect(decodeBlockClustering(JSON.parse(JSON.stringify(clusters)), { documentId, blockId, commentIds: [] })).toBeUndefined();
    const current = JSON.parse(encodeBlockClustering(clusters, commentIds)) as { format: number; clusters: unknown[][] };
    const formatTwo = { format: 2, clusters: current.clusters.map((cluster) => cluster.slice(0, 9)) };
    expect(isStaleBlockClustering(formatTwo)).toBe(true);
    expect(decodeBlockClustering(formatTwo, { documentId, blockId, commentIds })).toBeUndefined();
    expect(isStaleBlockClustering(current)).toBe(false);
  });

  it('refuses clusters it cannot hold, and stored forms it does not know', () => {
    const { documentId, blockId, comments } = blocks()[0];
    const clusters = clusterBlock(comments.map(prepareComment));
    const commentIds = comments.map((comment) => comment.id);
    const [first] = clusters;
    const changed = (cluster: Cluster): Cluster[] => [cluster, ...clusters.slice(1)];
    expect(() => encodeBlockClustering(changed({ ...first, key: 'kept-from-an-earlier-revision' }), commentIds)).toThrow(
      'cluster kept-from-an-earlier-revision is not as clustering made it: it cannot be stored',
    );
    expect(() => encodeBlockClustering(changed({ ...first, representativeOverridden: true }), commentIds)).toThrow(/cannot be stored/);
    expect(() => encodeBlockClustering(changed({ ...first, commentIds: ['elsewhere'], key: defaultClusterKey('elsewhere') }), commentIds)).toThrow(
      "comment elsewhere is not one of the block's",
    );
    const stored = JSON.parse(encodeBlockClustering(clusters, commentIds)) as unknown;
    expect(() => decodeBlockClustering(stored, { documentId, blockId, commentIds: commentIds.slice(0, 1) })).toThrow(
      new RegExp(`a stored clustering of block ${blockId} names comment \\d+ of 1`),
    );
    expect(() => decodeBlockClustering({ format: 4, clusters: [] }, { documentId, blockId, commentIds })).toThrow(`a stored clustering of block ${blockId} has an unknown form`);
  });
});
