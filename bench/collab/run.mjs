#!/usr/bin/env node
// The collaborative editing benchmark, in one command:
//   node bench/collab/run.mjs [--only fanout,load,churn] [--fanout 50@3,200@3,200@0.25] [--seconds 25]
//                             [--documents 5000] [--updates 100000] [--load-rounds 2] [--profile DIR]
//                             [--collab-redis on,off] [--baseline DIR] [--light]
// --light: in fan-out, every client but the 5 probes per load process is a light typist that
// does not apply the others' edits (bench/collab/load.ts), so 200 clients fit this machine.
// --baseline DIR: fan-out also measures the editor built in DIR (another checkout, built, with
// node_modules): a before/after comparison in the same run.
// Builds, starts a throwaway PostgreSQL and Redis (scripts/lib/services.mjs), migrates and seeds a
// database, starts the built editor (and, for comparison, a bare Hocuspocus server) as child
// processes on 127.0.0.1, measures, prints a report and writes every figure as JSON
// (BENCH_OUT, default a file under the system's temp dir), and stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, log, startPostgres, startRedis } from '../../scripts/lib/services.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const only = new Set(option('only', 'fanout,load,churn').split(','));
const seconds = Number(option('seconds', '25'));
const churnDocuments = Number(option('documents', '5000'));
const logUpdates = Number(option('updates', '100000'));
// in-process measurements of the long log, repeated (--load-rounds)
const loadRounds = Number(option('load-rounds', '2'));
// clients@keystrokes-per-second-each; the last one keeps 200 recipients at a rate one load core can receive
const fanoutRuns = option('fanout', '50@3,200@3,200@0.25').split(',').map((run) => run.split('@').map(Number));
// fan-out measures the editor once per COLLAB_REDIS setting given (the other sections use `on`)
const collabRedisSettings = option('collab-redis', 'on,off').split(',');
const lightClients = args.includes('--light');
const baselineRoot = option('baseline', '') ? resolve(option('baseline', '')) : undefined;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const round = (value, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

// ---------------------------------------------------------------- build
function build() {
  if (process.env.SKIP_BUILD) return;
  log('Building (npm run build)…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status === 0) return;
  const output = `${result.stdout}${result.stderr}`;
  // others edit apps/ and libs/ meanwhile: tsc still emits; only errors in what this benchmark runs stop it
  if (/bench\/collab|apps\/editor|libs\/database|libs\/document-schema|libs\/auth|libs\/platform/.test(output)) {
    process.stderr.write(output);
    throw new Error('the build failed in code this benchmark runs');
  }
  log('note: the build reported errors elsewhere; using what tsc emitted');
  spawnSync('npx', ['tsc-alias', '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
}

// ---------------------------------------------------------------- processes
const dist = (path) => join(repoRoot, 'dist', path);
const bench = (name) => dist(`bench/collab/${name}.js`);
const { readProcess, readProcessTree, percentile } = (() => {
  build();
  return require(bench('common'));
})();
const children = new Set();
// --profile DIR: a V8 CPU profile of each editor and bare server process, written when it stops
// (node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line)
let profiles = 0;
const profileArgs = (name) =>
  option('profile', '') ? ['--cpu-prof', `--cpu-prof-dir=${resolve(option('profile', ''))}`, `--cpu-prof-name=${name}-${(profiles += 1)}-${process.pid}.cpuprofile`] : [];

function spawnChild(file, childArgs, env = {}, { nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, file, ...childArgs], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  child.exited = new Promise((done) => child.once('exit', (code, signal) => (children.delete(child), done({ code, signal }))));
  child.stderrText = () => stderr;
  return child;
}

/** Runs a child to its end (bounded), returning its stdout's JSON lines. */
async function runJson(file, childArgs, env = {}, { timeoutMs = 600_000, nodeArgs = [], onLine } = {}) {
  const child = spawnChild(file, childArgs, env, { nodeArgs });
  const lines = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const parsed = JSON.parse(line);
      lines.push(parsed);
      onLine?.(parsed);
    } catch {
      // not ours
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exit = await child.exited;
  clearTimeout(timer);
  if (exit.code !== 0) throw new Error(`${file} ${childArgs.join(' ').slice(0, 200)} failed (${exit.code ?? exit.signal}):\n${child.stderrText()}`);
  return lines;
}

async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  child.kill('SIGTERM');
  await child.exited;
  clearTimeout(timer);
}

async function waitHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${child.stderrText()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.stderrText()}`);
}

// ---------------------------------------------------------------- setup
const root = mkdtempSync(join(tmpdir(), 'vankien-bench-collab-'));
chmodSync(root, 0o755);
const results = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`, loadAverageStart: loadavg().map((v) => round(v, 2)) };
const stops = [];
let exitCode = 1;

async function main() {
  const postgres = await startPostgres({ dataDir: join(root, 'postgres'), port: await freePort(), database: 'vankien_bench' });
  stops.push(() => postgres.stop());
  const redis = await startRedis({ dir: join(root, 'redis'), port: await freePort(), persistent: false });
  stops.push(() => redis.stop());
  const { runMigrations } = require(dist('libs/database/src/migrate.js'));
  await runMigrations(postgres.url);
  const { dataSourceOptions } = require(dist('libs/database/src/data-source-options.js'));
  const { seedDemoData } = require(dist('apps/feedback/src/seed/demo-seed.js'));
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource(dataSourceOptions(postgres.url, { applicationName: 'bench-collab-setup', poolSize: 2 }));
  await dataSource.initialize();
  stops.push(() => dataSource.destroy());
  await seedDemoData(dataSource);
  const [drafter] = await dataSource.query(`SELECT id, email FROM users WHERE email = 'tieuban@vankien.local'`);
  const [province] = await dataSource.query(`SELECT id FROM organizations WHERE code = 'LC'`);
  await dataSource.query('CREATE TABLE IF NOT EXISTS bench_blobs (name text PRIMARY KEY, bytes bytea NOT NULL)');
  const secret = randomBytes(32).toString('hex');
  const jwt = require('jsonwebtoken');
  // access tokens carry an id and a session (the deny-list of logged-out sessions needs both)
  const token = jwt.sign({ sub: drafter.id, email: drafter.email, typ: 'access', jti: randomUUID(), sid: randomUUID() }, secret, { algorithm: 'HS256', expiresIn: '4h' });
  const pgPid = postgres.process.pid;
  const redisPid = redis.process.pid;

  const schema = require(dist('libs/document-schema/src/index.js'));
  const Y = require('yjs');
  const templateYDoc = schema.documentJsonToYDoc(schema.createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030' }));
  const templateState = Y.encodeStateAsUpdate(templateYDoc);
  const templateFile = join(root, 'template.bin');
  writeFileSync(templateFile, templateState);

  /** Creates documents straight in SQL, each with `state` as its one stored update. */
  async function createDocuments(count, state, title) {
    const ids = [];
    for (let done = 0; done < count; done += 1000) {
      const rows = await dataSource.query(
        `INSERT INTO documents (organization_id, kind, title, term, created_by_id)
         SELECT $1, 'political_report', $2, '2025–2030', $3 FROM generate_series(1, $4) RETURNING id`,
        [province.id, title, drafter.id, Math.min(1000, count - done)],
      );
      const batch = rows.map((row) => row.id);
      await dataSource.query('INSERT INTO document_updates (document_id, update) SELECT unnest($1::uuid[]), $2', [batch, Buffer.from(state)]);
      ids.push(...batch);
    }
    return ids;
  }

  async function startEditor(collabRedis = 'on', root = repoRoot) {
    const port = await freePort();
    const child = spawnChild(join(root, 'dist/apps/editor/src/main.js'), [], {
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      JWT_SECRET: secret,
      EDITOR_PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      COLLAB_REDIS: collabRedis,
    }, { nodeArgs: profileArgs(`editor-redis-${collabRedis}`) });
    child.stdout.resume();
    await waitHttp(`http://127.0.0.1:${port}/health`, 60_000, child);
    return { child, pid: child.pid, ws: `ws://127.0.0.1:${port}/collab`, stop: () => stopChild(child) };
  }

  async function startBare() {
    const port = await freePort();
    const child = spawnChild(bench('bare-server'), [String(port), templateFile], {}, { nodeArgs: profileArgs('bare') });
    await new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`bare server did not start:\n${child.stderrText()}`)), 30_000);
      child.stdout.setEncoding('utf8').on('data', (chunk) => chunk.includes('ready') && (clearTimeout(timer), done()));
    });
    child.stdout.resume();
    return { child, pid: child.pid, ws: `ws://127.0.0.1:${port}/collab`, stop: () => stopChild(child) };
  }

  const redisChannels = async () => {
    const IORedis = require('ioredis');
    const client = new IORedis(redis.url);
    try {
      // the extension's own reply channel stays; one channel per open document
      return (await client.pubsub('CHANNELS', '*')).filter((channel) => !channel.includes('#reply:')).length;
    } finally {
      client.disconnect();
    }
  };

  // ------------------------------------------------------------ 1. fan-out
  if (only.has('fanout')) {
    results.fanout = [];
    for (const [run, [clients, rate]] of fanoutRuns.entries()) {
      const servers = [['bare'], ...collabRedisSettings.map((setting) => ['editor', setting]), ...(baselineRoot ? [['editor-baseline', 'on']] : [])];
      // a repeated entry starts with the next server, so none is always measured first or last
      const variants = servers.map((_, index) => servers[(index + run) % servers.length]);
      for (const [kind, collabRedis] of variants) {
        log(`Fan-out: ${clients} clients × ${rate}/s, ${kind} server${collabRedis ? ` (COLLAB_REDIS=${collabRedis})` : ''}, ${seconds} s…`);
        const server = kind === 'bare' ? await startBare() : await startEditor(collabRedis, kind === 'editor-baseline' ? baselineRoot : repoRoot);
        const [documentId] = kind === 'bare' ? [randomUUID()] : await createDocuments(1, templateState, 'Fan-out');
        const processes = Math.max(1, Math.ceil(clients / 100));
        const probes = 5;
        const loads = [];
        for (let index = 0; index < processes; index += 1) {
          const out = join(root, `load-${kind}-${clients}-${index}.json`);
          const count = Math.floor(clients / processes) + (index < clients % processes ? 1 : 0);
          const child = spawnChild(bench('load'), [
            JSON.stringify({ url: server.ws, documentId, token, clients: count, rate, probes, seed: 1000 + index, out, light: lightClients }),
          ]);
          const connected = new Promise((done, fail) => {
            createInterface({ input: child.stdout }).on('line', (line) => line === 'connected' && done());
            child.exited.then(() => fail(new Error(`load process exited:\n${child.stderrText()}`)));
          });
          loads.push({ child, out, connected });
          await connected;
        }
        await sleep(2_000);
        const startAt = Date.now() + 500;
        const endAt = startAt + seconds * 1000;
        for (const load of loads) load.child.stdin.write(`${JSON.stringify({ startAt, endAt })}\n`);
        await sleep(startAt - Date.now());
        const commits = async () => Number((await dataSource.query('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()'))[0].xact_commit);
        const commitsBefore = await commits();
        const before = { server: readProcess(server.pid), pg: readProcessTree(pgPid), redis: readProcess(redisPid), loads: loads.map((load) => readProcess(load.child.pid)) };
        let peakRss = before.server.rssMb;
        while (Date.now() < endAt) {
          await sleep(Math.min(1000, Math.max(0, endAt - Date.now())));
          peakRss = Math.max(peakRss, readProcess(server.pid)?.rssMb ?? 0);
        }
        const after = { server: readProcess(server.pid), pg: readProcessTree(pgPid), redis: readProcess(redisPid), loads: loads.map((load) => readProcess(load.child.pid)) };
        for (const load of loads) {
          const exit = await Promise.race([load.child.exited, sleep(60_000).then(() => ({ code: 'timeout' }))]);
          if (exit.code !== 0) throw new Error(`load process failed (${exit.code}):\n${load.child.stderrText()}`);
        }
        const outputs = loads.map((load) => JSON.parse(readFileSync(load.out, 'utf8')));
        const sent = new Map();
        for (const output of outputs) for (const [key, at] of output.sends) sent.set(key, at);
        const latencies = [];
        for (const output of outputs) for (const [key, at] of output.receptions) if (sent.has(key)) latencies.push(at - sent.get(key));
        latencies.sort((a, b) => a - b);
        const probeCount = outputs.reduce((sum, output) => sum + output.probes, 0);
        const expected = sent.size * probeCount * ((clients - 1) / clients);
        const windowS = (endAt - startAt) / 1000;
        const cpuShare = (a, b) => (b && a ? round((b.cpuMs - a.cpuMs) / 10 / windowS) : NaN);
        const entry = {
          server: kind,
          ...(collabRedis ? { collabRedis } : {}),
          // which entry of --fanout (the same one may be given twice, to repeat it)
          run,
          clients,
          ratePerClient: rate,
          lightClients,
          loadProcesses: processes,
          edits: sent.size,
          editsPerSecond: round(sent.size / windowS),
          deliveriesMeasured: latencies.length,
          deliveredShare: round(latencies.length / expected, 3),
          p50Ms: round(percentile(latencies, 50)),
          p90Ms: round(percentile(latencies, 90)),
          p99Ms: round(percentile(latencies, 99)),
          maxMs: round(latencies[latencies.length - 1]),
          serverCpuPercent: cpuShare(before.server, after.server),
          // of which in the kernel, and of which on the main thread (the rest: decoder and GC threads)
          serverSystemCpuPercent: cpuShare(before.server && { cpuMs: before.server.systemMs }, after.server && { cpuMs: after.server.systemMs }),
          serverMainThreadCpuPercent: cpuShare(before.server && { cpuMs: before.server.mainThreadMs }, after.server && { cpuMs: after.server.mainThreadMs }),
          serverRssEndMb: round(after.server.rssMb),
          serverRssPeakMb: round(peakRss),
          // approximate: backends that exit during the window take their CPU time with them
          postgresCpuPercent: Math.max(0, cpuShare(before.pg, after.pg)),
          redisCpuPercent: cpuShare(before.redis, after.redis),
          loadCpuPercent: loads.map((_, index) => cpuShare(before.loads[index], after.loads[index])),
          loadEventLoopDelayP99Ms: outputs.map((output) => round(output.eventLoopDelayP99Ms)),
          connectMs: outputs.map((output) => output.connectMs),
          unsyncedAtEnd: outputs.reduce((sum, output) => sum + output.unsyncedAtEnd, 0),
          // edits per message a probe received: how much the server merged its broadcasts
          editsPerMessage: round(latencies.length / outputs.reduce((sum, output) => sum + output.remoteTransactions, 0), 2),
          loadAverage: round(loadavg()[0], 2),
        };
        if (kind !== 'bare') {
          entry.storedUpdates = Number((await dataSource.query('SELECT count(*) AS n FROM document_updates WHERE document_id = $1', [documentId]))[0].n) - 1;
          // PostgreSQL publishes its counters about once a second; the drain above waited longer
          entry.commits = (await commits()) - commitsBefore;
        }
        results.fanout.push(entry);
        log(JSON.stringify(entry));
        await server.stop();
      }
    }
    // editor ÷ bare measured next to it (same entry of --fanout)
    results.fanoutRatios = [];
    for (const entry of results.fanout.filter((row) => row.server !== 'bare')) {
      const bare = results.fanout.find((row) => row.server === 'bare' && row.run === entry.run);
      if (!bare) continue;
      const ratio = (name) => round(entry[name] / bare[name], 2);
      const line = { server: entry.server, run: entry.run, clients: entry.clients, ratePerClient: entry.ratePerClient, collabRedis: entry.collabRedis, cpu: ratio('serverCpuPercent'), p50: ratio('p50Ms'), p99: ratio('p99Ms'), rss: ratio('serverRssEndMb') };
      results.fanoutRatios.push(line);
      log(`editor ÷ bare: ${JSON.stringify(line)}`);
    }
  }

  // ------------------------------------------------------------ 2. loading a 100-page report
  if (only.has('load')) {
    const report = require(bench('report'));
    const json = report.buildReport();
    const state = report.reportState(json);
    const stateFile = join(root, 'report.bin');
    writeFileSync(stateFile, state);
    const [documentId] = await createDocuments(1, state, 'Báo cáo chính trị 100 trang');
    await dataSource.query('INSERT INTO bench_blobs (name, bytes) VALUES ($1, $2)', ['report', Buffer.from(state)]);
    const load = (results.load = { words: report.reportWords(json), blocks: json.content.length, stateBytes: state.byteLength, stages: {} });
    const env = { DATABASE_URL: postgres.url };
    const measureState = async (mode, argument) => (await runJson(bench('load-state'), [mode, argument], env, { nodeArgs: ['--expose-gc'] })).at(-1);
    const idsFile = join(root, 'report-id.txt');
    writeFileSync(idsFile, `${documentId}\n`);

    /** A fresh editor: its first connection to the report until synced, then a second one (the document was unloaded in between). */
    const coldOpen = async (root = repoRoot) => {
      const editor = await startEditor('on', root);
      await sleep(1000);
      const idle = readProcess(editor.pid);
      const open = async () => (await runJson(bench('open-close'), [JSON.stringify({ url: editor.ws, token, idsFile, batch: 1, deadlineMs: 300_000 })], {}, { timeoutMs: 330_000 })).at(-1);
      const first = await open();
      const afterFirst = readProcess(editor.pid);
      await sleep(1000);
      const second = await open();
      const afterSecond = readProcess(editor.pid);
      await editor.stop();
      if (first.failures || second.failures) throw new Error(`the report did not open: ${first.firstError || second.firstError}`);
      return {
        firstSyncMs: round(first.syncMs),
        secondSyncMs: round(second.syncMs),
        editorRssIdleMb: round(idle.rssMb),
        editorRssAfterFirstMb: round(afterFirst.rssMb),
        editorRssAfterSecondMb: round(afterSecond.rssMb),
        editorCpuMsFirstOpen: round(afterFirst.cpuMs - idle.cpuMs),
      };
    };
    const stage = async (name, extra = {}) => {
      log(`Load: ${name}…`);
      load.stages[name] = { editor: await coldOpen(), store: await measureState('store', documentId), ...extra };
      log(JSON.stringify(load.stages[name]));
    };

    load.floor = { parse: await measureState('parse', stateFile), select: await measureState('select-blob', 'report') };
    await stage('snapshot only');

    log(`Load: appending ${logUpdates} small updates…`);
    const { Client } = require('pg');
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    const generated = Date.now();
    let rows = [];
    let bytes = 0;
    let insertMs = 0;
    const flush = async () => {
      if (rows.length === 0) return;
      const started = Date.now();
      const values = [];
      const placeholders = rows.map((update, index) => (values.push(documentId, Buffer.from(update)), `($${2 * index + 1}, $${2 * index + 2})`));
      await client.query(`INSERT INTO document_updates (document_id, update) VALUES ${placeholders.join(', ')}`, values);
      insertMs += Date.now() - started;
      rows = [];
    };
    for (const update of report.smallUpdates(state, logUpdates)) {
      rows.push(update);
      bytes += update.byteLength;
      if (rows.length === 1000) await flush();
    }
    await flush();
    await client.end();
    load.log = { updates: logUpdates, bytes, averageBytes: round(bytes / logUpdates), generateAndInsertMs: Date.now() - generated, insertMs };
    // the editor folds a log this long into a snapshot when it loads it, so the log is kept aside
    // and put back before each measurement that compacts
    await dataSource.query('CREATE TABLE bench_log AS SELECT id, document_id, update FROM document_updates WHERE document_id = $1', [documentId]);
    const restoreLog = async () => {
      await dataSource.query('DELETE FROM document_snapshots WHERE document_id = $1', [documentId]);
      await dataSource.query('DELETE FROM document_updates WHERE document_id = $1', [documentId]);
      await dataSource.query('INSERT INTO document_updates (id, document_id, update) OVERRIDING SYSTEM VALUE SELECT id, document_id, update FROM bench_log');
    };
    const longLog = `snapshot + ${logUpdates} updates`;
    log(`Load: ${longLog}, in-process…`);
    // each round measures applying the log (one Yjs transaction, then one per update) and the
    // editor's load of a long log (compacting into the document), the order alternating
    load.stages[longLog] = { selectLog: await measureState('select-log', documentId), rounds: [] };
    for (let index = 0; index < loadRounds; index += 1) {
      const measured = {};
      const apply = async () => {
        measured.store = await measureState('store', documentId);
        measured.storeEach = await measureState('store-each', documentId);
      };
      const compactInto = async () => {
        measured.compactInto = await measureState('compact-into', documentId);
        await restoreLog();
        measured.compactIntoThread = await measureState('compact-into-thread', documentId);
        await restoreLog();
      };
      if (index % 2 === 0) await apply().then(compactInto);
      else await compactInto().then(apply);
      log(JSON.stringify(measured));
      load.stages[longLog].rounds.push(measured);
    }
    if (baselineRoot) {
      // --baseline: the same cold open by the other build (which never compacts while loading)
      log(`Load: ${longLog}, baseline editor…`);
      load.stages[longLog].baselineEditor = await coldOpen(baselineRoot);
      await restoreLog();
    }
    log(`Load: ${longLog}, editor (the first load compacts)…`);
    load.stages[longLog].editor = await coldOpen();
    log(JSON.stringify(load.stages[longLog]));
    await restoreLog();

    log('Load: compacting…');
    load.compaction = await measureState('compact', documentId);
    const [snapshot] = await dataSource.query('SELECT state FROM document_snapshots WHERE document_id = $1 ORDER BY last_update_id DESC LIMIT 1', [documentId]);
    const compactFile = join(root, 'report-compacted.bin');
    writeFileSync(compactFile, snapshot.state);
    await dataSource.query('INSERT INTO bench_blobs (name, bytes) VALUES ($1, $2)', ['report-compacted', snapshot.state]);
    load.floorAfter = { parse: await measureState('parse', compactFile), select: await measureState('select-blob', 'report-compacted') };
    await stage('after compaction');
  }

  // ------------------------------------------------------------ 3. memory over many documents
  if (only.has('churn')) {
    log(`Churn: creating ${churnDocuments} documents…`);
    const ids = await createDocuments(churnDocuments, templateState, 'Churn');
    const idsFile = join(root, 'churn-ids.txt');
    writeFileSync(idsFile, `${ids.join('\n')}\n`);
    const editor = await startEditor();
    await sleep(3000);
    const start = readProcess(editor.pid);
    const samples = [{ done: 0, rssMb: round(start.rssMb) }];
    let nextSample = 500;
    log('Churn: opening and closing…');
    const final = (
      await runJson(bench('open-close'), [JSON.stringify({ url: editor.ws, token, idsFile, batch: 50, deadlineMs: 900_000 })], {}, {
        timeoutMs: 960_000,
        onLine: (line) => {
          if (line.done >= nextSample) {
            samples.push({ done: line.done, rssMb: round(readProcess(editor.pid)?.rssMb ?? NaN), elapsedMs: line.elapsedMs });
            nextSample += 500;
          }
        },
      })
    ).at(-1);
    const end = readProcess(editor.pid);
    await sleep(15_000);
    const paused = readProcess(editor.pid);
    results.churn = {
      documents: ids.length,
      opened: final.opened,
      failures: final.failures,
      firstError: final.firstError,
      elapsedMs: final.elapsedMs,
      syncP50Ms: round(final.p50),
      syncP99Ms: round(final.p99),
      rssStartMb: round(start.rssMb),
      rssEndMb: round(end.rssMb),
      rssAfterPauseMb: round(paused.rssMb),
      editorCpuMs: round(paused.cpuMs - start.cpuMs),
      redisDocumentChannelsAfter: await redisChannels(),
      samples,
    };
    log(JSON.stringify(results.churn));
    await editor.stop();
  }
  results.loadAverageEnd = loadavg().map((v) => round(v, 2));
  const out = process.env.BENCH_OUT ?? join(tmpdir(), `vankien-bench-collab-${Date.now()}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  log(`Results written to ${out}`);
}

function randomUUID() {
  return require('node:crypto').randomUUID();
}

const interrupt = () => {
  for (const child of children) child.kill('SIGKILL');
};
process.on('SIGINT', interrupt);
process.on('SIGTERM', interrupt);
try {
  await main();
  exitCode = 0;
} catch (error) {
  log(`benchmark failed: ${error.stack ?? error}`);
} finally {
  await Promise.all([...children].map((child) => stopChild(child, 5000)));
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
