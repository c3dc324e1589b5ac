import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { readZipText } from '../test-support/read-zip-entry';
import { exportSynthesisDocx } from './export-synthesis-docx';
import { exportSynthesisXlsx } from './export-synthesis-xlsx';
import type { SynthesisReportInput } from './synthesis-report';

const report: SynthesisReportInput = {
  roundTitle: 'Lấy ý kiến dự thảo Báo cáo chính trị',
  organizationName: 'Đảng bộ tỉnh Lai Châu',
  placeAndDate: 'Lai Châu, ngày 05 tháng 02 năm 2025',
  revision: 3,
  comments: 7,
  documents: [
    {
      kindName: 'Báo cáo chính trị',
      title: 'Báo cáo chính trị',
      label: 'Dự thảo lần 2',
      sections: [
        // comments on the whole document are anchored to its first block (the title)
        { sectionNumber: '', headingTrail: [], text: 'BÁO CÁO CHÍNH TRỊ', wholeDocument: true, agreement: null, proposals: [{ representative: 'Đề nghị rút gọn dung lượng báo cáo.', comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 } }] },
        // two blocks before the first heading: named by their first words, each apart
        { sectionNumber: '', headingTrail: [], text: 'Chủ đề Đại hội: Tăng cường xây dựng Đảng bộ trong sạch, vững mạnh; phát huy sức mạnh đại đoàn kết', wholeDocument: false, agreement: null, proposals: [{ representative: 'Đề nghị viết gọn chủ đề.', comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 } }] },
        { sectionNumber: '', headingTrail: [], text: 'Đại hội diễn ra trong bối cảnh…', wholeDocument: false, agreement: null, proposals: [{ representative: 'Bổ sung bối cảnh quốc tế.', comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 } }] },
        {
          sectionNumber: 'P1.I.1',
          headingTrail: ['Phần thứ nhất', 'I. Kinh tế', '1. Tăng trưởng'],
          text: 'Tăng trưởng kinh tế bình quân 7%/năm.',
          wholeDocument: false,
          // one unit sent two agreement lines: 3 comments of 2 units, whose lines state 40 members
          agreement: { representative: 'Tán thành như dự thảo', comments: 3, units: 2, statedSupporters: 40, contributors: 0, unitsBySource: { lower_organization: 2 }, contributorsBySource: {} },
          proposals: [
            // a district's line for 12 of its 15 cells, and a retired leader's own comment
            {
              representative: 'Đề nghị bổ sung nội dung về chuyển đổi số.',
              comments: 2,
              units: 2,
              statedSupporters: 12,
              contributors: 1,
              unitsBySource: { lower_organization: 1, retired_leaders: 1 },
              contributorsBySource: { retired_leaders: 1 },
            },
            { representative: '=HYPERLINK("http://x","bấm")', comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 } },
          ],
        },
      ],
    },
  ],
  coverage: [
    { organizationName: 'Đảng bộ huyện Tam Đường', sourceType: 'lower_organization', state: 'submitted', comments: 3 },
    { organizationName: 'Đảng bộ huyện Phong Thổ', sourceType: 'lower_organization', state: 'not_started', comments: 0 },
  ],
};

describe('synthesis report exports', () => {
  it('writes the XLSX table with one unit of count per column, named in its header, sources in units, and escaped formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportSynthesisXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(3).values).toEqual([undefined, 'STT', 'Phần/Mục', 'Nội dung ý kiến', 'Số ý kiến', 'Số đơn vị', 'Số cá nhân góp ý', 'Số người do đơn vị nêu', 'Nguồn (số đơn vị, cá nhân)', 'Ghi chú']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, index) => index > 4 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(6);
    expect(rows.slice(0, 3).map((row) => row[1])).toEqual(['Toàn văn kiện', 'Mở đầu – “Chủ đề Đại hội: Tăng cường xây dựng Đảng bộ trong sạch…”', 'Mở đầu – “Đại hội diễn ra trong bối cảnh…”']);
    rows.splice(0, 3);
    // the sources column counts what the units column counts (never comments), a person apart from a unit
    expect(rows[0]).toEqual([4, 'P1.I.1 – 1. Tăng trưởng', 'Tán thành như dự thảo', 3, 2, 0, 40, 'Cấp ủy trực thuộc: 2 đơn vị', 'Tán thành']);
    expect(rows[1]).toEqual([5, 'P1.I.1 – 1. Tăng trưởng', 'Đề nghị bổ sung nội dung về chuyển đổi số.', 2, 1, 1, 12, 'Cấp ủy trực thuộc: 1 đơn vị; Cán bộ nghỉ hưu: 1 cá nhân', '']);
    // a person's own comment: no unit, no figure stated by a unit (an empty cell, not "1 người")
    expect(rows[2].slice(3, 8)).toEqual([1, 0, 1, '', 'Nhân dân: 1 cá nhân']);
    expect(rows[2][2]).toBe('=HYPERLINK("http://x","bấm")');
    expect(sheet.getCell(`C${5 + 3 + 2}`).numFmt).toBe('@');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('writes the DOCX report that an independent reader reads in order, with the coverage', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await exportSynthesisDocx(report) });
    const order = ['BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý', 'BÁO CÁO CHÍNH TRỊ', 'Toàn văn kiện', 'Mở đầu – “Chủ đề Đại hội:', 'Mở đầu – “Đại hội diễn ra', 'P1.I.1 – 1. Tăng trưởng', 'Tán thành như dự thảo: 3 ý kiến của 2 đơn vị; 40 người do đơn vị nêu (Cấp ủy trực thuộc: 2 đơn vị)', '1. Đề nghị bổ sung nội dung về chuyển đổi số.', '(2 ý kiến của 1 đơn vị, 1 cá nhân; 12 người do đơn vị nêu; Cấp ủy trực thuộc: 1 đơn vị; Cán bộ nghỉ hưu: 1 cá nhân)', 'Đã gửi (1): Đảng bộ huyện Tam Đường', 'Chưa góp ý (1): Đảng bộ huyện Phong Thổ'];
    let position = -1;
    for (const expected of order) {
      const found = value.indexOf(expected, position + 1);
      expect({ expected, found: found > position }).toEqual({ expected, found: true });
      position = found;
    }
  });

  it('prints the paper in the dress of Party documents: heading block with place and date, kinds by name, whole titles, black Times New Roman headings', async () => {
    const longTitle = 'Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lai Châu lần thứ XV, nhiệm kỳ 2025–2030 của Ban Chấp hành Đảng bộ tỉnh khóa XXV Thực hiện';
    const buffer = await exportSynthesisDocx({ ...report, documents: [...report.documents, { kindName: 'Chương trình hành động', title: longTitle, label: 'Dự thảo lần 1', sections: [] }, { kindName: 'Báo cáo chính trị', title: 'Dự thảo trình Đại hội', label: 'Dự thảo lần 3', sections: [] }] });
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(value).toContain('Lai Châu, ngày 05 tháng 02 năm 2025');
    // a title that already names its kind is not prefixed; one that does not is; none is cut
    expect(value).toContain(`${longTitle.toLocaleUpperCase('vi')} (Dự thảo lần 1)`);
    expect(value).toContain('BÁO CÁO CHÍNH TRỊ: DỰ THẢO TRÌNH ĐẠI HỘI (Dự thảo lần 3)');
    expect(value).not.toMatch(/POLITICAL_REPORT|ACTION_PROGRAM/);
    const styles = await readZipText(buffer, 'word/styles.xml');
    for (const heading of ['Heading1', 'Heading2']) {
      const style = styles.slice(styles.indexOf(`w:styleId="${heading}"`), styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${heading}"`)));
      expect(style).toContain('w:color w:val="000000"');
      expect(style).toContain('Times New Roman');
    }
  });
});
