import type { FieldProblem } from '../errors/app-error';
import { normaliseTexts, textReasons } from './text-input';

function check(value: unknown): { value: unknown; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  return { value: normaliseTexts(value, problems), problems };
}

describe('normaliseTexts', () => {
  it('turns every string, keys included, into NFC', () => {
    const decomposed = 'Nghị quyết Đại hội'.normalize('NFD');
    const { value, problems } = check({ title: decomposed, items: [{ [decomposed]: decomposed }], count: 3, flag: null });
    expect(problems).toEqual([]);
    expect(value).toEqual({ title: decomposed.normalize('NFC'), items: [{ [decomposed.normalize('NFC')]: decomposed.normalize('NFC') }], count: 3, flag: null });
  });

  it('names each refused string by its path, with the reason', () => {
    const { problems } = check({ title: 'a\u202Eb', comments: [{ text: 'ok' }, { text: 'x\u0000' }], note: '\uD800', fine: 'emoji 😀 and tab\tand\r\nlines' });
    expect(problems).toEqual([
      { field: 'title', reasons: [textReasons.bidirectional] },
      { field: 'comments.1.text', reasons: [textReasons.control] },
      { field: 'note', reasons: [textReasons.surrogate] },
    ]);
  });

  it('finds every bidirectional control and lone surrogate of either half', () => {
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(check(`x${control}`).problems).toHaveLength(1);
    }
    expect(check('\uDC00x').problems).toHaveLength(1);
    expect(check('x\uD83D').problems).toHaveLength(1);
  });

  it('keeps a key named __proto__ a plain field, not a prototype', () => {
    const { value } = check(JSON.parse('{"__proto__": {"admin": true}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });
});
