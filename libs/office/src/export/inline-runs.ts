import { FootnoteReferenceRun, ParagraphChild, TextRun } from 'docx';
import { NodeJson } from '@vankien/document-schema';
import { FootnoteCollector, FootnoteRun } from './footnote-collector';

// Headings, titles and table text take their look from paragraph styles, not from run
// properties: runs carry only the document's own marks, so that reading the DOCX back (mammoth
// reads run properties, not styles) gives back exactly the marks that were there.
export interface RunFormat {
  size?: number;
}

const hasMark = (node: NodeJson, type: string): boolean => (node.marks ?? []).some((mark) => mark.type === type);

const footnoteRuns = (footnote: NodeJson): FootnoteRun[] =>
  (footnote.content ?? [])
    .filter((child) => child.type === 'text' && typeof child.text === 'string')
    .map((child) => ({
      text: child.text ?? '',
      bold: hasMark(child, 'bold'),
      italic: hasMark(child, 'italic'),
      underline: hasMark(child, 'underline'),
    }));

/** The inline content of a textblock as docx runs; footnotes become real Word footnotes. */
export const inlineRuns = (content: readonly NodeJson[] | undefined, footnotes: FootnoteCollector, format: RunFormat = {}): ParagraphChild[] => {
  const runs: ParagraphChild[] = [];
  for (const node of content ?? []) {
    switch (node.type) {
      case 'text':
        runs.push(
          new TextRun({
            text: node.text ?? '',
            bold: hasMark(node, 'bold') || undefined,
            italics: hasMark(node, 'italic') || undefined,
            underline: hasMark(node, 'underline') ? {} : undefined,
            size: format.size,
          }),
        );
        break;
      case 'hard_break':
        runs.push(new TextRun({ break: 1 }));
        break;
      case 'footnote':
        runs.push(new FootnoteReferenceRun(footnotes.add(footnoteRuns(node))));
        break;
      default:
        // The schema allows no other inline node; a validated document never gets here.
        break;
    }
  }
  return runs;
};
