#!/usr/bin/env node
// The comment ingestion benchmark, in one command:
//   node bench/ingest/run.mjs [--comments 100000] [--per-request 10000] [--seed 20251115]
//                             [--no-phases] [--profile DIR]
// Builds if needed, starts a throwaway PostgreSQL and Redis (scripts/lib/services.mjs), migrates
// and seeds the demo data, starts the built feedback and editor apps as child processes on
// 127.0.0.1, freezes a political report, opens a round for the province's children, then:
//   1. ingests the generated comments through POST /api/submissions/:id/comments/bulk, in
//      requests of --per-request, spread over three units' submissions (each as its clerk, with
//      an Idempotency-Key), one request at a time, timing each request and the whole;
//   2. puts the same rows into the same table with a server-side COPY FROM a CSV file (before
//      and after the API, into another submission), and with INSERT … SELECT FROM unnest(…);
//   3. prints the ratio API / COPY, the feedback process's peak RSS and CPU, PostgreSQL's CPU;
//   4. (unless --no-phases) times the phases of one request of --per-request: one refused by the
//      DTO validation on its last line (parse + class-validator), one refused by the anchoring
//      check on its last line (+ authorisation, block catalogue, checkComments), and one stored
//      without an Idempotency-Key (+ insert), against one stored with a key.
// Writes every figure as JSON (BENCH_OUT, default a file under the system's temp dir) and stops
// everything it started, also on failure. --profile DIR writes a V8 CPU profile of the feedback
// process when it stops (summarise it with bench/ingest/profile-summary.mjs).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, log, startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { generateComments } from './generate.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const total = Number(option('comments', '100000'));
const perRequest = Number(option('per-request', '10000'));
const seed = Number(option('seed', '20251115'));
const phases = !args.includes('--no-phases');
const profileDir = option('profile', '') ? resolve(option('profile', '')) : '';
// requests in flight at once (one unit per stream; 1 = one request at a time, as a clerk's client sends them)
const concurrency = Math.max(1, Math.min(3, Number(option('concurrency', '1'))));
// extra node flags for the feedback process, e.g. --feedback-node-args=--max-semi-space-size=64
const feedbackNodeArgs = (args.find((a) => a.startsWith('--feedback-node-args='))?.slice('--feedback-node-args='.length) ?? '').split(' ').filter(Boolean);
const password = 'vankien-demo-2025';
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const round = (value, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);
const now = () => performance.now();
const clockTicks = 100; // USER_HZ on Linux

// ---------------------------------------------------------------- build
async function build() {
  if (process.env.SKIP_BUILD) return;
  const { ensureBuilt } = await import('../../scripts/lib/ensure-built.mjs');
  try {
    ensureBuilt();
  } catch (error) {
    // others edit apps/ and libs/ meanwhile: tsc still emits what it can
    if (!existsSync(join(repoRoot, 'dist/apps/feedback/src/main.js'))) throw error;
    log(`note: the build failed (${error.message.split('\n')[0]}); using what is in dist/`);
  }
}

/**
 * A private copy of dist/ for this run: others rebuild the shared dist/ while they work (tsc
 * rewrites every file, then tsc-alias resolves the @vankien/* imports), so the apps started from
 * it could load a half-written tree. Waits (bounded) until no file changed for 5 s and no import
 * is left unresolved, then copies. Modules resolve from the repository's node_modules (NODE_PATH).
 */
async function snapshotDist(target) {
  const source = join(repoRoot, 'dist');
  const files = (directory) =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)]));
  const deadline = Date.now() + 180_000;
  for (;;) {
    const list = files(source).filter((file) => file.endsWith('.js'));
    const newest = Math.max(...list.map((file) => statSync(file).mtimeMs));
    const unresolved = list.some((file) => /require\("@vankien\//.test(readFileSync(file, 'utf8')));
    if (!unresolved && Date.now() - newest > 5000) break;
    if (Date.now() > deadline) throw new Error('dist/ did not settle within 180 s (someone keeps rebuilding it)');
    await sleep(1000);
  }
  cpSync(source, target, { recursive: true });
  return target;
}

// ---------------------------------------------------------------- processes
const children = new Set();
let distDir = join(repoRoot, 'dist');

function spawnApp(name, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, join(distDir, `apps/${name}/src/main.js`)], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_PATH: join(repoRoot, 'node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  child.exited = new Promise((done) => child.once('exit', (code, signal) => (children.delete(child), done({ code, signal }))));
  child.outputText = () => output;
  return child;
}

async function stopChild(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  child.kill('SIGTERM');
  await child.exited;
  clearTimeout(timer);
}

async function waitHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${child.outputText()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      const text = await response.text();
      // the feedback app also reports the worker's heartbeat; no worker runs here (nothing on this path queues work)
      const details = (() => {
        try {
          return JSON.parse(text).details ?? {};
        } catch {
          return {};
        }
      })();
      if (details.database?.status === 'up' && details.redis?.status === 'up' && Object.entries(details).every(([name, check]) => name === 'worker' || check.status === 'up')) return;
      last = `${response.status} ${text.slice(0, 500)}`;
    } catch (error) {
      last = error.cause?.message ?? error.message;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last}):\n${child.outputText()}`);
}

/** user + system CPU of one process, in ms (0 when gone). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}

/** CPU of a process and all its children (PostgreSQL: the postmaster and its backends). */
function treeCpuMs(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  // the postmaster's own time plus that of the backends it has reaped (cutime, cstime), plus its live children
  let sum = 0;
  try {
    const fields = readFileSync(`/proc/${rootPid}/stat`, 'utf8').split(') ')[1].split(' ');
    sum += ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / clockTicks;
  } catch {
    // gone
  }
  for (const [pid, ppid] of parents) if (ppid === rootPid) sum += cpuMs(pid);
  return sum;
}

function memoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** Samples the feedback process's RSS every 50 ms while `work` runs (VmHWM is the kernel's own peak). */
async function sampled(pid, work) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, memoryMb(pid).rss)), 50);
  try {
    return { value: await work(), sampledPeakMb: peak };
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, memoryMb(pid).rss);
  }
}

// ---------------------------------------------------------------- HTTP
async function call(base, method, path, { body, rawBody, token, headers = {}, timeoutMs = 300_000 } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed };
}

function expectStatus(answer, status, what) {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 1000)}`);
  return answer.body;
}

// ---------------------------------------------------------------- baselines
const columns = ['submission_id', 'round_id', 'document_version_id', 'block_id', 'position', 'kind', 'text', 'quote', 'quote_prefix', 'quote_suffix', 'supporters', 'supporters_total'];

/** The rows as the API stores them (text NFC and trimmed; absent optional fields NULL). */
function rowsOf(comments, submission, roundId, versionId) {
  return comments.map((c, index) => [
    submission,
    roundId,
    versionId,
    c.blockId,
    index + 1,
    c.kind,
    c.text.normalize('NFC').trim(),
    c.quote ?? null,
    c.quotePrefix ?? null,
    c.quoteSuffix ?? null,
    c.supporters ?? null,
    c.supportersTotal ?? null,
  ]);
}

function csvField(value) {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${String(value).replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------- main
const root = mkdtempSync(join(tmpdir(), 'vankien-bench-ingest-'));
chmodSync(root, 0o755);
const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  loadAverageStart: loadavg().map((v) => round(v, 2)),
  comments: total,
  perRequest,
  concurrency,
  feedbackNodeArgs,
};
const stops = [];
let exitCode = 1;

async function main() {
  await build();
  distDir = await snapshotDist(join(root, 'dist'));
  // this process loads the same copy (migrations, seed): its requires must find the repository's node_modules
  process.env.NODE_PATH = join(repoRoot, 'node_modules');
  require('node:module').Module._initPaths();
  const postgres = await startPostgres({ dataDir: join(root, 'postgres'), port: await freePort(), database: 'vankien_bench' });
  stops.push(() => postgres.stop());
  const redis = await startRedis({ dir: join(root, 'redis'), port: await freePort(), persistent: false });
  stops.push(() => redis.stop());
  const { runMigrations } = require(join(distDir, 'libs/database/src/migrate.js'));
  await runMigrations(postgres.url);
  const { dataSourceOptions } = require(join(distDir, 'libs/database/src/data-source-options.js'));
  const { seedDemoData } = require(join(distDir, 'apps/feedback/src/seed/demo-seed.js'));
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource(dataSourceOptions(postgres.url, { applicationName: 'bench-ingest-setup', poolSize: 2 }));
  await dataSource.initialize();
  stops.push(() => dataSource.destroy());
  await seedDemoData(dataSource);
  const org = Object.fromEntries((await dataSource.query('SELECT code, id FROM organizations')).map((o) => [o.code, o.id]));

  const environment = {
    NODE_ENV: 'production',
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    FEEDBACK_PORT: String(await freePort()),
    EDITOR_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
  };
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const feedback = spawnApp('feedback', environment, [...feedbackNodeArgs, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-name=feedback.cpuprofile'] : [])]);
  stops.push(() => stopChild(feedback));
  const editor = spawnApp('editor', environment);
  stops.push(() => stopChild(editor));
  const feedbackUrl = `http://127.0.0.1:${environment.FEEDBACK_PORT}`;
  const editorUrl = `http://127.0.0.1:${environment.EDITOR_PORT}`;
  await Promise.all([waitHttp(`${feedbackUrl}/health`, 90_000, feedback), waitHttp(`${editorUrl}/health`, 90_000, editor)]);
  log(`feedback (pid ${feedback.pid}) and editor (pid ${editor.pid}) are up`);

  const tokens = {};
  for (const who of ['tieuban', 'vanphong.tp', 'vanphong.td', 'vanphong.pt', 'mttq', 'tinhdoan']) {
    tokens[who] = expectStatus(await call(feedbackUrl, 'POST', '/api/auth/login', { body: { email: `${who}@vankien.local`, password } }), 200, `login ${who}`).accessToken;
  }
  const document = expectStatus(
    await call(editorUrl, 'POST', '/api/documents', { token: tokens.tieuban, body: { organizationId: org.LC, kind: 'political_report', title: 'Báo cáo chính trị (benchmark)', term: '2025–2030' } }),
    201,
    'create document',
  );
  const version = expectStatus(await call(editorUrl, 'POST', `/api/documents/${document.id}/versions`, { token: tokens.tieuban, body: {} }), 201, 'freeze');
  const blocks = version.blockIndex;
  results.blocks = { count: blocks.length, withText: blocks.filter((b) => (b.text ?? '').trim()).length };
  const created = expectStatus(
    await call(feedbackUrl, 'POST', '/api/rounds', {
      token: tokens.tieuban,
      body: {
        organizationId: org.LC,
        title: 'Lấy ý kiến dự thảo Báo cáo chính trị (benchmark)',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        documentVersionIds: [version.id],
        invitations: { childrenOf: [{ organizationId: org.LC, depth: 1 }], groups: ['fatherland_front', 'socio_political'] },
      },
    }),
    201,
    'create round',
  );
  expectStatus(await call(feedbackUrl, 'POST', `/api/rounds/${created.id}/open`, { token: tokens.tieuban, body: {} }), 200, 'open round');
  const roundId = created.id;
  const openSubmission = async (who, code) =>
    expectStatus(await call(feedbackUrl, 'POST', `/api/rounds/${roundId}/submissions`, { token: tokens[who], body: { organizationId: org[code] } }), 200, `open submission ${code}`).id;
  const units = [
    { who: 'vanphong.tp', code: 'LC-TP' },
    { who: 'vanphong.td', code: 'LC-TD' },
    { who: 'vanphong.pt', code: 'LC-PT' },
  ];
  for (const unit of units) unit.submission = await openSubmission(unit.who, unit.code);
  const copySubmission = await openSubmission('mttq', 'LC-MTTQ');
  const phaseSubmission = await openSubmission('tinhdoan', 'LC-DTN');

  // ---- the comments, and the request bodies, ready before any timing
  let started = now();
  const comments = generateComments(total, blocks, seed);
  const lengths = comments.map((c) => c.text.length);
  results.generated = {
    ms: round(now() - started),
    textChars: { min: Math.min(...lengths), max: Math.max(...lengths), mean: round(lengths.reduce((a, b) => a + b, 0) / lengths.length) },
    withQuote: comments.filter((c) => c.quote).length,
    withSupporters: comments.filter((c) => c.supporters).length,
    kinds: comments.reduce((counts, c) => ((counts[c.kind] = (counts[c.kind] ?? 0) + 1), counts), {}),
  };
  const requests = [];
  for (let start = 0, n = 0; start < total; start += perRequest, n++) {
    // 10 requests over 3 units: 4 + 3 + 3 (about a third each, at most 50,000 per submission)
    const unit = units[Math.min(units.length - 1, Math.floor((n * units.length) / Math.ceil(total / perRequest)))];
    const body = JSON.stringify({ comments: comments.slice(start, start + perRequest) });
    requests.push({ n: n + 1, unit, count: Math.min(perRequest, total - start), body });
  }
  results.requestBytes = { mean: Math.round(requests.reduce((sum, r) => sum + Buffer.byteLength(r.body), 0) / requests.length) };

  // ---- CSV for the server-side COPY, readable by the postgres user
  const copyDir = join(root, 'copy');
  mkdirSync(copyDir, { mode: 0o755 });
  chmodSync(copyDir, 0o755);
  const csvFile = join(copyDir, 'comments.csv');
  started = now();
  const rows = rowsOf(comments, copySubmission, roundId, version.id);
  writeFileSync(csvFile, rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n', { mode: 0o644 });
  chmodSync(csvFile, 0o644);
  results.csv = { ms: round(now() - started), bytes: readFileSync(csvFile).length };

  const pg = require('pg');
  const client = new pg.Client({ connectionString: postgres.url, application_name: 'bench-ingest-baseline' });
  await client.connect();
  stops.push(() => client.end());
  const pgPid = postgres.process.pid;

  const copyOnce = async (label) => {
    await client.query('CHECKPOINT');
    const cpu0 = treeCpuMs(pgPid);
    const t0 = now();
    await client.query('BEGIN');
    const copied = await client.query(`COPY comments (${columns.join(', ')}) FROM '${csvFile}' WITH (FORMAT csv)`);
    await client.query('COMMIT');
    const ms = now() - t0;
    const figures = { label, rows: copied.rowCount, ms: round(ms), rowsPerSecond: Math.round((copied.rowCount / ms) * 1000), postgresCpuMs: Math.round(treeCpuMs(pgPid) - cpu0) };
    log(`COPY (${label}): ${figures.rows} rows in ${figures.ms} ms = ${figures.rowsPerSecond} rows/s`);
    return figures;
  };

  // ---- 2a. COPY before the API
  results.copyBefore = await copyOnce('before the API');

  // ---- 1. the API, one request at a time
  await client.query('CHECKPOINT');
  const runId = randomBytes(4).toString('hex');
  const apiRequests = [];
  const feedbackCpu0 = cpuMs(feedback.pid);
  const pgCpu0 = treeCpuMs(pgPid);
  const memoryBefore = memoryMb(feedback.pid);
  const whole = now();
  const sendAll = async (list) => {
    for (const request of list) {
      const fb0 = cpuMs(feedback.pid);
      const pg0 = treeCpuMs(pgPid);
      const t0 = now();
      const answer = await call(feedbackUrl, 'POST', `/api/submissions/${request.unit.submission}/comments/bulk`, {
        rawBody: request.body,
        token: tokens[request.unit.who],
        headers: { 'idempotency-key': `bench-ingest-${runId}-${request.n}` },
      });
      const ms = now() - t0;
      const body = expectStatus(answer, 201, `bulk request ${request.n}`);
      if (body.added !== request.count) throw new Error(`bulk request ${request.n}: added ${body.added}, expected ${request.count}`);
      const figures = {
        n: request.n,
        unit: request.unit.code,
        rows: request.count,
        ms: round(ms),
        rowsPerSecond: Math.round((request.count / ms) * 1000),
        feedbackCpuMs: Math.round(cpuMs(feedback.pid) - fb0),
        postgresCpuMs: Math.round(treeCpuMs(pgPid) - pg0),
        rssMb: round(memoryMb(feedback.pid).rss),
      };
      apiRequests.push(figures);
      log(`bulk ${figures.n} (${figures.unit}): ${figures.rows} rows in ${figures.ms} ms = ${figures.rowsPerSecond} rows/s (feedback CPU ${figures.feedbackCpuMs} ms, PostgreSQL CPU ${figures.postgresCpuMs} ms, RSS ${figures.rssMb} MB)`);
    }
  };
  const { sampledPeakMb } = await sampled(feedback.pid, async () => {
    if (concurrency === 1) return sendAll(requests);
    // one stream per unit (a unit's requests stay in order: they lock the same submission)
    await Promise.all(units.map((unit) => sendAll(requests.filter((r) => r.unit === unit))));
  });
  apiRequests.sort((a, b) => a.n - b.n);
  const wholeMs = now() - whole;
  const stored = await client.query('SELECT submission_id, count(*)::int AS n FROM comments WHERE submission_id = ANY($1) GROUP BY 1', [units.map((u) => u.submission)]);
  const storedTotal = stored.rows.reduce((sum, r) => sum + r.n, 0);
  if (storedTotal !== total) throw new Error(`the API stored ${storedTotal} comments, expected ${total}`);
  const sortedMs = apiRequests.map((r) => r.ms).sort((a, b) => a - b);
  results.api = {
    requests: apiRequests,
    rows: storedTotal,
    perUnit: Object.fromEntries(units.map((u) => [u.code, stored.rows.find((r) => r.submission_id === u.submission)?.n ?? 0])),
    ms: round(wholeMs),
    rowsPerSecond: Math.round((total / wholeMs) * 1000),
    requestMs: { min: sortedMs[0], median: sortedMs[Math.floor(sortedMs.length / 2)], max: sortedMs[sortedMs.length - 1] },
    feedbackCpuMs: Math.round(cpuMs(feedback.pid) - feedbackCpu0),
    postgresCpuMs: Math.round(treeCpuMs(pgPid) - pgCpu0),
    feedbackRssMb: { before: round(memoryBefore.rss), sampledPeak: round(sampledPeakMb), after: round(memoryMb(feedback.pid).rss) },
  };
  log(`API: ${total} rows in ${round(wholeMs)} ms = ${results.api.rowsPerSecond} rows/s`);

  // the next-position query each request runs (apps/feedback/src/submissions/submissions.service.ts), on the largest submission
  {
    const plan = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT coalesce(max(position), 0) + 1 AS next FROM comments WHERE submission_id = $1`, [units[0].submission]);
    const top = plan.rows[0]['QUERY PLAN'][0];
    results.nextPositionQuery = { rowsInSubmission: results.api.perUnit[units[0].code], ms: round(top['Execution Time'], 2), plan: top.Plan['Node Type'] + (top.Plan.Plans?.[0] ? ` → ${top.Plan.Plans[0]['Node Type']}` : '') };
  }

  // ---- 2b. COPY after the API (the table and its indexes now as large as the API left them)
  results.copyAfter = await copyOnce('after the API');

  // ---- 2c. INSERT … SELECT FROM unnest(…) of the same rows, one statement per request's worth
  {
    await client.query('CHECKPOINT');
    const cpu0 = treeCpuMs(pgPid);
    const t0 = now();
    await client.query('BEGIN');
    for (let start = 0; start < rows.length; start += perRequest) {
      const chunk = rows.slice(start, start + perRequest);
      const arrays = columns.map((_, k) => chunk.map((row) => row[k]));
      await client.query(
        `INSERT INTO comments (${columns.join(', ')})
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::int[], $6::varchar[], $7::text[], $8::text[], $9::varchar[], $10::varchar[], $11::int[], $12::int[])`,
        arrays,
      );
    }
    await client.query('COMMIT');
    const ms = now() - t0;
    results.unnest = { rows: rows.length, statements: Math.ceil(rows.length / perRequest), ms: round(ms), rowsPerSecond: Math.round((rows.length / ms) * 1000), postgresCpuMs: Math.round(treeCpuMs(pgPid) - cpu0) };
    log(`INSERT … unnest: ${rows.length} rows in ${results.unnest.ms} ms = ${results.unnest.rowsPerSecond} rows/s`);
  }

  // ---- 2d. the app's own statement shape from this client: INSERT … VALUES of 1000 rows (12,000 parameters)
  {
    await client.query('CHECKPOINT');
    const cpu0 = treeCpuMs(pgPid);
    const t0 = now();
    await client.query('BEGIN');
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const values = chunk.flat();
      const tuples = chunk.map((_, index) => `(${columns.map((__, k) => `$${index * columns.length + k + 1}`).join(', ')})`);
      await client.query(`INSERT INTO comments (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
    }
    await client.query('COMMIT');
    const ms = now() - t0;
    results.multiRowValues = { rows: rows.length, statements: Math.ceil(rows.length / 1000), ms: round(ms), rowsPerSecond: Math.round((rows.length / ms) * 1000), postgresCpuMs: Math.round(treeCpuMs(pgPid) - cpu0) };
    log(`INSERT … VALUES ×1000: ${rows.length} rows in ${results.multiRowValues.ms} ms = ${results.multiRowValues.rowsPerSecond} rows/s`);
  }

  // ---- 4. phases of one request of --per-request
  if (phases) {
    const sample = comments.slice(0, perRequest);
    const timedRequest = async (label, list, { key, expect }) => {
      const rawBody = JSON.stringify({ comments: list });
      const fb0 = cpuMs(feedback.pid);
      const pg0 = treeCpuMs(pgPid);
      const t0 = now();
      const answer = await call(feedbackUrl, 'POST', `/api/submissions/${phaseSubmission}/comments/bulk`, { rawBody, token: tokens.tinhdoan, headers: key ? { 'idempotency-key': key } : {} });
      const ms = now() - t0;
      expectStatus(answer, expect, label);
      const figures = { label, status: answer.status, ms: round(ms), feedbackCpuMs: Math.round(cpuMs(feedback.pid) - fb0), postgresCpuMs: Math.round(treeCpuMs(pgPid) - pg0) };
      log(`phase ${label}: ${figures.ms} ms (feedback CPU ${figures.feedbackCpuMs} ms, PostgreSQL CPU ${figures.postgresCpuMs} ms)`);
      return figures;
    };
    const badLast = (change) => [...sample.slice(0, -1), { ...sample[sample.length - 1], ...change }];
    const phaseRuns = [];
    // twice each, alternating, to see the noise of this machine
    for (let repeat = 0; repeat < 2; repeat++) {
      phaseRuns.push(await timedRequest('dto-refused (400): parse + class-transformer + class-validator', badLast({ kind: 'opinion' }), { expect: 400 }));
      phaseRuns.push(await timedRequest('anchor-refused (422): + authorise + catalogue + checkComments', badLast({ blockId: 'no-such-block' }), { expect: 422 }));
    }
    phaseRuns.push(await timedRequest('stored without Idempotency-Key (201)', sample, { expect: 201 }));
    phaseRuns.push(await timedRequest('stored with Idempotency-Key (201)', sample, { key: `bench-ingest-${runId}-phase`, expect: 201 }));
    phaseRuns.push(await timedRequest('replay of that Idempotency-Key (201)', sample, { key: `bench-ingest-${runId}-phase`, expect: 201 }));
    results.phases = phaseRuns;
  }

  // ---- 3. the ratio and the memory
  const copyRate = Math.min(results.copyBefore.rowsPerSecond, results.copyAfter.rowsPerSecond);
  results.ratio = {
    apiOverCopyBefore: round(results.api.rowsPerSecond / results.copyBefore.rowsPerSecond, 3),
    apiOverCopyAfter: round(results.api.rowsPerSecond / results.copyAfter.rowsPerSecond, 3),
    apiOverUnnest: round(results.api.rowsPerSecond / results.unnest.rowsPerSecond, 3),
    multiRowValuesOverCopyAfter: round(results.multiRowValues.rowsPerSecond / results.copyAfter.rowsPerSecond, 3),
  };
  results.goal = { rule: 'API rate ≥ 1/3 of COPY rate (the slower of the two COPY runs)', met: results.api.rowsPerSecond * 3 >= copyRate };
  const memory = memoryMb(feedback.pid);
  results.feedbackPeakRssMb = round(memory.peak);
  results.loadAverageEnd = loadavg().map((v) => round(v, 2));
  exitCode = 0;
}

function report() {
  const lines = [];
  const print = (line = '') => lines.push(line);
  print(`Comment ingestion benchmark — ${results.date}`);
  print(`requests of ${perRequest}, ${concurrency} in flight${feedbackNodeArgs.length ? `, feedback started with ${feedbackNodeArgs.join(' ')}` : ''}`);
  print(`machine: ${results.machine}; load average ${results.loadAverageStart?.join(' ')} → ${results.loadAverageEnd?.join(' ') ?? '?'}`);
  if (results.generated) {
    print(`comments: ${total} on ${results.blocks.count} blocks (${results.blocks.withText} with text); text ${results.generated.textChars.min}–${results.generated.textChars.max} chars (mean ${results.generated.textChars.mean}); ${results.generated.withQuote} quoting, ${results.generated.withSupporters} with supporters; kinds ${JSON.stringify(results.generated.kinds)}; request body ${round(results.requestBytes.mean / 2 ** 20, 2)} MiB`);
  }
  if (results.api) {
    print();
    print('| request | unit | rows | ms | rows/s | feedback CPU ms | PostgreSQL CPU ms | feedback RSS MB |');
    print('|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results.api.requests) print(`| ${r.n} | ${r.unit} | ${r.rows} | ${r.ms} | ${r.rowsPerSecond} | ${r.feedbackCpuMs} | ${r.postgresCpuMs} | ${r.rssMb} |`);
    print();
    print('| path | rows | ms | rows/s | feedback CPU ms | PostgreSQL CPU ms |');
    print('|---|---:|---:|---:|---:|---:|');
    print(`| API (bulk, ${results.api.requests.length} requests) | ${results.api.rows} | ${results.api.ms} | ${results.api.rowsPerSecond} | ${results.api.feedbackCpuMs} | ${results.api.postgresCpuMs} |`);
    for (const copy of [results.copyBefore, results.copyAfter].filter(Boolean)) print(`| COPY FROM file (${copy.label}) | ${copy.rows} | ${copy.ms} | ${copy.rowsPerSecond} | | ${copy.postgresCpuMs} |`);
    if (results.multiRowValues) print(`| INSERT … VALUES, 1000 rows a statement (the app's SQL, from a plain client) | ${results.multiRowValues.rows} | ${results.multiRowValues.ms} | ${results.multiRowValues.rowsPerSecond} | | ${results.multiRowValues.postgresCpuMs} |`);
    if (results.unnest) print(`| INSERT … SELECT unnest (${results.unnest.statements} statements) | ${results.unnest.rows} | ${results.unnest.ms} | ${results.unnest.rowsPerSecond} | | ${results.unnest.postgresCpuMs} |`);
    print();
  }
  if (results.phases) {
    print('| one request of ' + perRequest + ' | status | ms | feedback CPU ms | PostgreSQL CPU ms |');
    print('|---|---:|---:|---:|---:|');
    for (const p of results.phases) print(`| ${p.label} | ${p.status} | ${p.ms} | ${p.feedbackCpuMs} | ${p.postgresCpuMs} |`);
    print();
  }
  if (results.ratio) {
    print(`ratio API/COPY: ${results.ratio.apiOverCopyBefore} (COPY before), ${results.ratio.apiOverCopyAfter} (COPY after); API/unnest ${results.ratio.apiOverUnnest}`);
    print(`goal (API ≥ 1/3 of COPY): ${results.goal.met ? 'MET' : 'NOT MET'}`);
    if (results.nextPositionQuery) print(`next-position query on a submission of ${results.nextPositionQuery.rowsInSubmission} comments: ${results.nextPositionQuery.ms} ms (${results.nextPositionQuery.plan})`);
    print(`feedback peak RSS (VmHWM): ${results.feedbackPeakRssMb} MB (sampled during the API: ${results.api.feedbackRssMb.sampledPeak} MB; before ${results.api.feedbackRssMb.before} MB)`);
  }
  return lines.join('\n');
}

try {
  await main();
} catch (error) {
  results.error = error.stack ?? String(error);
  process.stderr.write(`bench/ingest failed: ${results.error}\n`);
} finally {
  for (const stop of stops.reverse()) await Promise.resolve().then(stop).catch(() => undefined);
  for (const child of children) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
}
const out = process.env.BENCH_OUT ?? join(tmpdir(), `vankien-bench-ingest-${Date.now()}.json`);
writeFileSync(out, JSON.stringify(results, null, 2));
process.stdout.write(`${report()}\n\nfigures: ${out}\n`);
process.exit(exitCode);
