import { IncomingMessage, MessageType } from '@hocuspocus/server';
import { DocumentUpdate } from '@vankien/domain';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { collaborationRedisPrefix } from '../apps/editor/src/collaboration/collaboration.server';
import { antiEntropyIntervalMs } from '../apps/editor/src/collaboration/redis-update-relay';
import { allSaved, blockText, connectClient, typeInto, waitUntil, type CollabClient } from './support/collab-client';
import { createDocument, seedAndLoginDrafter, sleep, spawnEditor, textsOf, type Drafter, type EditorProcess } from './support/editor-process';
import { stopAllApps } from './support/processes';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { openDataSource } from './support/test-app';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './support/test-database';

// The editor's Redis relay (apps/editor/src/collaboration/redis-update-relay.ts) between two
// built editor processes: an editor alone with a document publishes nothing per edit; once
// another has it open, each edit crosses as an update message (not a state-vector round per
// edit) and is stored once, by the editor its client is connected to; and when one editor
// loses its Redis connections (a TCP proxy cuts them and refuses new ones) while edits are
// published, it gets them once Redis is back, with no further edit on either side.

jest.setTimeout(120_000);

type Kind = 'syncStep1' | 'syncStep2' | 'update' | 'awareness' | 'other';

/** The kind of a message the relay framed (identifier length, identifier, Hocuspocus message). */
function kindOf(framed: Buffer): Kind {
  const message = new IncomingMessage(framed.subarray(framed[0] + 1));
  message.readVarString();
  const type = message.readVarUint();
  if (type === MessageType.Awareness) return 'awareness';
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return 'other';
  const step = message.readVarUint();
  if (step === messageYjsSyncStep1) return 'syncStep1';
  if (step === messageYjsSyncStep2) return 'syncStep2';
  return step === messageYjsUpdate ? 'update' : 'other';
}

describe('the Redis relay between two editor processes', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let drafter: Drafter;
  let proxy: TcpProxy;
  let first: EditorProcess;
  let second: EditorProcess;
  let monitor: IORedis;
  let documentId: string;
  let blocks: string[];
  const published: Kind[] = [];
  const clients: CollabClient[] = [];
  let a: CollabClient;
  let b: CollabClient;

  const describeEditors = (): string => [first, second].filter(Boolean).map((editor) => editor.describe()).join('\n');
  const count = (kind: Kind): number => published.filter((seen) => seen === kind).length;
  const storedRows = (): Promise<number> => dataSource.getRepository(DocumentUpdate).countBy({ documentId });
  const connect = async (editor: EditorProcess): Promise<CollabClient> => {
    const client = await connectClient(editor.url, documentId, drafter.token);
    clients.push(client);
    return client;
  };
  const seen = (client: CollabClient, blockId: string, text: string, timeoutMs: number, what: string): Promise<void> =>
    waitUntil(() => blockText(client.ydoc, blockId).includes(text), timeoutMs, what).catch((error: Error) => {
      throw new Error(`${error.message}\n${describeEditors()}`);
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    const redisUrl = new URL(testRedisUrl());
    proxy = await startTcpProxy(redisUrl.hostname, Number(redisUrl.port));
    [drafter, first, second] = await Promise.all([
      seedAndLoginDrafter(database),
      spawnEditor(database),
      // the second editor reaches Redis only through the proxy, so its connections can be cut
      spawnEditor(database, 30_000, { REDIS_URL: proxy.proxiedUrl(testRedisUrl()) }),
    ]);
    dataSource = await openDataSource(database);
    const document = await createDocument(first.url, drafter, 'Báo cáo chính trị (chuyển tiếp qua Redis)');
    documentId = document.id;
    blocks = document.paragraphs.slice(0, 2);
    monitor = new IORedis(testRedisUrl());
    monitor.on('messageBuffer', (_channel: Buffer, message: Buffer) => published.push(kindOf(message)));
    await monitor.subscribe(`${collaborationRedisPrefix}:${documentId}`);
  });

  afterAll(async () => {
    clients.splice(0).forEach((client) => client.close());
    monitor?.disconnect();
    await proxy?.resume().catch(() => undefined);
    await stopAllApps(5000);
    await proxy?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('alone with the document, editor 1 publishes nothing per edit', async () => {
    a = await connect(first);
    const before = published.length;
    for (const character of 'Một mình. ') {
      typeInto(a.ydoc, blocks[0], 0, character);
      await sleep(10);
    }
    await allSaved(a);
    await sleep(300);
    expect(published.slice(before)).toEqual([]);
  });

  it("once editor 2 has it open too, each edit crosses as an update message, with no state-vector round per edit, and is stored once", async () => {
    b = await connect(second);
    expect(textsOf(b.ydoc, blocks)).toEqual(textsOf(a.ydoc, blocks));
    const rowsBefore = await storedRows();
    const before = published.length;
    const typed = 'Từ máy một.';
    for (const character of typed) {
      typeInto(a.ydoc, blocks[0], Number.MAX_SAFE_INTEGER, character);
      await sleep(30);
    }
    await seen(b, blocks[0], typed, 10_000, "A's edits (editor 1) to reach B (editor 2)");
    for (const character of ' Từ máy hai.') typeInto(b.ydoc, blocks[1], Number.MAX_SAFE_INTEGER, character);
    await seen(a, blocks[1], ' Từ máy hai.', 10_000, "B's edits (editor 2) to reach A (editor 1)");
    await Promise.all([allSaved(a), allSaved(b)]);

    const kinds = published.slice(before);
    const updates = kinds.filter((kind) => kind === 'update').length;
    const syncSteps = kinds.filter((kind) => kind === 'syncStep1').length;
    expect(updates).toBeGreaterThan(0);
    // the extension alone published a SyncStep1 for every turn with a change (one per keystroke
    // here); the relay publishes one only as anti-entropy, at most every few seconds
    expect(syncSteps).toBeLessThan(typed.length / 2);
    // every keystroke is stored by the editor its typist is connected to, and by no other
    expect(await storedRows()).toBe(rowsBefore + typed.length + ' Từ máy hai.'.length);
  });

  it("editor 2 loses Redis while A types on editor 1: once Redis is back, B gets A's edits without any further edit", async () => {
    const rowsBefore = await storedRows();
    // no anti-entropy round of the edits above is still due on editor 2 (it would be queued
    // while Redis is cut, and sent once it is back)
    await sleep(antiEntropyIntervalMs + 1000);
    await proxy.pause();
    const missed = ' Trong lúc mất Redis.';
    for (const character of missed) {
      typeInto(a.ydoc, blocks[0], Number.MAX_SAFE_INTEGER, character);
      await sleep(10);
    }
    await allSaved(a);
    // past editor 1's periodic SyncStep1 for these edits, which is lost too: what brings them to
    // editor 2 is its own round once it has Redis again
    await sleep(antiEntropyIntervalMs + 1000);
    // editor 2 has no connection to Redis at all, so these edits cannot have reached it
    expect(blockText(b.ydoc, blocks[0]).includes(missed)).toBe(false);
    const updatesWhileCut = count('update');
    expect(updatesWhileCut).toBeGreaterThan(0);

    await proxy.resume();
    // ioredis reconnects with a growing delay (at most 2 s); then the relay's SyncStep1 round
    await seen(b, blocks[0], missed, 20_000, 'B (editor 2) to get the edits published while its editor had no Redis');
    await waitUntil(() => JSON.stringify(textsOf(a.ydoc, blocks)) === JSON.stringify(textsOf(b.ydoc, blocks)), 10_000, 'A and B to converge');
    expect(await storedRows()).toBe(rowsBefore + missed.length);

    // and the relay goes on working afterwards, both ways
    typeInto(b.ydoc, blocks[1], Number.MAX_SAFE_INTEGER, ' Sau khi có lại Redis.');
    await seen(a, blocks[1], ' Sau khi có lại Redis.', 10_000, "B's edit to reach A after the reconnection");
    typeInto(a.ydoc, blocks[0], 0, 'Cuối. ');
    await seen(b, blocks[0], 'Cuối. ', 10_000, "A's edit to reach B after the reconnection");
    await Promise.all([allSaved(a), allSaved(b)]);
    expect(await storedRows()).toBe(rowsBefore + missed.length + 2);
  });
});
