import { alignBlocks, type AlignBlock } from './align-diff';

const b = (blockId: string, text = blockId): AlignBlock => ({ blockId, type: 'paragraph', text, level: null, sectionNumber: '' });

describe('side-by-side rows of a diff', () => {
  it('keeps removed blocks where they were and added ones where they are', () => {
    const rows = alignBlocks([b('a'), b('b'), b('c')], [b('a'), b('x'), b('c', 'c2')], { changed: new Set(['c']), moved: new Set() });
    expect(rows.map((r) => [r.kind, r.left?.blockId ?? null, r.right?.blockId ?? null])).toEqual([
      ['same', 'a', 'a'],
      ['added', null, 'x'],
      ['removed', 'b', null],
      ['changed', 'c', 'c'],
    ]);
  });

  it('marks a block moved before others as moved', () => {
    const rows = alignBlocks([b('a'), b('b'), b('c')], [b('c'), b('a'), b('b')], { changed: new Set(), moved: new Set(['c']) });
    expect(rows.map((r) => r.kind)).toEqual(['moved', 'same', 'same']);
  });
});
