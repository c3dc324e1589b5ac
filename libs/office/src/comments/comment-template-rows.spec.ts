import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../../synthesis/src/cli';
import type { Report } from '../../../synthesis/src/types';
import { buildCommentTemplate } from './build-comment-template';
import { readCommentTemplateRows } from './comment-template-rows';
import { actionProgram, politicalReport } from './test-support/catalogue';

// The synthesis command line on a filled-in XLSX comment template, wired as scripts/synthesize.mjs
// wires it: runCli with office's reader of the template.

describe('npm run synthesize on an XLSX comment template', () => {
  const directory = mkdtempSync(join(tmpdir(), 'synthesis-xlsx-'));
  let errors: string[];
  let spy: jest.SpyInstance;
  const run = (argv: string[]): Promise<number> => runCli(argv, { xlsx: readCommentTemplateRows });

  beforeEach(() => {
    errors = [];
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  /** The template of a round on two documents, filled in as a unit would; returns the file and the row numbers used. */
  const filledTemplate = async (): Promise<{ file: string; spare: number; rowOf: (label: string) => number }> => {
    const template = await buildCommentTemplate({ title: 'Lấy ý kiến dự thảo văn kiện Đại hội', documents: [politicalReport(), actionProgram()] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Góp ý');
    if (sheet === undefined) throw new Error('no sheet');
    const lastPrefilled = sheet.actualRowCount;
    const labels = new Map<string, number>();
    for (let rowNumber = 2; rowNumber <= lastPrefilled; rowNumber++) {
      const row = sheet.getRow(rowNumber);
      const key = `${String(row.getCell(2).value)}|${String(row.getCell(3).value).split(' – ')[0]}`;
      if (!labels.has(key)) labels.set(key, rowNumber);
    }
    const rowOf = (label: string): number => {
      const found = labels.get(label);
      if (found === undefined) throw new Error(`no row ${label}`);
      return found;
    };
    const fill = (rowNumber: number, cells: { document?: string; section?: string; text?: string; kind?: string; supporters?: string | number; total?: number }): void => {
      const row = sheet.getRow(rowNumber);
      if (cells.document !== undefined) row.getCell(2).value = cells.document;
      if (cells.section !== undefined) row.getCell(3).value = cells.section;
      if (cells.text !== undefined) row.getCell(4).value = cells.text;
      if (cells.kind !== undefined) row.getCell(5).value = cells.kind;
      if (cells.supporters !== undefined) row.getCell(6).value = cells.supporters;
      if (cells.total !== undefined) row.getCell(7).value = cells.total;
    };
    const labelOf = (rowNumber: number): string => String(sheet.getRow(rowNumber).getCell(3).value);
    const report = 'Báo cáo chính trị';
    fill(rowOf(`${report}|Toàn văn kiện`), { text: 'Tán thành như dự thảo.', kind: 'Tán thành' });
    fill(rowOf(`${report}|P2.II.2`), { text: 'Đề nghị bổ sung chỉ tiêu về tỷ lệ chuyển đổi số trong cơ quan nhà nước.', kind: 'Bổ sung', supporters: '12/15' });
    fill(rowOf(`${report}|P2.III.1`), { text: 'Đề nghị làm rõ giải pháp phát triển kinh tế nông nghiệp hàng hóa?', kind: 'Đề nghị làm rõ' });
    fill(rowOf('Chương trình hành động|Toàn văn kiện'), { text: 'Nhất trí với dự thảo chương trình.', kind: 'Tán thành' });
    // rows added at the end, the Văn kiện and Phần, mục cells copied from the rows they add to
    const spare = lastPrefilled + 1;
    fill(spare, { document: report, section: labelOf(rowOf(`${report}|P2.II.2`)), text: 'Đề nghị bổ sung chỉ tiêu về tỷ lệ chuyển đổi số trong các cơ quan nhà nước', kind: 'Bổ sung' });
    fill(spare + 1, { document: report, section: labelOf(rowOf(`${report}|P2.III.1`)), text: 'Đề nghị bổ sung giải pháp về thủy lợi.', kind: 'Bổ sung', supporters: 20, total: 15 });
    fill(spare + 2, { document: report, section: labelOf(rowOf(`${report}|P2.II.1`)), kind: 'Sửa đổi' });
    fill(spare + 3, { text: 'Ý kiến không ghi phần, mục.' });
    const file = join(directory, 'gop-y-tam-duong.xlsx');
    writeFileSync(file, Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    return { file, spare, rowOf };
  };

  it('reads the rows into comments, reports each bad row by its number on stderr, keeps the rest and exits 2', async () => {
    const { file, spare, rowOf } = await filledTemplate();
    const out = join(directory, 'report.json');
    expect(await run([file, '--out', out, '--unit', 'Đảng bộ huyện Tam Đường'])).toBe(2);
    const stderr = errors.join('');
    expect(stderr).toMatch(new RegExp(`^row ${spare + 1}: Số tán thành \\(20\\) lớn hơn tổng số \\(15\\) / supporters above total$`, 'm'));
    expect(stderr).toMatch(new RegExp(`^row ${spare + 2}: Nội dung góp ý trống / empty text$`, 'm'));
    expect(stderr).toMatch(new RegExp(`^row ${spare + 3}: Chưa ghi phần, mục / no section given$`, 'm'));
    expect(stderr.match(/^row \d+:/gm)).toHaveLength(3);
    expect(stderr).toMatch(/read 8 rows: 5 comments in 4 blocks, 3 rejected/);

    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.comments).toBe(5);
    expect(report.stats.rejectedLines).toBe(3);
    const id = (rowNumber: number): string => `gop-y-tam-duong.xlsx:${rowNumber}`;
    const indicator = report.clusters.find((cluster) => cluster.blockId === 'P2.II.2');
    expect(indicator).toMatchObject({
      documentId: 'Báo cáo chính trị',
      kind: 'add',
      commentIds: [id(rowOf('Báo cáo chính trị|P2.II.2')), id(spare)].sort(),
      units: 1,
      supporters: 13,
      bySource: { lower_organization: 2 },
    });
    expect(report.clusters.map((cluster) => [cluster.documentId, cluster.blockId, cluster.commentIds.length, cluster.agreement])).toEqual([
      ['Báo cáo chính trị', 'P2.II.2', 2, false],
      ['Báo cáo chính trị', 'P2.III.1', 1, false],
      ['Báo cáo chính trị', 'Toàn văn kiện', 1, true],
      ['Chương trình hành động', 'Toàn văn kiện', 1, true],
    ]);
  });

  it('gives the report the same comments written as JSON lines give', async () => {
    const { file } = await filledTemplate();
    const fromXlsx = join(directory, 'from-xlsx.json');
    expect(await run([file, '--out', fromXlsx, '--unit', 'u', '--source-type', 'fatherland_front', '--quiet'])).toBe(2);
    const { rows } = await readCommentTemplateRows(readFileSync(file));
    const lines = rows
      .filter((row) => row.problems.length === 0)
      .map((row) => JSON.stringify({ id: `gop-y-tam-duong.xlsx:${row.rowNumber}`, unit: 'u', sourceType: 'fatherland_front', ...row.fields }));
    const jsonl = join(directory, 'same.jsonl');
    writeFileSync(jsonl, lines.join('\n'));
    const fromJsonl = join(directory, 'from-jsonl.json');
    expect(await run([jsonl, '--out', fromJsonl, '--quiet'])).toBe(0);
    const xlsxReport = JSON.parse(readFileSync(fromXlsx, 'utf8')) as Report;
    const jsonlReport = JSON.parse(readFileSync(fromJsonl, 'utf8')) as Report;
    expect(xlsxReport.clusters).toEqual(jsonlReport.clusters);
    expect(xlsxReport.clusters[0].bySource).toEqual({ fatherland_front: 2 });
  });

  it('knows an XLSX by its ZIP signature whatever its name, and refuses what only claims to be one', async () => {
    const { file } = await filledTemplate();
    const renamed = join(directory, 'gop-y.dat');
    copyFileSync(file, renamed);
    const out = join(directory, 'renamed.json');
    expect(await run([renamed, '--out', out, '--quiet'])).toBe(2);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).comments).toBe(5);

    const fake = join(directory, 'not-a-table.xlsx');
    writeFileSync(fake, '{"id":"1"}\n');
    expect(await run([fake, '--out', join(directory, 'fake.json')])).toBe(1);
    expect(errors.join('')).toMatch(/^synthesize: cannot read .*not-a-table\.xlsx: /m);
    // without office's reader (runCli called on its own), XLSX input is refused, not misread as JSON lines
    expect(await runCli([file, '--out', join(directory, 'none.json')])).toBe(1);
    expect(errors.join('')).toMatch(/XLSX input needs the comment-table reader/);
    // --unit and --source-type are for tables: JSON lines carry their own
    const jsonl = join(directory, 'one.jsonl');
    writeFileSync(jsonl, '');
    expect(await run([jsonl, '--unit', 'x'])).toBe(1);
    expect(await run([file, '--source-type', 'press'])).toBe(1);
    expect(errors.join('')).toMatch(/--source-type needs one of lower_organization/);
  });

  it('keeps the two opening paragraphs apart: each row’s block is its Mở đầu label as written', async () => {
    const template = await buildCommentTemplate({ title: 'Lấy ý kiến', documents: [politicalReport()] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Góp ý');
    if (sheet === undefined) throw new Error('no sheet');
    const openings: string[] = [];
    sheet.eachRow((row, rowNumber) => {
      const label = String(row.getCell(3).value ?? '');
      if (!label.startsWith('Mở đầu – ')) return;
      openings.push(label);
      row.getCell(4).value = `Đề nghị viết gọn đoạn này (dòng ${rowNumber}).`;
    });
    expect(openings).toHaveLength(2);
    const { rows } = await readCommentTemplateRows(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(rows.map((row) => row.fields.blockId)).toEqual(openings);
  });
});

describe('readCommentTemplateRows without a comment column', () => {
  it('refuses the file with the clerk’s words for the missing column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần, mục', 'Số đảng viên tán thành']);
    sheet.addRow([1, 'Mục I', 12]);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readCommentTemplateRows(buffer)).rejects.toMatchObject({ code: 'UNSUPPORTED_CONTENT', vi: expect.stringMatching(/^Không nhận ra cột nội dung góp ý/) });
  });
});
