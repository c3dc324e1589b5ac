// The office benchmark: export of a ~100-page report to DOCX against the floor of writing the
// same text as unstyled paragraphs with the same library, and the import of the exported file,
// each task in its own process (for its own peak RSS), in one run.
// usage: node dist/bench/office/run.js [RUNS] [PARAGRAPHS_PER_HEADING]
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';

interface Measurement {
  task: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  peakRssMb: number;
  output: Record<string, number>;
  words: number;
  blocks: number;
}

const runs = process.argv[2] ?? '7';
const perHeading = process.argv[3] ?? '9';
const measure = (task: string): Measurement =>
  JSON.parse(execFileSync(process.execPath, [join(__dirname, 'measure.js'), task, runs, perHeading], { encoding: 'utf8' })) as Measurement;

const results = ['baseline', 'export', 'import'].map(measure);
const [floor, exported, imported] = results;
process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}\n`);
process.stdout.write(`document: ${exported.words} words, ${exported.blocks} top-level blocks, DOCX ${exported.output['docxBytes']} bytes\n\n`);
process.stdout.write('| task | median ms | min–max ms | peak RSS MB |\n|---|---|---|---|\n');
for (const result of results) {
  process.stdout.write(`| ${result.task} | ${result.medianMs} | ${result.minMs}–${result.maxMs} | ${result.peakRssMb} |\n`);
}
process.stdout.write(
  `\nexport / baseline: time ${(exported.medianMs / floor.medianMs).toFixed(2)}×, peak RSS ${(exported.peakRssMb / floor.peakRssMb).toFixed(2)}×\n`,
);
process.stdout.write(`import / export: time ${(imported.medianMs / exported.medianMs).toFixed(2)}×\n`);
