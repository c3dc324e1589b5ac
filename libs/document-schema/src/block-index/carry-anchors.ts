/** What carrying an anchor forward needs of a block index entry (stored versions have these). */
export interface AnchorBlock {
  blockId: string;
  sectionNumber: string;
  headingTrail: string[];
  text: string;
}

/**
 * unchanged: same place and text; renumbered: same text, another section number (a section was
 * added or removed before it); changed: its text changed; removed: the block is not in the new
 * version (a comment on it is shown as on a deleted block, never dropped).
 */
export type CarriedAnchorStatus = 'unchanged' | 'renumbered' | 'changed' | 'removed';

export interface CarriedAnchor {
  blockId: string;
  status: CarriedAnchorStatus;
  from: { sectionNumber: string; headingTrail: string[]; text: string } | null;
  to: { sectionNumber: string; headingTrail: string[]; text: string } | null;
}

const place = (block: AnchorBlock): CarriedAnchor['from'] => ({ sectionNumber: block.sectionNumber, headingTrail: block.headingTrail, text: block.text });

/**
 * Shows anchors made on version N against version N+1, by block id (ids are kept through edits
 * and never reused, so the same id is the same block). One answer per asked id, in the order
 * asked; an id unknown to version N too is reported removed with `from` null.
 */
export function carryAnchors(oldIndex: readonly AnchorBlock[], newIndex: readonly AnchorBlock[], blockIds: readonly string[]): CarriedAnchor[] {
  const before = new Map(oldIndex.map((block) => [block.blockId, block]));
  const after = new Map(newIndex.map((block) => [block.blockId, block]));
  return blockIds.map((blockId) => {
    const old = before.get(blockId);
    const current = after.get(blockId);
    const from = old ? place(old) : null;
    if (!current) return { blockId, status: 'removed', from, to: null };
    const status: CarriedAnchorStatus = old && old.text !== current.text ? 'changed' : old && old.sectionNumber !== current.sectionNumber ? 'renumbered' : 'unchanged';
    return { blockId, status, from, to: place(current) };
  });
}
