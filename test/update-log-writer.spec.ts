import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { UpdateLogWriter } from '../apps/editor/src/collaboration/update-log.writer';
import type { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { openDataSource } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The group commit writes the updates of many documents in one statement. A document locked
 * for approval makes the database refuse that statement: the other documents' updates must
 * still be stored, and only the locked one's refused.
 */
describe('UpdateLogWriter group commit', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const newDocument = async (): Promise<string> => {
    const [{ id: organizationId }] = await dataSource.query(`SELECT id FROM organizations WHERE code = 'LC'`);
    const [{ id }] = await dataSource.query(`INSERT INTO documents (organization_id, kind, title, term) VALUES ($1, 'resolution', 'Nghị quyết', '2025–2030') RETURNING id`, [organizationId]);
    return id;
  };
  const update = (text: string): Uint8Array => {
    const ydoc = new Y.Doc();
    ydoc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(ydoc);
  };
  const stored = async (documentId: string): Promise<number> => Number((await dataSource.query('SELECT count(*) AS n FROM document_updates WHERE document_id = $1', [documentId]))[0].n);

  it('stores the other documents’ updates and refuses only the locked one’s', async () => {
    const [first, locked, other] = [await newDocument(), await newDocument(), await newDocument()];
    const [{ id: versionId }] = await dataSource.query(
      `INSERT INTO document_versions (document_id, number, label, yjs_state, content, block_index, plain_text) VALUES ($1, 1, 'Dự thảo lần 1', '\\x00', '{}', '[]', '') RETURNING id`,
      [locked],
    );
    await dataSource.query('UPDATE documents SET locked_version_id = $1 WHERE id = $2', [versionId, locked]);
    const writer = new UpdateLogWriter(dataSource);
    // appended in one event-loop turn, the three share one statement, which the database refuses
    const results = await Promise.allSettled([writer.append(first, update('a')), writer.append(locked, update('b')), writer.append(other, update('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/under approval/);
    expect([await stored(first), await stored(locked), await stored(other)]).toEqual([1, 0, 1]);
    // then one retry per document
    expect(writer.sent).toEqual({ statements: 4, updates: 6 });
  });

  it('sends the updates appended in one event-loop turn in one statement, and those appended while it runs in the next', async () => {
    const documentId = await newDocument();
    const writer = new UpdateLogWriter(dataSource);
    const firstTurn = ['a', 'b', 'c'].map((text) => writer.append(documentId, update(text)));
    // the statement is sent right after this turn; these come while it is in flight
    const secondTurn = await new Promise<Promise<void>[]>((resolve) => setImmediate(() => resolve(['d', 'e'].map((text) => writer.append(documentId, update(text))))));
    await Promise.all([...firstTurn, ...secondTurn]);
    expect(writer.sent).toEqual({ statements: 2, updates: 5 });
    expect(await stored(documentId)).toBe(5);
  });
});
