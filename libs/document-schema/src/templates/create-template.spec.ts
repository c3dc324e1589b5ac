import { createSequentialIdGenerator } from '../block-id/id-generator';
import { buildBlockIndex } from '../block-index/build-block-index';
import { countTargetAssessments } from '../targets/target-assessment';
import { plainText } from '../text/plain-text';
import { validateDocument } from '../validation/validate-document';
import { createTemplate, DOCUMENT_KINDS } from './create-template';

const options = { organizationName: 'Đảng bộ tỉnh Lai Châu', term: '2025–2030' };

describe('createTemplate', () => {
  it.each(DOCUMENT_KINDS)('%s validates and has unique block ids and section numbers', (kind) => {
    const json = createTemplate(kind, options);
    const result = validateDocument(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.json).toEqual(json);
    const index = buildBlockIndex(result.doc);
    const ids = index.map((entry) => entry.blockId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][a-z0-9]{11}$/.test(id))).toBe(true);
    const numbers = index.filter((entry) => entry.level !== null).map((entry) => entry.sectionNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(index.filter((entry) => entry.numberingIssue !== null)).toEqual([]);
  });

  it('is deterministic with a deterministic id generator', () => {
    const first = createTemplate('resolution', { ...options, generateId: createSequentialIdGenerator() });
    expect(createTemplate('resolution', { ...options, generateId: createSequentialIdGenerator() })).toEqual(first);
  });

  it('writes the political report outline with its terms and the targets table', () => {
    const text = plainText(validateOrThrow(createTemplate('political_report', options)));
    expect(text).toContain('Phần thứ nhất: KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LAI CHÂU NHIỆM KỲ 2020–2025');
    expect(text).toContain('Phần thứ hai: MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ, GIẢI PHÁP NHIỆM KỲ 2025–2030');
    expect(text).toContain('Tốc độ tăng trưởng GRDP bình quân\n%/năm\n\n\n7–7,5');
    expect(text).toContain('IV. CÁC KHÂU ĐỘT PHÁ');
  });

  it('gives the review report a targets table with last term’s targets to assess', () => {
    const json = createTemplate('review_report', options);
    const doc = validateOrThrow(json);
    expect(JSON.stringify(json)).toContain('"purpose":"review"');
    expect(countTargetAssessments(doc)).toMatchObject({ total: 5, unknown: 5, metOrExceeded: 0 });
    expect(plainText(doc)).toContain('NHIỆM KỲ 2020–2025');
  });

  it('accepts a hyphenated term, an explicit previous term and congress ordinal', () => {
    const text = plainText(
      validateOrThrow(createTemplate('resolution', { ...options, term: '2025-2030', previousTerm: '2020–2025', congressOrdinal: 'lần thứ XV' })),
    );
    expect(text).toContain('ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LAI CHÂU LẦN THỨ XV, NHIỆM KỲ 2025–2030');
  });

  it('refuses a malformed term or an empty organisation', () => {
    expect(() => createTemplate('resolution', { ...options, term: '2025' })).toThrow(RangeError);
    expect(() => createTemplate('resolution', { ...options, term: '2030–2025' })).toThrow(RangeError);
    expect(() => createTemplate('resolution', { ...options, organizationName: '  ' })).toThrow(RangeError);
  });
});

function validateOrThrow(json: unknown) {
  const result = validateDocument(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.doc;
}
