import { congressSchema, randomBlockId } from '@vankien/document-schema';
import { toggleMark } from 'prosemirror-commands';
import type { MarkType, NodeType } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState } from 'prosemirror-state';

// What the toolbar and the keyboard can do: only what the congress schema allows.
const { nodes, marks } = congressSchema;

/** Turns the textblock at the cursor into a heading of a level, or a paragraph, keeping its block id. */
export function setTextblock(type: NodeType, attrs: Record<string, unknown> = {}): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const node = $from.parent;
    if (!node.isTextblock || $from.depth < 1) return false;
    const parent = $from.node(-1);
    const index = $from.index(-1);
    if (!parent.canReplaceWith(index, index + 1, type)) return false;
    if (node.type === type && Object.entries(attrs).every(([k, v]) => node.attrs[k] === v)) return false;
    dispatch?.(state.tr.setNodeMarkup($from.before(), type, { blockId: node.attrs['blockId'] ?? null, ...attrs }, node.marks));
    return true;
  };
}

export const heading = (level: 1 | 2 | 3 | 4): Command => setTextblock(nodes['heading'], { level });
export const paragraph: Command = setTextblock(nodes['paragraph']);
export const bulletList: Command = wrapInList(nodes['bullet_list']);
export const orderedList: Command = wrapInList(nodes['ordered_list']);
export const toggle = (name: 'bold' | 'italic' | 'underline'): Command => toggleMark(marks[name]);

function insertBlock(build: () => ReturnType<NodeType['create']>): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    // after the top-level block holding the cursor
    const depth = Math.min(1, $from.depth);
    const after = depth === 0 ? $from.pos : $from.after(1);
    const node = build();
    dispatch?.(state.tr.insert(after, node).scrollIntoView());
    return true;
  };
}

const id = () => ({ blockId: randomBlockId() });
const para = (text = '') => nodes['paragraph'].create(id(), text ? congressSchema.text(text) : undefined);

export const insertTable = (columns = 3, rows = 3): Command =>
  insertBlock(() =>
    nodes['table'].create(
      id(),
      Array.from({ length: rows }, (_, r) =>
        nodes['table_row'].create(
          id(),
          Array.from({ length: columns }, () => (r === 0 ? nodes['table_header'] : nodes['table_cell']).create(id(), para())),
        ),
      ),
    ),
  );

export const insertTargetsTable: Command = insertBlock(() =>
  nodes['targets_table'].create({ ...id(), purpose: 'full' }, [
    nodes['targets_row'].create({ ...id(), assessment: 'unknown' }, ['targets_indicator', 'targets_unit', 'targets_previous_target', 'targets_achieved', 'targets_new_target'].map((name) => nodes[name].create(id()))),
  ]),
);

/** A footnote holding its text, at the cursor. */
export function insertFootnote(text: string): Command {
  return (state, dispatch) => {
    if (!text.trim()) return false;
    const footnote = nodes['footnote'].create(null, congressSchema.text(text.trim()));
    const { $from } = state.selection;
    if (!$from.parent.type.contentMatch.matchType(nodes['footnote']) && !$from.parent.inlineContent) return false;
    dispatch?.(state.tr.replaceSelectionWith(footnote, false).scrollIntoView());
    return true;
  };
}

/** The targets row at the cursor, if any: its position and assessment. */
export function targetsRowAt(state: EditorState): { pos: number; assessment: string } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type === nodes['targets_row']) return { pos: $from.before(depth), assessment: String(node.attrs['assessment']) };
  }
  return null;
}

export function setAssessment(assessment: string): Command {
  return (state, dispatch) => {
    const row = targetsRowAt(state);
    if (!row) return false;
    const node = state.doc.nodeAt(row.pos)!;
    dispatch?.(state.tr.setNodeMarkup(row.pos, undefined, { ...node.attrs, assessment }));
    return true;
  };
}

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** 'heading-2', 'paragraph', … for the toolbar's block select. */
export function currentBlockKind(state: EditorState): string {
  const node = state.selection.$from.parent;
  if (node.type === nodes['heading']) return `heading-${String(node.attrs['level'])}`;
  return node.type.name;
}

export { addColumnAfter, addRowAfter, deleteColumn, deleteRow } from './table-commands';
