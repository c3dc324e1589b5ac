import { buildBlockIndex, congressSchema } from '@vankien/document-schema';
import { appendDocumentUpdates, buildStateInThread, compactDocument, countUnfoldedUpdates, loadYDoc } from '@vankien/database';
import { DocumentSnapshot, DocumentUpdate } from '@vankien/domain';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DataSource } from 'typeorm';
import { collaborationLimits } from '../apps/editor/src/collaboration/collaboration-limits';
import { UpdateValidator } from '../apps/editor/src/collaboration/update-validator';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { allSaved, blockText, connectClient, typeInto, waitUntil, type CollabClient } from './support/collab-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { apiClient, login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './support/test-app';
import { hocuspocusMessage, openAuthenticated } from './support/raw-collab';

interface DocumentView {
  id: string;
  content: { content: { type: string; attrs: { blockId: string } }[] };
}

/** The first paragraph's block id of a document's content. */
function firstParagraph(content: DocumentView['content']): string {
  const index = buildBlockIndex(congressSchema.nodeFromJSON(content));
  const entry = index.find((block) => block.type === 'paragraph');
  if (!entry) throw new Error('no paragraph');
  return entry.blockId;
}

/** Opens a raw WebSocket, authenticates, and resolves the close code after sending `payload`. */
async function sendRaw(baseUrl: string, documentId: string, token: string, payload: Uint8Array): Promise<{ code: number; reason: string }> {
  const { socket, closed } = await openAuthenticated(baseUrl, documentId, token);
  socket.send(payload);
  const timeout = setTimeout(() => socket.terminate(), 10_000);
  const result = await closed;
  clearTimeout(timeout);
  return result;
}

describe('collaborative drafting over /collab', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let editor: RunningApp;
  let api: ReturnType<typeof apiClient>;
  let drafter: string;
  let approver: string;
  let clerk: string;
  let organizationId: string;
  const clients: CollabClient[] = [];

  const connect = async (documentId: string, token: string): Promise<CollabClient> => {
    const client = await connectClient(editor.url, documentId, token);
    clients.push(client);
    return client;
  };

  const newDocument = async (): Promise<DocumentView> => {
    const created = await api.post<DocumentView>('/api/documents', { organizationId, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' }, drafter);
    expect(created.status).toBe(201);
    return created.body;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    const environment = serviceEnvironment(database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    const feedback = await startApp('feedback', environment);
    drafter = (await login(feedback.url, 'tieuban@vankien.local')).accessToken;
    approver = (await login(feedback.url, 'thuongvu1@vankien.local')).accessToken;
    clerk = (await login(feedback.url, 'vanphong.tp@vankien.local')).accessToken;
    organizationId = (await apiClient(feedback.url).get<{ memberships: { organizationId: string }[] }>('/api/me', drafter)).body.memberships[0].organizationId;
    await feedback.close();
    editor = await startApp('editor', environment);
    api = apiClient(editor.url);
  });

  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
  });

  afterAll(async () => {
    await editor?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('two clients editing the same paragraph at once converge; a third gets the merged state; PostgreSQL has it', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const [first, second] = await Promise.all([connect(document.id, drafter), connect(document.id, drafter)]);
    for (let round = 0; round < 5; round += 1) {
      typeInto(first.ydoc, blockId, 0, `A${round} `);
      typeInto(second.ydoc, blockId, 0, `B${round} `);
    }
    await Promise.all([allSaved(first), allSaved(second)]);
    await waitUntil(() => blockText(first.ydoc, blockId) === blockText(second.ydoc, blockId), 10_000, 'the two clients to converge');
    const merged = blockText(first.ydoc, blockId);
    for (let round = 0; round < 5; round += 1) expect(merged).toEqual(expect.stringContaining(`A${round} `));
    for (let round = 0; round < 5; round += 1) expect(merged).toEqual(expect.stringContaining(`B${round} `));

    const third = await connect(document.id, drafter);
    expect(blockText(third.ydoc, blockId)).toBe(merged);

    const stored = await api.get<DocumentView>(`/api/documents/${document.id}`, drafter);
    expect(JSON.stringify(stored.body.content)).toContain('A4 ');
    expect(JSON.stringify(stored.body.content)).toContain('B4 ');
  });

  it('keeps block ids through edits; freezing versions and diffing them shows the change word by word', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const first = await api.post<{ id: string; number: number; label: string; blockIndex: { blockId: string }[] }>(`/api/documents/${document.id}/versions`, {}, drafter);
    expect(first.status).toBe(201);
    expect(first.body).toEqual(expect.objectContaining({ number: 1, label: 'Dự thảo lần 1' }));
    const client = await connect(document.id, drafter);
    typeInto(client.ydoc, blockId, 0, 'Nội dung mới bổ sung. ');
    await allSaved(client);
    const second = await api.post<{ id: string; number: number; blockIndex: { blockId: string }[] }>(`/api/documents/${document.id}/versions`, { label: 'Dự thảo lần 2 (sau góp ý)' }, drafter);
    expect(second.body.number).toBe(2);
    expect(second.body.blockIndex.map((b) => b.blockId)).toEqual(first.body.blockIndex.map((b) => b.blockId));
    const diff = await api.get<{ changed: { blockId: string; words?: { added?: boolean; value: string }[] }[]; added: unknown[]; removed: unknown[] }>(
      `/api/documents/${document.id}/diff?from=${first.body.id}&to=${second.body.id}`,
      drafter,
    );
    expect(diff.status).toBe(200);
    expect(diff.body.added).toEqual([]);
    expect(diff.body.removed).toEqual([]);
    expect(diff.body.changed.map((change) => change.blockId)).toEqual([blockId]);
    expect(JSON.stringify(diff.body.changed[0])).toContain('bổ sung');
    const versions = await api.get<{ number: number }[]>(`/api/documents/${document.id}/versions`, approver);
    expect(versions.body.map((v) => v.number)).toEqual([1, 2]);
    // a frozen version is immutable, whatever path tries
    await expect(dataSource.query(`UPDATE document_versions SET plain_text = 'x' WHERE id = $1`, [first.body.id])).rejects.toThrow(/frozen version/);
  });

  it('approvers connect read-only: their edits are refused and never stored; others are refused', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const before = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });
    const reader = await connect(document.id, approver);
    expect(reader.readOnly()).toBe(true);
    typeInto(reader.ydoc, blockId, 0, 'sửa trái phép ');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(reader.provider.hasUnsyncedChanges).toBe(true);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(before);
    const writer = await connect(document.id, drafter);
    expect(blockText(writer.ydoc, blockId)).not.toContain('sửa trái phép');

    await expect(connectClient(editor.url, document.id, clerk, 5000)).rejects.toThrow(/authentication failed/);
    await expect(connectClient(editor.url, document.id, 'forged.token.value', 5000)).rejects.toThrow(/authentication failed/);
    await expect(connectClient(editor.url, '00000000-0000-4000-8000-000000000000', drafter, 5000)).rejects.toThrow(/authentication failed/);
  });

  it('closes a connection that sends a malformed or oversized update, stores nothing, and keeps serving others', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const bystander = await connect(document.id, drafter);
    const before = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });
    const garbage = Uint8Array.from({ length: 64 }, (_, index) => (index * 37 + 11) % 256);
    const malformed = await sendRaw(editor.url, document.id, drafter, hocuspocusMessage(document.id, 0, (encoder) => {
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, garbage);
    }));
    expect(malformed.code).toBe(4401);
    expect(malformed.reason).toMatch(/malformed/);
    const truncated = await sendRaw(editor.url, document.id, drafter, hocuspocusMessage(document.id, 0, (encoder) => encoding.writeVarUint(encoder, 2)));
    expect(truncated.code).toBeGreaterThanOrEqual(1000);
    const oversized = await sendRaw(editor.url, document.id, drafter, new Uint8Array(7 * 1024 * 1024));
    expect(oversized.code).toBe(1009);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(before);

    typeInto(bystander.ydoc, blockId, 0, 'vẫn làm việc ');
    await allSaved(bystander);
    const stored = await api.get<DocumentView>(`/api/documents/${document.id}`, drafter);
    expect(JSON.stringify(stored.body.content)).toContain('vẫn làm việc');
  });

  it('refuses a crafted small update whether the main thread decodes it or, when its counts exceed its length, a decoder thread does', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const bystander = await connect(document.id, drafter);
    const before = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });
    const validator = editor.app.get(UpdateValidator);
    const update = (bytes: Uint8Array): Uint8Array =>
      hocuspocusMessage(document.id, 0, (encoder) => {
        encoding.writeVarUint(encoder, 2);
        encoding.writeVarUint8Array(encoder, bytes);
      });
    const v1Update = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
      const encoder = encoding.createEncoder();
      write(encoder);
      return encoding.toUint8Array(encoder);
    };
    // one client section with one struct, as a keystroke has, whose content type does not exist
    const unknownContent = v1Update((encoder) => {
      [1, 1, 7, 0, 31, 1].forEach((value) => encoding.writeVarUint(encoder, value));
      encoding.writeVarString(encoder, 'prosemirror');
    });
    // a few bytes claiming 2^50 structs
    const claimsStructs = v1Update((encoder) => [1, 2 ** 50, 7, 0, 0, 1, 0].forEach((value) => encoding.writeVarUint(encoder, value)));

    const decoded = { ...validator.decoded };
    const onMainThread = await sendRaw(editor.url, document.id, drafter, update(unknownContent));
    expect(onMainThread).toEqual({ code: 4401, reason: expect.stringMatching(/malformed/) });
    expect(validator.decoded.mainThread).toBeGreaterThan(decoded.mainThread);
    expect(validator.decoded.decoderThread).toBe(decoded.decoderThread);

    const inThread = await sendRaw(editor.url, document.id, drafter, update(claimsStructs));
    expect(inThread).toEqual({ code: 4401, reason: expect.stringMatching(/malformed/) });
    expect(validator.decoded.decoderThread).toBe(decoded.decoderThread + 1);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(before);

    typeInto(bystander.ydoc, blockId, 0, 'vẫn lưu được ');
    await allSaved(bystander);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBeGreaterThan(before);
  });

  it('closes a connection that writes what the document schema has no place for, and stores nothing', async () => {
    const document = await newDocument();
    const before = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });
    const rogue = new Y.Doc();
    rogue.getXmlFragment('prosemirror').insert(0, [new Y.XmlElement('iframe')]);
    const refused = await sendRaw(editor.url, document.id, drafter, hocuspocusMessage(document.id, 0, (encoder) => {
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(rogue));
    }));
    expect(refused).toEqual({ code: 4422, reason: expect.stringMatching(/schema/) });
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(before);
  });

  it('compacts the update log into a snapshot without changing the document', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const client = await connect(document.id, drafter);
    for (let index = 0; index < 30; index += 1) {
      typeInto(client.ydoc, blockId, 0, `${index} `);
      await allSaved(client);
    }
    const before = await api.get<DocumentView>(`/api/documents/${document.id}`, drafter);
    const result = await compactDocument(dataSource, document.id);
    expect(result.compacted).toBe(true);
    expect(result.foldedUpdates).toBeGreaterThanOrEqual(31);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(0);
    expect(await dataSource.getRepository(DocumentSnapshot).countBy({ documentId: document.id })).toBe(1);
    const after = await api.get<DocumentView>(`/api/documents/${document.id}`, drafter);
    expect(after.body.content).toEqual(before.body.content);
    expect((await compactDocument(dataSource, document.id)).compacted).toBe(false);
    client.close();
    const late = await connect(document.id, drafter);
    expect(blockText(late.ydoc, blockId)).toBe(blockText(client.ydoc, blockId));
  });

  /** Appends `count` one-character edits of the block to the stored log; returns the text they make. */
  const appendSmallEdits = async (documentId: string, blockId: string, count: number): Promise<string> => {
    const { ydoc } = await loadYDoc(dataSource, documentId);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    for (let index = 0; index < count; index += 1) typeInto(ydoc, blockId, (index * 7) % (blockText(ydoc, blockId).length + 1), 'abcdefghij'[index % 10]);
    for (let start = 0; start < updates.length; start += 1000) {
      await appendDocumentUpdates(dataSource.manager, updates.slice(start, start + 1000).map((update) => ({ documentId, update })));
    }
    return blockText(ydoc, blockId);
  };

  it('a load that finds a long log after the snapshot folds it into a snapshot first: same content, and the next load reads one snapshot', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    const expected = await appendSmallEdits(document.id, blockId, collaborationLimits.compactOnLoadAbove + 1);
    expect(await countUnfoldedUpdates(dataSource, document.id)).toBeGreaterThan(collaborationLimits.compactOnLoadAbove);

    const client = await connect(document.id, drafter);
    expect(blockText(client.ydoc, blockId)).toBe(expected);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(0);
    expect(await dataSource.getRepository(DocumentSnapshot).countBy({ documentId: document.id })).toBe(1);
    expect(await countUnfoldedUpdates(dataSource, document.id)).toBe(0);
    // it goes on as usual: an edit is stored after the new snapshot, and a fresh load has both
    typeInto(client.ydoc, blockId, 0, 'Sau khi gộp. ');
    await allSaved(client);
    expect(await countUnfoldedUpdates(dataSource, document.id)).toBe(1);
    client.close();
    const { ydoc } = await loadYDoc(dataSource, document.id);
    expect(blockText(ydoc, blockId)).toBe(`Sau khi gộp. ${expected}`);
  });

  it('an append that got its id before a compaction read the log but commits after it is neither deleted nor skipped by later loads', async () => {
    const document = await newDocument();
    const index = buildBlockIndex(congressSchema.nodeFromJSON(document.content)).filter((block) => block.type === 'paragraph');
    // two independent edits, each made on the stored state (two typists on two instances)
    const edit = async (blockId: string, text: string): Promise<Uint8Array> => {
      const { ydoc } = await loadYDoc(dataSource, document.id);
      let update: Uint8Array = new Uint8Array();
      ydoc.on('update', (made: Uint8Array) => (update = made));
      typeInto(ydoc, blockId, 0, text);
      return update;
    };
    const [early, late] = [await edit(index[0].blockId, 'Chậm. '), await edit(index[1].blockId, 'Nhanh. ')];
    const expected = new Y.Doc();
    Y.applyUpdate(expected, Y.encodeStateAsUpdate((await loadYDoc(dataSource, document.id)).ydoc));
    Y.applyUpdate(expected, early);
    Y.applyUpdate(expected, late);

    // the early append takes its id, then waits to commit while a later one commits and a
    // compaction reads and folds the log
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      await slow.query('INSERT INTO document_updates (document_id, update) VALUES ($1, $2)', [document.id, Buffer.from(early)]);
      await appendDocumentUpdates(dataSource.manager, [{ documentId: document.id, update: late }]);
      expect((await compactDocument(dataSource, document.id)).compacted).toBe(true);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }

    const texts = (ydoc: Y.Doc): string[] => index.slice(0, 2).map((block) => blockText(ydoc, block.blockId));
    expect(texts((await loadYDoc(dataSource, document.id)).ydoc)).toEqual(texts(expected));
    expect(await countUnfoldedUpdates(dataSource, document.id)).toBe(1);
    expect((await compactDocument(dataSource, document.id)).foldedUpdates).toBe(1);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(0);
    expect(texts((await loadYDoc(dataSource, document.id)).ydoc)).toEqual(texts(expected));
  });

  it('a compaction that fails (a corrupt row in the log) writes nothing and leaves the log as it was; it never builds into a document that is not empty', async () => {
    const document = await newDocument();
    const blockId = firstParagraph(document.content);
    await appendSmallEdits(document.id, blockId, 20);
    await dataSource.query('INSERT INTO document_updates (document_id, update) VALUES ($1, $2)', [document.id, Buffer.from([5])]);
    const rows = await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id });
    const snapshots = await dataSource.getRepository(DocumentSnapshot).countBy({ documentId: document.id });

    await expect(compactDocument(dataSource, document.id, { into: new Y.Doc() })).rejects.toThrow();
    await expect(compactDocument(dataSource, document.id)).rejects.toThrow();
    // the same when the state is built on a thread (as a load does)
    await expect(compactDocument(dataSource, document.id, { into: new Y.Doc(), build: buildStateInThread })).rejects.toThrow(/building the document state failed/);
    expect(await dataSource.getRepository(DocumentUpdate).countBy({ documentId: document.id })).toBe(rows);
    expect(await dataSource.getRepository(DocumentSnapshot).countBy({ documentId: document.id })).toBe(snapshots);

    const notEmpty = new Y.Doc();
    notEmpty.getText('t').insert(0, 'x');
    await expect(compactDocument(dataSource, (await newDocument()).id, { into: notEmpty })).rejects.toThrow(/not empty/);
  });

  it('an approved document cannot change through any path: read-only connections, REST refusal, database refusal', async () => {
    const document = await newDocument();
    const version = await api.post<{ id: string }>(`/api/documents/${document.id}/versions`, {}, drafter);
    await dataSource.query('UPDATE documents SET approved_version_id = $1 WHERE id = $2', [version.body.id, document.id]);
    const client = await connect(document.id, drafter);
    expect(client.readOnly()).toBe(true);
    const refreeze = await api.post<{ code: string }>(`/api/documents/${document.id}/versions`, {}, drafter);
    expect(refreeze.status).toBe(409);
    expect(refreeze.body.code).toBe('DOCUMENT_APPROVED');
    await expect(dataSource.query(`INSERT INTO document_updates (document_id, update) VALUES ($1, '\\x0000')`, [document.id])).rejects.toThrow(/approved/);
  });

  it('rejects bad REST input with the field named, and keeps documents apart by organisation', async () => {
    const bad = await api.post<{ code: string; details: { field: string }[] }>('/api/documents', { organizationId, kind: 'novel', title: '', term: '2025' }, drafter);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual(['kind', 'term', 'title']);
    const foreign = await api.post<{ code: string }>('/api/documents', { organizationId, kind: 'resolution', title: 'X', term: '2025–2030' }, clerk);
    expect(foreign.status).toBe(403);
    const document = await newDocument();
    expect((await api.get(`/api/documents/${document.id}`, clerk)).status).toBe(403);
    expect((await api.get(`/api/documents/${document.id}/diff?from=live&to=nonsense`, drafter)).status).toBe(400);
    expect((await api.get<{ code: string }>(`/api/documents/${document.id}/diff?from=live&to=00000000-0000-4000-8000-000000000000`, drafter)).body.code).toBe('VERSION_NOT_FOUND');
  });
});
