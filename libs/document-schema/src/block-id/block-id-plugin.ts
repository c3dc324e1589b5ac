import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey, Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { checkBlockId } from '../schema/attribute-rules';
import { forEachBlock } from './for-each-block';
import { BlockIdGenerator, freshBlockId, randomBlockId } from './id-generator';

export interface BlockIdPluginOptions {
  generateId?: BlockIdGenerator;
  /**
   * Transactions to leave alone, e.g. `(tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin` if only
   * the client that made a change should repair it. By default every change is checked: if two
   * clients repair the same duplicate, Yjs keeps one of their ids and the result still converges.
   */
  ignoreTransaction?: (tr: Transaction) => boolean;
}

/** Plugin state: every block id this editor has seen, so a fresh id is never one used before. */
export const blockIdPluginKey = new PluginKey<Set<string>>('vankienBlockIds');

const collectIds = (doc: ProseMirrorNode, into: Set<string>): Set<string> => {
  forEachBlock(doc, (node) => {
    const id = node.attrs['blockId'];
    if (typeof id === 'string') into.add(id);
  });
  return into;
};

/**
 * Where each id of the old document sits in the new one: the old block's position mapped through
 * the transactions. A split inserts after the block's start, so the first half stays at the
 * mapped position; a paste inserts before or after the block, never at its mapped position. So
 * the occurrence found at the mapped position is the original and any other is a copy.
 */
const mappedPositions = (oldDoc: ProseMirrorNode, mapping: Mapping): Map<string, number> => {
  const positions = new Map<string, number>();
  forEachBlock(oldDoc, (node, pos) => {
    const id = node.attrs['blockId'];
    if (typeof id !== 'string' || positions.has(id)) return;
    const result = mapping.mapResult(pos, 1);
    if (!result.deleted) positions.set(id, result.pos);
  });
  return positions;
};

/** The repairs a new state needs: position of a block → its fresh id. */
const blockIdRepairs = (
  oldState: EditorState,
  newState: EditorState,
  mapping: Mapping,
  generateId: BlockIdGenerator,
  taken: Set<string>,
): Array<{ pos: number; blockId: string }> => {
  const occurrences = new Map<string, number[]>();
  const missing: number[] = [];
  forEachBlock(newState.doc, (node, pos) => {
    const id = node.attrs['blockId'];
    if (typeof id !== 'string' || checkBlockId(id) !== null) {
      missing.push(pos);
      return;
    }
    const list = occurrences.get(id);
    if (list) list.push(pos);
    else occurrences.set(id, [pos]);
  });
  const toRenew = [...missing];
  let expected: Map<string, number> | undefined;
  for (const [id, positions] of occurrences) {
    if (positions.length < 2) continue;
    expected ??= mappedPositions(oldState.doc, mapping);
    const mapped = expected.get(id);
    // With no mapped original (the block was rebuilt wholesale), the first occurrence keeps it.
    const keeper = mapped !== undefined && positions.includes(mapped) ? mapped : positions[0];
    for (const pos of positions) if (pos !== keeper) toRenew.push(pos);
  }
  toRenew.sort((a, b) => a - b);
  return toRenew.map((pos) => ({ pos, blockId: freshBlockId(generateId, taken) }));
};

/**
 * Keeps the block-id invariant while people edit: every block gets an id, and a block that
 * carries an id already used elsewhere in the document (a split copies attributes, a paste
 * copies the data-block-id) gets a fresh one while the original keeps its own. Typing and joins
 * keep ids; a fresh id is never one this editor has seen before, so a deleted block's id is
 * never given to another block (undo can still bring the deleted block back with its id).
 */
export const blockIdPlugin = (options: BlockIdPluginOptions = {}): Plugin<Set<string>> => {
  const generateId = options.generateId ?? randomBlockId;
  const ignore = options.ignoreTransaction ?? (() => false);
  return new Plugin<Set<string>>({
    key: blockIdPluginKey,
    state: {
      init: (_config, state) => collectIds(state.doc, new Set()),
      // The set only grows, so sharing it between successive states is safe, and it spares a
      // copy of thousands of ids on every keystroke.
      apply: (tr, seen) => (tr.docChanged ? collectIds(tr.doc, seen) : seen),
    },
    appendTransaction: (transactions, oldState, newState) => {
      if (!transactions.some((tr) => tr.docChanged && !ignore(tr))) return null;
      const mapping = new Mapping();
      for (const tr of transactions) mapping.appendMapping(tr.mapping);
      const taken = blockIdPluginKey.getState(newState) ?? collectIds(newState.doc, new Set());
      const repairs = blockIdRepairs(oldState, newState, mapping, generateId, taken);
      if (repairs.length === 0) return null;
      const tr = newState.tr;
      // Attribute steps do not move positions, so the positions found above stay valid.
      for (const { pos, blockId } of repairs) tr.setNodeAttribute(pos, 'blockId', blockId);
      return tr;
    },
  });
};
