import { parseSectionReference } from './section-reference';
import { SectionIndex } from './section-resolver';
import { actionProgram, politicalReport } from './test-support/catalogue';

const report = new SectionIndex(politicalReport());
const program = new SectionIndex(actionProgram());
const resolve = (index: SectionIndex, reference: string): string | null => index.resolve(parseSectionReference(reference)).resolved?.sectionNumber ?? null;

describe('section references', () => {
  it.each([
    ['P2.II.2', 'P2.II.2'],
    ['Mục II.2, Phần thứ hai', 'P2.II.2'],
    ['mục 2 phần II', 'P2.II'],
    ['Phần thứ hai, mục I', 'P2.I'],
    ['Phần II', 'P2'],
    ['Phần thứ nhất – 1.', 'P1.I'],
    ['phần thứ nhất, điểm b khoản 4 mục I', 'P1.I.4.b'],
    ['Phần thứ hai, về công tác xây dựng Đảng', 'P2.III.4'],
    ['Mục II.2 các chỉ tiêu chủ yếu', 'P2.II.2'],
    ['P2.II.2 – 2. Các chỉ tiêu chủ yếu', 'P2.II.2'],
    ['về các khâu đột phá', 'P2.IV'],
    ['PHẦN THỨ HAI - III.1', 'P2.III.1'],
    ['Phần thứ tư', null],
    ['trang 5', null],
    ['Mục II.2', null],
    ['về công tác xây dựng Đảng', null],
  ])('political report: %s → %s', (reference, expected) => {
    expect(resolve(report, reference)).toBe(expected);
  });

  it.each([
    ['Mục III.2', 'III.2'],
    ['II', 'II'],
    ['Phần II', 'II'],
    ['mục 3', 'III'],
    ['về công tác xây dựng Đảng', 'III.4'],
    ['III.9', null],
  ])('action program: %s → %s', (reference, expected) => {
    expect(resolve(program, reference)).toBe(expected);
  });

  it('says why a reference fails', () => {
    expect(report.resolve(parseSectionReference('Mục II.2')).failure).toEqual({ reason: 'ambiguous', candidates: ['P1.II.2', 'P2.II.2'] });
    expect(report.resolve(parseSectionReference('trang 5, dòng 3')).failure?.reason).toBe('page_only');
    expect(report.resolve(parseSectionReference('Phần thứ tư')).failure?.reason).toBe('not_found');
  });
});
