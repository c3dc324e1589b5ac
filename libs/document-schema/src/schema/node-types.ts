import {
  AttributeRule,
  checkBlockId,
  checkColspan,
  checkHeadingLevel,
  checkListStart,
  checkParagraphAlignment,
  checkRowspan,
  checkTargetAssessment,
  checkTargetsTablePurpose,
} from './attribute-rules';

/** Names of the node types, as they appear in ProseMirror JSON and in the Y.Doc. */
export const NODE_TYPES = {
  doc: 'doc',
  title: 'title',
  heading: 'heading',
  paragraph: 'paragraph',
  bulletList: 'bullet_list',
  orderedList: 'ordered_list',
  listItem: 'list_item',
  table: 'table',
  tableRow: 'table_row',
  tableHeader: 'table_header',
  tableCell: 'table_cell',
  targetsTable: 'targets_table',
  targetsRow: 'targets_row',
  targetsIndicator: 'targets_indicator',
  targetsUnit: 'targets_unit',
  targetsPreviousTarget: 'targets_previous_target',
  targetsAchieved: 'targets_achieved',
  targetsNewTarget: 'targets_new_target',
  text: 'text',
  footnote: 'footnote',
  hardBreak: 'hard_break',
} as const;
export type NodeTypeName = (typeof NODE_TYPES)[keyof typeof NODE_TYPES];

export const MARK_TYPES = { bold: 'bold', italic: 'italic', underline: 'underline' } as const;
export type MarkTypeName = (typeof MARK_TYPES)[keyof typeof MARK_TYPES];

/** The five cells of a targets row, in their fixed order. */
export const TARGETS_ROW_CELLS = [
  NODE_TYPES.targetsIndicator,
  NODE_TYPES.targetsUnit,
  NODE_TYPES.targetsPreviousTarget,
  NODE_TYPES.targetsAchieved,
  NODE_TYPES.targetsNewTarget,
] as const;
export type TargetsRowCellName = (typeof TARGETS_ROW_CELLS)[number];

/**
 * Every node type that carries a `blockId`: all block nodes except `doc`. Comments from hundreds
 * of units anchor to these ids, so "every block has a unique id" is the invariant of this library.
 */
export const BLOCK_NODE_TYPES: readonly NodeTypeName[] = [
  NODE_TYPES.title,
  NODE_TYPES.heading,
  NODE_TYPES.paragraph,
  NODE_TYPES.bulletList,
  NODE_TYPES.orderedList,
  NODE_TYPES.listItem,
  NODE_TYPES.table,
  NODE_TYPES.tableRow,
  NODE_TYPES.tableHeader,
  NODE_TYPES.tableCell,
  NODE_TYPES.targetsTable,
  NODE_TYPES.targetsRow,
  ...TARGETS_ROW_CELLS,
];

const blockTypeSet: ReadonlySet<string> = new Set(BLOCK_NODE_TYPES);
export const isBlockTypeName = (name: string): boolean => blockTypeSet.has(name);

/**
 * The attributes each node type accepts, with the rule for an untrusted value. `blockId` here is
 * the strict rule (required); the schema itself tolerates null until the plugin assigns one.
 */
export const ATTRIBUTE_RULES: Readonly<Record<NodeTypeName, Readonly<Record<string, AttributeRule>>>> = {
  doc: {},
  title: { blockId: checkBlockId },
  heading: { blockId: checkBlockId, level: checkHeadingLevel },
  paragraph: { blockId: checkBlockId, align: checkParagraphAlignment },
  bullet_list: { blockId: checkBlockId },
  ordered_list: { blockId: checkBlockId, start: checkListStart },
  list_item: { blockId: checkBlockId },
  table: { blockId: checkBlockId },
  table_row: { blockId: checkBlockId },
  table_header: { blockId: checkBlockId, colspan: checkColspan, rowspan: checkRowspan },
  table_cell: { blockId: checkBlockId, colspan: checkColspan, rowspan: checkRowspan },
  targets_table: { blockId: checkBlockId, purpose: checkTargetsTablePurpose },
  targets_row: { blockId: checkBlockId, assessment: checkTargetAssessment },
  targets_indicator: { blockId: checkBlockId },
  targets_unit: { blockId: checkBlockId },
  targets_previous_target: { blockId: checkBlockId },
  targets_achieved: { blockId: checkBlockId },
  targets_new_target: { blockId: checkBlockId },
  text: {},
  footnote: {},
  hard_break: {},
};

const nodeTypeSet: ReadonlySet<string> = new Set(Object.values(NODE_TYPES));
export const isNodeTypeName = (name: string): name is NodeTypeName => nodeTypeSet.has(name);
const markTypeSet: ReadonlySet<string> = new Set(Object.values(MARK_TYPES));
export const isMarkTypeName = (name: string): name is MarkTypeName => markTypeSet.has(name);
