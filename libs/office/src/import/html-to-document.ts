import { DocumentJson, HeadingLevel, NodeJson } from '@vankien/document-schema';
import { PARTY_NAME } from '../export/party-header';
import { HtmlElement, HtmlNode, isElement, parseHtml, textOf } from './html-tree';
import { shorten, ReportBuilder } from './import-report';
import { convertInline, FootnoteBodies, InlineOptions } from './inline-converter';
import { numberedHeadingLevel } from './numbered-heading';
import { convertTable } from './table-converter';

// mammoth's HTML → congress document JSON (without block ids: the caller adds them).

const NOTE_ITEM = /^(footnote|endnote)-(\d+)$/;
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const VERSION_LABEL = /^dự\s+thảo(\s+lần\s+(thứ\s+)?[\p{L}\d]+)?$/iu;
const PLACE_AND_DATE = /,\s*ngày\s+[\d.…]+\s+tháng\s+[\d.…]+\s+năm\s+[\d.…]+\s*$/iu;
const MAX_TITLE_WORDS = 60;

const isUpperCase = (text: string): boolean => /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
const words = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

/** Footnote and endnote bodies, taken out of the tree (mammoth lists them at the end). */
const extractNotes = (root: HtmlElement, options: InlineOptions): FootnoteBodies => {
  const notes: FootnoteBodies = new Map();
  const collect = (element: HtmlElement): void => {
    element.children = element.children.filter((child) => {
      if (!isElement(child)) return true;
      const id = child.attrs['id'] ?? '';
      if (child.tag === 'li' && NOTE_ITEM.test(id)) {
        // The body's paragraphs, one line, without mammoth's "↑" link back to the reference.
        const parts = child.children.flatMap((part, index) => (index > 0 ? [{ kind: 'text', text: ' ' } as HtmlNode, part] : [part]));
        const withoutBackLinks = stripBackLinks(parts);
        notes.set(id, convertInline(withoutBackLinks, { ...options, textOnly: true }));
        return false;
      }
      collect(child);
      // A list that held only notes is gone with them.
      return !(child.tag === 'ol' && child.children.length === 0);
    });
  };
  collect(root);
  return notes;
};

const stripBackLinks = (nodes: HtmlNode[]): HtmlNode[] =>
  nodes
    .filter((node) => !(isElement(node, 'a') && /^#(footnote|endnote)-ref-\d+$/.test(node.attrs['href'] ?? '')))
    .map((node) => (node.kind === 'element' ? { ...node, children: stripBackLinks(node.children) } : node));

export class HtmlToDocument {
  private readonly inline: InlineOptions;
  private readonly blocks: NodeJson[] = [];
  private seenHeading = false;
  private readonly trail: string[] = [];

  constructor(private readonly report: ReportBuilder) {
    this.inline = { report, footnotes: new Map() };
  }

  convert(html: string): DocumentJson {
    const root = parseHtml(html);
    this.inline.footnotes = extractNotes(root, this.inline);
    if (this.inline.footnotes.size > 0) this.report.keep('footnotes', this.inline.footnotes.size);
    root.children.forEach((node, index) => this.topLevel(node, index));
    if (this.blocks.length === 0) {
      this.report.warn('The document has no text; an empty paragraph was created');
      this.blocks.push({ type: 'paragraph' });
    }
    return { type: 'doc', content: this.blocks };
  }

  private topLevel(node: HtmlNode, index: number): void {
    if (node.kind === 'text') {
      if (node.text.trim() !== '') this.paragraph([node], null);
      return;
    }
    if (HEADING_TAGS.includes(node.tag)) {
      const level = Number(node.tag.slice(1));
      if (level > 4) this.report.warn(`A heading of level ${level} became an item heading (level 4)`, shorten(textOf(node)));
      this.heading(Math.min(level, 4) as HeadingLevel, node.children);
      return;
    }
    switch (node.tag) {
      case 'p':
        this.paragraphElement(node);
        return;
      case 'ul':
      case 'ol':
        this.blocks.push(this.list(node));
        return;
      case 'table':
        this.table(node, index);
        return;
      default:
        // Inline content at the top level (mammoth does not write it, but be lenient).
        this.paragraph([node], null);
    }
  }

  private heading(level: HeadingLevel, children: HtmlNode[]): void {
    const content = convertInline(children, this.inline);
    if (content.length === 0) return;
    this.seenHeading = true;
    const text = content.map((node) => node.text ?? '').join('');
    this.trail.length = level - 1;
    this.trail[level - 1] = shorten(text, 40);
    this.report.where = this.trail.filter((part) => part !== undefined).join(' › ');
    this.report.keep(['parts', 'sections', 'subsections', 'items'][level - 1]);
    this.blocks.push({ type: 'heading', attrs: { level }, content });
  }

  private paragraphElement(element: HtmlElement): void {
    const classes = (element.attrs['class'] ?? '').split(/\s+/);
    const text = textOf(element).replace(/\s+/g, ' ').trim();
    if (classes.includes('version-label') || (!this.seenHeading && VERSION_LABEL.test(text))) {
      this.report.lose('version_label', 1, text);
      return;
    }
    if (classes.includes('title')) {
      this.title(element);
      return;
    }
    if (!this.seenHeading && this.isHeaderLine(text)) {
      this.report.lose('header_block', 1, text);
      return;
    }
    // Before any heading, upper-case lines at the top are the title block ("BÁO CÁO CHÍNH TRỊ …").
    if (!this.seenHeading && this.blocks.every((block) => block.type === 'title') && isUpperCase(text) && words(text) <= MAX_TITLE_WORDS) {
      if (numberedHeadingLevel(text) === null) {
        this.title(element);
        return;
      }
    }
    const level = numberedHeadingLevel(text);
    if (level !== null) {
      this.heading(level, element.children);
      return;
    }
    const align = classes.includes('align-center') ? 'center' : classes.includes('align-right') ? 'right' : null;
    this.paragraph(element.children, align);
  }

  /** The heading block of a Party document written as lines instead of a table. */
  private isHeaderLine(text: string): boolean {
    return text.toLocaleUpperCase('vi').includes(PARTY_NAME) || text === '*' || PLACE_AND_DATE.test(text);
  }

  private title(element: HtmlElement): void {
    const content = convertInline(element.children, this.inline);
    if (content.length === 0) return;
    this.report.keep('title lines');
    this.blocks.push({ type: 'title', content });
  }

  private paragraph(children: HtmlNode[], align: 'center' | 'right' | null): void {
    const content = convertInline(children, this.inline);
    // Only an image, say: it is counted as lost already, and an empty paragraph adds nothing.
    if (content.length === 0) return;
    this.report.keep('paragraphs');
    this.blocks.push({ type: 'paragraph', ...(align ? { attrs: { align } } : {}), content });
  }

  private readonly list = (element: HtmlElement): NodeJson => {
    this.report.keep('lists');
    const items = element.children
      .filter((child): child is HtmlElement => isElement(child, 'li'))
      .map((item) => {
        const content: NodeJson[] = [];
        let inline: HtmlNode[] = [];
        const flush = (force: boolean): void => {
          const converted = convertInline(inline, this.inline);
          if (converted.length > 0 || force) content.push({ type: 'paragraph', ...(converted.length > 0 ? { content: converted } : {}) });
          inline = [];
        };
        for (const child of item.children) {
          if (child.kind === 'text') inline.push(child);
          else if (child.tag === 'ul' || child.tag === 'ol') {
            flush(content.length === 0);
            content.push(this.list(child));
          } else if (child.tag === 'p' || HEADING_TAGS.includes(child.tag)) {
            flush(false);
            inline = child.children.slice();
            flush(content.length === 0);
          } else if (child.tag === 'table') {
            flush(content.length === 0);
            this.report.lose('table_in_list', 1, textOf(child));
            inline = [{ kind: 'text', text: textOf(child) }];
            flush(false);
          } else inline.push(child);
        }
        flush(content.length === 0);
        // A list item starts with a paragraph (schema: paragraph (paragraph | list)*).
        if (content[0].type !== 'paragraph') content.unshift({ type: 'paragraph' });
        return { type: 'list_item', content };
      });
    const start = Number(element.attrs['start'] ?? '1');
    if (items.length === 0) items.push({ type: 'list_item', content: [{ type: 'paragraph' }] });
    return element.tag === 'ol'
      ? { type: 'ordered_list', attrs: { start: Number.isInteger(start) && start >= 1 && start <= 100000 ? start : 1 }, content: items }
      : { type: 'bullet_list', content: items };
  };

  private table(element: HtmlElement, index: number): void {
    // The heading block of a Party document (organisation, "ĐẢNG CỘNG SẢN VIỆT NAM", date) is
    // layout, not content: exportDocx writes it from the version's metadata.
    if (!this.seenHeading && index <= 1 && textOf(element).toLocaleUpperCase('vi').includes(PARTY_NAME)) {
      this.report.lose('header_block', 1, textOf(element));
      return;
    }
    const table = convertTable(element, { ...this.inline, convertList: this.list });
    if (table) this.blocks.push(table);
  }
}
