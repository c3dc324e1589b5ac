#!/usr/bin/env node
// Clustering of the blocks of the incremental benchmark's round, without a database, in one command:
//   node bench/synthesis-service/cluster-blocks.mjs [--baseline-commit REV] [--repeat 1]
//        [--comments 100000] [--new 500] [--lib DIR] [--baseline DIR] [--only N] [--in-process]
// The texts are those bench/synthesis-service/incremental.mjs stores (bench/ingest/generate.mjs on
// the 85 text blocks of a political report, four units of --comments/4 lines plus one unit of
// --new), prepared as the worker stores them (preparedJson, printed as PostgreSQL prints a
// jsonb), then each block is clustered from its stored prepared forms (clusterPreparedJson, what a
// clustering thread of the worker runs), one block after another. Prints the time of each block
// and the totals.
//   --lib DIR            the compiled libs/synthesis/src to time (default: the working tree's
//                        libs/synthesis, compiled into a temporary folder)
//   --baseline-commit REV  libs/synthesis as it was at REV, compiled into a temporary folder, timed
//                        in the same process, alternating block by block, its clusters compared
//                        byte for byte with --lib's (exit code 1 if any block differs)
//   --baseline DIR       the same with an already compiled libs/synthesis/src
//   --repeat N           passes over the blocks (times are per pass)
//   --only N             the N largest blocks only (for a profile)
//   --prepared FILE      keeps the prepared forms in FILE (made once, read by later runs)
//   --in-process         cluster on this thread rather than on a thread per build
// The blocks come from dist/libs/document-schema (npm run build once); comment ids are seeded
// UUID-like strings.
import { createRequire } from 'node:module';
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../scripts/lib/ensure-built.mjs';
import { generateComments, seeded } from '../ingest/generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const total = Number(option('comments', 100_000));
const fresh = Number(option('new', 500));
const repeat = Number(option('repeat', 1));
const only = Number(option('only', 0));

/** libs/synthesis of a commit (or of the working tree), compiled into a temporary folder. */
function compileSynthesis(commit) {
  const folder = mkdtempSync(join(tmpdir(), 'vankien-synthesis-build-'));
  const source = join(folder, 'source');
  mkdirSync(source);
  if (commit) execSync(`git archive ${commit} libs/synthesis tsconfig.json | tar -x -C ${source}`, { cwd: repoRoot });
  else {
    cpSync(join(repoRoot, 'libs/synthesis'), join(source, 'libs/synthesis'), { recursive: true });
    cpSync(join(repoRoot, 'tsconfig.json'), join(source, 'tsconfig.json'));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(source, 'node_modules'));
  const config = { extends: './tsconfig.json', compilerOptions: { types: ['node'], outDir: join(folder, 'out'), sourceMap: false }, include: ['libs/synthesis/src/**/*.ts'], exclude: ['**/*.spec.ts'] };
  writeFileSync(join(source, 'tsconfig.bench.json'), JSON.stringify(config));
  execFileSync(join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bench.json'], { cwd: source, stdio: 'inherit' });
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  return join(folder, 'out/libs/synthesis/src');
}

const require = createRequire(import.meta.url);
const libDir = option('lib', undefined) ?? compileSynthesis(undefined);
const current = require(resolve(libDir, 'index.js'));
const baselineCommit = option('baseline-commit', undefined);
const baselineDir = baselineCommit ? compileSynthesis(baselineCommit) : option('baseline', undefined);
const baseline = baselineDir ? require(resolve(baselineDir, 'index.js')) : undefined;
const { createTemplate, buildBlockIndex, congressSchema } = require(join(repoRoot, 'dist/libs/document-schema/src/index.js'));

const content = createTemplate('political_report', { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030' });
const blocks = buildBlockIndex(congressSchema.nodeFromJSON(content))
  .filter((entry) => entry.text)
  .map((entry) => ({ blockId: entry.blockId, text: entry.text }));

/** A value as PostgreSQL prints a jsonb (prepared::text): keys by length then bytes, ", " and ": ". */
function asJsonb(value) {
  if (Array.isArray(value)) return `[${value.map(asJsonb).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  keys.sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((key) => `${JSON.stringify(key)}: ${asJsonb(value[key])}`).join(', ')}}`;
}

const cache = option('prepared', undefined);
let blockList;
if (cache && existsSync(cache)) blockList = JSON.parse(readFileSync(cache, 'utf8'));
else {
  const random = seeded(77);
  const hex = (digits) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`;
  const inputs = [];
  const units = [['LC-TP', Math.floor(total / 4), 1000], ['LC-TD', Math.floor(total / 4), 1001], ['LC-PT', Math.floor(total / 4), 1002], ['LC-MTTQ', Math.floor(total / 4), 1003], ['LC-DTN', fresh, 4242]];
  for (const [unit, count, seed] of units) {
    for (const comment of generateComments(count, blocks, seed)) {
      inputs.push({
        id: uuid(),
        unit,
        sourceType: 'lower_organization',
        documentId: 'political-report',
        blockId: comment.blockId,
        kind: comment.kind,
        text: comment.text,
        ...(comment.supporters ? { supporters: comment.supporters } : {}),
        ...(comment.supportersTotal ? { supportersTotal: comment.supportersTotal } : {}),
      });
    }
  }
  // Per block, the stored prepared forms in id order, as the worker reads them from PostgreSQL.
  const byBlock = new Map();
  for (const input of inputs) {
    const list = byBlock.get(input.blockId);
    if (list) list.push(input);
    else byBlock.set(input.blockId, [input]);
  }
  blockList = [...byBlock.entries()].map(([blockId, list]) => {
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { blockId, prepared: current.preparedJson(list).map((text) => asJsonb(JSON.parse(text))) };
  });
  if (cache) writeFileSync(cache, JSON.stringify(blockList));
}
blockList.sort((a, b) => b.prepared.length - a.prepared.length || (a.blockId < b.blockId ? -1 : 1));
if (only > 0) blockList = blockList.slice(0, only);
process.stderr.write(`${blockList.reduce((sum, block) => sum + block.prepared.length, 0)} comments on ${blockList.length} blocks prepared; clustering ${blockList.length} blocks × ${repeat}\n`);

// Each build clusters on a thread of its own, as a clustering thread of the worker does
// (ClusterThreads: the prepared forms cloned to the thread, the clusters and their JSON cloned
// back, the same young generation), or on this thread with --in-process. A thread also reports
// its own time and CPU time (/proc/thread-self/stat, in clock ticks) for clusterPreparedJson alone.
const inProcess = args.includes('--in-process');
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { clusterPreparedJson } = require(workerData.lib);
const ticks = () => { const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' '); return Number(fields[11]) + Number(fields[12]); };
parentPort.on('message', (prepared) => {
  const cpu = ticks();
  const started = performance.now();
  const result = clusterPreparedJson(prepared);
  const ms = performance.now() - started;
  parentPort.postMessage({ ...result, ms, ticks: ticks() - cpu });
});`;
const threads = {};
for (const [name, dir] of [['current', libDir], ['baseline', baselineDir]]) {
  if (!dir || inProcess) continue;
  const worker = new Worker(threadSource, { eval: true, workerData: { lib: resolve(dir, 'index.js') }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const waiting = [];
  worker.on('message', (reply) => waiting.shift()(reply));
  worker.on('error', (error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
  threads[name] = { worker, run: (prepared) => new Promise((done) => { waiting.push(done); worker.postMessage(prepared); }) };
}
const tickMs = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const time = async (name, lib, prepared) => {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let reply;
  if (threads[name]) reply = await threads[name].run(prepared);
  else {
    reply = lib.clusterPreparedJson(prepared);
    const { user, system } = process.cpuUsage(cpu);
    reply.cpuMs = (user + system) / 1000;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, threadMs: reply.ms ?? ms, cpuMs: reply.cpuMs ?? reply.ticks * tickMs, json: JSON.stringify(reply.clusters), clusters: reply.clusters.length };
};
const names = baseline ? ['current', 'baseline'] : ['current'];
const sums = Object.fromEntries(names.map((name) => [name, { ms: 0, threadMs: 0, cpuMs: 0 }]));
const rows = blockList.map((block) => ({ block: block.blockId, comments: block.prepared.length, clusters: 0, ms: { current: 0, baseline: 0 } }));
let differing = 0;
for (let round = 0; round < repeat; round++) {
  for (const [index, block] of blockList.entries()) {
    // alternate which build goes first, so that neither always meets the other's garbage
    const order = baseline && (index + round) % 2 === 1 ? ['baseline', 'current'] : names;
    const result = {};
    for (const name of order) result[name] = await time(name, name === 'current' ? current : baseline, block.prepared);
    for (const name of names) {
      for (const measure of ['ms', 'threadMs', 'cpuMs']) sums[name][measure] += result[name][measure];
      rows[index].ms[name] += result[name].ms;
    }
    if (round === 0) {
      rows[index].clusters = result.current.clusters;
      rows[index].json = result.current.json;
      if (baseline && result.baseline.json !== result.current.json) {
        differing++;
        process.stderr.write(`block ${block.blockId}: clusters differ from the baseline's\n`);
      }
    }
  }
}
const digest = createHash('md5');
for (const row of rows) digest.update(row.json);
const fixed = (value) => (value / repeat).toFixed(1);
process.stdout.write(`\n| block | comments | clusters | ms${baseline ? ' | baseline ms | baseline ÷ now' : ''} |\n|---|---:|---:|---:${baseline ? '|---:|---:' : ''}|\n`);
for (const row of rows) {
  const extra = baseline ? ` | ${fixed(row.ms.baseline)} | ${(row.ms.baseline / row.ms.current).toFixed(2)}` : '';
  process.stdout.write(`| ${row.block} | ${row.comments} | ${row.clusters} | ${fixed(row.ms.current)}${extra} |\n`);
}
const where = inProcess ? 'on this thread' : 'on a thread per build';
process.stdout.write(
  `\n${rows.length} blocks, ${rows.reduce((sum, row) => sum + row.comments, 0)} comments, ${rows.reduce((sum, row) => sum + row.clusters, 0)} clusters (md5 ${digest.digest('hex')}), ` +
    `clustered ${where}, ${repeat} pass${repeat > 1 ? 'es' : ''}; a pass:\n`,
);
const labels = { ms: 'round trip ms', threadMs: 'clusterPreparedJson ms', cpuMs: inProcess ? 'process CPU ms' : 'thread CPU ms' };
for (const measure of ['ms', 'threadMs', 'cpuMs']) {
  if (inProcess && measure === 'threadMs') continue;
  const now = sums.current[measure] / repeat;
  const before = baseline ? sums.baseline[measure] / repeat : 0;
  process.stdout.write(`  ${labels[measure].padEnd(24)} ${now.toFixed(0).padStart(7)}${baseline ? `   baseline ${before.toFixed(0).padStart(7)}   baseline ÷ now ${(before / now).toFixed(2)}` : ''}\n`);
}
if (baseline) process.stdout.write(`clusters ${differing === 0 ? 'identical to the baseline\'s in every block' : `differ from the baseline's in ${differing} blocks`}\n`);
process.stdout.write(`${baselineCommit ? `baseline: libs/synthesis at ${baselineCommit}; ` : ''}load average ${loadavg().map((value) => value.toFixed(1)).join(' ')}\n`);
for (const thread of Object.values(threads)) await thread.worker.terminate();
if (differing > 0) process.exitCode = 1;
