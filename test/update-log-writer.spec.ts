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
describe('UpdateLogWriter with a locked document in the batch', () => {
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
    // the first append goes alone; the two behind it queue up and share the next statement
    const results = await Promise.allSettled([writer.append(first, update('a')), writer.append(locked, update('b')), writer.append(other, update('c'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/under approval/);
    expect([await stored(first), await stored(locked), await stored(other)]).toEqual([1, 0, 1]);
  });
});
