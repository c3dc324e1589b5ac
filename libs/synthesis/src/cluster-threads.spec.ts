import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clusterBlock } from './cluster-block';
import { ClusterThreads, ResidentBlocks, clusterPreparedJson, preparedJson, type ClusteredJson } from './cluster-threads';
import { prepareComment } from './prepare';
import { encodeBlockClustering } from './stored-clustering';
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
  it('gives what clusterBlock gives on the prepared comments, and their stored form', () => {
    for (const block of byBlock(fixture)) {
      const expected = clusterBlock(block.map(prepareComment));
      const { clusters, stored } = clusterPreparedJson(preparedJson(block));
      expect(clusters).toEqual(expected);
      expect(stored).toBe(encodeBlockClustering(expected, block.map((comment) => comment.id)));
    }
  });

  describe('from the forms a thread holds (ResidentBlocks)', () => {
    const block = (): string[] => preparedJson(byBlock(fixture).sort((a, b) => b.length - a.length)[0]);
    const idOf = (form: string): string => (JSON.parse(form) as { id: string }).id;

    it('clusters as clusterPreparedJson does, sent the whole block once and then only what is new', () => {
      const forms = block();
      const ids = forms.map(idOf);
      const resident = new ResidentBlocks();
      const half = Math.floor(forms.length / 2);
      const first = resident.cluster({ block: 'r/b', ids: ids.slice(0, half), newIds: ids.slice(0, half), newForms: forms.slice(0, half) });
      expect(first).toEqual(clusterPreparedJson(forms.slice(0, half)));
      const second = resident.cluster({ block: 'r/b', ids, newIds: ids.slice(half), newForms: forms.slice(half) });
      expect(second).toEqual(clusterPreparedJson(forms));
      expect(resident.size).toBe(forms.length);
    });

    it('names the comments whose forms it lacks, clusters nothing then, and drops the forms of comments gone from the block', () => {
      const forms = block();
      const ids = forms.map(idOf);
      const resident = new ResidentBlocks();
      expect(resident.cluster({ block: 'r/b', ids, newIds: ids.slice(2), newForms: forms.slice(2) })).toEqual({ missing: ids.slice(0, 2) });
      // (the forms sent are kept: the caller sends only those it was told are missing)
      expect(resident.cluster({ block: 'r/b', ids, newIds: ids.slice(0, 2), newForms: forms.slice(0, 2) })).toEqual(clusterPreparedJson(forms));
      // a unit withdrew: the block has fewer comments, and the thread holds fewer forms
      expect(resident.cluster({ block: 'r/b', ids: ids.slice(5), newIds: [], newForms: [] })).toEqual(clusterPreparedJson(forms.slice(5)));
      expect(resident.size).toBe(forms.length - 5);
      // the same block of another round is another block
      expect(resident.cluster({ block: 'other/b', ids: ids.slice(5), newIds: [], newForms: [] })).toEqual({ missing: ids.slice(5) });
      resident.forget(['r/b', 'other/b']);
      expect(resident.size).toBe(0);
    });

    it('refuses a form sent under another comment id', () => {
      const forms = block();
      const ids = forms.map(idOf);
      expect(() => new ResidentBlocks().cluster({ block: 'r/b', ids: ids.slice(0, 2), newIds: [ids[0], ids[1]], newForms: [forms[1], forms[0]] })).toThrow(
        `the prepared form sent for comment ${ids[0]} is that of ${ids[1]}`,
      );
    });
  });

  it('has no threads to start from the TypeScript sources: the caller works on its own thread', () => {
    expect(ClusterThreads.start(2)).toBeUndefined();
    expect(ClusterThreads.start(0)).toBeUndefined();
  });

  // The threads run the compiled library (npm test builds dist/ before it runs Jest).
  describe('on worker threads (the compiled library in dist/)', () => {
    const compiled = join(__dirname, '..', '..', '..', 'dist', 'libs', 'synthesis', 'src', 'cluster-threads.js');
    /** A whole block sent to the thread that will hold it (its ids read from the forms; a form that is not JSON gets an id of its own). */
    const clusterOn = (threads: ClusterThreads, block: string, forms: readonly string[]): Promise<ClusteredJson> => {
      const ids = forms.map((form, index) => {
        try {
          return (JSON.parse(form) as { id: string }).id;
        } catch {
          return `unreadable-${index}`;
        }
      });
      return threads.clusterResident(block, ids, async (asked) => asked.map((id) => forms[ids.indexOf(id)]));
    };
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
        const clustered = await Promise.all(prepared.map((block, index) => clusterOn(threads, `r/${index}`, block)));
        expect(clustered).toEqual(prepared.map(clusterPreparedJson));
      } finally {
        await threads.close();
      }
    });

    it('sends a block held by a thread only its new forms, to that thread; drops the least recently clustered beyond the budget', async () => {
      const threads = load().ClusterThreads.start(2, { residentMegabytes: 64 });
      if (!threads) throw new Error('no threads started');
      try {
        const blocks = byBlock(fixture).map(preparedJson);
        const formsById = new Map(blocks.flat().map((form) => [(JSON.parse(form) as { id: string }).id, form]));
        const asked: string[][] = [];
        const formsOf = async (ids: readonly string[]): Promise<string[]> => {
          asked.push([...ids]);
          return ids.map((id) => formsById.get(id) ?? '');
        };
        const idsOf = (forms: readonly string[]): string[] => forms.map((form) => (JSON.parse(form) as { id: string }).id);
        // every block, all at once: each sent whole, to one thread or the other
        const first = await Promise.all(blocks.map((forms, index) => threads.clusterResident(`r/${index}`, idsOf(forms), formsOf)));
        expect(first).toEqual(blocks.map(clusterPreparedJson));
        expect(asked.flat().sort()).toEqual([...formsById.keys()].sort());
        expect(threads.residentComments).toBe(formsById.size);
        // again, with a comment less in the largest block: nothing is sent
        asked.length = 0;
        const largest = blocks.reduce((best, forms, index) => (forms.length > blocks[best].length ? index : best), 0);
        const fewer = blocks[largest].slice(1);
        expect(await threads.clusterResident(`r/${largest}`, idsOf(fewer), formsOf)).toEqual(clusterPreparedJson(fewer));
        expect(asked.flat()).toEqual([]);
        // and back: only the comment it no longer holds is sent
        expect(await threads.clusterResident(`r/${largest}`, idsOf(blocks[largest]), formsOf)).toEqual(clusterPreparedJson(blocks[largest]));
        expect(asked.flat()).toEqual(idsOf(blocks[largest]).slice(0, 1));
      } finally {
        await threads.close();
      }
      // a budget of nothing keeps nothing: every call sends the whole block
      const forgetful = load().ClusterThreads.start(1, { residentMegabytes: 0 });
      if (!forgetful) throw new Error('no threads started');
      try {
        const forms = preparedJson(byBlock(fixture)[0]);
        const ids = forms.map((form) => (JSON.parse(form) as { id: string }).id);
        let sent = 0;
        const formsOf = async (asked: readonly string[]): Promise<string[]> => {
          sent += asked.length;
          return asked.map((id) => forms[ids.indexOf(id)]);
        };
        await forgetful.clusterResident('r/0', ids, formsOf);
        expect(forgetful.residentComments).toBe(0);
        expect(await forgetful.clusterResident('r/0', ids, formsOf)).toEqual(clusterPreparedJson(forms));
        expect(sent).toBe(2 * ids.length);
      } finally {
        await forgetful.close();
      }
    });

    it('rejects a task the thread cannot do and goes on with the next; rejects every task once closed', async () => {
      const threads = load().ClusterThreads.start(1);
      if (!threads) throw new Error('no threads started');
      try {
        await expect(clusterOn(threads, 'r/bad', ['{"not json'])).rejects.toThrow(/clustering thread: .*JSON/);
        const good = preparedJson(byBlock(fixture)[0]);
        expect(await clusterOn(threads, 'r/good', good)).toEqual(clusterPreparedJson(good));
      } finally {
        await threads.close();
      }
      expect(threads.failed).toBe(true);
      await expect(clusterOn(threads, 'r/good', [])).rejects.toThrow('clustering threads closed');
    });
  });
});
