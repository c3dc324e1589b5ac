// The comment-table benchmark: readCommentTable on a 20,000-row XLSX against the floor of exceljs
// loading the same file and visiting every cell, each in its own process (for its own peak RSS).
// usage: node dist/bench/office-comments/run.js [RUNS] [ROWS]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

interface Measurement {
  task: string;
  runs: number;
  rows: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMb: number;
  xlsxBytes: number;
  output: Record<string, number>;
}

const runs = process.argv[2] ?? '5';
const rows = process.argv[3] ?? '20000';
const measure = (task: string): Measurement =>
  JSON.parse(execFileSync(process.execPath, [join(__dirname, 'measure.js'), task, runs, rows], { encoding: 'utf8' })) as Measurement;

const load = loadavg()[0].toFixed(1);
const [floor, read] = ['baseline', 'read'].map(measure);
process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load ${load} → ${loadavg()[0].toFixed(1)}\n`);
process.stdout.write(`table: ${read.rows} rows, XLSX ${read.xlsxBytes} bytes; ${read.output['comments']} comments, ${read.output['resolved']} resolved\n\n`);
process.stdout.write('| task | median ms | min–max ms | peak RSS MB |\n|---|---|---|---|\n');
for (const result of [floor, read]) {
  process.stdout.write(`| ${result.task} | ${result.medianMs} | ${result.minMs}–${result.maxMs} | ${result.peakRssMb} |\n`);
}
process.stdout.write(`\nread / baseline: time ${(read.medianMs / floor.medianMs).toFixed(2)}×, peak RSS ${(read.peakRssMb / floor.peakRssMb).toFixed(2)}×\n`);
