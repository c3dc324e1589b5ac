import { Node as ProseMirrorNode } from 'prosemirror-model';

/** True for the node types that carry a block id (every block node but the document). */
export const hasBlockId = (node: ProseMirrorNode): boolean =>
  node.type.spec.attrs !== undefined && 'blockId' in node.type.spec.attrs;

/**
 * Calls `visit` for every node with a block id, in document order, with its position. Does not
 * descend into inline content: footnotes and text carry no ids, and skipping them keeps this
 * cheap enough to run on every transaction.
 */
export const forEachBlock = (doc: ProseMirrorNode, visit: (node: ProseMirrorNode, pos: number) => void): void => {
  doc.descendants((node, pos) => {
    if (node.isInline) return false;
    if (hasBlockId(node)) visit(node, pos);
    return !node.isTextblock;
  });
};
