import { congressSchema } from '../schema/congress-schema';
import { richDocument } from '../test-support/fixtures';
import { countTargetAssessments } from '../targets/target-assessment';
import { plainText } from './plain-text';
import { READING_SYLLABLES_PER_MINUTE, readingTime, wordCount } from './reading-length';

describe('plainText', () => {
  const node = congressSchema.nodeFromJSON(richDocument());

  it('writes one line per textblock and leaves footnotes out by default', () => {
    expect(plainText(node).split('\n')).toEqual([
      'BÁO CÁO CHÍNH TRỊ',
      'Phần thứ nhất: KẾT QUẢ',
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      'Kinh tế tăng trưởng khá và ổn định.',
      'Thu ngân sách vượt dự toán.',
      'Giải ngân vốn đầu tư công đạt kế hoạch.',
      'Nhiệm vụ',
      'Chủ trì',
      'Sở Kế hoạch và Đầu tư',
      'Tốc độ tăng trưởng GRDP bình quân',
      '%/năm',
      '7–7,5',
      '7,8',
      '',
      'Tỷ lệ hộ nghèo giảm bình quân',
      '%/năm',
      '2',
      '1,5',
      '',
    ]);
  });

  it('can put footnotes inline', () => {
    expect(plainText(node, { footnotes: 'inline' })).toContain('ổn định[Số liệu của Cục Thống kê.].');
  });
});

describe('wordCount and readingTime', () => {
  it('counts Vietnamese syllables separated by spaces, ignoring lone punctuation', () => {
    expect(wordCount('Đại hội đại biểu Đảng bộ tỉnh lần thứ XV')).toBe(10);
    expect(wordCount('  Tăng trưởng – bình quân 7–7,5%/năm.  ')).toBe(5);
    expect(wordCount('')).toBe(0);
    expect(wordCount('\u00a0-\t•\n')).toBe(0);
    // NFD text counts the same as NFC.
    expect(wordCount('ho\u0300a bi\u0300nh')).toBe(2);
  });

  it('reads 120 syllables a minute by default', () => {
    expect(READING_SYLLABLES_PER_MINUTE).toBe(120);
    expect(readingTime(12000)).toBe(100);
    expect(readingTime(3600)).toBe(30);
    expect(readingTime(100)).toBe(0.8);
    expect(readingTime(130, 130)).toBe(1);
    expect(readingTime(0)).toBe(0);
    expect(readingTime(-5)).toBe(0);
    expect(readingTime(100, 0)).toBe(0);
  });
});

describe('countTargetAssessments', () => {
  it('counts the assessed targets of review tables', () => {
    expect(countTargetAssessments(congressSchema.nodeFromJSON(richDocument()))).toEqual({
      met: 0,
      exceeded: 1,
      not_met: 1,
      unknown: 0,
      total: 2,
      metOrExceeded: 1,
    });
  });
});
