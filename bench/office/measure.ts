// One measurement in its own process, so that peak RSS belongs to one task alone.
// usage: node dist/bench/office/measure.js export|baseline|import RUNS PARAGRAPHS_PER_HEADING
// Prints one JSON line: { task, runs, medianMs, minMs, maxMs, peakRssMb, outputBytes, words }.
import { Document, Packer, Paragraph } from 'docx';
import { congressSchema, plainText, wordCount } from '../../libs/document-schema/src';
import { exportDocx } from '../../libs/office/src/export/export-docx';
import { importDocx } from '../../libs/office/src/import/import-docx';
import { generateReport } from './report-generator';

const META = {
  organizationName: 'Ban Chấp hành Đảng bộ tỉnh Lai Châu',
  parentOrganizationName: 'Trung ương',
  title: 'Báo cáo chính trị',
  placeAndDate: 'Lai Châu, ngày 15 tháng 3 năm 2025',
  versionLabel: 'DỰ THẢO LẦN 2',
};

/** The floor any DOCX writer pays: the same text, one unstyled paragraph per line, through docx. */
const baseline = async (doc: ReturnType<typeof generateReport>): Promise<Buffer> => {
  const lines = plainText(congressSchema.nodeFromJSON(doc), { footnotes: 'inline' }).split('\n');
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  const task = process.argv[2];
  const runs = Number(process.argv[3] ?? '7');
  const perHeading = Number(process.argv[4] ?? '9');
  if (task !== 'export' && task !== 'baseline' && task !== 'import') {
    process.stderr.write('usage: node dist/bench/office/measure.js export|baseline|import RUNS PARAGRAPHS_PER_HEADING\n');
    process.exitCode = 2;
    return;
  }
  const doc = generateReport(perHeading);
  const words = wordCount(plainText(congressSchema.nodeFromJSON(doc)));
  const exported = task === 'import' ? await exportDocx(doc, META) : Buffer.alloc(0);
  const once = async (): Promise<number> => {
    if (task === 'export') return (await exportDocx(doc, META)).length;
    if (task === 'baseline') return (await baseline(doc)).length;
    const { doc: imported } = await importDocx(exported);
    return imported.content.length;
  };
  await once(); // warm-up: module loading and JIT are not what is measured
  const times: number[] = [];
  let output = 0;
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    output = await once();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const result = {
    task,
    runs,
    medianMs: Math.round(median(times)),
    minMs: Math.round(Math.min(...times)),
    maxMs: Math.round(Math.max(...times)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    output: task === 'import' ? { blocks: output, docxBytes: exported.length } : { docxBytes: output },
    words,
    blocks: doc.content.length,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
