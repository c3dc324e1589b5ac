import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clusterBlock } from './cluster-block';
import { ClusterThreads, clusterPreparedJson, preparedJson } from './cluster-threads';
import { prepareComment } from './prepare';
import { loadFixture } from '../test/support';
import type { CommentInput } from './types';

const fixture = loadFixture();

function byBlock(comments: readonly CommentInput[]): CommentInput[][] {
  const blocks = new Map<string, CommentInput[]>();
  for (const comment of comments) {
    const key = `${comment.documentId ?? ''}/${comment.blockId}`;
    blocks.set(key, [...(blocks.get(key) ?? []), comment]);
  }
  return [...blocks.values()];
}

describe('clustering from stored prepared forms', () => {
  it('gives what clusterBlock gives on the prepared comments, and their JSON', () => {
    for (const block of byBlock(fixture)) {
      const expected = clusterBlock(block.map(prepareComment));
      const { clusters, json } = clusterPreparedJson(preparedJson(block));
      expect(clusters).toEqual(expected);
      expect(json).toBe(JSON.stringify(expected));
    }
  });

  it('has no threads to start from the TypeScript sources: the caller works on its own thread', () => {
    expect(ClusterThreads.start(2)).toBeUndefined();
    expect(ClusterThreads.start(0)).toBeUndefined();
  });

  // The threads run the compiled library (npm test builds dist/ before it runs Jest).
  describe('on worker threads (the compiled library in dist/)', () => {
    const compiled = join(__dirname, '..', '..', '..', 'dist', 'libs', 'synthesis', 'src', 'cluster-threads.js');
    const load = (): typeof import('./cluster-threads') => {
      if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build (npm test does)`);
      return require(compiled) as typeof import('./cluster-threads');
    };

    it('prepares and clusters every block exactly as the calling thread does, whichever thread takes it', async () => {
      const threads = load().ClusterThreads.start(2);
      if (!threads) throw new Error('no threads started');
      try {
        const blocks = byBlock(fixture);
        const prepared = await Promise.all(blocks.map((block) => threads.prepare(block)));
        expect(prepared).toEqual(blocks.map(preparedJson));
        const clustered = await Promise.all(prepared.map((block) => threads.cluster(block)));
        expect(clustered).toEqual(prepared.map(clusterPreparedJson));
      } finally {
        await threads.close();
      }
    });

    it('rejects a task the thread cannot do and goes on with the next; rejects every task once closed', async () => {
      const threads = load().ClusterThreads.start(1);
      if (!threads) throw new Error('no threads started');
      try {
        await expect(threads.cluster(['{"not json'])).rejects.toThrow(/clustering thread: .*JSON/);
        const good = preparedJson(byBlock(fixture)[0]);
        expect(await threads.cluster(good)).toEqual(clusterPreparedJson(good));
      } finally {
        await threads.close();
      }
      await expect(threads.cluster([])).rejects.toThrow('clustering threads closed');
    });
  });
});
