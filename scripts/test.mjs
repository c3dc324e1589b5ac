// `npm test`: every test, on a machine with nothing started. Starts a throwaway PostgreSQL and
// Redis (own ports, own folder under the system's temp dir; never the data of `npm start`),
// migrates a template database that each test file clones, runs Jest, and stops them.
// Arguments are passed to Jest (e.g. `npm test -- test/auth`).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, freePort, log, startPostgres, startRedis } from './lib/services.mjs';

ensureDependencies();
const { ensureBuilt, ensureWebBuilt, repoRoot } = await import('./lib/ensure-built.mjs');
ensureBuilt();
// the browser tests (test/web) drive the built web interface with Debian's chromium
ensureWebBuilt();
const chromium = ensureChromium();
// Jest only transpiles; the whole tree, tests included, is type-checked here (strict)
if (!process.env.SKIP_TYPECHECK) {
  log('Type-checking (tsc --noEmit)…');
  const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: repoRoot, stdio: 'inherit' });
  if (typecheck.status !== 0) {
    log('Type errors: fix them first (SKIP_TYPECHECK=1 skips this step while iterating).');
    process.exit(1);
  }
}

// high or critical advisories against production dependencies fail the run (CI included)
if (spawnSync(process.execPath, [join(repoRoot, 'scripts/audit-dependencies.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);

const root = mkdtempSync(join(tmpdir(), 'vankien-test-'));
// the postgres user (PostgreSQL refuses to run as root) must reach its data folder
chmodSync(root, 0o755);
const stops = [];
let exitCode = 1;
try {
  const postgres = await startPostgres({ dataDir: join(root, 'postgres'), port: await freePort(), database: 'vankien_template' });
  stops.push(() => postgres.stop());
  const redis = await startRedis({ dir: join(root, 'redis'), port: await freePort(), persistent: false });
  stops.push(() => redis.stop());
  const require = createRequire(import.meta.url);
  await require(join(repoRoot, 'dist/libs/database/src/migrate.js')).runMigrations(postgres.url);
  log(`Test PostgreSQL ${postgres.url.replace(/:[^:@/]+@/, ':***@')}, Redis ${redis.url}`);

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    TEST_POSTGRES_ADMIN_URL: postgres.adminUrl,
    TEST_TEMPLATE_DATABASE: 'vankien_template',
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...(chromium ? { VANKIEN_CHROMIUM: chromium } : {}),
  };
  exitCode = await new Promise((resolve) => {
    const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--maxWorkers=2', ...process.argv.slice(2)], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    const forward = (signal) => jest.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    jest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
} catch (error) {
  log(`Cannot run the tests: ${error.message}`);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
