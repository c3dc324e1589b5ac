import ExcelJS from 'exceljs';
import { readCommentTable } from './read-comment-table';
import { parseSectionReference } from './section-reference';
import { SectionIndex } from './section-resolver';
import { actionProgram, politicalReport, resolution } from './test-support/catalogue';

const report = new SectionIndex(politicalReport());
const decree = new SectionIndex(resolution());
const outcome = (index: SectionIndex, reference: string) => index.resolve(parseSectionReference(reference));

describe('a reference resolved from all its evidence', () => {
  it.each([
    // the title names the subsection 3 under mục I, not mục III: the number does not win against it
    ['Phần thứ nhất, mục 3 – Về quốc phòng, an ninh', 'P1.I.3'],
    ['Phần thứ nhất, mục 3 – Bài học kinh nghiệm', 'P1.III'],
    ['Phần thứ nhất, mục 3', 'P1.III'],
    // a bare "Phần I, mục 2": the second section of part one, in the part's own numbering
    ['Phần I, mục 2', 'P1.II'],
    ['Phần thứ hai, mục 2 - Các chỉ tiêu chủ yếu', 'P2.II.2'],
    ['Phan thu hai, muc 2 - cac chi tieu chu yeu', 'P2.II.2'],
    ['Nguyên nhân chủ quan', 'P1.II.2.b'],
  ])('%s → %s', (reference, expected) => {
    expect(outcome(report, reference).resolved?.sectionNumber).toBe(expected);
  });

  it.each([
    ['Phần 1 – Mục I – 1.', 'P1.I.1'],
    ['Phần 1 – Mục I – 4. – b.', 'P1.I.4.b'],
    ['P2.II.2 – 2. Các chỉ tiêu chủ yếu', 'P2.II.2'],
  ])('numbers written apart: %s → %s', (reference, expected) => {
    expect(outcome(report, reference).resolved?.sectionNumber).toBe(expected);
  });

  it('a reference with numbers left unread (two sections named) is never sure', () => {
    const result = outcome(report, 'Phần thứ nhất, mục 1 và mục 3');
    expect(result.resolved).toBeNull();
    expect(result.failure?.reason).toBe('ambiguous');
  });

  it('a Roman section number in a document numbered in Arabic', () => {
    expect(outcome(decree, 'mục III').resolved?.sectionNumber).toBe('3');
  });

  it('numbers and words that point to different sections: unsure, with both as candidates', () => {
    const result = outcome(report, 'Phần thứ nhất, mục 4 – Các khâu đột phá');
    expect(result.resolved).toBeNull();
    expect(result.failure?.reason).toBe('disagrees');
    expect(result.failure?.candidates).toEqual(expect.arrayContaining(['P2.IV', 'P1.I.4']));
  });

  it('words that fit two headings exactly: unsure, never one picked', () => {
    const result = outcome(report, 'Về phát triển kinh tế');
    expect(result.resolved).toBeNull();
    expect(result.failure?.candidates).toEqual(['P1.I.1', 'P2.III.1']);
  });
});

describe('in a table: the preview says how sure each row is', () => {
  const table = async (rows: (string | number)[][]): Promise<Buffer> => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Phần, mục', 'Nội dung góp ý']);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  };

  it('an exact heading in one document wins over a partial match in another', async () => {
    const buffer = await table([[1, 'Mục tiêu tổng quát', 'Đề nghị viết gọn mục tiêu tổng quát']]);
    const [row] = (await readCommentTable(buffer, 'xlsx', { documents: [resolution(), politicalReport()] })).rows;
    expect(row).toMatchObject({ confidence: 'sure', resolved: { documentVersionId: 'p-v1', sectionNumber: 'P2.II.1', how: 'heading_words' } });
  });

  it('an unsure row lists its candidates with their block ids and headings, and is not resolved', async () => {
    const buffer = await table([
      [1, 'Phần thứ nhất, mục 4 – Các khâu đột phá', 'Đề nghị bổ sung đột phá về hạ tầng'],
      [2, 'Phần thứ nhất, mục 3 – Về quốc phòng, an ninh', 'Đề nghị bổ sung đánh giá về biên giới'],
    ]);
    const [unsure, sure] = (await readCommentTable(buffer, 'xlsx', { documents: [politicalReport(), actionProgram()] })).rows;
    expect(unsure.confidence).toBe('unsure');
    expect(unsure.resolved).toBeNull();
    expect(unsure.candidates?.map((candidate) => candidate.sectionNumber)).toEqual(expect.arrayContaining(['P2.IV', 'P1.I.4']));
    expect(unsure.candidates?.find((candidate) => candidate.sectionNumber === 'P2.IV')).toMatchObject({ documentVersionId: 'p-v1', blockId: 'p99', heading: expect.stringMatching(/ĐỘT PHÁ/) });
    expect(unsure.sectionProblem).toMatch(/^Chưa chắc mục/);
    expect(unsure.problems).toContain(unsure.sectionProblem);
    expect(sure).toMatchObject({ confidence: 'sure', resolved: { sectionNumber: 'P1.I.3' }, problems: [] });
  });

  it('references as units write them, against three documents, the document column carried down', async () => {
    const refs: [string, string, string | null][] = [
      ['', 'Dự thảo BCCT, Phần thứ hai, mục II.2', 'P2.II.2'],
      ['', 'BCCT - P2 - II - 2', 'P2.II.2'],
      ['BCCT', 'Mục 1 phần thứ nhất', 'P1.I'],
      ['BCCT', 'Phần I. Mục 1. Điểm 2', 'P1.I.2'],
      ['', 'Mục III.1 CTHĐ', 'III.1'],
      ['', 'NQ mục 3', '3'],
      ['Nghị quyết', 'Các chỉ tiêu chủ yếu', '3'],
      ['', 'Nghị quyết - Các chỉ tiêu chủ yếu', '3'],
      ['Báo cáo chính trị', 'Phần thứ hai, mục II, các chỉ tiêu chủ yếu', 'P2.II.2'],
      ['Báo cáo chính trị', 'Phần thứ nhất, mục II, nguyên nhân chủ quan', 'P1.II.2.b'],
      ['Chương trình hành động', 'Phần III, mục 2', 'III.2'],
      ['Chương trình hành động', 'Mục III, điểm 5', 'III.5'],
      ['Chương trình hành động', 'Tổ chức thực hiện', 'IV'],
      ['Báo cáo chính trị', 'Phần thứ hai, mục III, tiểu mục 4, về xây dựng Đảng', 'P2.III.4'],
      ['Báo cáo chính trị', 'Phần mở đầu', null],
      ['Báo cáo chính trị', 'Toàn bộ dự thảo', 'p1'],
      ['Báo cáo chính trị', 'Bài học kinh nghiệm', 'P1.III'],
      ['Báo cáo chính trị', 'Dự báo tình hình', 'P2.I'],
      ['Báo cáo chính trị', 'Phần thứ hai, mục I - dự báo tình hình', 'P2.I'],
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Góp ý');
    sheet.addRow(['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý']);
    refs.forEach(([document, reference], index) => sheet.addRow([index + 1, document, reference, 'Đề nghị bổ sung nội dung về chuyển đổi số trong nông nghiệp']));
    const result = await readCommentTable(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer), 'xlsx', { documents: [politicalReport(), actionProgram(), resolution()] });
    const read = result.rows.map((row) => (row.resolved?.sectionNumber === '' ? row.resolved.blockId : (row.resolved?.sectionNumber ?? null)));
    expect(read).toEqual(refs.map(([, , expected]) => expected));
  });
});
