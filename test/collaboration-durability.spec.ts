import * as Y from 'yjs';
import { connectClient, typeInto, waitUntil, type CollabClient } from './support/collab-client';
import {
  contentBlockText,
  createDocument,
  fetchDocument,
  isSubsequence,
  killHard,
  mergedTexts,
  missingStructs,
  recordSyncedMoments,
  seedAndLoginDrafter,
  sleep,
  spawnEditor,
  textsOf,
  type Drafter,
  type EditorProcess,
} from './support/editor-process';
import { stopAllApps } from './support/processes';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// kill -9 loses nothing acknowledged. The built editor runs as a process of its own; real
// Hocuspocus providers type into it; the process is killed with SIGKILL (no shutdown hook, no
// flush) and started again on the same database. Every edit a client was told is saved (its
// provider's unsynced count fell to zero) must be in the restarted editor's document.

jest.setTimeout(90_000);

/** One keystroke: `character` appended to the block's text, in a transaction of its own. */
function keystroke(client: CollabClient, blockId: string, character: string): void {
  typeInto(client.ydoc, blockId, Number.MAX_SAFE_INTEGER, character);
}

describe('kill -9 of the editor loses nothing acknowledged', () => {
  let database: TestDatabase;
  let drafter: Drafter;
  let document: { id: string; paragraphs: string[] };
  let blocks: string[];
  let editor: EditorProcess;
  const clients: CollabClient[] = [];

  const connect = async (target: EditorProcess): Promise<CollabClient> => {
    const client = await connectClient(target.url, document.id, drafter.token);
    clients.push(client);
    return client;
  };

  const closeClients = (): void => clients.splice(0).forEach((client) => client.close());

  beforeAll(async () => {
    database = await createTestDatabase();
    // the seed (with a login through feedback) and the first editor's start go together
    [drafter, editor] = await Promise.all([seedAndLoginDrafter(database), spawnEditor(database)]);
    document = await createDocument(editor.url, drafter, 'Báo cáo chính trị (kill -9)');
    blocks = document.paragraphs.slice(0, 2);
  });

  afterAll(async () => {
    closeClients();
    await stopAllApps(5000);
    await database?.drop();
  });

  it('after 200 concurrent keystrokes all acknowledged, SIGKILL and a restart keep every one of them (Yjs and GET /api/documents/:id)', async () => {
    const [a, b] = await Promise.all([connect(editor), connect(editor)]);
    const before = textsOf(a.ydoc, blocks);
    const perClient = 100;
    const burst = 5;
    // two typists at once, in bursts of keystrokes with short pauses, alternating paragraphs
    const typist = async (client: CollabClient, alphabet: string, seed: number): Promise<void> => {
      for (let index = 0; index < perClient; index += 1) {
        keystroke(client, blocks[Math.floor(index / burst) % 2], alphabet[index % alphabet.length]);
        if (index % burst === burst - 1) await sleep((seed * 7 + index) % 13);
      }
    };
    await Promise.all([typist(a, 'abcdefghij', 1), typist(b, 'ABCDEFGHIJ', 2)]);
    await waitUntil(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 20_000, 'both clients to report every change saved');

    // the moment both report synced: what each has, then kill at once (same tick)
    const atSync = { a: textsOf(a.ydoc, blocks), b: textsOf(b.ydoc, blocks) };
    const states = [Y.encodeStateAsUpdate(a.ydoc), Y.encodeStateAsUpdate(b.ydoc)];
    const killedBy = await killHard(editor);
    expect(killedBy).toBe('SIGKILL');
    closeClients();

    // what the server must hold: the union of both clients' states (each has its own 100
    // keystrokes, acknowledged, and whatever of the other's it had received)
    const expected = mergedTexts(states, blocks);
    const typedCharacters = expected.join('').length - before.join('').length;
    expect(typedCharacters).toBe(2 * perClient);

    editor = await spawnEditor(database);
    const fresh = await connect(editor);
    const restarted = textsOf(fresh.ydoc, blocks);
    expect(restarted).toEqual(expected);
    for (const [name, texts] of Object.entries(atSync)) {
      texts.forEach((text, index) => expect({ client: name, block: index, contained: isSubsequence(text, restarted[index]) }).toEqual({ client: name, block: index, contained: true }));
    }
    // every keystroke of each typist is there, by count of its alphabet
    expect(restarted.join('').replace(/[^a-j]/g, '').length - before.join('').replace(/[^a-j]/g, '').length).toBe(perClient);
    expect(restarted.join('').replace(/[^A-J]/g, '').length - before.join('').replace(/[^A-J]/g, '').length).toBe(perClient);

    const stored = await fetchDocument(editor.url, drafter, document.id);
    expect(blocks.map((blockId) => contentBlockText(stored.content, blockId))).toEqual(expected);
    closeClients();
  });

  it('killed while both clients keep typing: the state of each at its last "nothing unsynced" moment is in the restarted editor', async () => {
    const [a, b] = await Promise.all([connect(editor), connect(editor)]);
    const before = textsOf(a.ydoc, blocks);
    const typed = { a: 0, b: 0 };
    const moments = { a: recordSyncedMoments(a, blocks, () => typed.a), b: recordSyncedMoments(b, blocks, () => typed.b) };
    let typing = true;
    const maxKeystrokes = 1500;
    const typist = async (client: CollabClient, name: 'a' | 'b', alphabet: string): Promise<void> => {
      const started = Date.now();
      while (typing && typed[name] < maxKeystrokes && Date.now() - started < 20_000) {
        // one to three keystrokes, a pause of 8–32 ms (a fast typist), now and then a longer one
        const count = 1 + (typed[name] % 3);
        for (let index = 0; index < count; index += 1) {
          keystroke(client, blocks[typed[name] % 2], alphabet[typed[name] % alphabet.length]);
          typed[name] += 1;
        }
        await sleep(typed[name] % 25 < count ? 120 : 8 + (typed[name] % 5) * 6);
      }
    };
    const typists = Promise.all([typist(a, 'a', 'klmnopqrst'), typist(b, 'b', 'KLMNOPQRST')]);

    // let a good number of edits be acknowledged, then kill in the middle of the typing
    await waitUntil(() => (moments.a.last()?.typed ?? 0) >= 60 && (moments.b.last()?.typed ?? 0) >= 60, 20_000, 'both typists to have 60 keystrokes acknowledged');
    await sleep(300);
    // kill mid-burst: both have edits in flight (sent, not yet acknowledged)
    await waitUntil(() => a.provider.hasUnsyncedChanges && b.provider.hasUnsyncedChanges, 5_000, 'both typists to have edits in flight');
    expect(typing).toBe(true);
    const killedBy = await killHard(editor);
    expect(killedBy).toBe('SIGKILL');
    // typing goes on against the dead server for a moment: none of that can be acknowledged
    await sleep(300);
    typing = false;
    await typists;
    // acknowledgements the kernel had delivered before the kill are still read: let them in
    await sleep(200);
    const last = { a: moments.a.last(), b: moments.b.last() };
    const unacknowledgedAtEnd = { a: a.provider.hasUnsyncedChanges, b: b.provider.hasUnsyncedChanges };
    closeClients();
    expect(unacknowledgedAtEnd).toEqual({ a: true, b: true });

    editor = await spawnEditor(database);
    const fresh = await connect(editor);
    const restarted = textsOf(fresh.ydoc, blocks);
    const restartedVector = Y.decodeStateVector(Y.encodeStateVector(fresh.ydoc));
    for (const name of ['a', 'b'] as const) {
      const moment = last[name];
      if (!moment) throw new Error(`client ${name} never reported everything saved`);
      // every struct the client had then (its own acknowledged keystrokes and what it had received) is stored
      expect({ client: name, missing: missingStructs(restartedVector, moment.stateVector) }).toEqual({ client: name, missing: {} });
      moment.texts.forEach((text, index) =>
        expect({ client: name, block: index, contained: isSubsequence(text, restarted[index]) }).toEqual({ client: name, block: index, contained: true }),
      );
    }
    // each typist's acknowledged keystrokes, counted by its alphabet, are all there
    const countOf = (texts: string[], pattern: RegExp): number => texts.join('').replace(pattern, '').length - before.join('').replace(pattern, '').length;
    expect(countOf(restarted, /[^k-t]/g)).toBeGreaterThanOrEqual(last.a?.typed ?? Infinity);
    expect(countOf(restarted, /[^K-T]/g)).toBeGreaterThanOrEqual(last.b?.typed ?? Infinity);
    // and nothing more than was typed
    expect(countOf(restarted, /[^k-t]/g)).toBeLessThanOrEqual(typed.a);
    expect(countOf(restarted, /[^K-T]/g)).toBeLessThanOrEqual(typed.b);

    const stored = await fetchDocument(editor.url, drafter, document.id);
    expect(blocks.map((blockId) => contentBlockText(stored.content, blockId))).toEqual(restarted);
    closeClients();
  });
});
