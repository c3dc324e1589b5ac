import { randomBytes } from 'node:crypto';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';
import { OfficeFileError } from '../errors/office-file-error';
import { buildZip, deflatedZeros } from '../test-support/zip-writer';
import { CommentTableRow, SectionCatalogue } from './comment-table-types';
import { readCommentTable } from './read-comment-table';
import { actionProgram, politicalReport } from './test-support/catalogue';
import { toTcvn3 } from './test-support/tcvn3';

const documents: SectionCatalogue[] = [politicalReport(), actionProgram()];
const nfd = (text: string): string => text.normalize('NFD');

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OfficeFileError) return error.code;
    throw error;
  }
  return 'accepted';
};

/** A unit's sheet as clerks make them: title rows, a two-row header with merges, odd spellings. */
const unitWorkbook = async (): Promise<{ buffer: Buffer; expected: Map<number, Partial<CommentTableRow>> }> => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Bìa').getCell('A1').value = 'Đảng bộ xã Bình Lư';
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.getCell('A1').value = 'ĐẢNG BỘ XÃ BÌNH LƯ';
  sheet.mergeCells('A1:H1');
  sheet.getCell('A2').value = 'BẢNG TỔNG HỢP Ý KIẾN GÓP Ý VÀO DỰ THẢO VĂN KIỆN';
  sheet.mergeCells('A2:H2');
  sheet.getRow(4).values = ['S T T'.replace(/ /g, ''), nfd('Văn  kiện'), nfd('Phần,\nmục'), nfd('NỘI  DUNG\nGÓP Ý'), nfd('Loại ý kiến'), nfd('Số đảng viên'), null, 'Ghi chú'];
  sheet.getRow(5).values = [null, null, null, null, null, nfd('Tán thành'), nfd('Tổng số'), null];
  for (const column of ['A', 'B', 'C', 'D', 'E', 'H']) sheet.mergeCells(`${column}4:${column}5`);
  sheet.mergeCells('F4:G4');
  sheet.getRow(6).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'];
  const expected = new Map<number, Partial<CommentTableRow>>();
  let rowNumber = 7;
  let stt = 0;
  const add = (values: ExcelJS.CellValue[], expectation?: Partial<CommentTableRow>): number => {
    sheet.getRow(rowNumber).values = values;
    if (expectation !== undefined) expected.set(rowNumber, expectation);
    return rowNumber++;
  };
  // A group row merged across the table names the part for the rows below it.
  const group = add(['PHẦN THỨ NHẤT']);
  sheet.mergeCells(`A${group}:H${group}`);
  add([++stt, 'BCCT', 'Mục I.1', 'Đề nghị bổ sung đánh giá về chuyển đổi số', null, '12/15'], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p8', sectionNumber: 'P1.I.1', how: 'part_ordinal' },
    kind: 'add',
    supporters: 12,
    supportersTotal: 15,
  });
  add([++stt, null, 'mục I, điểm b khoản 4', 'Tán thành như dự thảo', 'Tán thành', 20, 20], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p17', sectionNumber: 'P1.I.4.b', how: 'part_ordinal' },
    kind: 'agree',
    supporters: 20,
    supportersTotal: 20,
  });
  // the theme and the opening part, before the first heading (under the group row too): by
  // their first words, with or without tone marks; "Mở đầu" alone fits both and is refused
  add([++stt, null, 'Mở đầu – “[Chủ đề Đại hội: một câu nêu mục tiêu…”', 'Đề nghị viết gọn chủ đề Đại hội'], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p3', sectionNumber: '', how: 'opening_words' },
  });
  add([++stt, null, 'mo dau: phan mo dau', 'Bổ sung bối cảnh quốc tế'], { resolved: { documentVersionId: 'p-v1', blockId: 'p4', sectionNumber: '', how: 'opening_words' } });
  add([++stt, null, 'Mở đầu', 'Ý kiến về phần đầu'], { resolved: null });
  add([]); // blank
  const merged = add([++stt, null, 'Mục II.2', 'Làm rõ nguyên nhân chủ quan của hạn chế', null, 7, { formula: 'F11+3', result: 10 } as ExcelJS.CellFormulaValue], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p26', sectionNumber: 'P1.II.2', how: 'part_ordinal' },
    kind: 'question',
    supporters: 7,
    supportersTotal: 10,
  });
  add([++stt, null, null, toTcvn3('Đề nghị sửa cụm từ "yếu kém" thành "hạn chế"')], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p26', sectionNumber: 'P1.II.2', how: 'part_ordinal' },
    kind: 'amend',
    text: 'Đề nghị sửa cụm từ "yếu kém" thành "hạn chế"',
  });
  sheet.mergeCells(`C${merged}:C${merged + 1}`);
  // The header repeated, as when a second table was pasted under the first.
  add(['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Loại ý kiến', 'Số đảng viên', null, 'Ghi chú']);
  add([null, null, null, null, null, 'Tán thành', 'Tổng số']);
  const partTwo = add(['PHẦN THỨ HAI']);
  sheet.mergeCells(`A${partTwo}:H${partTwo}`);
  add([++stt, 'Báo cáo chính trị', 'II.2', { richText: [{ text: 'Đề nghị ' }, { font: { bold: true }, text: 'nâng chỉ tiêu GRDP lên 8%' }] }, null, '9 / 12 chi bộ'], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p39', sectionNumber: 'P2.II.2', how: 'part_ordinal' },
    kind: 'amend',
    text: 'Đề nghị nâng chỉ tiêu GRDP lên 8%',
    supporters: 9,
    supportersTotal: 12,
  });
  add([++stt, null, 'về công tác xây dựng Đảng', nfd('Đề nghị bổ sung nhiệm vụ nâng cao chất lượng sinh hoạt chi bộ')], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p97', sectionNumber: 'P2.III.4', how: 'heading_words' },
    kind: 'add',
  });
  add([++stt, null, 'trang 5, dòng 3', 'Sửa lỗi chính tả'], { resolved: null, kind: 'amend' });
  add([++stt, null, 'Mục IV', { formula: 'CONCATENATE("Bỏ ","câu thứ hai")' } as ExcelJS.CellFormulaValue], { text: '', resolved: { documentVersionId: 'p-v1', blockId: 'p99', sectionNumber: 'P2.IV', how: 'part_ordinal' } });
  add([++stt, null, 'Mục IV', 'Không nên đưa quá nhiều đột phá', 'Bỏ', 30, 25], {
    resolved: { documentVersionId: 'p-v1', blockId: 'p99', sectionNumber: 'P2.IV', how: 'part_ordinal' },
    kind: 'delete',
  });
  add([++stt, 'Chương trình hành động', 'Phần III, mục 2', 'Bổ sung phân công cụ thể cho từng cơ quan', 'bổ sung'], {
    resolved: { documentVersionId: 'a-v1', blockId: 'a28', sectionNumber: 'III.2', how: 'part_ordinal' },
    kind: 'add',
  });
  add([++stt, null, 'Toàn văn kiện', 'Nhất trí với dự thảo'], {
    resolved: { documentVersionId: 'a-v1', blockId: 'a1', sectionNumber: '', how: 'single_document_default' },
    kind: 'agree',
  });
  add([++stt, null, 'Mục V', 'Đề nghị làm rõ mục tiêu']);
  add([++stt, 'Văn kiện lạ', 'Mục I', 'Ý kiến khác']);
  // Filler rows: the usual run of comments on the action program's sections.
  const sections = ['I', 'II', 'III.1', 'III.2', 'III.3', 'III.4', 'III.5', 'IV'];
  for (let index = 0; index < 24; index++) {
    add([++stt, index === 0 ? 'CTHĐ' : null, `Mục ${sections[index % sections.length]}`, `Đề nghị bổ sung nội dung số ${index + 1}`], { kind: 'add' });
  }
  add([++stt, null, 'Mục I', '   ']);
  sheet.getCell(`F${rowNumber - 1}`).value = 3;
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { buffer, expected };
};

describe('readCommentTable (XLSX)', () => {
  it('reads a realistic unit sheet: header, merges, group rows, formulas, TCVN3, supporters', async () => {
    const { buffer, expected } = await unitWorkbook();
    const progress: number[] = [];
    const result = await readCommentTable(buffer, 'xlsx', { documents, onProgress: (rows) => progress.push(rows) });
    expect(result.headerRow).toBe(5);
    expect(result.columns).toMatchObject({ number: 'A', document: 'B', section: 'C', text: 'D', kind: 'E', supporters: 'F', supportersTotal: 'G', note: 'H' });
    expect(result.rows.length).toBeGreaterThanOrEqual(30);
    const byRow = new Map(result.rows.map((row) => [row.rowNumber, row]));
    for (const [rowNumber, expectation] of expected) {
      expect({ rowNumber, ...byRow.get(rowNumber) }).toMatchObject({ rowNumber, ...expectation });
    }
    // No header, numbering, group or blank row became a comment.
    expect(result.rows.some((row) => /^(STT|\(1\)|PHẦN THỨ)/.test(row.text))).toBe(false);
    const problemsOf = (text: string): string => result.rows.find((row) => row.text.includes(text))?.problems.join(' | ') ?? 'row missing';
    expect(problemsOf('Sửa lỗi chính tả')).toMatch(/trang.*page/);
    expect(problemsOf('đột phá')).toMatch(/supporters above total/);
    expect(problemsOf('làm rõ mục tiêu')).toMatch(/unresolved section "Mục V"/);
    expect(problemsOf('Ý kiến về phần đầu')).toMatch(/2 opening paragraphs start like "Mở đầu"/);
    expect(problemsOf('Ý kiến khác')).toMatch(/unknown document "Văn kiện lạ"/);
    const formulaRow = result.rows.find((row) => row.problems.some((problem) => problem.includes('formula without a cached value')));
    expect(formulaRow?.text).toBe('');
    const empty = result.rows.find((row) => row.supporters === 3);
    expect(empty?.problems).toContain('Nội dung góp ý trống / empty text');
    for (const row of result.rows) expect(row.text).toBe(row.text.normalize('NFC'));
    expect(result.rows.filter((row) => row.text.startsWith('Đề nghị bổ sung nội dung số')).every((row) => row.resolved?.documentVersionId === 'a-v1')).toBe(true);
    expect(progress[progress.length - 1]).toBeGreaterThanOrEqual(30);
  });

  it('keeps the text as typed: its bullet and stray spacing are not what it says, but they are what was typed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần, mục', 'Ý kiến góp ý']);
    sheet.addRow([1, 'Mục I', '- Làm rõ giải pháp cho trường học ở các xã ,  vùng xa']);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const [row] = (await readCommentTable(buffer, 'xlsx', { documents: [actionProgram()] })).rows;
    expect(row.text).toBe('- Làm rõ giải pháp cho trường học ở các xã ,  vùng xa');
    expect(row.kind).toBe('question');
  });

    it('cuts text longer than 5,000 characters and says so', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần, mục', 'Ý kiến góp ý']);
    sheet.addRow([1, 'Mục I', 'a'.repeat(6000)]);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const [row] = (await readCommentTable(buffer, 'xlsx', { documents: [actionProgram()] })).rows;
    expect(row.text).toHaveLength(5000);
    expect(row.problems.join()).toMatch(/text too long/);
    expect(row.resolved).toMatchObject({ sectionNumber: 'I', how: 'section_number' });
  });

  it('with one document, a row without a section is on the whole document', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['TT', 'Vị trí', 'Nội dung']);
    sheet.addRow([1, '', 'Tán thành']);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const [row] = (await readCommentTable(buffer, 'xlsx', { documents: [politicalReport()] })).rows;
    expect(row.resolved).toEqual({ documentVersionId: 'p-v1', blockId: 'p1', sectionNumber: '', how: 'single_document_default' });
  });

  it('refuses a sheet without a recognisable header', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['a', 'b', 'c']);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await codeOf(readCommentTable(buffer, 'xlsx', { documents }))).toBe('UNSUPPORTED_CONTENT');
  });
});

describe('readCommentTable (DOCX)', () => {
  const cell = (text: string, options: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}): TableCell =>
    new TableCell({ children: text.split('\n').map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })), ...options });

  it('reads the first Word table with a header, with merged cells and repeated headers', async () => {
    const header = new TableRow({ tableHeader: true, children: ['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Số ĐV tán thành'].map((text) => cell(text)) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('BIÊN BẢN TỔNG HỢP Ý KIẾN'),
            new Table({ rows: [new TableRow({ children: [cell('Nơi nhận'), cell('Văn phòng')] })] }),
            new Table({
              rows: [
                header,
                new TableRow({ children: [cell('1'), cell('Báo cáo chính trị'), cell('Phần thứ hai, mục II.2', { verticalMerge: VerticalMergeType.RESTART }), cell('Đề nghị nâng chỉ tiêu\nthu nhập bình quân'), cell('12/15')] }),
                new TableRow({ children: [cell('2'), cell(''), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('Giữ chỉ tiêu như dự thảo'), cell('3')] }),
                new TableRow({ children: ['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Số ĐV tán thành'].map((text) => cell(text)) }),
                new TableRow({ children: [cell('3'), cell('Chương trình hành động'), cell('III.5'), cell('Bổ sung đột phá về hạ tầng số'), cell('')] }),
                new TableRow({ children: [cell('Ý KIẾN CHUNG', { columnSpan: 5 })] }),
                new TableRow({ children: [cell('4'), cell('Nghị quyết'), cell('Mục I'), cell('Tán thành'), cell('')] }),
                new TableRow({ children: [cell('5'), cell('Chương trình hành động'), cell('Mục I'), cell('- Làm rõ trường học ở các xã ,  vùng xa'), cell('')] }),
              ],
            }),
          ],
        },
      ],
    });
    const buffer = await Packer.toBuffer(doc);
    const result = await readCommentTable(buffer, 'docx', { documents });
    expect(result.headerRow).toBe(1);
    expect(result.columns).toMatchObject({ number: '1', document: '2', section: '3', text: '4', supporters: '5' });
    expect(result.rows.map((row) => [row.rowNumber, row.resolved?.sectionNumber ?? null, row.kind])).toEqual([
      [2, 'P2.II.2', 'amend'],
      [3, 'P2.II.2', 'general'],
      [5, 'III.5', 'add'],
      [7, null, 'agree'],
      [8, 'I', 'question'],
    ]);
    expect(result.rows[4].text).toBe('- Làm rõ trường học ở các xã ,  vùng xa');
    expect(result.rows[0]).toMatchObject({ text: 'Đề nghị nâng chỉ tiêu\nthu nhập bình quân', supporters: 12, supportersTotal: 15 });
    expect(result.rows[3].problems.join()).toMatch(/unknown document "Nghị quyết"/);
  });
});

describe('readCommentTable refuses files that are not what they claim', () => {
  it('XLSX bytes as DOCX, DOCX bytes as XLSX, random bytes, a zip bomb', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('a').addRow(['STT', 'Nội dung góp ý']);
    const xlsx = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
    expect(await codeOf(readCommentTable(xlsx, 'docx', { documents }))).toBe('NOT_A_DOCX');
    expect(await codeOf(readCommentTable(docx, 'xlsx', { documents }))).toBe('UNSUPPORTED_CONTENT');
    expect(await codeOf(readCommentTable(randomBytes(2048), 'xlsx', { documents }))).toBe('NOT_A_ZIP');
    expect(await codeOf(readCommentTable(randomBytes(2048), 'docx', { documents }))).toBe('NOT_A_ZIP');
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', deflated: await deflatedZeros(200) },
    ]);
    expect(await codeOf(readCommentTable(bomb, 'xlsx', { documents }))).toBe('TOO_LARGE_UNCOMPRESSED');
    const xxe = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>') },
    ]);
    expect(await codeOf(readCommentTable(xxe, 'xlsx', { documents }))).toBe('EXTERNAL_ENTITY');
  });

  it('refuses more rows than the limit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('a');
    sheet.addRow(['STT', 'Phần, mục', 'Nội dung góp ý']);
    for (let index = 0; index < 20; index++) sheet.addRow([index, 'I', 'Tán thành']);
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await codeOf(readCommentTable(buffer, 'xlsx', { documents, limits: { maxRows: 10 } }))).toBe('UNSUPPORTED_CONTENT');
  });
});
