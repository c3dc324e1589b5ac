// One measurement in its own process, so that peak RSS belongs to one task alone.
// usage: node dist/bench/office-comments/measure.js read|baseline RUNS ROWS
// Prints one JSON line: { task, runs, rows, medianMs, minMs, maxMs, peakRssMb, xlsxBytes, comments }.
import ExcelJS from 'exceljs';
import { buildBlockIndex, congressSchema, createSequentialIdGenerator, createTemplate, DocumentKind } from '../../libs/document-schema/src';
import { readCommentTable } from '../../libs/office/src/comments/read-comment-table';
import { SectionCatalogue } from '../../libs/office/src/comments/comment-table-types';
import { generateTable } from './generate-table';

const catalogue = (kind: DocumentKind, title: string, prefix: string): SectionCatalogue => {
  const doc = createTemplate(kind, { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030', generateId: createSequentialIdGenerator(prefix) });
  return { documentVersionId: `${prefix}-v1`, title, blocks: buildBlockIndex(congressSchema.nodeFromJSON(doc)) };
};

/** The floor: exceljs loading the same buffer and reading every cell value, nothing else. */
const baseline = async (buffer: Buffer): Promise<number> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell(() => {
        cells++;
      });
    });
  }
  return cells;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(): Promise<void> {
  const task = process.argv[2];
  const runs = Number(process.argv[3] ?? '5');
  const rows = Number(process.argv[4] ?? '20000');
  if (task !== 'read' && task !== 'baseline') {
    process.stderr.write('usage: node dist/bench/office-comments/measure.js read|baseline RUNS ROWS\n');
    process.exitCode = 2;
    return;
  }
  const buffer = await generateTable(rows);
  const documents = [catalogue('political_report', 'Báo cáo chính trị', 'p'), catalogue('action_program', 'Chương trình hành động', 'a')];
  let resolved = 0;
  const once = async (): Promise<number> => {
    if (task === 'baseline') return baseline(buffer);
    const result = await readCommentTable(buffer, 'xlsx', { documents });
    resolved = result.rows.filter((row) => row.resolved !== null).length;
    return result.rows.length;
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
    rows,
    medianMs: Math.round(median(times)),
    minMs: Math.round(Math.min(...times)),
    maxMs: Math.round(Math.max(...times)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    xlsxBytes: buffer.length,
    output: task === 'read' ? { comments: output, resolved } : { cells: output },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main();
