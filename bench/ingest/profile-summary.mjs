#!/usr/bin/env node
// Summarises a V8 CPU profile (node --cpu-prof, e.g. from `bench/ingest/run.mjs --profile DIR`):
//   node bench/ingest/profile-summary.mjs DIR/feedback.cpuprofile [TOP=25]
// Prints the functions with the most self time, and the time spent under (inclusive) a few
// functions of the bulk comment path.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/ingest/profile-summary.mjs FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const intervals = profile.timeDeltas;
const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfMs.set(id, (selfMs.get(id) ?? 0) + (intervals[i] ?? 0) / 1000);
}
const label = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};
const totalMs = [...selfMs.values()].reduce((a, b) => a + b, 0);
const bySelf = new Map();
for (const [id, ms] of selfMs) {
  const key = label(nodes.get(id));
  bySelf.set(key, (bySelf.get(key) ?? 0) + ms);
}
const idle = ['(idle)', '(program)', '(garbage collector)'].map((name) => [name, bySelf.get(name) ?? 0]);
process.stdout.write(`profile: ${Math.round(totalMs)} ms sampled; ${idle.map(([n, ms]) => `${n} ${Math.round(ms)} ms`).join(', ')}\n\nself time:\n`);
for (const [name, ms] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}\n`);

// inclusive time under named functions (counted once per sample even when recursive)
const watched = (process.env.WATCH ??
  'addMany,addComments,checkComments,comparable,insertComments,onceForKey,canonicalJson,transform,validate,plainToInstance,jsonParser,parse,authorize,catalogue,query,ValidationPipe.transform')
  .split(',');
const inclusive = new Map(watched.map((name) => [name, 0]));
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const name = nodes.get(id).callFrame.functionName;
    if (inclusive.has(name) && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, inclusive.get(name) + (intervals[i] ?? 0) / 1000);
    }
  }
}
process.stdout.write('\ninclusive time under:\n');
for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1])) if (ms > 0) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms  ${name}\n`);
