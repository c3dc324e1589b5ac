import { diffWords } from 'diff';
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { forEachBlock } from '../block-id/for-each-block';
import { inlineText } from '../text/plain-text';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence';

export interface DiffBlock {
  blockId: string;
  type: string;
  /** Position in document order (pre-order over all blocks) in the version it belongs to. */
  order: number;
  parentBlockId: string | null;
  /** A textblock's text (footnotes in square brackets); "" for containers. */
  text: string;
}

export interface BlockPlace {
  parentBlockId: string | null;
  /** Index among the parent's child blocks (or the document's top-level blocks). */
  index: number;
}

export interface MovedBlock {
  blockId: string;
  type: string;
  from: BlockPlace;
  to: BlockPlace;
}

export interface WordChange {
  kind: 'equal' | 'added' | 'removed';
  text: string;
}

export interface AttributeChange {
  name: string;
  before: unknown;
  after: unknown;
}

export interface ChangedBlock {
  blockId: string;
  type: string;
  /** Set when the block changed type (a paragraph made a heading) and kept its id. */
  previousType: string | null;
  textChanged: boolean;
  /** Same text, different bold/italic/underline or footnote placement. */
  formattingChanged: boolean;
  attributeChanges: AttributeChange[];
  /** Word-level diff of the text; empty when the text did not change. */
  words: WordChange[];
}

export interface DocumentDiffSummary {
  added: number;
  removed: number;
  moved: number;
  changed: number;
  unchanged: number;
}

export interface DocumentDiff {
  /** In the new version's order. */
  added: DiffBlock[];
  /** In the old version's order. */
  removed: DiffBlock[];
  /** In the new version's order. */
  moved: MovedBlock[];
  /** In the new version's order. */
  changed: ChangedBlock[];
  summary: DocumentDiffSummary;
}

interface CollectedBlock {
  node: ProseMirrorNode;
  info: DiffBlock;
  place: BlockPlace;
}

// Beyond this many edits jsdiff gives up and the block is shown as wholly replaced: it bounds
// the time a pathological pair of paragraphs can take.
const MAX_WORD_EDITS = 5000;

const diffText = (node: ProseMirrorNode): string => (node.isTextblock ? inlineText(node, { footnotes: 'inline' }) : '');

const collectBlocks = (doc: ProseMirrorNode): Map<string, CollectedBlock> => {
  const blocks = new Map<string, CollectedBlock>();
  const parents: Array<{ end: number; blockId: string | null; children: number }> = [
    { end: Number.POSITIVE_INFINITY, blockId: null, children: 0 },
  ];
  let order = 0;
  forEachBlock(doc, (node, pos) => {
    while (parents[parents.length - 1].end <= pos) parents.pop();
    const parent = parents[parents.length - 1];
    const blockId = node.attrs['blockId'];
    const index = parent.children++;
    if (typeof blockId !== 'string' || blocks.has(blockId)) return;
    blocks.set(blockId, {
      node,
      info: { blockId, type: node.type.name, order: order++, parentBlockId: parent.blockId, text: diffText(node) },
      place: { parentBlockId: parent.blockId, index },
    });
    if (!node.isTextblock) parents.push({ end: pos + node.nodeSize, blockId, children: 0 });
  });
  return blocks;
};

/**
 * Blocks whose place among their siblings is not explained by insertions and deletions: per
 * parent, the common children in the longest common subsequence of old and new order stayed
 * put, the others moved. A block that changed parent moved too.
 */
const findMoved = (before: Map<string, CollectedBlock>, after: Map<string, CollectedBlock>): Set<string> => {
  const moved = new Set<string>();
  const siblingsAfter = new Map<string | null, string[]>();
  for (const [blockId, block] of after) {
    const old = before.get(blockId);
    if (old === undefined) continue;
    if (old.place.parentBlockId !== block.place.parentBlockId) {
      moved.add(blockId);
      continue;
    }
    const list = siblingsAfter.get(block.place.parentBlockId) ?? [];
    list.push(blockId);
    siblingsAfter.set(block.place.parentBlockId, list);
  }
  for (const ids of siblingsAfter.values()) {
    // Maps are in document order, so `ids` is the new sibling order; old indexes are distinct.
    const oldIndexes = ids.map((blockId) => before.get(blockId)?.place.index ?? 0);
    const kept = new Set(longestIncreasingSubsequence(oldIndexes).map((position) => ids[position]));
    for (const blockId of ids) if (!kept.has(blockId)) moved.add(blockId);
  }
  return moved;
};

const attributeChanges = (before: ProseMirrorNode, after: ProseMirrorNode): AttributeChange[] => {
  const names = [...new Set([...Object.keys(before.attrs), ...Object.keys(after.attrs)])].filter((name) => name !== 'blockId').sort();
  const changes: AttributeChange[] = [];
  for (const name of names) {
    const old = before.attrs[name] ?? null;
    const current = after.attrs[name] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(current)) changes.push({ name, before: old, after: current });
  }
  return changes;
};

const wordChanges = (before: string, after: string): WordChange[] => {
  const changes = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (changes === undefined) {
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  }
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'equal',
    text: change.value,
  }));
};

const compareBlock = (before: CollectedBlock, after: CollectedBlock): ChangedBlock | null => {
  const textChanged = before.info.text !== after.info.text;
  const inlineBefore = before.node.isTextblock ? JSON.stringify(before.node.content.toJSON()) : '';
  const inlineAfter = after.node.isTextblock ? JSON.stringify(after.node.content.toJSON()) : '';
  const formattingChanged = !textChanged && inlineBefore !== inlineAfter;
  const attributes = attributeChanges(before.node, after.node);
  const typeChanged = before.info.type !== after.info.type;
  if (!textChanged && !formattingChanged && attributes.length === 0 && !typeChanged) return null;
  return {
    blockId: after.info.blockId,
    type: after.info.type,
    previousType: typeChanged ? before.info.type : null,
    textChanged,
    formattingChanged,
    attributeChanges: attributes,
    words: textChanged ? wordChanges(before.info.text, after.info.text) : [],
  };
};

/**
 * What changed between two versions of a document, block by block, matched by block id:
 * added, removed, moved (see findMoved) and changed (text, formatting, attributes or type, with
 * a word-level diff of the text). A moved block can also be changed. The output depends only on
 * the two documents, so the same pair always gives the same diff.
 */
export const diffDocuments = (oldDoc: ProseMirrorNode, newDoc: ProseMirrorNode): DocumentDiff => {
  const before = collectBlocks(oldDoc);
  const after = collectBlocks(newDoc);
  const added: DiffBlock[] = [];
  const changed: ChangedBlock[] = [];
  const moved: MovedBlock[] = [];
  const movedIds = findMoved(before, after);
  let unchanged = 0;
  for (const [blockId, block] of after) {
    const old = before.get(blockId);
    if (old === undefined) {
      added.push(block.info);
      continue;
    }
    if (movedIds.has(blockId)) moved.push({ blockId, type: block.info.type, from: old.place, to: block.place });
    const change = compareBlock(old, block);
    if (change !== null) changed.push(change);
    else if (!movedIds.has(blockId)) unchanged += 1;
  }
  const removed = [...before.values()].filter((block) => !after.has(block.info.blockId)).map((block) => block.info);
  return {
    added,
    removed,
    moved,
    changed,
    summary: { added: added.length, removed: removed.length, moved: moved.length, changed: changed.length, unchanged },
  };
};
