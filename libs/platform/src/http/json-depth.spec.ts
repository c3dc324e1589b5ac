import { exceedsJsonDepth } from './json-depth';

describe('exceedsJsonDepth', () => {
  const nested = (depth: number): Buffer => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('counts arrays and objects, and stops past the limit', () => {
    expect(exceedsJsonDepth(nested(64), 64)).toBe(false);
    expect(exceedsJsonDepth(nested(65), 64)).toBe(true);
    expect(exceedsJsonDepth(Buffer.from('{"a":{"b":[{"c":1}]}}'), 3)).toBe(true);
    expect(exceedsJsonDepth(Buffer.from('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify({ text: '[[[[[[{{{{{"\\"[[[' })), 1)).toBe(false);
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify(['\\', [['x']]])), 2)).toBe(true);
  });

  it('scans a megabyte of deep nesting in milliseconds', () => {
    const started = performance.now();
    expect(exceedsJsonDepth(nested(400_000), 64)).toBe(true);
    expect(exceedsJsonDepth(Buffer.from(JSON.stringify({ text: 'x'.repeat(1_000_000) })), 64)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
