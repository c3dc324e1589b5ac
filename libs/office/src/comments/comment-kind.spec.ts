import { COMMENT_TABLE_KINDS } from './comment-table-types';
import { inferKind, kindFromCell } from './comment-kind';
import { KIND_PHRASINGS, kindPhrasings, withoutToneMarks } from './test-support/kind-phrasings';

describe('the kind of a comment from its text', () => {
  it('the phrasing table has at least 200 entries, every kind among them', () => {
    const all = kindPhrasings();
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const kind of COMMENT_TABLE_KINDS) expect(all.some(([, expected]) => expected === kind)).toBe(true);
  });

  it.each(kindPhrasings().map(([text, kind]) => [text, kind]))('%j → %s', (text, kind) => {
    expect(inferKind(text)).toBe(kind);
  });

  it('reads a text the same with tone marks, without them, in NFD, behind a bullet', () => {
    for (const [text, kind] of KIND_PHRASINGS.slice(0, 60)) {
      expect({ text, kind: inferKind(`- ${withoutToneMarks(text)}`) }).toEqual({ text, kind });
      expect({ text, kind: inferKind(`+  ${text.normalize('NFD')}`) }).toEqual({ text, kind });
    }
  });

  it('the kind cell, when valid, wins over the text', () => {
    expect(kindFromCell('Bổ sung')).toBe('add');
    expect(kindFromCell('')).toBeNull();
    expect(kindFromCell('amend')).toBe('amend');
  });
});

describe('requests found after the table was written', () => {
  it.each([
    ['Đề nghị đưa chỉ tiêu này ra khỏi nghị quyết', 'delete'],
    ['Có nên đưa chỉ tiêu này vào không?', 'question'],
    ['Đề nghị ghép mục 2 và mục 3', 'amend'],
    ['Cần nhấn mạnh hơn vai trò của Mặt trận', 'amend'],
  ])('%j → %s', (text, kind) => expect(inferKind(text)).toBe(kind));
});

describe('the kind column', () => {
  it('a value that names no kind does not hide the text’s request', () => {
    expect(kindFromCell('x')).toBeNull();
    expect(kindFromCell('12/3')).toBeNull();
    expect(kindFromCell('Ý kiến khác')).toBe('general');
  });
});
