import { Node as ProseMirrorNode } from 'prosemirror-model';
import { forEachBlock } from '../block-id/for-each-block';
import { HeadingLevel, HEADING_LEVELS } from '../schema/attribute-rules';
import { NODE_TYPES } from '../schema/node-types';
import { blockText, footnoteTexts } from '../text/plain-text';
import { numberSegment, parseWrittenNumber, writtenLabel } from './section-numbering';

export interface BlockIndexEntry {
  blockId: string;
  /** The node type: paragraph, heading, list_item, targets_row, … */
  type: string;
  /** Position in document order (pre-order over all blocks), from 0. */
  order: number;
  /** 0 for blocks directly in the document, 1 for their children, … */
  depth: number;
  parentBlockId: string | null;
  /** "P2.II.2" for Phần thứ hai › II › 2; "" before the first heading. See section-numbering.ts. */
  sectionNumber: string;
  /** Texts of the open headings, outermost first; a heading's trail ends with itself. */
  headingTrail: string[];
  /** Block ids of the same headings, for links from a comment to its section. */
  headingTrailIds: string[];
  /** The block's text without footnotes; for a container, its textblocks one per line. */
  text: string;
  /** Texts of footnotes in the block (a container repeats those of its children). */
  footnotes: string[];
  /** For headings, 1 (part) to 4 (item); null for other blocks. */
  level: HeadingLevel | null;
  /**
   * For a heading whose written number disagrees with its place ("III." right after "I."),
   * what is wrong; null otherwise. The section number follows the written number when it moves
   * forward (so "mục III" in a comment finds it) and the structure when it would repeat one.
   */
  numberingIssue: string | null;
}

interface OpenHeading {
  segment: string;
  text: string;
  blockId: string;
}

/** Keeps the heading counters while walking the top-level blocks of a document. */
class SectionCounter {
  private readonly counters: number[] = [0, 0, 0, 0, 0];
  private readonly open: Array<OpenHeading | null> = [null, null, null, null, null];

  enterHeading(level: HeadingLevel, text: string, blockId: string): string | null {
    const written = parseWrittenNumber(level, text);
    const previous = this.counters[level];
    const expected = previous + 1;
    // Written numbers that move forward are kept, so the index agrees with what readers see;
    // one that would repeat or go back is overridden, so section numbers stay unique.
    const value = written !== null && written > previous ? written : expected;
    let issue: string | null = null;
    if (written !== null && written !== expected) {
      const label = writtenLabel(level, written);
      issue =
        written > previous
          ? `numbered "${label}" but "${writtenLabel(level, expected)}" was expected here`
          : `numbered "${label}" again or backwards: indexed as "${writtenLabel(level, value)}"`;
    }
    this.counters[level] = value;
    this.open[level] = { segment: numberSegment(level, value), text, blockId };
    for (const deeper of HEADING_LEVELS) {
      if (deeper > level) {
        this.counters[deeper] = 0;
        this.open[deeper] = null;
      }
    }
    return issue;
  }

  private openHeadings(): OpenHeading[] {
    return this.open.filter((heading): heading is OpenHeading => heading !== null);
  }

  sectionNumber(): string {
    return this.openHeadings()
      .map((heading) => heading.segment)
      .join('.');
  }

  trail(): { texts: string[]; ids: string[] } {
    const headings = this.openHeadings();
    return { texts: headings.map((heading) => heading.text), ids: headings.map((heading) => heading.blockId) };
  }
}

/**
 * The ordered index of every block of a document: what comments anchor to, what the synthesis
 * groups by section, and what a frozen version stores beside its JSON.
 * Expects a document whose blocks all have ids (validateDocument guarantees it); a block
 * without one is left out.
 */
export const buildBlockIndex = (doc: ProseMirrorNode): BlockIndexEntry[] => {
  const entries: BlockIndexEntry[] = [];
  const counter = new SectionCounter();
  const parents: Array<{ end: number; blockId: string }> = [];
  forEachBlock(doc, (node, pos) => {
    const blockId = node.attrs['blockId'];
    while (parents.length > 0 && parents[parents.length - 1].end <= pos) parents.pop();
    if (typeof blockId !== 'string') return;
    const text = blockText(node);
    let level: HeadingLevel | null = null;
    let numberingIssue: string | null = null;
    if (node.type.name === NODE_TYPES.heading) {
      level = node.attrs['level'] as HeadingLevel;
      numberingIssue = counter.enterHeading(level, text, blockId);
    }
    const trail = counter.trail();
    entries.push({
      blockId,
      type: node.type.name,
      order: entries.length,
      depth: parents.length,
      parentBlockId: parents.length > 0 ? parents[parents.length - 1].blockId : null,
      sectionNumber: counter.sectionNumber(),
      headingTrail: trail.texts,
      headingTrailIds: trail.ids,
      text,
      footnotes: footnoteTexts(node),
      level,
      numberingIssue,
    });
    if (!node.isTextblock) parents.push({ end: pos + node.nodeSize, blockId });
  });
  return entries;
};
