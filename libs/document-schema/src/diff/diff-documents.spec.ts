import { congressSchema } from '../schema/congress-schema';
import { DocumentJson } from '../schema/document-json';
import { bulletList, doc, heading, paragraph, text } from '../test-support/fixtures';
import { diffDocuments } from './diff-documents';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence';

const node = (json: DocumentJson) => congressSchema.nodeFromJSON(json);

const base = (): DocumentJson =>
  doc(
    heading('h1', 2, 'I. KINH TẾ'),
    paragraph('a', 'Tốc độ tăng trưởng đạt 7%.'),
    paragraph('b', 'Thu ngân sách tăng.'),
    paragraph('c', 'Thu hút đầu tư khởi sắc.'),
    paragraph('d', 'Hạ tầng được đầu tư.'),
  );

describe('longestIncreasingSubsequence', () => {
  it('finds one longest increasing run', () => {
    expect(longestIncreasingSubsequence([])).toEqual([]);
    expect(longestIncreasingSubsequence([0, 1, 2])).toEqual([0, 1, 2]);
    expect(longestIncreasingSubsequence([3, 0, 1, 2])).toEqual([1, 2, 3]);
    expect(longestIncreasingSubsequence([1, 2, 0, 3]).length).toBe(3);
  });
});

describe('diffDocuments', () => {
  it('reports nothing between identical versions', () => {
    expect(diffDocuments(node(base()), node(base()))).toEqual({
      added: [],
      removed: [],
      moved: [],
      changed: [],
      summary: { added: 0, removed: 0, moved: 0, changed: 0, unchanged: 5 },
    });
  });

  it('finds added and removed blocks without calling their neighbours moved', () => {
    const next = doc(
      heading('h1', 2, 'I. KINH TẾ'),
      paragraph('n', 'Chuyển đổi số được đẩy mạnh.'),
      paragraph('a', 'Tốc độ tăng trưởng đạt 7%.'),
      paragraph('c', 'Thu hút đầu tư khởi sắc.'),
      paragraph('d', 'Hạ tầng được đầu tư.'),
    );
    const diff = diffDocuments(node(base()), node(next));
    expect(diff.added).toEqual([{ blockId: 'n', type: 'paragraph', order: 1, parentBlockId: null, text: 'Chuyển đổi số được đẩy mạnh.' }]);
    expect(diff.removed).toEqual([{ blockId: 'b', type: 'paragraph', order: 2, parentBlockId: null, text: 'Thu ngân sách tăng.' }]);
    expect(diff.moved).toEqual([]);
    expect(diff.summary).toEqual({ added: 1, removed: 1, moved: 0, changed: 0, unchanged: 4 });
  });

  it('finds the block that moved, not the ones it jumped over', () => {
    const next = doc(
      heading('h1', 2, 'I. KINH TẾ'),
      paragraph('d', 'Hạ tầng được đầu tư.'),
      paragraph('a', 'Tốc độ tăng trưởng đạt 7%.'),
      paragraph('b', 'Thu ngân sách tăng.'),
      paragraph('c', 'Thu hút đầu tư khởi sắc.'),
    );
    const diff = diffDocuments(node(base()), node(next));
    expect(diff.moved).toEqual([
      { blockId: 'd', type: 'paragraph', from: { parentBlockId: null, index: 4 }, to: { parentBlockId: null, index: 1 } },
    ]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, moved: 1, changed: 0, unchanged: 4 });
  });

  it('counts a block moved into a list as moved, and sees a reorder inside the list', () => {
    const before = doc(paragraph('x', 'Ý riêng'), bulletList('l', [['i1', 'Một'], ['i2', 'Hai'], ['i3', 'Ba']]));
    const list = bulletList('l', [['i3', 'Ba'], ['i1', 'Một'], ['i2', 'Hai']]);
    // x becomes the second paragraph of item i1.
    const items = list.content ?? [];
    items[1] = { ...items[1], content: [...(items[1].content ?? []), paragraph('x', 'Ý riêng')] };
    const diff = diffDocuments(node(before), node(doc(list)));
    expect(diff.moved).toEqual([
      { blockId: 'i3', type: 'list_item', from: { parentBlockId: 'l', index: 2 }, to: { parentBlockId: 'l', index: 0 } },
      { blockId: 'x', type: 'paragraph', from: { parentBlockId: null, index: 0 }, to: { parentBlockId: 'i1', index: 1 } },
    ]);
    expect(diff.summary.unchanged).toBe(6);
  });

  it('diffs the words of a changed block and reports formatting and attribute changes', () => {
    const next = doc(
      heading('h1', 3, 'I. KINH TẾ'),
      paragraph('a', 'Tốc độ tăng trưởng bình quân đạt 8%.'),
      paragraph('b', text('Thu ngân sách tăng.', 'bold')),
      paragraph('c', 'Thu hút đầu tư khởi sắc.'),
      paragraph('d', 'Hạ tầng được đầu tư.'),
    );
    const diff = diffDocuments(node(base()), node(next));
    expect(diff.changed).toEqual([
      {
        blockId: 'h1',
        type: 'heading',
        previousType: null,
        textChanged: false,
        formattingChanged: false,
        attributeChanges: [{ name: 'level', before: 2, after: 3 }],
        words: [],
      },
      {
        blockId: 'a',
        type: 'paragraph',
        previousType: null,
        textChanged: true,
        formattingChanged: false,
        attributeChanges: [],
        words: [
          { kind: 'equal', text: 'Tốc độ tăng trưởng ' },
          { kind: 'added', text: 'bình quân ' },
          { kind: 'equal', text: 'đạt ' },
          { kind: 'removed', text: '7' },
          { kind: 'added', text: '8' },
          { kind: 'equal', text: '%.' },
        ],
      },
      {
        blockId: 'b',
        type: 'paragraph',
        previousType: null,
        textChanged: false,
        formattingChanged: true,
        attributeChanges: [],
        words: [],
      },
    ]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, moved: 0, changed: 3, unchanged: 2 });
  });

  it('notices a block that changed type but kept its id', () => {
    const next = doc(heading('h1', 2, 'I. KINH TẾ'), heading('a', 3, 'Tốc độ tăng trưởng đạt 7%.'), paragraph('b', 'Thu ngân sách tăng.'), paragraph('c', 'Thu hút đầu tư khởi sắc.'), paragraph('d', 'Hạ tầng được đầu tư.'));
    const [change] = diffDocuments(node(base()), node(next)).changed;
    expect(change).toMatchObject({ blockId: 'a', type: 'heading', previousType: 'paragraph', textChanged: false });
  });

  it('is deterministic', () => {
    const next = doc(paragraph('d', 'Hạ tầng.'), paragraph('c', 'Thu hút đầu tư khởi sắc.'), paragraph('z', 'Mới'), heading('h1', 2, 'I. KINH TẾ'));
    const first = JSON.stringify(diffDocuments(node(base()), node(next)));
    expect(JSON.stringify(diffDocuments(node(base()), node(next)))).toBe(first);
  });
});
