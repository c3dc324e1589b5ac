import { randomUUID } from 'node:crypto';
import { migrations, pendingSchemaChanges, revertMigrations, runMigrations } from '@vankien/database';
import { SharedClusterMemberSets1795478595324 } from '../libs/database/src/migrations/1795478595324-SharedClusterMemberSets';
import { PreparedFormsApart1795490966836 } from '../libs/database/src/migrations/1795490966836-PreparedFormsApart';
import { ClusterWritesWithoutRowChecks1795492800000 } from '../libs/database/src/migrations/1795492800000-ClusterWritesWithoutRowChecks';
import { ClusterFiguresApart1795520000000 } from '../libs/database/src/migrations/1795520000000-ClusterFiguresApart';
import { prepareComment, type CommentInput } from '@vankien/synthesis';
import { Client } from 'pg';
import { memberSetDigest } from '../apps/worker/src/processors/synthesize-round.handler';
import { seededDatabase, type SeededDatabase } from './support/seeded-system';
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

/**
 * A submitted submission of three comments ('Ý kiến 1…3' on block b1) in an open round of the
 * province on a frozen resolution: what the data-conversion tests convert.
 */
async function roundWithComments(seeded: SeededDatabase): Promise<{ one: <T>(sql: string, parameters?: unknown[]) => Promise<T>; roundId: string; versionId: string; comments: string[] }> {
  const { dataSource, org } = seeded;
  const one = async <T>(sql: string, parameters: unknown[] = []): Promise<T> => ((await dataSource.query(sql, parameters)) as T[])[0];
  const { id: documentId } = await one<{ id: string }>(`INSERT INTO documents (organization_id, kind, title, term) VALUES ($1, 'resolution', 'Nghị quyết', '2025–2030') RETURNING id`, [org.LC]);
  const { id: versionId } = await one<{ id: string }>(
    `INSERT INTO document_versions (document_id, number, label, yjs_state, content, block_index, plain_text) VALUES ($1, 1, 'Dự thảo lần 1', '\\x00', '{}', '[]', '') RETURNING id`,
    [documentId],
  );
  const { id: roundId } = await one<{ id: string }>(
    `INSERT INTO comment_rounds (organization_id, title, status, opens_at, deadline) VALUES ($1, 'Góp ý', 'open', now() - interval '1 day', now() + interval '7 days') RETURNING id`,
    [org.LC],
  );
  const { id: invitationId } = await one<{ id: string }>(`INSERT INTO invitations (round_id, organization_id, source_type) VALUES ($1, $2, 'lower_organization') RETURNING id`, [roundId, org['LC-TD']]);
  const { id: submissionId } = await one<{ id: string }>(
    `INSERT INTO submissions (round_id, invitation_id, organization_id, status, submitted_at, comment_count, row_version) VALUES ($1, $2, $3, 'submitted', now(), 3, 1) RETURNING id`,
    [roundId, invitationId, org['LC-TD']],
  );
  const comments: string[] = [];
  for (const position of [1, 2, 3]) {
    const { id } = await one<{ id: string }>(
      `INSERT INTO comments (submission_id, round_id, document_version_id, block_id, position, kind, text) VALUES ($1, $2, $3, 'b1', $4, 'amend', $5) RETURNING id`,
      [submissionId, roundId, versionId, position, `Ý kiến ${position}`],
    );
    comments.push(id);
  }
  return { one, roundId, versionId, comments };
}

/**
 * Migrations that convert stored data: each test seeds a database with a round and its comments,
 * reverts to just before its migration, writes the old shape, and goes up and down again.
 */
describe('migrations that convert data', () => {
  let seeded: SeededDatabase;

  afterEach(async () => {
    await seeded?.close();
  });

  /** Reverts `migration` and every later one: the schema just before it. */
  const revertThrough = async (migration: { name: string }): Promise<void> => {
    const count = migrations.length - migrations.findIndex((candidate) => candidate.name === migration.name);
    expect(await revertMigrations(seeded.database.url, count)).toBe(count);
  };

  describe('the migration to shared cluster member sets', () => {
    it('converts existing revisions (identical member sets shared, digests as the worker makes them) and back', async () => {
      seeded = await seededDatabase();
      const { dataSource } = seeded;
      const { one, roundId, versionId, comments } = await roundWithComments(seeded);

      // the shape before: revision 1 clusters {c1, c2} and {c3}; revision 2 has {c1, c2} again and {c3}
      await revertThrough(SharedClusterMemberSets1795478595324);
      const memberships: [number, number, string][] = [];
      for (const revision of [1, 2]) {
        const { id: synthesisId } = await one<{ id: string }>(`INSERT INTO syntheses (round_id, revision, status, comment_count, stats) VALUES ($1, $2, 'complete', 3, '{}') RETURNING id`, [roundId, revision]);
        for (const [position, members] of [[0, comments.slice(0, 2)], [1, comments.slice(2)]] as const) {
          const { id: clusterId } = await one<{ id: string }>(
            `INSERT INTO comment_clusters (synthesis_id, key, document_version_id, block_id, kind, representative_text, comment_count, units, supporters, by_source, position)
             VALUES ($1, $2, $3, 'b1', 'amend', 'Ý kiến', $4, 1, 0, '{}', $5) RETURNING id`,
            [synthesisId, `k${position}`, versionId, members.length, position],
          );
          for (const commentId of members) {
            await dataSource.query('INSERT INTO cluster_members (cluster_id, comment_id, synthesis_id) VALUES ($1, $2, $3)', [clusterId, commentId, synthesisId]);
            memberships.push([revision, position, commentId]);
          }
        }
      }
      const oldShape = async (): Promise<[number, number, string][]> =>
        (
          await dataSource.query(
            `SELECT s.revision, cc.position, cm.comment_id::text AS comment FROM cluster_members cm JOIN comment_clusters cc ON cc.id = cm.cluster_id JOIN syntheses s ON s.id = cm.synthesis_id
              ORDER BY 1, 2, 3`,
          )
        ).map((row: { revision: number; position: number; comment: string }) => [row.revision, row.position, row.comment]);
      const expected = [...memberships].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1));
      expect(await oldShape()).toEqual(expected);

      await runMigrations(seeded.database.url);
      const sets: { id: string; members_sha256: string }[] = await dataSource.query('SELECT id, members_sha256 FROM cluster_member_sets WHERE round_id = $1', [roundId]);
      expect(sets.map((set) => set.members_sha256).sort()).toEqual([memberSetDigest(comments.slice(0, 2).sort()), memberSetDigest(comments.slice(2))].sort());
      const clusters: { revision: number; position: number; member_set_id: string; members: string[] }[] = await dataSource.query(
        `SELECT s.revision, cc.position, cc.member_set_id, array_agg(cm.comment_id::text ORDER BY cm.comment_id) AS members
           FROM comment_clusters cc JOIN syntheses s ON s.id = cc.synthesis_id JOIN cluster_members cm ON cm.member_set_id = cc.member_set_id
          GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      );
      expect(clusters.map((c) => [c.revision, c.position, c.members])).toEqual([
        [1, 0, comments.slice(0, 2).sort()],
        [1, 1, comments.slice(2)],
        [2, 0, comments.slice(0, 2).sort()],
        [2, 1, comments.slice(2)],
      ]);
      // both revisions name the same two sets: three memberships stored, not six
      expect(clusters[0].member_set_id).toBe(clusters[2].member_set_id);
      expect(clusters[1].member_set_id).toBe(clusters[3].member_set_id);
      expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM cluster_members', [])).n)).toBe(3);

      await revertThrough(SharedClusterMemberSets1795478595324);
      expect(await oldShape()).toEqual(expected);
    });
  });

  describe('the migration that keeps prepared forms apart from comments', () => {
    it('moves the stored forms into comment_prepared_forms and back, and drops a comment’s form with it', async () => {
      seeded = await seededDatabase();
      const { dataSource } = seeded;
      const { comments } = await roundWithComments(seeded);

      // before: two of the three comments have a form, in comments.prepared
      await revertThrough(PreparedFormsApart1795490966836);
      // (with a figure its unit stated, as the comment says: a form the later migrations keep as it is)
      await dataSource.query('UPDATE comments SET supporters = 2, supporters_total = 3 WHERE id = ANY($1::uuid[])', [comments.slice(0, 2)]);
      const forms = comments.slice(0, 2).map((id, index) => ({ id, text: `Ý kiến ${index + 1}`, supporters: 2, supportersTotal: 3, signature: [index, 4294967295] }));
      for (const form of forms) await dataSource.query('UPDATE comments SET prepared = $2 WHERE id = $1', [form.id, JSON.stringify(form)]);
      const inComments = async (): Promise<[string, unknown][]> =>
        (await dataSource.query('SELECT id::text, prepared FROM comments ORDER BY id')).map((row: { id: string; prepared: unknown }) => [row.id, row.prepared]);
      const before = await inComments();

      // up to the last migration that keeps stored forms (the next one empties them)
      await runMigrations(seeded.database.url, { through: ClusterFiguresApart1795520000000.name });
      const moved: { comment_id: string; prepared: unknown }[] = await dataSource.query('SELECT comment_id::text, prepared FROM comment_prepared_forms ORDER BY comment_id');
      expect(moved.map((row) => [row.comment_id, row.prepared])).toEqual(before.filter(([, prepared]) => prepared !== null));
      expect((await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'comments' AND column_name = 'prepared'`)).length).toBe(0);
      // a comment deleted (a roll-up forwarded again) takes its form with it
      await dataSource.query('DELETE FROM comments WHERE id = $1', [comments[0]]);
      expect((await dataSource.query('SELECT comment_id::text FROM comment_prepared_forms')).map((row: { comment_id: string }) => row.comment_id)).toEqual([comments[1]]);

      await revertThrough(PreparedFormsApart1795490966836);
      expect(await inComments()).toEqual(before.filter(([id]) => id !== comments[0]));
      await runMigrations(seeded.database.url);
    });
  });

  describe('the migration that drops the per-row checks of comment_clusters', () => {
    it('keeps what the foreign key did for syntheses (their clusters deleted with them, their id kept), up and down, and keeps the rows', async () => {
      seeded = await seededDatabase();
      const { dataSource } = seeded;
      const { one, roundId, versionId } = await roundWithComments(seeded);
      let revision = 0;
      const synthesisWithClusters = async (clusters: number): Promise<string> => {
        const { id } = await one<{ id: string }>(`INSERT INTO syntheses (round_id, revision, status, comment_count, stats) VALUES ($1, $2, 'complete', 0, '{}') RETURNING id`, [roundId, ++revision]);
        // the figures that ClusterFiguresApart added, when the schema has them
        const figures = (await dataSource.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'comment_clusters' AND column_name = 'stated_supporters'`)).length > 0;
        await dataSource.query(
          `INSERT INTO comment_clusters (synthesis_id, key, member_set_id, document_version_id, block_id, kind, representative_text, comment_count, units, supporters, by_source, position
                                         ${figures ? ', units_by_source, stated_supporters, contributors, contributors_by_source' : ''})
           SELECT $1, 'k' || n, gen_random_uuid(), $2, 'b1', 'amend', 'Ý kiến', 1, 1, 0, '{}', n ${figures ? ", '{}', 0, 0, '{}'" : ''} FROM generate_series(1, $3::int) n`,
          [id, versionId, clusters],
        );
        return id;
      };
      const clustersOf = async (synthesisId: string): Promise<number> => Number((await one<{ n: string }>('SELECT count(*) AS n FROM comment_clusters WHERE synthesis_id = $1', [synthesisId])).n);
      const refused = async (sql: string, parameters: unknown[]): Promise<string | undefined> => {
        try {
          await dataSource.query(sql, parameters);
          return undefined;
        } catch (error: unknown) {
          return (error as { driverError?: { code?: string } }).driverError?.code;
        }
      };
      const guarantees = async (): Promise<void> => {
        const kept = await synthesisWithClusters(2);
        const deleted = await synthesisWithClusters(3);
        expect(await clustersOf(kept)).toBe(2);
        expect(await refused('UPDATE syntheses SET id = $1 WHERE id = $2', [randomUUID(), kept])).toBe('23503');
        expect(await clustersOf(kept)).toBe(2);
        // deleted with their synthesis (and, at the end, with its round)
        await dataSource.query('DELETE FROM syntheses WHERE id = $1', [deleted]);
        expect(await clustersOf(deleted)).toBe(0);
        expect(await clustersOf(kept)).toBe(2);
      };
      const blockIndex = async (): Promise<number> => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM pg_indexes WHERE indexname = 'comment_clusters_synthesis_id_block_idx'`)).n);

      await guarantees();
      expect(await blockIndex()).toBe(0);
      const before = Number((await one<{ n: string }>('SELECT count(*) AS n FROM comment_clusters')).n);

      await revertThrough(ClusterWritesWithoutRowChecks1795492800000);
      expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM comment_clusters')).n)).toBe(before);
      expect(await blockIndex()).toBe(1);
      await guarantees();

      await runMigrations(seeded.database.url);
      expect(await blockIndex()).toBe(0);
      await guarantees();
      await dataSource.query('DELETE FROM comment_rounds WHERE id = $1', [roundId]);
      expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM comment_clusters')).n)).toBe(0);
    });
  });
  describe('the migration that counts each figure apart (stated supporters, contributors, units per source)', () => {
    it('rewrites the stored prepared forms to what preparing them again gives, fills the figures of stored revisions, and back', async () => {
      seeded = await seededDatabase();
      const { dataSource, org } = seeded;
      const { one, roundId, versionId, comments } = await roundWithComments(seeded);
      // the unit's first line stands for 12 of its 15 cells; a retired leader comments in their own name
      await dataSource.query('UPDATE comments SET supporters = 12, supporters_total = 15 WHERE id = $1', [comments[0]]);
      const { id: userId } = await one<{ id: string }>('SELECT id FROM users ORDER BY id LIMIT 1');
      const { id: groupInvitation } = await one<{ id: string }>(`INSERT INTO invitations (round_id, organization_id, source_type) VALUES ($1, $2, 'retired_leaders') RETURNING id`, [roundId, org['LC-NGH']]);
      const { id: ownSubmission } = await one<{ id: string }>(
        `INSERT INTO submissions (round_id, invitation_id, organization_id, contributor_id, status, submitted_at, comment_count, row_version) VALUES ($1, $2, $3, $4, 'submitted', now(), 1, 1) RETURNING id`,
        [roundId, groupInvitation, org['LC-NGH'], userId],
      );
      const { id: own } = await one<{ id: string }>(
        `INSERT INTO comments (submission_id, round_id, document_version_id, block_id, position, kind, text) VALUES ($1, $2, $3, 'b1', 1, 'amend', 'Ý kiến riêng') RETURNING id`,
        [ownSubmission, roundId, versionId],
      );
      const inputs: CommentInput[] = [
        { id: comments[0], unit: org['LC-TD'], sourceType: 'lower_organization', documentId: versionId, blockId: 'b1', kind: 'amend', text: 'Ý kiến 1', supporters: 12, supportersTotal: 15 },
        { id: comments[1], unit: org['LC-TD'], sourceType: 'lower_organization', documentId: versionId, blockId: 'b1', kind: 'amend', text: 'Ý kiến 2' },
        { id: comments[2], unit: org['LC-TD'], sourceType: 'lower_organization', documentId: versionId, blockId: 'b1', kind: 'amend', text: 'Ý kiến 3' },
        { id: own, unit: `user:${userId}`, sourceType: 'retired_leaders', documentId: versionId, blockId: 'b1', kind: 'amend', text: 'Ý kiến riêng', contributor: true },
      ];
      const current = inputs.map((input) => JSON.parse(JSON.stringify(prepareComment(input))) as Record<string, unknown>);
      // what the worker stored before: one supporter for a line without a figure, no contributor
      const older = current.map(({ contributor: _contributor, ...form }, index) => ({ ...form, supporters: inputs[index].supporters ?? 1 }));

      await revertThrough(ClusterFiguresApart1795520000000);
      for (const [index, form] of older.entries()) {
        await dataSource.query('INSERT INTO comment_prepared_forms (comment_id, prepared) VALUES ($1, $2)', [inputs[index].id, JSON.stringify(form)]);
      }
      const { id: synthesisId } = await one<{ id: string }>(`INSERT INTO syntheses (round_id, revision, status, comment_count, stats) VALUES ($1, 1, 'complete', 4, '{}') RETURNING id`, [roundId]);
      const ids = inputs.map((input) => input.id).sort();
      const { id: setId } = await one<{ id: string }>('INSERT INTO cluster_member_sets (round_id, members_sha256) VALUES ($1, $2) RETURNING id', [roundId, memberSetDigest(ids)]);
      for (const id of ids) await dataSource.query('INSERT INTO cluster_members (member_set_id, comment_id) VALUES ($1, $2)', [setId, id]);
      await dataSource.query(
        `INSERT INTO comment_clusters (synthesis_id, key, member_set_id, document_version_id, block_id, kind, representative_text, comment_count, units, supporters, by_source, position)
         VALUES ($1, 'k1', $2, $3, 'b1', 'amend', 'Ý kiến 1', 4, 2, 15, '{"lower_organization": 3, "retired_leaders": 1}', 0)`,
        [synthesisId, setId, versionId],
      );
      await dataSource.query(`INSERT INTO block_clusterings (round_id, document_version_id, block_id, members_sha256, clusters, updated_at) VALUES ($1, $2, 'b1', 'x', '{"format": 2, "clusters": []}', now())`, [roundId, versionId]);
      const forms = async (): Promise<unknown[]> => {
        const rows: { comment_id: string; prepared: unknown }[] = await dataSource.query('SELECT comment_id::text, prepared FROM comment_prepared_forms');
        return inputs.map((input) => rows.find((row) => row.comment_id === input.id)?.prepared);
      };

      // this migration alone (the next one empties the stored forms): up, then down
      const figuresApart = new ClusterFiguresApart1795520000000();
      const runner = dataSource.createQueryRunner();
      await figuresApart.up(runner);
      expect(await forms()).toEqual(current);
      expect(await one('SELECT units, supporters, units_by_source, stated_supporters, contributors, contributors_by_source FROM comment_clusters WHERE synthesis_id = $1', [synthesisId])).toEqual({
        units: 2,
        supporters: 15,
        units_by_source: { lower_organization: 1, retired_leaders: 1 },
        stated_supporters: 12,
        contributors: 1,
        contributors_by_source: { retired_leaders: 1 },
      });

      await figuresApart.down(runner);
      await runner.release();
      expect(await forms()).toEqual(older);
      // (the stored clusterings are a cache, in a form the worker of before refuses)
      expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM block_clusterings')).n)).toBe(0);

      // all the way up: the forms of the rules before the object guard and the lexicon are
      // emptied with the clusterings, for the next revision to prepare them again
      await dataSource.query(`INSERT INTO block_clusterings (round_id, document_version_id, block_id, members_sha256, clusters, updated_at) VALUES ($1, $2, 'b1', 'x', '{"format": 2, "clusters": []}', now())`, [roundId, versionId]);
      await runMigrations(seeded.database.url);
      expect(await forms()).toEqual(inputs.map(() => undefined));
      expect(Number((await one<{ n: string }>('SELECT count(*) AS n FROM block_clusterings')).n)).toBe(0);
      expect(await one('SELECT stated_supporters, contributors FROM comment_clusters WHERE synthesis_id = $1', [synthesisId])).toEqual({ stated_supporters: 12, contributors: 1 });
    });
  });
});
