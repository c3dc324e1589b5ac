import { copyLine, copyValue, type CopyValue } from './copy-text';

/** The escaping as it was first written: four replaces on every string. */
function copyValueAsFirstWritten(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

describe('COPY text', () => {
  it('escapes values exactly as the four replaces did', () => {
    const alphabet = ['a', 'ệ', ' ', '\\', '\t', '\n', '\r', 'N', '"', '{', '\\N', '🙂'];
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values: CopyValue[] = [null, undefined, true, false, 0, -3, 1.5, '', 'tán thành như dự thảo', '\\', '\\\\t', 'a\tb\nc\rd\\e'];
    for (let n = 0; n < 2000; n++) values.push(Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const value of values) expect(copyValue(value)).toBe(copyValueAsFirstWritten(value));
  });

  it('makes a row of tab-separated values ending with a newline', () => {
    expect(copyLine(['a\tb', null, 3, false, 'x\\y'])).toBe('a\\tb\t\\N\t3\tf\tx\\\\y\n');
    expect(copyLine(['only'])).toBe('only\n');
  });
});
