import { congressSchema, randomBlockId } from '@vankien/document-schema';
import type { Node as PmNode, NodeType } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';

// Row and column editing for the schema's two kinds of table, written by hand: prosemirror-tables
// knows nothing of the targets table (five fixed cells a row, inline content) nor of our block
// ids (every new cell and its paragraph gets its own), and these few commands are all we need.
//
// - a generic table (table > table_row > table_header | table_cell, with colspan and rowspan):
//   add a row after, add a column after, delete the row, delete the column; spans are kept
//   (a cell spanning the new column grows; a spanning cell shrinks instead of vanishing);
// - a targets table (targets_table > targets_row of five cells): add or delete a row; its
//   columns are fixed by the schema, so the column commands refuse it;
// - never the last row or the last column: the schema wants at least one (table_row+).

const { nodes } = congressSchema;
const id = () => ({ blockId: randomBlockId() });
const emptyParagraph = () => nodes['paragraph'].create(id());
const isTableRow = (node: PmNode) => node.type === nodes['table_row'] || node.type === nodes['targets_row'];

/** A cell of a generic table on the grid: its row, first column, spans and document position. */
export interface GridCell {
  node: PmNode;
  pos: number;
  row: number;
  col: number;
  colspan: number;
  rowspan: number;
}

/** The grid of a generic table: every cell with its first row and column, rowspans taken into account. */
export function tableGrid(table: PmNode, tablePos: number): { cells: GridCell[]; width: number; height: number } {
  const cells: GridCell[] = [];
  const taken: boolean[][] = [];
  let width = 0;
  let rowPos = tablePos + 1;
  table.forEach((row, _offset, r) => {
    taken[r] ??= [];
    let col = 0;
    let cellPos = rowPos + 1;
    row.forEach((cell) => {
      while (taken[r][col]) col++;
      const colspan = Number(cell.attrs['colspan'] ?? 1);
      const rowspan = Number(cell.attrs['rowspan'] ?? 1);
      cells.push({ node: cell, pos: cellPos, row: r, col, colspan, rowspan });
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) (taken[r + dr] ??= [])[col + dc] = true;
      col += colspan;
      width = Math.max(width, col);
      cellPos += cell.nodeSize;
    });
    rowPos += row.nodeSize;
  });
  return { cells, width, height: table.childCount };
}

interface TableContext {
  table: PmNode;
  tablePos: number;
  row: PmNode;
  rowPos: number;
  rowIndex: number;
  /** The cell holding the cursor (generic tables) and its position. */
  cellPos: number;
}

/** The table, row and cell holding the cursor, if any. */
export function tableAt(state: EditorState): TableContext | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 1; depth--) {
    const node = $from.node(depth);
    if (isTableRow(node)) {
      return { table: $from.node(depth - 1), tablePos: $from.before(depth - 1), row: node, rowPos: $from.before(depth), rowIndex: $from.index(depth - 1), cellPos: $from.before(depth + 1) };
    }
  }
  return null;
}

const isTargets = (context: TableContext) => context.table.type === nodes['targets_table'];

/** An empty cell like `like` (header or data), one column and one row wide. */
const emptyCell = (type: NodeType) => type.create({ ...id(), colspan: 1, rowspan: 1 }, emptyParagraph());
const emptyTargetsRow = (like: PmNode) => nodes['targets_row'].create({ ...id(), assessment: 'unknown' }, Array.from({ length: like.childCount }, (_, i) => like.child(i).type.create(id())));

/** A new empty row after the one at the cursor, as wide as the table (the targets table's five cells). */
export const addRowAfter: Command = (state, dispatch) => {
  const context = tableAt(state);
  if (!context) return false;
  if (isTargets(context)) {
    dispatch?.(state.tr.insert(context.rowPos + context.row.nodeSize, emptyTargetsRow(context.row)).scrollIntoView());
    return true;
  }
  if (!dispatch) return true;
  const grid = tableGrid(context.table, context.tablePos);
  // the new row sits below the last row of the cursor's cell; a cell that runs past it grows
  // instead of getting a new cell under it
  const below = context.rowIndex + (grid.cells.find((c) => c.pos === context.cellPos)?.rowspan ?? 1) - 1;
  const tr = state.tr;
  let covered = 0;
  for (const cell of grid.cells) {
    if (cell.row <= below && cell.row + cell.rowspan - 1 > below) {
      tr.setNodeMarkup(cell.pos, undefined, { ...cell.node.attrs, rowspan: cell.rowspan + 1 });
      covered += cell.colspan;
    }
  }
  const width = grid.width - covered;
  if (width > 0) {
    let insertAt = context.tablePos + 1;
    for (let r = 0; r <= below; r++) insertAt += context.table.child(r).nodeSize;
    tr.insert(insertAt, nodes['table_row'].create(id(), Array.from({ length: width }, () => emptyCell(nodes['table_cell']))));
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/** Deletes the row at the cursor (never the last one); cells spanning it shrink, and one starting in it moves down. */
export const deleteRow: Command = (state, dispatch) => {
  const context = tableAt(state);
  if (!context || context.table.childCount < 2) return false;
  if (isTargets(context)) {
    dispatch?.(state.tr.delete(context.rowPos, context.rowPos + context.row.nodeSize).scrollIntoView());
    return true;
  }
  if (!dispatch) return true;
  const grid = tableGrid(context.table, context.tablePos);
  const r = context.rowIndex;
  const tr = state.tr;
  // cells from above that run through the row: one row shorter
  for (const cell of grid.cells) if (cell.row < r && cell.row + cell.rowspan > r) tr.setNodeMarkup(cell.pos, undefined, { ...cell.node.attrs, rowspan: cell.rowspan - 1 });
  // cells of the row that run below it: moved into the next row, one row shorter
  const moving = grid.cells.filter((c) => c.row === r && c.rowspan > 1);
  if (moving.length > 0) {
    const next = grid.cells.filter((c) => c.row === r + 1);
    const nextRowPos = context.rowPos + context.row.nodeSize;
    for (const cell of moving) {
      const before = next.filter((c) => c.col < cell.col).pop();
      const at = before ? before.pos + before.node.nodeSize : nextRowPos + 1;
      tr.insert(tr.mapping.map(at), cell.node.type.create({ ...cell.node.attrs, rowspan: cell.rowspan - 1 }, cell.node.content, cell.node.marks));
    }
  }
  tr.delete(tr.mapping.map(context.rowPos), tr.mapping.map(context.rowPos + context.row.nodeSize));
  dispatch(tr.scrollIntoView());
  return true;
};

/** The grid column of the cursor's cell: its last column (so "after" is after the whole cell). */
function cursorColumn(context: TableContext, grid: ReturnType<typeof tableGrid>): GridCell | undefined {
  return grid.cells.find((c) => c.pos === context.cellPos);
}

/** A new empty column after the cursor's cell (generic tables only); cells spanning the boundary grow. */
export const addColumnAfter: Command = (state, dispatch) => {
  const context = tableAt(state);
  if (!context || isTargets(context)) return false;
  const grid = tableGrid(context.table, context.tablePos);
  const current = cursorColumn(context, grid);
  if (!current) return false;
  if (!dispatch) return true;
  const boundary = current.col + current.colspan; // the new column's index
  const tr = state.tr;
  const rowsServed = new Set<number>();
  for (const cell of grid.cells) {
    if (cell.col < boundary && cell.col + cell.colspan > boundary) {
      // spans across the boundary: it grows, and covers the new column in its rows
      tr.setNodeMarkup(cell.pos, undefined, { ...cell.node.attrs, colspan: cell.colspan + 1 });
      for (let dr = 0; dr < cell.rowspan; dr++) rowsServed.add(cell.row + dr);
    }
  }
  const inserts: { at: number; node: PmNode }[] = [];
  let rowPos = context.tablePos + 1;
  for (let r = 0; r < grid.height; r++) {
    const row = context.table.child(r);
    if (!rowsServed.has(r)) {
      const rowCells = grid.cells.filter((c) => c.row === r);
      const before = rowCells.filter((c) => c.col < boundary).pop();
      const like = before ?? rowCells[0];
      const type = like?.node.type === nodes['table_header'] ? nodes['table_header'] : nodes['table_cell'];
      inserts.push({ at: before ? before.pos + before.node.nodeSize : rowPos + 1, node: emptyCell(type) });
    }
    rowPos += row.nodeSize;
  }
  for (const { at, node } of inserts) tr.insert(tr.mapping.map(at), node);
  dispatch(tr.scrollIntoView());
  return true;
};

/** Deletes the cursor's column (generic tables only; never the last column): cells spanning it shrink. */
export const deleteColumn: Command = (state, dispatch) => {
  const context = tableAt(state);
  if (!context || isTargets(context)) return false;
  const grid = tableGrid(context.table, context.tablePos);
  const current = cursorColumn(context, grid);
  if (!current || grid.width < 2) return false;
  const col = current.col;
  const inColumn = grid.cells.filter((cell) => cell.col <= col && cell.col + cell.colspan > col);
  // a row left without a cell (all its other columns covered from above) would break the schema
  const removed = new Map<number, number>();
  for (const cell of inColumn) if (cell.colspan === 1) removed.set(cell.row, (removed.get(cell.row) ?? 0) + 1);
  for (const [r, count] of removed) if (context.table.child(r).childCount === count) return false;
  if (!dispatch) return true;
  const tr: Transaction = state.tr;
  for (const cell of inColumn) {
    if (cell.colspan > 1) tr.setNodeMarkup(tr.mapping.map(cell.pos), undefined, { ...cell.node.attrs, colspan: cell.colspan - 1 });
    else tr.delete(tr.mapping.map(cell.pos), tr.mapping.map(cell.pos + cell.node.nodeSize));
  }
  dispatch(tr.scrollIntoView());
  return true;
};
