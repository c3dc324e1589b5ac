import { createSequentialIdGenerator } from '../block-id/id-generator';
import { congressSchema } from '../schema/congress-schema';
import { createTemplate } from '../templates/create-template';
import { doc, heading, paragraph, richDocument } from '../test-support/fixtures';
import { buildBlockIndex } from './build-block-index';
import { documentMetrics } from './section-metrics';
import { parseWrittenNumber, toItemLetter, toRoman } from './section-numbering';

const politicalReport = () =>
  congressSchema.nodeFromJSON(
    createTemplate('political_report', {
      organizationName: 'Đảng bộ tỉnh Lai Châu',
      term: '2025–2030',
      generateId: createSequentialIdGenerator('b'),
    }),
  );

describe('section numbering', () => {
  it('writes and reads the four numbering styles', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect([1, 4, 5, 6, 23, 24].map(toItemLetter)).toEqual(['a', 'd', 'đ', 'e', 'y', 'aa']);
    expect(parseWrittenNumber(1, 'Phần thứ hai: MỤC TIÊU')).toBe(2);
    expect(parseWrittenNumber(1, 'PHẦN THỨ NHẤT')).toBe(1);
    expect(parseWrittenNumber(1, 'Phần III')).toBe(3);
    expect(parseWrittenNumber(1, 'Phần thứ tư')).toBe(4);
    expect(parseWrittenNumber(2, 'IV. CÁC KHÂU ĐỘT PHÁ')).toBe(4);
    expect(parseWrittenNumber(2, 'IIII. không phải số La Mã')).toBeNull();
    expect(parseWrittenNumber(3, '12. Về y tế')).toBe(12);
    expect(parseWrittenNumber(3, '1.2. Về y tế')).toBeNull();
    expect(parseWrittenNumber(4, 'đ) Về dân vận')).toBe(5);
    expect(parseWrittenNumber(4, 'Về dân vận')).toBeNull();
  });
});

describe('buildBlockIndex', () => {
  it('numbers the sections of the political report template as P1.I.1 … P2.IV', () => {
    const index = buildBlockIndex(politicalReport());
    const headings = index.filter((entry) => entry.level !== null).map((entry) => [entry.sectionNumber, entry.text]);
    expect(headings).toEqual([
      ['P1', 'Phần thứ nhất: KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LAI CHÂU NHIỆM KỲ 2020–2025'],
      ['P1.I', 'I. KẾT QUẢ ĐẠT ĐƯỢC TRÊN CÁC LĨNH VỰC'],
      ['P1.I.1', '1. Về phát triển kinh tế'],
      ['P1.I.2', '2. Về văn hóa, xã hội'],
      ['P1.I.3', '3. Về quốc phòng, an ninh'],
      ['P1.I.4', '4. Về xây dựng Đảng và hệ thống chính trị'],
      ['P1.I.4.a', 'a) Công tác chính trị, tư tưởng'],
      ['P1.I.4.b', 'b) Công tác tổ chức, cán bộ'],
      ['P1.I.4.c', 'c) Công tác kiểm tra, giám sát, kỷ luật đảng; phòng, chống tham nhũng, lãng phí, tiêu cực'],
      ['P1.I.4.d', 'd) Công tác dân vận; hoạt động của chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội'],
      ['P1.II', 'II. HẠN CHẾ, YẾU KÉM VÀ NGUYÊN NHÂN'],
      ['P1.II.1', '1. Hạn chế, yếu kém'],
      ['P1.II.2', '2. Nguyên nhân'],
      ['P1.II.2.a', 'a) Nguyên nhân khách quan'],
      ['P1.II.2.b', 'b) Nguyên nhân chủ quan'],
      ['P1.III', 'III. BÀI HỌC KINH NGHIỆM'],
      ['P2', 'Phần thứ hai: MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP NHIỆM KỲ 2025–2030'],
      ['P2.I', 'I. DỰ BÁO TÌNH HÌNH'],
      ['P2.II', 'II. MỤC TIÊU, CHỈ TIÊU'],
      ['P2.II.1', '1. Mục tiêu tổng quát'],
      ['P2.II.2', '2. Các chỉ tiêu chủ yếu'],
      ['P2.III', 'III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU'],
      ['P2.III.1', '1. Về phát triển kinh tế'],
      ['P2.III.2', '2. Về văn hóa, xã hội'],
      ['P2.III.3', '3. Về quốc phòng, an ninh'],
      ['P2.III.4', '4. Về xây dựng Đảng và hệ thống chính trị'],
      ['P2.IV', 'IV. CÁC KHÂU ĐỘT PHÁ'],
    ]);
    const numbers = index.filter((entry) => entry.level !== null).map((entry) => entry.sectionNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(index.every((entry) => entry.numberingIssue === null)).toBe(true);
  });

  it('gives every block its order, section, heading trail and parent', () => {
    const index = buildBlockIndex(politicalReport());
    expect(index.map((entry) => entry.order)).toEqual(index.map((_entry, position) => position));
    expect(index[0]).toMatchObject({ type: 'title', sectionNumber: '', headingTrail: [], depth: 0, parentBlockId: null });
    const targetsRow = index.find((entry) => entry.type === 'targets_row');
    expect(targetsRow).toMatchObject({
      sectionNumber: 'P2.II.2',
      headingTrail: [
        'Phần thứ hai: MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP NHIỆM KỲ 2025–2030',
        'II. MỤC TIÊU, CHỈ TIÊU',
        '2. Các chỉ tiêu chủ yếu',
      ],
      text: 'Tốc độ tăng trưởng GRDP bình quân\n%/năm\n\n\n7–7,5',
      depth: 1,
    });
    const table = index.find((entry) => entry.type === 'targets_table');
    expect(targetsRow?.parentBlockId).toBe(table?.blockId);
    const cell = index[(targetsRow?.order ?? 0) + 1];
    expect(cell).toMatchObject({ type: 'targets_indicator', depth: 2, parentBlockId: targetsRow?.blockId, text: 'Tốc độ tăng trưởng GRDP bình quân' });
  });

  it('keeps written numbers that move forward and overrides those that would repeat', () => {
    const index = buildBlockIndex(
      congressSchema.nodeFromJSON(
        doc(heading('a', 2, 'I. Một'), heading('b', 2, 'III. Ba (II bị xóa)'), heading('c', 2, 'III. Ba lần nữa'), heading('d', 3, 'Không số'), paragraph('p', 'x')),
      ),
    );
    expect(index.map((entry) => [entry.sectionNumber, entry.numberingIssue])).toEqual([
      ['I', null],
      ['III', 'numbered "III." but "II." was expected here'],
      ['IV', 'numbered "III." again or backwards: indexed as "IV."'],
      ['IV.1', null],
      ['IV.1', null],
    ]);
  });

  it('keeps footnotes out of the text and lists them apart', () => {
    const index = buildBlockIndex(congressSchema.nodeFromJSON(richDocument()));
    expect(index.find((entry) => entry.blockId === 'p1')).toMatchObject({
      text: 'Kinh tế tăng trưởng khá và ổn định.',
      footnotes: ['Số liệu của Cục Thống kê.'],
      sectionNumber: 'P1.I',
    });
  });
});

describe('documentMetrics', () => {
  it('counts words and reading minutes per section, sub-sections included', () => {
    const metrics = documentMetrics(
      congressSchema.nodeFromJSON(
        doc(
          paragraph('intro', 'Lời mở đầu ngắn'),
          heading('p1', 1, 'Phần thứ nhất'),
          heading('s1', 2, 'I. Kinh tế'),
          paragraph('a', Array.from({ length: 240 }, () => 'chữ').join(' ')),
          heading('s2', 2, 'II. Xã hội'),
          paragraph('b', Array.from({ length: 60 }, () => 'chữ').join(' ')),
        ),
      ),
    );
    expect(metrics.preambleWords).toBe(4);
    expect(metrics.words).toBe(4 + 3 + 3 + 240 + 3 + 60);
    expect(metrics.sections).toEqual([
      { blockId: 'p1', sectionNumber: 'P1', level: 1, title: 'Phần thứ nhất', words: 309, minutes: 2.6 },
      { blockId: 's1', sectionNumber: 'P1.I', level: 2, title: 'I. Kinh tế', words: 243, minutes: 2 },
      { blockId: 's2', sectionNumber: 'P1.II', level: 2, title: 'II. Xã hội', words: 63, minutes: 0.5 },
    ]);
  });
});
