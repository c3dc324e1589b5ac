#!/usr/bin/env node
// The web interface's benchmark, in one command:  node bench/web/run.mjs [--rounds 3] [--keys 120]
// - the JavaScript sent before the first screen (gzip), from apps/web/dist;
// - the editor on the 100-page report (≈40,000 words, bench/collab/report.ts): time from
//   navigation to an editable document with its text, and keystroke-to-paint latency while
//   typing in it, next to the same measurements of a bare ProseMirror editor (same schema, same
//   content, no collaboration, no React) in the same run, in Debian's chromium (playwright-core).
// Keystroke-to-paint: from the keydown event's timestamp to a task queued right after the next
// animation frame (the frame that paints the keystroke), for every key typed.
// Builds what is missing, starts a throwaway PostgreSQL and Redis, the editor, feedback and
// gateway as processes, prints a report and writes the figures as JSON (BENCH_OUT).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, ensureWebBuilt } from '../../scripts/lib/ensure-built.mjs';
import { ensureChromium, freePort, log, startPostgres, startRedis } from '../../scripts/lib/services.mjs';
import { bundleSizes } from './bundle-size.mjs';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const rounds = Number(option('rounds', 3));
const keys = Number(option('keys', 120));
const dist = (path) => join(repoRoot, 'dist', path);
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
};
const summary = (values) => ({ n: values.length, median: round(percentile(values, 50)), p95: round(percentile(values, 95)), max: round(Math.max(...values)) });

/**
 * Waits, polling every 20 ms, for an editable editor holding the report's paragraphs. Not
 * page.waitForFunction: its predicate is eval'd in the page, which the application's
 * Content-Security-Policy (script-src 'self') forbids; page.evaluate goes through the DevTools
 * protocol, so the page is measured with its real CSP.
 */
async function waitForEditable(page, selector, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  const probe = `(() => { const e = document.querySelector(${JSON.stringify(selector)}); return !!e && e.contentEditable === 'true' && e.querySelectorAll('p').length > 100; })()`;
  while (!(await page.evaluate(probe))) {
    if (Date.now() > deadline) throw new Error(`no editable ${selector} after ${timeout} ms`);
    await sleep(20);
  }
}

ensureBuilt();
ensureWebBuilt();
const chromiumPath = ensureChromium();
if (!chromiumPath) throw new Error('chromium is needed (apt-get install -y chromium)');

const root = mkdtempSync(join(tmpdir(), 'vankien-bench-web-'));
chmodSync(root, 0o755);
const stops = [];
const children = new Set();
const results = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  chromium: spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  loadAverageStart: loadavg().map((v) => round(v, 2)),
  bundle: bundleSizes(),
};

function spawnApp(name, env) {
  const child = spawn(process.execPath, [dist(`apps/${name}/src/main.js`)], { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-10_000)));
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stderrText = () => stderr;
  return child;
}

async function waitHttp(url, child, { timeoutMs = 60_000, anyAnswer = false } = {}) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200 || (anyAnswer && status > 0)) return;
    if (child.exitCode !== null) break;
    await sleep(200);
  }
  throw new Error(`${url} did not answer (${await fetch(url).then((r) => r.status, (e) => e.message)}):\n${child.stderrText()}`);
}

/** Static files of a folder (the bare editor). */
async function serveFolder(folder) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(folder, (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '').split('?')[0]);
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  stops.push(() => new Promise((done) => server.close(done)));
  return `http://127.0.0.1:${port}`;
}

// installed in every page: the latency of each keystroke to the frame that shows it
const LATENCY_PROBE = `
  window.__latencies = [];
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }, true);
`;

async function typeAndMeasure(page, selector) {
  // a paragraph in the middle of the report
  await page.evaluate(`(() => {
    const paragraphs = document.querySelectorAll('${selector} p');
    const target = paragraphs[Math.floor(paragraphs.length / 2)];
    target.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  })()`);
  await page.locator(`${selector} .ProseMirror`).focus();
  await page.evaluate('window.__latencies = []');
  const text = ' phát triển kinh tế nhanh và bền vững, bảo đảm quốc phòng an ninh'.repeat(4).slice(0, keys);
  for (const char of text) {
    await page.keyboard.type(char);
    await sleep(45);
  }
  await sleep(300);
  return page.evaluate('window.__latencies');
}

async function main() {
  const postgres = await startPostgres({ dataDir: join(root, 'postgres'), port: await freePort(), database: 'vankien_bench' });
  stops.push(() => postgres.stop());
  const redis = await startRedis({ dir: join(root, 'redis'), port: await freePort(), persistent: false });
  stops.push(() => redis.stop());
  await require(dist('libs/database/src/migrate.js')).runMigrations(postgres.url);
  const { dataSourceOptions } = require(dist('libs/database/src/data-source-options.js'));
  const { DataSource } = require('typeorm');
  const dataSource = new DataSource(dataSourceOptions(postgres.url, { applicationName: 'bench-web-setup', poolSize: 2 }));
  await dataSource.initialize();
  stops.push(() => dataSource.destroy());
  await require(dist('apps/feedback/src/seed/demo-seed.js')).seedDemoData(dataSource);
  const [drafter] = await dataSource.query(`SELECT id FROM users WHERE email = 'tieuban@vankien.local'`);
  const [province] = await dataSource.query(`SELECT id FROM organizations WHERE code = 'LC'`);

  // the 100-page report, stored as the document's one update
  const report = require(dist('bench/collab/report.js'));
  const json = report.buildReport();
  results.reportWords = report.reportWords(json);
  const [{ id: documentId }] = await dataSource.query(
    `INSERT INTO documents (organization_id, kind, title, term, created_by_id) VALUES ($1, 'political_report', 'Báo cáo chính trị (100 trang)', '2025–2030', $2) RETURNING id`,
    [province.id, drafter.id],
  );
  await dataSource.query('INSERT INTO document_updates (document_id, update) VALUES ($1, $2)', [documentId, Buffer.from(report.reportState(json))]);

  // the bare editor, built with the same schema, serving the same content
  const bareDir = join(root, 'bare');
  const built = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(repoRoot, 'bench/web/vite.bare.config.mjs')], { cwd: repoRoot, env: { ...process.env, BARE_OUT: bareDir }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('the bare editor did not build');
  writeFileSync(join(bareDir, 'report.json'), JSON.stringify(json));
  const bareUrl = await serveFolder(bareDir);

  const secret = randomBytes(32).toString('hex');
  const [editorPort, feedbackPort, port] = [await freePort(), await freePort(), await freePort()];
  const env = { NODE_ENV: 'production', DATABASE_URL: postgres.url, REDIS_URL: redis.url, JWT_SECRET: secret, HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_ATTEMPTS_PER_MINUTE: '1000', EDITOR_PORT: String(editorPort), FEEDBACK_PORT: String(feedbackPort), PORT: String(port) };
  const editor = spawnApp('editor', env);
  const feedback = spawnApp('feedback', env);
  await waitHttp(`http://127.0.0.1:${editorPort}/health`, editor);
  // its health also asks for the worker, which this benchmark does not run: any answer will do
  await waitHttp(`http://127.0.0.1:${feedbackPort}/health`, feedback, { anyAnswer: true });
  const gateway = spawnApp('gateway', env);
  const base = `http://127.0.0.1:${port}`;
  await waitHttp(`${base}/login`, gateway);

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  stops.push(() => browser.close());
  const app = { open: [], keys: [] };
  const bare = { open: [], keys: [] };
  for (let index = 0; index < rounds; index++) {
    // the application: a fresh browser profile each round (no local copy in IndexedDB, cold cache)
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const tokens = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'tieuban@vankien.local', password: 'vankien-demo-2025' }) })).json();
    const session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    await context.addInitScript(`localStorage.setItem('vankien.session', JSON.stringify({ ...${JSON.stringify(session)}, expiresAt: Date.now() + 600000 }));${LATENCY_PROBE}`);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/documents/${documentId}`);
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await waitForEditable(page, '[data-testid=editor] .ProseMirror').catch(async (error) => {
        await page.screenshot({ path: join(tmpdir(), 'vankien-bench-web-failure.png') });
        throw new Error(`${error.message} at ${page.url()} (screenshot in ${join(tmpdir(), 'vankien-bench-web-failure.png')})`);
      });
    app.open.push(Date.now() - started);
    // --profile: where the application's main thread spends its time while typing (last round)
    const profiling = args.includes('--profile') && index === rounds - 1 ? await page.context().newCDPSession(page) : null;
    if (profiling) {
      await profiling.send('Profiler.enable');
      await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiling.send('Profiler.start');
    }
    app.keys.push(...(await typeAndMeasure(page, '[data-testid=editor]')));
    if (profiling) {
      const { profile } = await profiling.send('Profiler.stop');
      const self = new Map();
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const deltas = new Map();
      profile.samples.forEach((id, i) => deltas.set(id, (deltas.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
      for (const [id, micros] of deltas) {
        const frame = byId.get(id).callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + micros / 1000);
      }
      results.profileTopSelfMs = [...self].filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([key, ms]) => `${round(ms)} ms ${key}`);
    }
    await context.close();

    const bareContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await bareContext.addInitScript(LATENCY_PROBE);
    const barePage = await bareContext.newPage();
    const bareStarted = Date.now();
    await barePage.goto(`${bareUrl}/`);
    await waitForEditable(barePage, '#editor .ProseMirror');
    bare.open.push(Date.now() - bareStarted);
    bare.keys.push(...(await typeAndMeasure(barePage, '#editor')));
    await bareContext.close();
    log(`round ${index + 1}/${rounds}: open ${app.open.at(-1)} ms (bare ${bare.open.at(-1)} ms)`);
  }
  results.editor = {
    openToEditableMs: summary(app.open),
    keystrokeToPaintMs: summary(app.keys),
    bare: { openToEditableMs: summary(bare.open), keystrokeToPaintMs: summary(bare.keys) },
  };
  results.editor.p95RatioToBare = round(results.editor.keystrokeToPaintMs.p95 / results.editor.bare.keystrokeToPaintMs.p95, 2);
  results.loadAverageEnd = loadavg().map((v) => round(v, 2));
}

let exitCode = 1;
try {
  await main();
  const out = process.env.BENCH_OUT ?? join(tmpdir(), `vankien-bench-web-${Date.now()}.json`);
  writeFileSync(out, JSON.stringify(results, null, 2));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\nwritten to ${out}\n`);
  exitCode = 0;
} catch (error) {
  process.stderr.write(`${error.stack ?? error}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
