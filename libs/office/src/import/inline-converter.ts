import { MarkJson, NodeJson } from '@vankien/document-schema';
import { HtmlNode, textOf } from './html-tree';
import { ReportBuilder } from './import-report';
import { cleanText } from './text-cleaning';

// mammoth's inline HTML → the schema's inline content: text with bold/italic/underline marks,
// hard breaks and footnotes. What has no place in the schema is counted in the report; its text
// is kept whenever it has any.

type MarkName = 'bold' | 'italic' | 'underline';
const MARK_ORDER: readonly MarkName[] = ['bold', 'italic', 'underline'];
const MARK_TAGS: Readonly<Record<string, MarkName>> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline' };
const NOTE_LINK = /^#(footnote|endnote)-(\d+)$/;

export type FootnoteBodies = Map<string, NodeJson[]>;

export interface InlineOptions {
  report: ReportBuilder;
  footnotes: FootnoteBodies;
  /** Inside a footnote body, footnote references and breaks are not allowed (content is text*). */
  textOnly?: boolean;
}

const marksJson = (marks: ReadonlySet<MarkName>): MarkJson[] | undefined => {
  const ordered = MARK_ORDER.filter((mark) => marks.has(mark));
  return ordered.length > 0 ? ordered.map((type) => ({ type })) : undefined;
};

const sameMarks = (left: NodeJson, right: NodeJson): boolean =>
  JSON.stringify(left.marks ?? []) === JSON.stringify(right.marks ?? []);

/** Trims the ends, drops empty text nodes and merges neighbours with the same marks. */
export const tidyInline = (nodes: NodeJson[]): NodeJson[] => {
  const merged: NodeJson[] = [];
  for (const node of nodes) {
    const previous = merged[merged.length - 1];
    if (node.type === 'text' && previous?.type === 'text' && sameMarks(previous, node)) {
      previous.text = `${previous.text ?? ''}${node.text ?? ''}`.replace(/ {2,}/g, ' ');
    } else merged.push({ ...node });
  }
  const first = merged[0];
  if (first?.type === 'text') first.text = (first.text ?? '').trimStart();
  const last = merged[merged.length - 1];
  if (last?.type === 'text') last.text = (last.text ?? '').trimEnd();
  return merged.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
};

export const convertInline = (nodes: readonly HtmlNode[], options: InlineOptions): NodeJson[] => {
  const out: NodeJson[] = [];
  const visit = (node: HtmlNode, marks: ReadonlySet<MarkName>): void => {
    if (node.kind === 'text') {
      const { text, removed } = cleanText(node.text);
      if (removed > 0) options.report.lose('invalid_character', removed, text);
      if (text !== '') out.push({ type: 'text', text, ...(marksJson(marks) ? { marks: marksJson(marks) } : {}) });
      return;
    }
    const mark = MARK_TAGS[node.tag];
    if (mark) {
      const inner = new Set(marks).add(mark);
      for (const child of node.children) visit(child, inner);
      return;
    }
    switch (node.tag) {
      case 'br':
        if (options.textOnly) out.push({ type: 'text', text: ' ' });
        else out.push({ type: 'hard_break' });
        return;
      case 'img':
        options.report.lose('image', 1, node.attrs['alt']);
        return;
      case 's':
      case 'del':
      case 'strike':
        options.report.lose('strikethrough', 1, textOf(node));
        break;
      case 'sub':
      case 'sup': {
        const isNoteReference = node.children.some((child) => child.kind === 'element' && child.tag === 'a' && NOTE_LINK.test(child.attrs['href'] ?? ''));
        if (!isNoteReference) options.report.lose('superscript_subscript', 1, textOf(node));
        break;
      }
      case 'a': {
        const href = node.attrs['href'] ?? '';
        const note = NOTE_LINK.exec(href);
        if (note) {
          const body = options.footnotes.get(`${note[1]}-${note[2]}`);
          if (options.textOnly) return;
          if (body === undefined) options.report.warn(`A ${note[1]} reference has no text; it was left out`);
          else out.push(body.length > 0 ? { type: 'footnote', content: body } : { type: 'footnote' });
          return;
        }
        if (href !== '') options.report.lose('hyperlink', 1, `${textOf(node)} (${href})`);
        break;
      }
      default:
        break;
    }
    for (const child of node.children) visit(child, marks);
  };
  for (const node of nodes) visit(node, new Set());
  return tidyInline(out);
};
