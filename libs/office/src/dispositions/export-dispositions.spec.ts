import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { DispositionTableInput } from './disposition-table';
import { exportDispositionsDocx } from './export-dispositions-docx';
import { exportDispositionsXlsx } from './export-dispositions-xlsx';

const table: DispositionTableInput = {
  roundTitle: 'Lấy ý kiến dự thảo Báo cáo chính trị',
  organizationName: 'Đảng bộ tỉnh Lai Châu',
  revision: 4,
  documents: [
    {
      title: 'Báo cáo chính trị',
      label: 'Dự thảo lần 2',
      nextLabel: 'Dự thảo lần 3',
      sections: [
        {
          sectionNumber: 'P1.I.1',
          headingTrail: ['Phần thứ nhất', 'I. Kinh tế', '1. Tăng trưởng'],
          text: 'Tăng trưởng kinh tế bình quân 7%/năm.',
          wholeDocument: false,
          proposals: [
            { representative: 'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.', proposers: ['Đảng bộ huyện Tam Đường', 'Đảng bộ thành phố'], comments: 3, units: 2, statedSupporters: 15, contributors: 0, unitsBySource: { lower_organization: 2 }, contributorsBySource: {}, state: 'partly_accepted', explanation: 'Nâng lên 7,5% cho phù hợp nguồn lực.', targets: ['P2.II.1'], needsReview: false },
            { representative: '=HYPERLINK("http://x","bấm")', proposers: ['Nhân dân'], comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 }, state: 'explained', explanation: 'Không thuộc phạm vi văn kiện.', targets: [], needsReview: true },
            { representative: 'Bổ sung chuyển đổi số.', proposers: ['Hội Cựu chiến binh'], comments: 1, units: 1, statedSupporters: 0, contributors: 0, unitsBySource: { socio_political: 1 }, contributorsBySource: {}, state: 'pending', explanation: null, targets: [], needsReview: false },
          ],
        },
        // a block before the first heading, named by its first words
        {
          sectionNumber: '',
          headingTrail: [],
          text: 'Phần mở đầu: bối cảnh diễn ra Đại hội',
          wholeDocument: false,
          proposals: [{ representative: 'Bổ sung bối cảnh quốc tế.', proposers: ['Nhân dân'], comments: 1, units: 1, statedSupporters: 0, contributors: 1, unitsBySource: { public: 1 }, contributorsBySource: { public: 1 }, state: 'accepted', explanation: null, targets: [], needsReview: false }],
        },
      ],
    },
  ],
};

describe('exports of the table of dispositions', () => {
  it('writes the XLSX table with who proposed, the disposition, the explanation and where it went; formulas escaped', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportDispositionsXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Phần/Mục',
      'Nội dung ý kiến',
      'Đơn vị, cá nhân đề xuất',
      'Số ý kiến',
      'Số đơn vị',
      'Số cá nhân góp ý',
      'Số người do đơn vị nêu',
      'Tiếp thu/Giải trình',
      'Nội dung giải trình',
      'Vị trí trong dự thảo mới',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, index) => index > 4 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(4);
    expect(rows[3].slice(0, 3)).toEqual([4, 'Mở đầu – “Phần mở đầu: bối cảnh diễn ra Đại hội”', 'Bổ sung bối cảnh quốc tế.']);
    // two units, one of which sent two lines: the sources count units as the units column does
    expect(rows[0]).toEqual([
      1,
      'P1.I.1 – 1. Tăng trưởng',
      'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.',
      'Đảng bộ huyện Tam Đường, Đảng bộ thành phố (Cấp ủy trực thuộc: 2 đơn vị)',
      3,
      2,
      0,
      15,
      'Tiếp thu một phần',
      'Nâng lên 7,5% cho phù hợp nguồn lực.',
      'P2.II.1',
    ]);
    expect(rows[1][2]).toBe('=HYPERLINK("http://x","bấm")');
    // a person's own comment: counted as a contributor, never as a unit or as "1 người" of a unit
    expect(rows[1].slice(3, 8)).toEqual(['Nhân dân (Nhân dân: 1 cá nhân)', 1, 0, 1, '']);
    expect(rows[1][8]).toBe('Giải trình (cần xem lại: có ý kiến mới)');
    expect(rows[2][8]).toBe('Chưa xem xét');
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('writes the DOCX table that an independent reader reads in order', async () => {
    const { value } = await mammoth.extractRawText({ buffer: await exportDispositionsDocx(table) });
    const order = [
      'BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý',
      'BÁO CÁO CHÍNH TRỊ (Dự thảo lần 2; vị trí theo Dự thảo lần 3)',
      'P1.I.1 – 1. Tăng trưởng',
      'Đề nghị nâng chỉ tiêu tăng trưởng lên 8%.',
      'Đảng bộ huyện Tam Đường, Đảng bộ thành phố',
      '3 ý kiến',
      'của 2 đơn vị',
      '15 người do đơn vị nêu',
      'Tiếp thu một phần',
      'Nâng lên 7,5% cho phù hợp nguồn lực.',
      'P2.II.1',
      'Giải trình',
      'cần xem lại',
      'Không thuộc phạm vi văn kiện.',
      'Chưa xem xét',
      'Mở đầu – “Phần mở đầu: bối cảnh diễn ra Đại hội”',
      'Bổ sung bối cảnh quốc tế.',
    ];
    let position = -1;
    for (const expected of order) {
      const found = value.indexOf(expected, position + 1);
      expect({ expected, found: found > position }).toEqual({ expected, found: true });
      position = found;
    }
  });
});
