import { AttributeSpec, Attrs, DOMOutputSpec, MarkSpec, Node as ProseMirrorNode, NodeSpec, Schema } from 'prosemirror-model';
import {
  checkBlockIdOrNull,
  checkColspan,
  checkHeadingLevel,
  checkListStart,
  checkParagraphAlignment,
  checkRowspan,
  checkTargetAssessment,
  checkTargetsTablePurpose,
  throwingValidator,
} from './attribute-rules';
import { MARK_TYPES, NODE_TYPES, TARGETS_ROW_CELLS } from './node-types';

// The parse rules run only in a browser (paste, drop); the lib is compiled without the DOM
// typings, so read attributes through the one method we need.
interface ElementLike {
  getAttribute(name: string): string | null;
}

const BLOCK_ID_DOM_ATTRIBUTE = 'data-block-id';

const blockIdAttr: AttributeSpec = { default: null, validate: throwingValidator(checkBlockIdOrNull) };

// A pasted block keeps the id it had where it was copied from; the block-id plugin then sees the
// duplicate and gives the copy a fresh id while the original keeps its own.
const readBlockId = (dom: ElementLike): Attrs => ({ blockId: dom.getAttribute(BLOCK_ID_DOM_ATTRIBUTE) });

const blockIdDom = (node: ProseMirrorNode): Record<string, string> =>
  typeof node.attrs['blockId'] === 'string' ? { [BLOCK_ID_DOM_ATTRIBUTE]: node.attrs['blockId'] } : {};

const readSpan = (dom: ElementLike, name: string): number => {
  const value = Number(dom.getAttribute(name) ?? '1');
  return Number.isInteger(value) && value >= 1 ? value : 1;
};

/** A single-line cell of a targets row: inline content, its own block id. */
const targetsCell = (cssClass: string): NodeSpec => ({
  attrs: { blockId: blockIdAttr },
  content: 'inline*',
  isolating: true,
  parseDOM: [{ tag: `td.${cssClass}`, getAttrs: readBlockId }],
  toDOM: (node): DOMOutputSpec => ['td', { class: cssClass, ...blockIdDom(node) }, 0],
});

const cellSpec = (tag: 'td' | 'th'): NodeSpec => ({
  attrs: {
    blockId: blockIdAttr,
    colspan: { default: 1, validate: throwingValidator(checkColspan) },
    rowspan: { default: 1, validate: throwingValidator(checkRowspan) },
  },
  content: '(paragraph | bullet_list | ordered_list)+',
  isolating: true,
  tableRole: tag === 'th' ? 'header_cell' : 'cell',
  parseDOM: [
    {
      tag,
      getAttrs: (dom: ElementLike) => ({
        ...readBlockId(dom),
        colspan: readSpan(dom, 'colspan'),
        rowspan: readSpan(dom, 'rowspan'),
      }),
    },
  ],
  toDOM: (node): DOMOutputSpec => {
    const spans: Record<string, string> = {};
    if (node.attrs['colspan'] !== 1) spans['colspan'] = String(node.attrs['colspan']);
    if (node.attrs['rowspan'] !== 1) spans['rowspan'] = String(node.attrs['rowspan']);
    return [tag, { ...spans, ...blockIdDom(node) }, 0];
  },
});

const nodes: Record<string, NodeSpec> = {
  [NODE_TYPES.doc]: { content: 'block+' },

  // The document's title block ("BÁO CÁO CHÍNH TRỊ …"): not numbered, not a section.
  [NODE_TYPES.title]: {
    attrs: { blockId: blockIdAttr },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'p.title', getAttrs: readBlockId, priority: 60 }],
    toDOM: (node): DOMOutputSpec => ['p', { class: 'title', ...blockIdDom(node) }, 0],
  },

  // level 1 = part ("Phần thứ nhất"), 2 = section ("I."), 3 = subsection ("1."), 4 = item ("a)").
  [NODE_TYPES.heading]: {
    attrs: { blockId: blockIdAttr, level: { default: 2, validate: throwingValidator(checkHeadingLevel) } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((domLevel) => ({
      tag: `h${domLevel}`,
      getAttrs: (dom: ElementLike) => ({ ...readBlockId(dom), level: Math.min(domLevel, 4) }),
    })),
    toDOM: (node): DOMOutputSpec => [`h${String(node.attrs['level'])}`, blockIdDom(node), 0],
  },

  [NODE_TYPES.paragraph]: {
    attrs: { blockId: blockIdAttr, align: { default: null, validate: throwingValidator(checkParagraphAlignment) } },
    content: 'inline*',
    group: 'block',
    parseDOM: [
      {
        tag: 'p',
        getAttrs: (dom: ElementLike) => {
          const align = dom.getAttribute('data-align');
          return { ...readBlockId(dom), align: checkParagraphAlignment(align) === null ? align : null };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const align = node.attrs['align'];
      const alignment: Record<string, string> =
        typeof align === 'string' ? { 'data-align': align, style: `text-align: ${align}` } : {};
      return ['p', { ...alignment, ...blockIdDom(node) }, 0];
    },
  },

  [NODE_TYPES.bulletList]: {
    attrs: { blockId: blockIdAttr },
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul', getAttrs: readBlockId }],
    toDOM: (node): DOMOutputSpec => ['ul', blockIdDom(node), 0],
  },

  [NODE_TYPES.orderedList]: {
    attrs: { blockId: blockIdAttr, start: { default: 1, validate: throwingValidator(checkListStart) } },
    content: 'list_item+',
    group: 'block',
    parseDOM: [
      { tag: 'ol', getAttrs: (dom: ElementLike) => ({ ...readBlockId(dom), start: readSpan(dom, 'start') }) },
    ],
    toDOM: (node): DOMOutputSpec => [
      'ol',
      { ...(node.attrs['start'] !== 1 ? { start: String(node.attrs['start']) } : {}), ...blockIdDom(node) },
      0,
    ],
  },

  [NODE_TYPES.listItem]: {
    attrs: { blockId: blockIdAttr },
    content: 'paragraph (paragraph | bullet_list | ordered_list)*',
    defining: true,
    parseDOM: [{ tag: 'li', getAttrs: readBlockId }],
    toDOM: (node): DOMOutputSpec => ['li', blockIdDom(node), 0],
  },

  [NODE_TYPES.table]: {
    attrs: { blockId: blockIdAttr },
    content: 'table_row+',
    group: 'block',
    isolating: true,
    tableRole: 'table',
    parseDOM: [{ tag: 'table', getAttrs: readBlockId }],
    toDOM: (node): DOMOutputSpec => ['table', blockIdDom(node), ['tbody', 0]],
  },

  [NODE_TYPES.tableRow]: {
    attrs: { blockId: blockIdAttr },
    content: '(table_header | table_cell)+',
    tableRole: 'row',
    parseDOM: [{ tag: 'tr', getAttrs: readBlockId }],
    toDOM: (node): DOMOutputSpec => ['tr', blockIdDom(node), 0],
  },

  [NODE_TYPES.tableHeader]: cellSpec('th'),
  [NODE_TYPES.tableCell]: cellSpec('td'),

  // The targets table (chỉ tiêu chủ yếu) is its own node, not a generic table, so that the
  // review report can count met and exceeded targets and a new target can be traced to last
  // term's result. Column headings are rendered from `purpose`, not stored as a row.
  [NODE_TYPES.targetsTable]: {
    attrs: {
      blockId: blockIdAttr,
      purpose: { default: 'new_term', validate: throwingValidator(checkTargetsTablePurpose) },
    },
    content: 'targets_row+',
    group: 'block',
    isolating: true,
    parseDOM: [
      {
        tag: 'table.targets',
        priority: 60,
        getAttrs: (dom: ElementLike) => {
          const purpose = dom.getAttribute('data-purpose');
          return { ...readBlockId(dom), purpose: checkTargetsTablePurpose(purpose) === null ? purpose : 'new_term' };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'table',
      { class: 'targets', 'data-purpose': String(node.attrs['purpose']), ...blockIdDom(node) },
      ['tbody', 0],
    ],
  },

  [NODE_TYPES.targetsRow]: {
    attrs: {
      blockId: blockIdAttr,
      assessment: { default: 'unknown', validate: throwingValidator(checkTargetAssessment) },
    },
    content: TARGETS_ROW_CELLS.join(' '),
    parseDOM: [
      {
        tag: 'tr.target',
        priority: 60,
        getAttrs: (dom: ElementLike) => {
          const assessment = dom.getAttribute('data-assessment');
          return { ...readBlockId(dom), assessment: checkTargetAssessment(assessment) === null ? assessment : 'unknown' };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => [
      'tr',
      { class: 'target', 'data-assessment': String(node.attrs['assessment']), ...blockIdDom(node) },
      0,
    ],
  },

  [NODE_TYPES.targetsIndicator]: targetsCell('target-indicator'),
  [NODE_TYPES.targetsUnit]: targetsCell('target-unit'),
  [NODE_TYPES.targetsPreviousTarget]: targetsCell('target-previous'),
  [NODE_TYPES.targetsAchieved]: targetsCell('target-achieved'),
  [NODE_TYPES.targetsNewTarget]: targetsCell('target-new'),

  [NODE_TYPES.text]: { group: 'inline' },

  // A footnote is inline and holds its own text (plain or bold/italic/underlined), so drafters edit
  // it in place and Yjs merges concurrent edits character by character. It is not a block: a
  // comment on a footnote anchors to the block that contains it.
  [NODE_TYPES.footnote]: {
    inline: true,
    group: 'inline',
    content: 'text*',
    marks: 'bold italic underline',
    isolating: true,
    parseDOM: [{ tag: 'span.footnote' }],
    toDOM: (): DOMOutputSpec => ['span', { class: 'footnote' }, 0],
  },

  [NODE_TYPES.hardBreak]: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
};

const marks: Record<string, MarkSpec> = {
  [MARK_TYPES.bold]: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }, { style: 'font-weight=bold' }],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  [MARK_TYPES.italic]: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  [MARK_TYPES.underline]: {
    parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }],
    toDOM: (): DOMOutputSpec => ['u', 0],
  },
};

/** The one schema of congress documents, shared by the server and the browser. */
export const congressSchema = new Schema({ nodes, marks, topNode: NODE_TYPES.doc });
