import { congressSchema, validateDocument } from '@vankien/document-schema';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { addRowAfter, heading, insertTargetsTable, paragraph } from './commands';

const doc = congressSchema.nodeFromJSON({
  type: 'doc',
  content: [{ type: 'paragraph', attrs: { blockId: 'p1' }, content: [{ type: 'text', text: 'Mở đầu' }] }],
});

const run = (state: EditorState, command: Command): EditorState => {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
};

describe('editor commands', () => {
  it('turns a paragraph into a section heading and back, keeping its block id', () => {
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, 2) });
    state = run(state, heading(2));
    expect(state.doc.firstChild!.type.name).toBe('heading');
    expect(state.doc.firstChild!.attrs).toMatchObject({ blockId: 'p1', level: 2 });
    state = run(state, paragraph);
    expect(state.doc.firstChild!.attrs['blockId']).toBe('p1');
  });

  it('inserts a targets table and adds rows of the same shape, valid for the schema', () => {
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, 2) });
    state = run(state, insertTargetsTable);
    const tablePos = state.doc.firstChild!.nodeSize;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, tablePos + 3)));
    state = run(state, addRowAfter);
    const table = state.doc.child(1);
    expect(table.type.name).toBe('targets_table');
    expect(table.childCount).toBe(2);
    expect(table.child(1).childCount).toBe(5);
    expect(validateDocument(state.doc.toJSON()).ok).toBe(true);
  });
});
