import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appendAuditEvent, verifyAuditChain } from '@vankien/database';
import { AuditEvent } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { openDataSource } from './support/test-app';

const repoRoot = join(__dirname, '..');

function verifyWithCli(url: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist/libs/database/src/audit/verify-cli.js')], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Tampering as a database owner could: bypassing the append-only trigger. */
async function tamper(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await manager.query(sql, parameters);
    await manager.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
  });
}

describe('audit chain', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let ids: string[];

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    ids = [];
    for (let index = 0; index < 5; index += 1) {
      const event = await dataSource.transaction((manager) =>
        appendAuditEvent(manager, { actorId: null, action: 'test.event', subjectType: 'test', subjectId: String(index), payload: { index, note: 'ghi chú tiếng Việt' } }),
      );
      ids.push(event.id);
    }
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('verifies an intact chain, with the command line too', async () => {
    expect(await verifyAuditChain(dataSource.manager)).toEqual({ checked: 5, firstBreak: null });
    const cli = verifyWithCli(database.url);
    expect(cli.status).toBe(0);
    expect(cli.output).toContain('5 events verified');
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(dataSource.query(`UPDATE audit_events SET action = 'x' WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [ids[0]])).rejects.toThrow(/append-only/);
  });

  it('detects an edited row and names it', async () => {
    await tamper(dataSource, `UPDATE audit_events SET payload = '{"index": 99}' WHERE id = $1`, [ids[2]]);
    const result = await verifyAuditChain(dataSource.manager);
    expect(result.firstBreak).toEqual(expect.objectContaining({ kind: 'edited', eventId: ids[2] }));
    expect(result.checked).toBe(2);
    const cli = verifyWithCli(database.url);
    expect(cli.status).toBe(1);
    expect(cli.output).toContain(`event ${ids[2]}`);
  });

  it('detects a deleted row in the middle of the chain', async () => {
    await tamper(dataSource, 'DELETE FROM audit_events WHERE id = $1', [ids[1]]);
    const result = await verifyAuditChain(dataSource.manager);
    expect(result.firstBreak).toEqual(expect.objectContaining({ kind: 'missing_before', eventId: ids[2] }));
  });

  it('detects a deleted last row through the chain head', async () => {
    await tamper(dataSource, 'DELETE FROM audit_events WHERE id = $1', [ids[4]]);
    const result = await verifyAuditChain(dataSource.manager);
    expect(result.firstBreak).toEqual(expect.objectContaining({ kind: 'tail_missing', eventId: ids[4] }));
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        dataSource.transaction((manager) => appendAuditEvent(manager, { actorId: null, action: 'test.concurrent', subjectType: 'test', payload: { index } })),
      ),
    );
    expect(await dataSource.getRepository(AuditEvent).count()).toBe(25);
    expect((await verifyAuditChain(dataSource.manager)).firstBreak).toBeNull();
  });

  it('is reachable as npm run audit:verify', () => {
    const output = execFileSync('npm', ['run', '--silent', 'audit:verify'], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
    expect(output).toContain('audit chain intact');
  });
});
