import { AlignmentType, HeadingLevel, Paragraph, Table } from 'docx';
import { NodeJson } from '@vankien/document-schema';
import { BlockContext } from './block-context';
import { inlineRuns } from './inline-runs';
import { BULLET_REFERENCE, orderedReference } from './list-numbering';
import { STYLE_IDS } from './party-layout';
import { writeTable } from './table-writer';
import { writeTargetsTable } from './targets-table-writer';

const HEADING_STYLES = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const headingStyle = (node: NodeJson) => {
  const level = node.attrs?.['level'];
  return HEADING_STYLES[typeof level === 'number' && level >= 1 && level <= 4 ? level - 1 : 1];
};

/** A body paragraph: justified with a first-line indent (from the Normal style) unless aligned otherwise. */
const bodyParagraph = (node: NodeJson, context: BlockContext): Paragraph => {
  const align = node.attrs?.['align'];
  const alignment = typeof align === 'string' && align in ALIGNMENTS ? ALIGNMENTS[align as keyof typeof ALIGNMENTS] : undefined;
  const centred = alignment === AlignmentType.CENTER || alignment === AlignmentType.RIGHT;
  return new Paragraph({
    alignment,
    // Centred and right-aligned lines (dates, signatures) must not be pushed off centre.
    indent: centred ? { firstLine: 0 } : undefined,
    children: inlineRuns(node.content, context.footnotes),
  });
};

interface ListPlace {
  reference: string;
  instance: number;
  level: number;
}

const writeList = (list: NodeJson, context: BlockContext, level: number, out: Array<Paragraph | Table>): void => {
  let reference = BULLET_REFERENCE;
  if (list.type === 'ordered_list') {
    const start = typeof list.attrs?.['start'] === 'number' ? list.attrs['start'] : 1;
    context.orderedStarts.add(start);
    reference = orderedReference(start);
  }
  const place: ListPlace = { reference, instance: context.nextListInstance(), level: Math.min(level, 8) };
  for (const item of list.content ?? []) {
    (item.content ?? []).forEach((child, index) => {
      if (child.type === 'paragraph' && index === 0) {
        out.push(new Paragraph({ numbering: place, children: inlineRuns(child.content, context.footnotes) }));
      } else if (child.type === 'paragraph') {
        // A second paragraph of an item: aligned with the item's text, no marker of its own.
        out.push(
          new Paragraph({
            indent: { left: 567 * (place.level + 1) + 283, firstLine: 0 },
            children: inlineRuns(child.content, context.footnotes),
          }),
        );
      } else writeList(child, context, level + 1, out);
    });
  }
};

/** The docx elements for one top-level block of a congress document. */
export const writeBlock = (node: NodeJson, context: BlockContext, out: Array<Paragraph | Table>): void => {
  switch (node.type) {
    case 'title':
      out.push(new Paragraph({ style: STYLE_IDS.title, children: inlineRuns(node.content, context.footnotes) }));
      return;
    case 'heading':
      out.push(new Paragraph({ heading: headingStyle(node), children: inlineRuns(node.content, context.footnotes) }));
      return;
    case 'paragraph':
      out.push(bodyParagraph(node, context));
      return;
    case 'bullet_list':
    case 'ordered_list':
      writeList(node, context, 0, out);
      return;
    case 'table':
      out.push(writeTable(node, context));
      // Two tables in a row would merge into one in Word; an empty paragraph keeps them apart.
      out.push(new Paragraph({}));
      return;
    case 'targets_table':
      out.push(writeTargetsTable(node, context));
      out.push(new Paragraph({}));
      return;
    default:
      return;
  }
};
