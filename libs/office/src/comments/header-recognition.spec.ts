import ExcelJS from 'exceljs';
import { CommentTableField } from './comment-table-types';
import { readCommentTable } from './read-comment-table';
import { RawRow } from './raw-table';
import { findHeader } from './row-interpreter';
import { actionProgram, politicalReport } from './test-support/catalogue';

const documents = [politicalReport(), actionProgram()];
const grid = (rows: (string | number)[][]): RawRow[] =>
  rows.map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => (typeof cell === 'number' ? { text: String(cell), number: cell } : { text: cell })) }));
const fieldsOf = (rows: (string | number)[][]): Partial<Record<CommentTableField, number>> => {
  const header = findHeader(grid(rows), documents);
  return Object.fromEntries(header?.columns ?? []);
};

const comments = [
  'Đề nghị bổ sung đánh giá về chuyển đổi số trong giai đoạn vừa qua',
  'Đề nghị viết lại đoạn này cho gọn, tránh liệt kê',
  'Tán thành như dự thảo',
  'Làm rõ nguyên nhân chủ quan của các hạn chế đã nêu',
];
const references = ['Phần I, mục 2', 'Mục II.2', 'Phần thứ hai, mục III', 'II.1'];

describe('columns from their labels and their contents', () => {
  it.each([
    [['STT', 'Phần, mục', 'Nội dung góp ý'], { number: 0, section: 1, text: 2 }],
    [['TT', 'Vị trí trong dự thảo', 'Ý kiến góp ý'], { number: 0, section: 1, text: 2 }],
    [['STT', 'Vị trí', 'Nội dung ý kiến', 'Số đảng viên tán thành'], { number: 0, section: 1, text: 2, supporters: 3 }],
    [['Mục', 'Nội dung góp ý', 'Số chi bộ tán thành', 'Ghi chú'], { section: 0, text: 1, supporters: 2, note: 3 }],
    [['STT', 'Tên văn kiện', 'Nội dung dự thảo', 'Ý kiến góp ý'], { number: 0, document: 1, section: 2, text: 3 }],
    [['Số TT', 'Văn kiện', 'Phần, mục', 'Ý kiến', 'Ghi chú'], { number: 0, document: 1, section: 2, text: 3, note: 4 }],
    // "Số thứ tự" is a label, though "số thứ tư" would be a number
    [['Số thứ tự', 'Phần/mục/tiểu mục', 'Góp ý cụ thể', 'Số phiếu tán thành'], { number: 0, section: 1, text: 2, supporters: 3 }],
    [['TT', 'Đề xuất, kiến nghị', 'Vị trí (trang, dòng)'], { number: 0, text: 1, section: 2 }],
  ])('%j', (labels, expected) => {
    const rows: (string | number)[][] = [labels];
    for (let index = 0; index < 4; index++) {
      const row: (string | number)[] = labels.map(() => '');
      labels.forEach((label, column) => {
        const field = Object.entries(expected).find(([, at]) => at === column)?.[0];
        row[column] =
          field === 'number' ? index + 1 : field === 'section' ? references[index] : field === 'text' ? comments[index] : field === 'supporters' ? `${index + 3}/15` : field === 'document' ? 'Báo cáo chính trị' : '';
      });
      rows.push(row);
    }
    expect(fieldsOf(rows)).toEqual(expected);
  });

  it('a column headed "Nội dung dự thảo" holding sentences quoted from the draft is the quote, not the section', () => {
    const rows = [
      ['STT', 'Phần, mục', 'Nội dung dự thảo', 'Nội dung góp ý'],
      [1, 'Mục II.2', 'Tốc độ tăng trưởng GRDP bình quân đạt 7–7,5%/năm trong cả nhiệm kỳ', comments[0]],
      [2, 'Mục I.1', 'Tiếp tục đẩy mạnh phát triển kinh tế - xã hội nhanh và bền vững', comments[1]],
    ];
    expect(fieldsOf(rows)).toEqual({ number: 0, section: 1, quote: 2, text: 3 });
  });

  it('supporters that happen to count up are still supporters; a quoted sentence with a number is not a reference', () => {
    const rows = [
      ['STT', 'Tên văn kiện', 'Nội dung được góp ý', 'Nội dung góp ý, đề xuất', 'Số ĐV tán thành'],
      [1, 'Báo cáo chính trị', 'Tốc độ tăng trưởng bình quân 7%/năm trong giai đoạn tới', comments[0], 5],
      [2, 'Báo cáo chính trị', 'Phấn đấu đến năm 2030 có 95% số xã đạt chuẩn nông thôn mới', comments[1], 6],
      [3, 'Báo cáo chính trị', 'Tỷ lệ che phủ rừng đạt 52% vào năm 2030', comments[2], 7],
    ];
    expect(fieldsOf(rows)).toEqual({ number: 0, document: 1, quote: 2, text: 3, supporters: 4 });
  });

  it('two columns "Phần" and "Mục" are read together into the reference', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần', 'Mục', 'Nội dung góp ý']);
    sheet.addRow([1, 'Phần thứ hai', 'II.2', 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%']);
    sheet.addRow([2, 'Phần thứ nhất', 'I.1', 'Đề nghị bổ sung đánh giá về chuyển đổi số']);
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [politicalReport()] });
    expect(result.columns).toMatchObject({ section: 'B, C', text: 'D' });
    expect(result.rows.map((row) => row.resolved?.sectionNumber)).toEqual(['P2.II.2', 'P1.I.1']);
  });

  it('a section column headed with "dự thảo" is not taken for the document column: no row says "Không xác định được văn kiện"', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Vị trí trong dự thảo', 'Nội dung góp ý', 'Số đảng viên tán thành']);
    sheet.addRow([1, 'Mục I', 'Đề nghị bổ sung phân công cụ thể cho từng cơ quan', '12/15']);
    sheet.addRow([2, 'Mục III.2', 'Đề nghị làm rõ lộ trình thực hiện', 9]);
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [actionProgram()] });
    expect(result.columns).toMatchObject({ number: 'A', section: 'B', text: 'C', supporters: 'D' });
    expect(result.columns.document).toBeUndefined();
    expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(result.rows.map((row) => row.resolved?.sectionNumber)).toEqual(['I', 'III.2']);
  });

  it('a column whose label says "Văn kiện" but which holds references is read as the section, and the preview says so', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Văn kiện', 'Ý kiến góp ý']);
    sheet.addRow([1, 'Mục II', comments[0]]);
    sheet.addRow([2, 'Mục III.1', comments[1]]);
    sheet.addRow([3, 'Mục IV', comments[3]]);
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [actionProgram()] });
    expect(result.columns).toMatchObject({ section: 'B', text: 'C' });
    expect(result.columnNotes.join()).toMatch(/Cột B "Văn kiện" được đọc là cột phần, mục/);
    expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
  });

  it('a document column naming none of the round’s documents is said once, not as an error on every row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý']);
    sheet.addRow([1, 'Chi bộ thôn 1', 'Mục I', comments[0]]);
    sheet.addRow([2, 'Chi bộ thôn 2', 'Mục III.2', comments[1]]);
    sheet.addRow([3, 'Chi bộ thôn 3', 'Mục IV', comments[3]]);
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [actionProgram()] });
    expect(result.columnNotes).toEqual([expect.stringMatching(/^Không nhận ra cột văn kiện: phần lớn các ô của cột B "Văn kiện"/)]);
    expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(result.rows.map((row) => row.resolved?.sectionNumber)).toEqual(['I', 'III.2', 'IV']);
  });

  it('when the comment column cannot be found, the preview says so in the clerk’s words, with no row errors', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần, mục', 'Số đảng viên tán thành', 'Ghi chú']);
    sheet.addRow([1, 'Mục I', 12, '']);
    sheet.addRow([2, 'Mục II', 9, '']);
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [actionProgram()] });
    expect(result.columnNotes).toEqual([expect.stringMatching(/^Không nhận ra cột nội dung góp ý/)]);
    expect(result.rows).toEqual([]);
  });
});
