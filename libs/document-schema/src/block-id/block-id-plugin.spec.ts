import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, Transaction } from 'prosemirror-state';
import { congressSchema } from '../schema/congress-schema';
import { doc, heading, paragraph } from '../test-support/fixtures';
import { validateDocument } from '../validation/validate-document';
import { blockIdPlugin } from './block-id-plugin';
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
