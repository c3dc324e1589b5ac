// A small parser for the HTML mammoth writes, and only for that: mammoth escapes text (&amp;
// &lt; &gt;) and attribute values (plus &quot;), double-quotes every attribute, writes void
// elements as `<br />` / `<img … />` and closes every element it opens. No scripts, comments,
// CDATA or implied end tags to handle, so a linear scan builds the tree. Anything unexpected
// is read as text, never evaluated: the result only ever becomes ProseMirror JSON.

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export const decodeEntities = (value: string): string =>
  value.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[body.toLowerCase()] ?? match;
  });

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;
const VOID_TAGS = new Set(['br', 'img', 'hr']);

const parseAttributes = (source: string): Record<string, string> => {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) attrs[match[1].toLowerCase()] = decodeEntities(match[2] ?? '');
  return attrs;
};

/** Parses mammoth's HTML into a tree under a synthetic root element. */
export const parseHtml = (html: string): HtmlElement => {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let text = '';
  const flushText = (): void => {
    if (text !== '') stack[stack.length - 1].children.push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open < 0) {
      text += html.slice(index);
      break;
    }
    text += html.slice(index, open);
    TAG.lastIndex = open;
    const match = TAG.exec(html);
    if (!match) {
      // A lone "<" cannot come from mammoth (it escapes them); keep it as text.
      text += '<';
      index = open + 1;
      continue;
    }
    flushText();
    index = TAG.lastIndex;
    const [, closing, rawTag, rawAttributes, selfClosing] = match;
    const tag = rawTag.toLowerCase();
    if (closing) {
      // Pop to the matching element; a stray end tag is ignored.
      const at = stack.map((element) => element.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: HtmlElement = { kind: 'element', tag, attrs: parseAttributes(rawAttributes), children: [] };
    stack[stack.length - 1].children.push(element);
    if (!selfClosing && !VOID_TAGS.has(tag)) stack.push(element);
  }
  flushText();
  return root;
};

export const isElement = (node: HtmlNode, ...tags: string[]): node is HtmlElement =>
  node.kind === 'element' && (tags.length === 0 || tags.includes(node.tag));

const SEPARATED = new Set(['p', 'li', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br']);

/** All text under a node, without markup; blocks and cells are separated by a space. */
export const textOf = (node: HtmlNode): string =>
  node.kind === 'text'
    ? node.text
    : node.children.map((child) => (child.kind === 'element' && SEPARATED.has(child.tag) ? ` ${textOf(child)} ` : textOf(child))).join('');
