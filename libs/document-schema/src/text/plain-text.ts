import { Node as ProseMirrorNode } from 'prosemirror-model';
import { NODE_TYPES } from '../schema/node-types';

export interface PlainTextOptions {
  /**
   * `omit` (default): footnotes are not part of the text, as they are not read aloud and a quoted
   * comment rarely spans one. `inline`: each footnote appears in square brackets where it sits.
   */
  footnotes?: 'omit' | 'inline';
}

/** The text of a textblock's inline content: a hard break reads as a space. */
export const inlineText = (node: ProseMirrorNode, options: PlainTextOptions = {}): string => {
  let text = '';
  node.forEach((child) => {
    if (child.isText) text += child.text ?? '';
    else if (child.type.name === NODE_TYPES.hardBreak) text += ' ';
    else if (child.type.name === NODE_TYPES.footnote && options.footnotes === 'inline') text += `[${child.textContent}]`;
  });
  return text;
};

/** The texts of the footnotes in a block, in order. */
export const footnoteTexts = (node: ProseMirrorNode): string[] => {
  const texts: string[] = [];
  node.descendants((child) => {
    if (child.type.name === NODE_TYPES.footnote) {
      texts.push(child.textContent);
      return false;
    }
    return true;
  });
  return texts;
};

/**
 * The text of any block: a textblock's own text, or for a container (list, table, targets row)
 * the texts of the textblocks inside it, one per line.
 */
export const blockText = (node: ProseMirrorNode, options: PlainTextOptions = {}): string => {
  if (node.isTextblock) return inlineText(node, options);
  const lines: string[] = [];
  node.descendants((child) => {
    if (child.isTextblock) {
      lines.push(inlineText(child, options));
      return false;
    }
    return !child.isInline;
  });
  return lines.join('\n');
};

/** The document as plain text: one line per textblock (title, heading, paragraph, cell). */
export const plainText = (doc: ProseMirrorNode, options: PlainTextOptions = {}): string => blockText(doc, options);
