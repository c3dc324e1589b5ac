import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey, Transaction } from 'prosemirror-state';
import { Mapping } from 'prosemirror-transform';
import { checkBlockId } from '../schema/attribute-rules';
import { forEachBlock, hasBlockId } from './for-each-block';
import { BlockIdGenerator, freshBlockId, randomBlockId } from './id-generator';

/** Called for every block the plugin looks at; for tests and profiling (how much work a keystroke does). */
export type BlockVisitCounter = (node: ProseMirrorNode) => void;

export interface BlockIdPluginOptions {
  generateId?: BlockIdGenerator;
  /**
   * Transactions to leave alone, e.g. `(tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin` if only
   * the client that made a change should repair it. By default every change is checked: if two
   * clients repair the same duplicate, Yjs keeps one of their ids and the result still converges.
   */
  ignoreTransaction?: (tr: Transaction) => boolean;
  /** Called for every block node the plugin looks at (tests and profiling). */
  countVisit?: BlockVisitCounter;
}

/**
 * Plugin state, kept up to date from the part of the document each transaction changed:
 * - `seen`: every block id this editor has seen, so a fresh id is never one used before;
 * - `counts`: how many blocks of `doc` carry each id;
 * - `invalid`: how many blocks of `doc` have no id or an invalid one;
 * - `duplicated`: how many ids are carried by more than one block of `doc`.
 * When `invalid` and `duplicated` are 0 (almost every keystroke) there is nothing to repair, and
 * a transaction costs the plugin the blocks around the change, whatever the document's size.
 * Successive states share these objects, updated in place (copying thousands of ids on every
 * keystroke is what this plugin must not do); `doc` says which document they describe, so a
 * transaction applied to an older state is noticed and the index rebuilt for it.
 */
export interface BlockIdPluginState {
  seen: Set<string>;
  counts: Map<string, number>;
  invalid: number;
  duplicated: number;
  doc: ProseMirrorNode;
}

export const blockIdPluginKey = new PluginKey<BlockIdPluginState>('vankienBlockIds');

const validId = (id: unknown): id is string => typeof id === 'string' && checkBlockId(id) === null;

/**
 * The smallest range outside of which `before` and `after` are the same: positions below `from`,
 * and the content after `toBefore` (in `before`) and after `toAfter` (in `after`), are identical.
 * Unchanged nodes are shared between successive documents, so this compares the document's
 * children by reference and descends only into the ones that differ: one pointer comparison per
 * top-level block, no walk of the blocks themselves. (A transaction that replaces the whole
 * document with nodes reused, as y-prosemirror's remote changes do, gives a small range too.)
 */
export const changedRange = (before: ProseMirrorNode, after: ProseMirrorNode): { from: number; toBefore: number; toAfter: number } | null => {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  const end = before.content.findDiffEnd(after.content);
  if (end === null) return null;
  // With repeated content the two ends can overlap (typing "a" into "aa"): widen to the left.
  const from = Math.min(start, end.a, end.b);
  return { from, toBefore: end.a, toAfter: end.b };
};

/**
 * Calls `visit` for every block with an id that overlaps [from, to], its ancestors included. The
 * same rule in both documents (a block is looked at when it ends after `from` and starts before
 * `to`), so a block outside the changed range is skipped in both, and one that straddles an edge
 * is looked at in both.
 */
const forEachBlockBetween = (
  doc: ProseMirrorNode,
  from: number,
  to: number,
  visit: (node: ProseMirrorNode, pos: number) => void,
  count?: BlockVisitCounter,
): void => {
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isInline) return false;
    count?.(node);
    if (hasBlockId(node)) visit(node, pos);
    return !node.isTextblock;
  });
};

const addOccurrence = (state: BlockIdPluginState, id: unknown, delta: 1 | -1): void => {
  if (!validId(id)) {
    state.invalid += delta;
    return;
  }
  if (delta > 0) state.seen.add(id);
  const before = state.counts.get(id) ?? 0;
  const after = before + delta;
  if (after <= 0) state.counts.delete(id);
  else state.counts.set(id, after);
  if (before < 2 && after >= 2) state.duplicated++;
  else if (before >= 2 && after < 2) state.duplicated--;
};

const initialState = (doc: ProseMirrorNode, count?: BlockVisitCounter, seen = new Set<string>()): BlockIdPluginState => {
  const state: BlockIdPluginState = { seen, counts: new Map(), invalid: 0, duplicated: 0, doc };
  forEachBlock(doc, (node) => {
    count?.(node);
    addOccurrence(state, node.attrs['blockId'], 1);
  });
  return state;
};

/**
 * The state after a change from `before` to `after`: the blocks overlapping the changed range are
 * taken out with their old ids and put back with their new ones. Blocks outside it are the same
 * nodes (shifted, after the range), and a block that straddles an edge (the paragraph being
 * typed in, its section) is found in both documents, so its id cancels out.
 */
const updatedState = (state: BlockIdPluginState, before: ProseMirrorNode, after: ProseMirrorNode, count?: BlockVisitCounter): BlockIdPluginState => {
  // A transaction on an older state (the index has moved on): index its document afresh. The set
  // of seen ids only grows, so it stays shared.
  if (state.doc !== before) return initialState(after, count, state.seen);
  const range = changedRange(before, after);
  if (range !== null) {
    forEachBlockBetween(before, range.from, range.toBefore, (node) => addOccurrence(state, node.attrs['blockId'], -1), count);
    forEachBlockBetween(after, range.from, range.toAfter, (node) => addOccurrence(state, node.attrs['blockId'], 1), count);
  }
  state.doc = after;
  return state;
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

/**
 * The repairs found by looking only at the changed range, or null when a problem lies outside it
 * (a duplicate or a missing id left by an ignored remote change, or there when the editor
 * opened): then the whole document is walked (`fullBlockIdRepairs`). Which occurrence of a
 * duplicated id keeps it follows the whole-document rule: the one the old block's position maps
 * onto; an occurrence outside the range is an unchanged block, so it is that one.
 */
const localBlockIdRepairs = (
  oldDoc: ProseMirrorNode,
  newDoc: ProseMirrorNode,
  mapping: Mapping,
  state: BlockIdPluginState,
  generateId: BlockIdGenerator,
  count?: BlockVisitCounter,
): Array<{ pos: number; blockId: string }> | null => {
  const range = changedRange(oldDoc, newDoc);
  if (range === null) return null;
  const missing: number[] = [];
  const occurrences = new Map<string, number[]>();
  forEachBlockBetween(
    newDoc,
    range.from,
    range.toAfter,
    (node, pos) => {
      const id: unknown = node.attrs['blockId'];
      if (!validId(id)) missing.push(pos);
      else if ((state.counts.get(id) ?? 0) > 1) {
        const list = occurrences.get(id);
        if (list) list.push(pos);
        else occurrences.set(id, [pos]);
      }
    },
    count,
  );
  if (missing.length !== state.invalid || occurrences.size !== state.duplicated) return null;
  const toRenew = [...missing];
  let oldPositions: Map<string, number[]> | undefined;
  for (const [id, positions] of occurrences) {
    if (oldPositions === undefined) {
      const found = new Map<string, number[]>();
      forEachBlockBetween(
        oldDoc,
        range.from,
        range.toBefore,
        (node, pos) => {
          const oldId: unknown = node.attrs['blockId'];
          if (typeof oldId !== 'string' || !occurrences.has(oldId)) return;
          const list = found.get(oldId);
          if (list) list.push(pos);
          else found.set(oldId, [pos]);
        },
        count,
      );
      oldPositions = found;
    }
    const total = state.counts.get(id) ?? 0;
    const old = oldPositions.get(id) ?? [];
    if (positions.length === total) {
      // Every occurrence is in the range, and so was every old block with the id (one outside
      // would still be there): the first old one keeps the id where it went, else the first.
      const mapped = old.length > 0 ? mapping.mapResult(old[0], 1) : undefined;
      const keeper = mapped !== undefined && !mapped.deleted && positions.includes(mapped.pos) ? mapped.pos : positions[0];
      for (const pos of positions) if (pos !== keeper) toRenew.push(pos);
    } else if (positions.length === total - 1 && old.length === 0) {
      // One occurrence outside the range, untouched, and no other in the old document: that block
      // is the original (a split's first half, a copied block), the ones in the range are copies.
      toRenew.push(...positions);
    } else {
      return null;
    }
  }
  toRenew.sort((a, b) => a - b);
  return toRenew.map((pos) => ({ pos, blockId: freshBlockId(generateId, state.seen) }));
};

/** The repairs the whole new document needs: position of a block → its fresh id. */
const fullBlockIdRepairs = (
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
 * Incremental: each transaction looks at the blocks of the range it changed (see the state).
 */
export const blockIdPlugin = (options: BlockIdPluginOptions = {}): Plugin<BlockIdPluginState> => {
  const generateId = options.generateId ?? randomBlockId;
  const ignore = options.ignoreTransaction ?? (() => false);
  const count = options.countVisit;
  return new Plugin<BlockIdPluginState>({
    key: blockIdPluginKey,
    state: {
      init: (_config, state) => initialState(state.doc, count),
      apply: (tr, state) => (tr.docChanged ? updatedState(state, tr.before, tr.doc, count) : state),
    },
    appendTransaction: (transactions, oldState, newState) => {
      if (!transactions.some((tr) => tr.docChanged && !ignore(tr))) return null;
      let state = blockIdPluginKey.getState(newState);
      if (state === undefined || state.doc !== newState.doc) state = initialState(newState.doc, count, state?.seen);
      // The invariant holds in the whole document: nothing to look for.
      if (state.invalid === 0 && state.duplicated === 0) return null;
      const mapping = new Mapping();
      for (const tr of transactions) mapping.appendMapping(tr.mapping);
      const repairs =
        localBlockIdRepairs(oldState.doc, newState.doc, mapping, state, generateId, count) ??
        fullBlockIdRepairs(oldState, newState, mapping, generateId, state.seen);
      if (repairs.length === 0) return null;
      const tr = newState.tr;
      // Attribute steps do not move positions, so the positions found above stay valid.
      for (const { pos, blockId } of repairs) tr.setNodeAttribute(pos, 'blockId', blockId);
      return tr;
    },
  });
};
