// Side-by-side rows for the diff of two versions: the old text on the left, the new on the right,
// blocks matched by their ids (as the server's diff matches them).

export interface AlignBlock {
  blockId: string;
  type: string;
  text: string;
  level: number | null;
  sectionNumber: string;
}

export type RowKind = 'same' | 'changed' | 'added' | 'removed' | 'moved';

export interface DiffRow {
  kind: RowKind;
  left: AlignBlock | null;
  right: AlignBlock | null;
  /** moved as well as changed */
  moved?: boolean;
}

export interface DiffInfo {
  changed: Set<string>;
  moved: Set<string>;
}

export function alignBlocks(oldBlocks: AlignBlock[], newBlocks: AlignBlock[], info: DiffInfo): DiffRow[] {
  const oldIndex = new Map(oldBlocks.map((block, index) => [block.blockId, index]));
  const newIds = new Set(newBlocks.map((block) => block.blockId));
  const rows: DiffRow[] = [];
  let pointer = 0;
  const flushRemovedUntil = (end: number) => {
    for (; pointer < end; pointer++) {
      const block = oldBlocks[pointer];
      if (!newIds.has(block.blockId)) rows.push({ kind: 'removed', left: block, right: null });
    }
  };
  for (const block of newBlocks) {
    const at = oldIndex.get(block.blockId);
    if (at === undefined) {
      rows.push({ kind: 'added', left: null, right: block });
      continue;
    }
    if (at >= pointer) flushRemovedUntil(at + 1);
    const moved = info.moved.has(block.blockId);
    const changed = info.changed.has(block.blockId) || oldBlocks[at].text !== block.text;
    rows.push({ kind: changed ? 'changed' : moved ? 'moved' : 'same', left: oldBlocks[at], right: block, moved });
  }
  flushRemovedUntil(oldBlocks.length);
  return rows;
}
