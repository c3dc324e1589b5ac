import { Node as ProseMirrorNode } from 'prosemirror-model';
import { history, redo, undo } from 'prosemirror-history';
import { EditorState, Transaction } from 'prosemirror-state';
import { congressSchema } from '../schema/congress-schema';
import { doc, heading, paragraph } from '../test-support/fixtures';
import { validateDocument } from '../validation/validate-document';
import { blockIdPlugin, blockIdPluginKey } from './block-id-plugin';
import { ensureBlockIds } from './ensure-block-ids';
import { createSequentialIdGenerator } from './id-generator';

const blockIds = (node: ProseMirrorNode): Array<string | null> => {
  const ids: Array<string | null> = [];
  node.descendants((child) => {
    if (child.isInline) return false;
    ids.push((child.attrs['blockId'] as string | null) ?? null);
    return true;
  });
  return ids;
};

const texts = (node: ProseMirrorNode): string[] => {
  const result: string[] = [];
  node.forEach((child) => result.push(child.textContent));
  return result;
};

const editor = (json = doc(heading('h1', 2, 'I. KINH TẾ'), paragraph('p1', 'Tăng trưởng khá'), paragraph('p2', 'Thu ngân sách tăng'))): EditorState =>
  EditorState.create({
    doc: congressSchema.nodeFromJSON(json),
    plugins: [blockIdPlugin({ generateId: createSequentialIdGenerator('new') })],
  });

const apply = (state: EditorState, build: (tr: Transaction) => Transaction): EditorState => state.applyTransaction(build(state.tr)).state;

/** Start position (before the node) of the top-level block at `index`. */
const startOf = (state: EditorState, index: number): number => {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos;
};

describe('blockIdPlugin', () => {
  it('keeps the id of a paragraph while typing in it', () => {
    const state = apply(editor(), (tr) => tr.insertText(' và bền vững', startOf(editor(), 1) + 1 + 'Tăng trưởng khá'.length));
    expect(texts(state.doc)[1]).toBe('Tăng trưởng khá và bền vững');
    expect(blockIds(state.doc)).toEqual(['h1', 'p1', 'p2']);
  });

  it('gives the second half of a split paragraph a new id and keeps the first', () => {
    const before = editor();
    const state = apply(before, (tr) => tr.split(startOf(before, 1) + 1 + 'Tăng trưởng'.length));
    expect(texts(state.doc)).toEqual(['I. KINH TẾ', 'Tăng trưởng', ' khá', 'Thu ngân sách tăng']);
    expect(blockIds(state.doc)).toEqual(['h1', 'p1', 'new1', 'p2']);
  });

  it('keeps the first id when two paragraphs are joined', () => {
    const before = editor();
    const state = apply(before, (tr) => tr.join(startOf(before, 2)));
    expect(texts(state.doc)).toEqual(['I. KINH TẾ', 'Tăng trưởng kháThu ngân sách tăng']);
    expect(blockIds(state.doc)).toEqual(['h1', 'p1']);
  });

  it('gives a pasted copy a new id, after or before the original', () => {
    const before = editor();
    const copied = before.doc.slice(startOf(before, 1), startOf(before, 2));
    const after = apply(before, (tr) => tr.replace(before.doc.content.size, before.doc.content.size, copied));
    expect(texts(after.doc)).toEqual(['I. KINH TẾ', 'Tăng trưởng khá', 'Thu ngân sách tăng', 'Tăng trưởng khá']);
    expect(blockIds(after.doc)).toEqual(['h1', 'p1', 'p2', 'new1']);
    // Pasted above the original: the original, not the first occurrence, keeps its id. (Same
    // plugin, same generator: "new1" went to the first paste.)
    const above = apply(before, (tr) => tr.replace(0, 0, copied));
    expect(texts(above.doc)).toEqual(['Tăng trưởng khá', 'I. KINH TẾ', 'Tăng trưởng khá', 'Thu ngân sách tăng']);
    expect(blockIds(above.doc)).toEqual(['new2', 'h1', 'p1', 'p2']);
  });

  it('moves a block with its id when it is cut and pasted', () => {
    const before = editor();
    const slice = before.doc.slice(startOf(before, 2), before.doc.content.size);
    const state = apply(before, (tr) => tr.delete(startOf(before, 2), before.doc.content.size).replace(0, 0, slice));
    expect(blockIds(state.doc)).toEqual(['p2', 'h1', 'p1']);
  });

  it('gives ids to blocks inserted without one, including nested blocks', () => {
    const before = editor();
    const list = congressSchema.nodes['bullet_list'].create(null, [
      congressSchema.nodes['list_item'].create(null, [congressSchema.nodes['paragraph'].create(null, congressSchema.text('Ý 1'))]),
    ]);
    const state = apply(before, (tr) => tr.insert(before.doc.content.size, list));
    expect(blockIds(state.doc)).toEqual(['h1', 'p1', 'p2', 'new1', 'new2', 'new3']);
  });

  it('never hands out an id this editor has seen, even after the block is gone', () => {
    const generate = jest.fn<string, []>().mockReturnValueOnce('p2').mockReturnValueOnce('p9');
    const start = EditorState.create({
      doc: congressSchema.nodeFromJSON(doc(paragraph('p1', 'một'), paragraph('p2', 'hai'))),
      plugins: [blockIdPlugin({ generateId: generate })],
    });
    const deleted = apply(start, (tr) => tr.delete(startOf(start, 1), start.doc.content.size));
    const split = apply(deleted, (tr) => tr.split(2));
    expect(blockIds(split.doc)).toEqual(['p1', 'p9']);
  });

  it('repairs duplicates that arrive in one transaction (a remote update replacing the content)', () => {
    const before = editor();
    const replacement = congressSchema.nodeFromJSON(doc(paragraph('x', 'một'), paragraph('x', 'hai'), paragraph('y', 'ba')));
    const state = apply(before, (tr) => tr.replaceWith(0, before.doc.content.size, replacement.content));
    expect(blockIds(state.doc)).toEqual(['x', 'new1', 'y']);
  });

  it('leaves transactions alone when asked to', () => {
    const state = EditorState.create({
      doc: congressSchema.nodeFromJSON(doc(paragraph('p1', 'một'))),
      plugins: [blockIdPlugin({ generateId: createSequentialIdGenerator('n'), ignoreTransaction: (tr) => tr.getMeta('remote') === true })],
    });
    const next = apply(state, (tr) => tr.split(2).setMeta('remote', true));
    expect(blockIds(next.doc)).toEqual(['p1', 'p1']);
  });
});

/** A report-sized document: a heading every 20 paragraphs, `blocks` blocks with ids b0, b1, … */
const largeEditor = (blocks: number, countVisit?: () => void): EditorState =>
  EditorState.create({
    doc: congressSchema.nodeFromJSON(
      doc(
        ...Array.from({ length: blocks }, (_, i) =>
          i % 20 === 0 ? heading(`b${i}`, 2, `Mục ${i / 20 + 1}`) : paragraph(`b${i}`, `Đoạn ${i}: tăng trưởng kinh tế và thu ngân sách`),
        ),
      ),
    ),
    plugins: [history(), blockIdPlugin({ generateId: createSequentialIdGenerator('new'), countVisit })],
  });

const unique = (ids: Array<string | null>): boolean => ids.every((id) => id !== null) && new Set(ids).size === ids.length;

/** The plugin's index must describe the document exactly, as a full recount would. */
const expectIndexMatches = (state: EditorState): void => {
  const index = blockIdPluginKey.getState(state)!;
  expect(index.doc).toBe(state.doc);
  const counts = new Map<string, number>();
  for (const id of blockIds(state.doc)) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect(new Map([...index.counts].sort())).toEqual(new Map([...counts].sort()));
  expect(index.duplicated).toBe([...counts.values()].filter((n) => n > 1).length);
  expect(index.invalid).toBe(blockIds(state.doc).filter((id) => id === null).length);
};

describe('blockIdPlugin in a large document (incremental)', () => {
  it('looks at a few blocks, not the document, for a keystroke, a split and a join in 2,000 blocks', () => {
    let visits = 0;
    const start = largeEditor(2000, () => visits++);
    expect(visits).toBe(2000); // the initial index
    const middle = startOf(start, 1001) + 3;
    visits = 0;
    const typed = apply(start, (tr) => tr.insertText('x', middle));
    expect(visits).toBeLessThanOrEqual(4);
    expect(blockIds(typed.doc)).toEqual(blockIds(start.doc));
    visits = 0;
    const split = apply(typed, (tr) => tr.split(middle + 1));
    expect(visits).toBeLessThanOrEqual(10);
    expect(blockIds(split.doc).slice(1000, 1004)).toEqual(['b1000', 'b1001', 'new1', 'b1002']);
    visits = 0;
    const joined = apply(split, (tr) => tr.join(startOf(split, 1002)));
    expect(visits).toBeLessThanOrEqual(6);
    expect(blockIds(joined.doc)).toEqual(blockIds(start.doc));
    expect(joined.doc.child(1001).textContent).toBe(typed.doc.child(1001).textContent);
    expectIndexMatches(joined);
  });

  it('costs a keystroke the same in 200 and in 4,000 blocks', () => {
    const visitsFor = (blocks: number): number => {
      let visits = 0;
      const start = largeEditor(blocks, () => visits++);
      visits = 0;
      const at = startOf(start, Math.floor(blocks / 2)) + 2;
      let state = start;
      for (let i = 0; i < 20; i++) state = apply(state, (tr) => tr.insertText('a', at + i));
      return visits;
    };
    expect(visitsFor(4000)).toBe(visitsFor(200));
  });

  it('gives fresh ids to a copied section pasted far from the original, which keeps its ids', () => {
    const start = largeEditor(2000);
    // The section under the heading b100: b100 … b119.
    const section = start.doc.slice(startOf(start, 100), startOf(start, 120));
    const at = startOf(start, 1500);
    const pasted = apply(start, (tr) => tr.replace(at, at, section));
    const ids = blockIds(pasted.doc);
    expect(ids.length).toBe(2020);
    expect(ids.slice(100, 120)).toEqual(Array.from({ length: 20 }, (_, i) => `b${100 + i}`));
    expect(ids.slice(1500, 1520)).toEqual(Array.from({ length: 20 }, (_, i) => `new${i + 1}`));
    expect(ids.slice(1520, 1522)).toEqual(['b1500', 'b1501']);
    expect(unique(ids)).toBe(true);
    expectIndexMatches(pasted);
    // Pasted before the original: still the original keeps its ids.
    const above = apply(pasted, (tr) => tr.replace(0, 0, section));
    expect(blockIds(above.doc).slice(0, 2)).toEqual(['new21', 'new22']);
    expect(blockIds(above.doc).slice(120, 122)).toEqual(['b100', 'b101']);
    expect(unique(blockIds(above.doc))).toBe(true);
    expectIndexMatches(above);
  });

  it('keeps ids through undo and redo of a split, a paste and a deletion', () => {
    const start = largeEditor(300);
    const run = (state: EditorState, command: typeof undo): EditorState => {
      let next = state;
      command(state, (tr) => (next = state.apply(tr)));
      return next;
    };
    const split = apply(start, (tr) => tr.split(startOf(start, 150) + 4));
    const section = split.doc.slice(startOf(split, 20), startOf(split, 40));
    const pasted = apply(split, (tr) => tr.replace(startOf(split, 250), startOf(split, 250), section));
    const deleted = apply(pasted, (tr) => tr.delete(startOf(pasted, 10), startOf(pasted, 12)));
    expect(unique(blockIds(deleted.doc))).toBe(true);
    const undone = run(run(run(deleted, undo), undo), undo);
    expect(blockIds(undone.doc)).toEqual(blockIds(start.doc));
    expectIndexMatches(undone);
    const redone = run(run(run(undone, redo), redo), redo);
    expect(blockIds(redone.doc)).toEqual(blockIds(deleted.doc));
    expectIndexMatches(redone);
  });

  it('repairs a duplicate left by an ignored transaction on the next change elsewhere', () => {
    const start = EditorState.create({
      doc: largeEditor(100).doc,
      plugins: [blockIdPlugin({ generateId: createSequentialIdGenerator('n'), ignoreTransaction: (tr) => tr.getMeta('remote') === true })],
    });
    const remote = apply(start, (tr) => tr.split(startOf(start, 10) + 3).setMeta('remote', true));
    expect(blockIds(remote.doc).slice(10, 12)).toEqual(['b10', 'b10']);
    const typed = apply(remote, (tr) => tr.insertText('x', startOf(remote, 80) + 1));
    expect(blockIds(typed.doc).slice(10, 12)).toEqual(['b10', 'n1']);
    expectIndexMatches(typed);
  });

  it('keeps every id unique and its index exact through random edits', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let state = largeEditor(200);
    for (let step = 0; step < 300; step++) {
      const count = state.doc.childCount;
      const index = random(count);
      const kind = random(5);
      state = apply(state, (tr) => {
        const pos = startOf(state, index);
        const node = state.doc.child(index);
        if (kind === 0) return tr.insertText('y', pos + 1);
        if (kind === 1 && node.content.size > 2) return tr.split(pos + 1 + random(node.content.size - 1));
        if (kind === 2 && index > 0 && state.doc.child(index - 1).type === node.type) return tr.join(pos);
        if (kind === 3 && count > 5) return tr.delete(pos, startOf(state, Math.min(count - 1, index + 1 + random(3))));
        const from = random(count - 3);
        const slice = state.doc.slice(startOf(state, from), startOf(state, from + 1 + random(3)));
        return tr.replace(pos, pos, slice);
      });
      expect(unique(blockIds(state.doc))).toBe(true);
    }
    expectIndexMatches(state);
  });
});

describe('ensureBlockIds', () => {
  it('fills missing ids, repairs duplicates and bad ids, keeps the first occurrence, and does not mutate', () => {
    const input = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }] },
        { type: 'paragraph', attrs: { blockId: 'b2' }, content: [{ type: 'text', text: 'b' }] },
        { type: 'paragraph', attrs: { blockId: 'b2' } },
        { type: 'paragraph', attrs: { blockId: 'not valid' } },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph' }] }] },
      ],
    };
    const snapshot = JSON.stringify(input);
    const repaired = ensureBlockIds(input, createSequentialIdGenerator('b'));
    expect(JSON.stringify(input)).toBe(snapshot);
    const ids = repaired.content.map((block) => (block.attrs as { blockId: string }).blockId);
    // "b2" is taken in the input, so the generator's own "b2" is skipped.
    expect(ids).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    const result = validateDocument(repaired);
    expect(result.ok).toBe(true);
  });

  it('ignores what is not a document instead of throwing', () => {
    expect(ensureBlockIds(null)).toBeNull();
    expect(ensureBlockIds('x')).toBe('x');
    expect(ensureBlockIds({ type: 'doc', content: [1, null, { type: 'nonsense' }] })).toEqual({ type: 'doc', content: [1, null, { type: 'nonsense' }] });
  });
});
