import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A checkout in a folder only root can traverse (root's home is mode 700, and so is a folder
 * from mktemp -d): PostgreSQL runs as the postgres user, who can reach neither the binaries in
 * node_modules nor a data folder there. The start scripts must still start it.
 */
const asRoot = process.getuid?.() === 0;
(asRoot ? describe : describe.skip)('a checkout in a folder only root can traverse', () => {
  let checkout = '';

  beforeAll(() => {
    const parent = mkdtempSync(join(tmpdir(), 'vankien-root-only-'));
    chmodSync(parent, 0o700);
    checkout = join(parent, 'vankien');
    cpSync(join(__dirname, '..', '..', 'scripts'), join(checkout, 'scripts'), { recursive: true });
    // hard links: the same files, in folders the postgres user cannot enter
    execFileSync('cp', ['-al', join(__dirname, '..', '..', 'node_modules'), join(checkout, 'node_modules')]);
    for (const cached of spawnSync('sh', ['-c', 'ls -d /var/tmp/vankien-postgres-* 2>/dev/null'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)) rmSync(cached, { recursive: true, force: true });
  });

  afterAll(() => {
    if (checkout) rmSync(join(checkout, '..'), { recursive: true, force: true });
  });

  it('starts PostgreSQL with binaries copied where the postgres user can run them, and its data outside the folder', () => {
    expect(statSync(join(checkout, '..')).mode & 0o777).toBe(0o700);
    const script = `
      import { freePort, startPostgres } from './scripts/lib/services.mjs';
      import pg from 'pg';
      const server = await startPostgres({ dataDir: ${JSON.stringify(join(checkout, '.data', 'postgres'))}, port: await freePort(), database: 'vankien' });
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query('SELECT current_user AS who, 40 + 2 AS answer');
      await client.end();
      await server.stop();
      process.stdout.write(JSON.stringify({ dataDir: server.dataDir, ...rows[0] }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: checkout, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/EACCES|initdb failed/);
    const result = JSON.parse(run.stdout) as { dataDir: string; who: string; answer: number };
    expect(result).toMatchObject({ who: 'postgres', answer: 42 });
    expect(result.dataDir.startsWith('/var/lib/vankien/')).toBe(true);
    expect(run.stderr).toContain('copying the PostgreSQL binaries');
    rmSync(join(result.dataDir, '..'), { recursive: true, force: true });
  });
});
