import ExcelJS from 'exceljs';
import { buildCommentTemplate, KIND_LABELS } from './build-comment-template';
import { addTextRow, looksLikeFormula } from '../export/text-cells';
import { inferKind, kindFromCell } from './comment-kind';
import { readCommentTable } from './read-comment-table';
import { sectionTitle } from '../synthesis/synthesis-report';
import { openingBlocks } from './section-resolver';
import { actionProgram, politicalReport } from './test-support/catalogue';

describe('buildCommentTemplate', () => {
  it('round trip: every filled row of the template resolves to the section it was written on', async () => {
    const documents = [politicalReport(), actionProgram()];
    const template = await buildCommentTemplate({ title: 'Lấy ý kiến dự thảo văn kiện Đại hội', documents });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Hướng dẫn', 'Góp ý']);
    const sheet = workbook.getWorksheet('Góp ý');
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${KIND_LABELS.join(',')}"`] });
    expect(sheet.getColumn(4).width).toBeGreaterThan(40);
    // A unit fills every section row, plus one inserted row, as units do.
    const expected = new Map<number, { blockId: string; documentVersionId: string }>();
    const byTitle = new Map(documents.map((document) => [document.title, document]));
    const lastPrefilled = sheet.actualRowCount;
    for (let rowNumber = 2; rowNumber <= lastPrefilled; rowNumber++) {
      const row = sheet.getRow(rowNumber);
      const title = String(row.getCell(2).value ?? '');
      const label = String(row.getCell(3).value ?? '');
      if (title === '') continue;
      row.getCell(4).value = `Đề nghị bổ sung nội dung (góp ý số ${rowNumber})`;
      row.getCell(6).value = '3/5';
      const document = byTitle.get(title);
      if (document === undefined) throw new Error(title);
      const number = label.split(' – ')[0];
      const block =
        label === 'Toàn văn kiện'
          ? document.blocks[0]
          : label.startsWith('Mở đầu – ')
            ? openingBlocks(document).find((candidate) => sectionTitle({ sectionNumber: '', headingTrail: [], text: candidate.text, wholeDocument: false }) === label)
            : document.blocks.find((candidate) => candidate.type === 'heading' && candidate.sectionNumber === number);
      if (block === undefined) throw new Error(label);
      expected.set(rowNumber, { blockId: block.blockId, documentVersionId: document.documentVersionId });
    }
    // the political report's theme and opening part come before its first heading: a row each
    expect([...expected.values()].filter(({ blockId }) => openingBlocks(documents[0]).some((block) => block.blockId === blockId))).toHaveLength(2);
    const filled = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await readCommentTable(filled, 'xlsx', { documents });
    expect(result.rows).toHaveLength(expected.size);
    for (const row of result.rows) {
      expect({ row: row.rowNumber, problems: row.problems }).toEqual({ row: row.rowNumber, problems: [] });
      expect(row.resolved).toMatchObject(expected.get(row.rowNumber) ?? {});
      expect(row).toMatchObject({ kind: 'add', supporters: 3, supportersTotal: 5 });
    }
  });
});

describe('kinds', () => {
  it.each([
    ['Tán thành', 'agree'],
    ['sửa đổi', 'amend'],
    ['BỔ SUNG', 'add'],
    ['Lược bỏ', 'delete'],
    ['Đề nghị làm rõ', 'question'],
    ['Ý kiến khác', 'general'],
    ['', null],
  ])('cell %s → %s', (cell, kind) => expect(kindFromCell(cell)).toBe(kind));

  it.each([
    ['Tán thành như dự thảo', 'agree'],
    ['Nhất trí, nhưng đề nghị bổ sung nội dung về chuyển đổi số', 'add'],
    ['- Đề nghị bỏ câu thứ hai', 'delete'],
    ['Đề nghị bộ phận soạn thảo xem lại', 'general'],
    ['Sửa "yếu kém" thành "hạn chế"', 'amend'],
    ['Vì sao chỉ tiêu thấp hơn nhiệm kỳ trước?', 'question'],
    ['Chỉ tiêu này có khả thi không?', 'question'],
  ])('text %s → %s', (text, kind) => expect(inferKind(text)).toBe(kind));
});

describe('text cells that look like formulas', () => {
  const values = ['=HYPERLINK("http://x","bấm")', '+84 912', '-1', '- Làm rõ nguyên nhân', '@SUM(A1)', '\t=1', '\r=1', 'Đề nghị bổ sung', "'đã có nháy"];

  it.each(values)('%j is written as exactly that text, never as a formula', async (value) => {
    const workbook = new ExcelJS.Workbook();
    addTextRow(workbook.addWorksheet('t'), [1, value]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const cell = read.worksheets[0].getCell('B1');
    // (XML reads a bare carriage return back as a line feed: that is the file format, not us)
    expect(cell.value).toBe(value.replace(/\r/g, '\n'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    // the Text format keeps it text when someone edits the cell
    expect(cell.numFmt).toBe(looksLikeFormula(value) ? '@' : undefined);
  });
});
