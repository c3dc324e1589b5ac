import { migrations, pendingSchemaChanges, revertMigrations, runMigrations } from '@vankien/database';
import { Client } from 'pg';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from './support/test-database';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return result.rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  let database: TestDatabase;

  afterEach(async () => {
    await database?.drop();
  });

  it('go up and down on an empty database, and up again', async () => {
    database = await createEmptyDatabase();
    const applied = await runMigrations(database.url);
    expect(applied).toHaveLength(migrations.length);
    expect(await tables(database.url)).toEqual(
      expect.arrayContaining(['organizations', 'users', 'memberships', 'documents', 'document_updates', 'document_snapshots', 'document_versions', 'comment_rounds', 'invitations', 'submissions', 'comments', 'syntheses', 'comment_clusters', 'cluster_members', 'dispositions', 'approval_requests', 'approvals', 'audit_events']),
    );
    expect(await runMigrations(database.url)).toEqual([]);

    expect(await revertMigrations(database.url, Number.POSITIVE_INFINITY)).toBe(migrations.length);
    expect(await tables(database.url)).toEqual(['migrations']);

    expect(await runMigrations(database.url)).toHaveLength(migrations.length);
  });

  it('describe every entity: no schema change is pending after the migrations (an entity change needs a migration)', async () => {
    database = await createTestDatabase();
    expect(await pendingSchemaChanges(database.url)).toEqual([]);
  });
});
