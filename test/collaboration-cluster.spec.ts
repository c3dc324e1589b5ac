import { blockText, connectClient, typeInto, waitUntil, type CollabClient } from './support/collab-client';
import {
  contentBlockText,
  createDocument,
  fetchDocument,
  seedAndLoginDrafter,
  isSubsequence,
  sleep,
  spawnEditor,
  textsOf,
  type Drafter,
  type EditorProcess,
} from './support/editor-process';
import { stopAllApps } from './support/processes';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// Two built editor processes on one PostgreSQL and one Redis (the Hocuspocus Redis extension
// links them): clients on different editors see each other's edits within seconds, late
// clients on either get the merged state, and when one editor stops the other keeps working
// and storing.

jest.setTimeout(90_000);

/** How long an edit may take to cross from one editor to the other. */
const propagationMs = 5_000;

describe('two editor processes with one Redis stay in sync', () => {
  let database: TestDatabase;
  let drafter: Drafter;
  let first: EditorProcess;
  let second: EditorProcess;
  let document: { id: string; paragraphs: string[] };
  let blocks: string[];
  const clients: CollabClient[] = [];

  const connect = async (editor: EditorProcess): Promise<CollabClient> => {
    const client = await connectClient(editor.url, document.id, drafter.token);
    clients.push(client);
    return client;
  };

  const describeEditors = (): string => [first, second].filter(Boolean).map((editor) => editor.describe()).join('\n');

  /** Waits until `client` shows `text` in the block; returns how long it took. */
  const seen = async (client: CollabClient, blockId: string, text: string, what: string): Promise<number> => {
    const started = Date.now();
    await waitUntil(() => blockText(client.ydoc, blockId).includes(text), propagationMs, what).catch((error: Error) => {
      throw new Error(`${error.message}\n${describeEditors()}`);
    });
    return Date.now() - started;
  };

  let a: CollabClient;
  let b: CollabClient;
  let merged: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    [drafter, first, second] = await Promise.all([seedAndLoginDrafter(database), spawnEditor(database), spawnEditor(database)]);
    document = await createDocument(first.url, drafter, 'Báo cáo chính trị (hai máy soạn thảo)');
    blocks = document.paragraphs.slice(0, 2);
  });

  afterAll(async () => {
    clients.splice(0).forEach((client) => client.close());
    await stopAllApps(5000);
    await database?.drop();
  });

  it("A on editor 1 and B on editor 2: each sees the other's edits within a few seconds, also when typing at once", async () => {
    [a, b] = await Promise.all([connect(first), connect(second)]);
    const before = textsOf(a.ydoc, blocks);
    expect(textsOf(b.ydoc, blocks)).toEqual(before);

    typeInto(a.ydoc, blocks[0], 0, 'Từ máy một. ');
    await seen(b, blocks[0], 'Từ máy một. ', "A's edit (editor 1) to reach B (editor 2)");
    typeInto(b.ydoc, blocks[1], 0, 'Từ máy hai. ');
    await seen(a, blocks[1], 'Từ máy hai. ', "B's edit (editor 2) to reach A (editor 1)");

    // both type at once, into both paragraphs, keystroke by keystroke
    const words = { a: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'], b: ['một', 'hai', 'ba', 'bốn', 'năm'] };
    for (let round = 0; round < 5; round += 1) {
      for (const character of ` A${words.a[round]}`) typeInto(a.ydoc, blocks[round % 2], Number.MAX_SAFE_INTEGER, character);
      for (const character of ` B${words.b[round]}`) typeInto(b.ydoc, blocks[(round + 1) % 2], Number.MAX_SAFE_INTEGER, character);
      await sleep(20);
    }
    await waitUntil(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 15_000, 'both clients to report every change saved');
    await waitUntil(() => JSON.stringify(textsOf(a.ydoc, blocks)) === JSON.stringify(textsOf(b.ydoc, blocks)), propagationMs, 'A and B to converge').catch((error: Error) => {
      throw new Error(`${error.message}: A ${JSON.stringify(textsOf(a.ydoc, blocks))}, B ${JSON.stringify(textsOf(b.ydoc, blocks))}\n${describeEditors()}`);
    });
    merged = textsOf(a.ydoc, blocks);
    // concurrent keystrokes at the same place may interleave, but each typist's own keystrokes
    // are all there, in the order typed
    for (const [name, own, shift] of [['A', words.a, 0], ['B', words.b, 1]] as const) {
      blocks.forEach((_, index) => {
        const typed = own
          .map((word, round) => ((round + shift) % 2 === index ? ` ${name}${word}` : ''))
          .join('');
        expect({ typist: name, block: index, contained: isSubsequence(typed, merged[index]) }).toEqual({ typist: name, block: index, contained: true });
      });
    }
    expect(merged.join('').length - before.join('').length).toBe([...words.a, ...words.b].join('').length + 2 * 5 * 2 + 'Từ máy một. Từ máy hai. '.length);
  });

  it('a client connecting later, to either editor, gets the merged state; GET /api/documents/:id on both has it', async () => {
    expect(merged).toBeDefined();
    const [late1, late2] = await Promise.all([connect(first), connect(second)]);
    expect(textsOf(late1.ydoc, blocks)).toEqual(merged);
    expect(textsOf(late2.ydoc, blocks)).toEqual(merged);
    for (const editor of [first, second]) {
      const stored = await fetchDocument(editor.url, drafter, document.id);
      expect(blocks.map((blockId) => contentBlockText(stored.content, blockId))).toEqual(merged);
    }
    late1.close();
    late2.close();
  });

  let stopped: Awaited<ReturnType<EditorProcess['app']['stop']>> | undefined;
  const closesOfA: [number, string][] = [];

  it('editor 1 stops (SIGTERM): B on editor 2 keeps working, its later edits are stored and seen after a fresh connect and in GET', async () => {
    expect(merged).toBeDefined();
    // A stays connected to editor 1 while it shuts down, as a browser would, and types meanwhile;
    // a second drafter there only reads
    const idle = await connect(first);
    a.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => closesOfA.push([event.code, event.reason]));
    const stopping = first.app.stop(10_000);
    await sleep(300);
    typeInto(a.ydoc, blocks[1], 0, 'Trong lúc máy một dừng. ');

    const later = ' Sau khi máy một dừng.';
    for (const character of later) typeInto(b.ydoc, blocks[0], Number.MAX_SAFE_INTEGER, character);
    await waitUntil(() => !b.provider.hasUnsyncedChanges, 15_000, "editor 2 to acknowledge B's edits while editor 1 stops").catch((error: Error) => {
      throw new Error(`${error.message}\n${describeEditors()}`);
    });
    stopped = await stopping;
    a.close();
    idle.close();
    expect(second.app.hasExited()).toBe(false);
    // B goes on typing once editor 1 is gone
    for (const character of ' Và sau nữa.') typeInto(b.ydoc, blocks[1], Number.MAX_SAFE_INTEGER, character);
    await waitUntil(() => !b.provider.hasUnsyncedChanges, 15_000, "editor 2 to acknowledge B's edits after editor 1 stopped").catch((error: Error) => {
      throw new Error(`${error.message}\n${describeEditors()}`);
    });
    const expected = textsOf(b.ydoc, blocks);
    expect(expected[0]).toContain(later);
    expect(expected[1].endsWith(' Và sau nữa.')).toBe(true);

    b.close();
    // let editor 2 unload the document, so that the next connection loads it from PostgreSQL
    await sleep(1500);
    const fresh = await connect(second);
    expect(textsOf(fresh.ydoc, blocks)).toEqual(expected);
    const stored = await fetchDocument(second.url, drafter, document.id);
    expect(blocks.map((blockId) => contentBlockText(stored.content, blockId))).toEqual(expected);
  });

  it('editor 1 never refused a valid edit as malformed while it shut down', () => {
    expect(stopped).toBeDefined();
    expect(closesOfA.filter(([code]) => code === 4401)).toEqual([]);
  });

  it('editor 1 stopped cleanly on SIGTERM though clients were connected: exit 0 within 10 s', () => {
    expect(stopped).toBeDefined();
    expect({ code: stopped?.code, signal: stopped?.signal, killed: stopped?.killed }).toEqual({ code: 0, signal: null, killed: false });
  });
});
