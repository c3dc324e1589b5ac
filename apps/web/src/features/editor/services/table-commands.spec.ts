import { congressSchema, validateDocument } from '@vankien/document-schema';
import type { Node as PmNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, tableGrid } from './table-commands';

interface CellSpec {
  text: string;
  header?: boolean;
  colspan?: number;
  rowspan?: number;
}

let counter = 0;
const bid = (prefix: string) => `${prefix}${++counter}`;
const cell = ({ text, header, colspan = 1, rowspan = 1 }: CellSpec) => ({
  type: header ? 'table_header' : 'table_cell',
  attrs: { blockId: bid('c'), colspan, rowspan },
  content: [{ type: 'paragraph', attrs: { blockId: bid('p') }, content: [{ type: 'text', text }] }],
});

/** A document holding one generic table, rows of cells by their text. */
function tableDoc(rows: (string | CellSpec)[][]): PmNode {
  return congressSchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { blockId: 'intro' }, content: [{ type: 'text', text: 'Bảng' }] },
      { type: 'table', attrs: { blockId: 't1' }, content: rows.map((row) => ({ type: 'table_row', attrs: { blockId: bid('r') }, content: row.map((c) => cell(typeof c === 'string' ? { text: c } : c)) })) },
    ],
  });
}

const targetsDoc = (rows: string[]): PmNode =>
  congressSchema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'targets_table',
        attrs: { blockId: 'tt', purpose: 'full' },
        content: rows.map((indicator) => ({
          type: 'targets_row',
          attrs: { blockId: bid('tr'), assessment: 'met' },
          content: ['targets_indicator', 'targets_unit', 'targets_previous_target', 'targets_achieved', 'targets_new_target'].map((type, i) => ({
            type,
            attrs: { blockId: bid('tc') },
            content: i === 0 ? [{ type: 'text', text: indicator }] : [],
          })),
        })),
      },
    ],
  });

/** The editor state with the cursor inside the text `text`. */
function at(doc: PmNode, text: string): EditorState {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text === text) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no text "${text}"`);
  return EditorState.create({ doc, selection: TextSelection.create(doc, found) });
}

const run = (state: EditorState, command: Command): EditorState => {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
};

/** The table as rows of cell texts, with spans written as text@colspan×rowspan. */
function rowsOf(doc: PmNode): string[][] {
  const table = doc.lastChild!;
  const rows: string[][] = [];
  table.forEach((row) => {
    const cells: string[] = [];
    row.forEach((c) => {
      const span = c.attrs['colspan'] > 1 || c.attrs['rowspan'] > 1 ? `@${c.attrs['colspan']}×${c.attrs['rowspan']}` : '';
      cells.push(`${c.type === congressSchema.nodes['table_header'] ? 'th:' : ''}${c.textContent}${span}`);
    });
    rows.push(cells);
  });
  return rows;
}

/** Valid for the schema and the validator, every block id present and unique. */
function expectValid(doc: PmNode): void {
  doc.check();
  expect(validateDocument(doc.toJSON()).ok).toBe(true);
  const ids: string[] = [];
  doc.descendants((node) => {
    if ('blockId' in node.attrs) ids.push(String(node.attrs['blockId']));
  });
  expect(ids.every((id) => id && id !== 'null')).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
}

/** The grid is a rectangle: every row covers the same number of columns. */
function expectRectangular(doc: PmNode): void {
  const grid = tableGrid(doc.lastChild!, doc.content.size - doc.lastChild!.nodeSize);
  const widths = Array.from({ length: grid.height }, () => 0);
  for (const c of grid.cells) for (let dr = 0; dr < c.rowspan; dr++) widths[c.row + dr] += c.colspan;
  expect(new Set(widths)).toEqual(new Set([grid.width]));
}

describe('table editing', () => {
  const plain = () => tableDoc([[{ text: 'A', header: true }, { text: 'B', header: true }, { text: 'C', header: true }], ['a1', 'b1', 'c1'], ['a2', 'b2', 'c2']]);

  it('adds a column after the cursor’s, a header in the header row, new block ids', () => {
    const next = run(at(plain(), 'b1'), addColumnAfter);
    expect(rowsOf(next.doc)).toEqual([
      ['th:A', 'th:B', 'th:', 'th:C'],
      ['a1', 'b1', '', 'c1'],
      ['a2', 'b2', '', 'c2'],
    ]);
    expectValid(next.doc);
  });

  it('adds a column after the last one', () => {
    const next = run(at(plain(), 'c2'), addColumnAfter);
    expect(rowsOf(next.doc).map((r) => r.length)).toEqual([4, 4, 4]);
    expect(rowsOf(next.doc)[2]).toEqual(['a2', 'b2', 'c2', '']);
    expectValid(next.doc);
  });

  it('adds an empty data row after the cursor’s, even from the header row', () => {
    const next = run(at(plain(), 'A'), addRowAfter);
    expect(rowsOf(next.doc)[1]).toEqual(['', '', '']);
    expect(rowsOf(next.doc)).toHaveLength(4);
    expectValid(next.doc);
  });

  it('deletes the cursor’s row and column', () => {
    let state = run(at(plain(), 'b1'), deleteRow);
    expect(rowsOf(state.doc)).toEqual([['th:A', 'th:B', 'th:C'], ['a2', 'b2', 'c2']]);
    state = run(at(state.doc, 'B'), deleteColumn);
    expect(rowsOf(state.doc)).toEqual([['th:A', 'th:C'], ['a2', 'c2']]);
    expectValid(state.doc);
  });

  it('never deletes the last row or the last column (the schema wants one)', () => {
    const single = tableDoc([['only']]);
    expect(deleteRow(at(single, 'only'))).toBe(false);
    expect(deleteColumn(at(single, 'only'))).toBe(false);
  });

  it('keeps merged cells: a cell spanning the new column grows, a spanning cell shrinks instead of vanishing', () => {
    const merged = () => tableDoc([[{ text: 'AB', colspan: 2 }, 'C'], ['a', 'b', 'c']]);
    let state = run(at(merged(), 'a'), addColumnAfter);
    expect(rowsOf(state.doc)).toEqual([['AB@3×1', 'C'], ['a', '', 'b', 'c']]);
    expectRectangular(state.doc);
    state = run(at(merged(), 'b'), deleteColumn);
    expect(rowsOf(state.doc)).toEqual([['AB', 'C'], ['a', 'c']]);
    expectRectangular(state.doc);
    expectValid(state.doc);
  });

  it('keeps rowspans: a row through a tall cell shortens it; a tall cell of a deleted row moves down', () => {
    const tall = () => tableDoc([[{ text: 'X', rowspan: 2 }, 'y1'], ['y2'], ['z1', 'z2']]);
    let state = run(at(tall(), 'y2'), deleteRow);
    expect(rowsOf(state.doc)).toEqual([['X', 'y1'], ['z1', 'z2']]);
    expectRectangular(state.doc);
    state = run(at(tall(), 'y1'), deleteRow);
    expect(rowsOf(state.doc)).toEqual([['X', 'y2'], ['z1', 'z2']]);
    expectRectangular(state.doc);
    expectValid(state.doc);
    // a row added after the tall cell's first row goes below the cell's last row
    state = run(at(tall(), 'X'), addRowAfter);
    expect(rowsOf(state.doc)).toEqual([['X@1×2', 'y1'], ['y2'], ['', ''], ['z1', 'z2']]);
    // a row added inside the tall cell's rows makes it taller
    state = run(at(tall(), 'y1'), addRowAfter);
    expect(rowsOf(state.doc)).toEqual([['X@1×3', 'y1'], [''], ['y2'], ['z1', 'z2']]);
    expectRectangular(state.doc);
    // a column added after a tall cell gets one cell per row it covers
    state = run(at(tall(), 'X'), addColumnAfter);
    expect(rowsOf(state.doc)).toEqual([['X@1×2', '', 'y1'], ['', 'y2'], ['z1', '', 'z2']]);
    expectRectangular(state.doc);
    expectValid(state.doc);
  });

  it('adds and deletes rows of the targets table, keeping its five cells; its columns are fixed', () => {
    const doc = targetsDoc(['Tăng trưởng GRDP', 'Thu ngân sách']);
    let state = run(at(doc, 'Tăng trưởng GRDP'), addRowAfter);
    const table = state.doc.firstChild!;
    expect(table.childCount).toBe(3);
    expect(table.child(1).childCount).toBe(5);
    expect(table.child(1).attrs['assessment']).toBe('unknown');
    expectValid(state.doc);
    expect(addColumnAfter(state)).toBe(false);
    expect(deleteColumn(state)).toBe(false);
    state = run(at(state.doc, 'Thu ngân sách'), deleteRow);
    expect(state.doc.firstChild!.childCount).toBe(2);
    expect(state.doc.textContent).not.toContain('Thu ngân sách');
    state = run(at(state.doc, 'Tăng trưởng GRDP'), deleteRow);
    const last = EditorState.create({ doc: state.doc, selection: TextSelection.create(state.doc, 3) });
    expect(state.doc.firstChild!.childCount).toBe(1);
    expect(deleteRow(last)).toBe(false);
    expectValid(state.doc);
  });

  it('does nothing outside a table', () => {
    const state = at(plain(), 'Bảng');
    for (const command of [addRowAfter, deleteRow, addColumnAfter, deleteColumn]) expect(command(state)).toBe(false);
  });
});
