import { HeadingLevel, ParagraphAlignment, TargetAssessment, TargetsTablePurpose } from '../schema/attribute-rules';
import { NodeJson } from '../schema/document-json';
import { NODE_TYPES } from '../schema/node-types';

// Small builders for template outlines. Blocks are built without ids; createTemplate gives them
// all ids in document order at the end, so each template reads as an outline, not as plumbing.

export interface TemplateContext {
  /** As written in the document: "Đảng bộ tỉnh Lai Châu". */
  organizationName: string;
  /** The new term, "2025–2030". */
  term: string;
  /** The outgoing term, "2020–2025". */
  previousTerm: string;
  /** The last year of the new term, "2030", for targets "đến năm 2030". */
  termEndYear: string;
  /** "lần thứ XV" or "lần thứ …" when not given. */
  congressOrdinal: string;
  /** Upper-case organisation name for titles. */
  organizationTitle: string;
}

const text = (value: string, marks: string[] = []): NodeJson =>
  marks.length > 0 ? { type: NODE_TYPES.text, text: value, marks: marks.map((type) => ({ type })) } : { type: NODE_TYPES.text, text: value };

const inline = (value: string, marks: string[] = []): NodeJson[] => (value === '' ? [] : [text(value, marks)]);

export const title = (value: string): NodeJson => ({ type: NODE_TYPES.title, content: inline(value) });

export const heading = (level: HeadingLevel, value: string): NodeJson => ({
  type: NODE_TYPES.heading,
  attrs: { level },
  content: inline(value),
});

export const part = (value: string): NodeJson => heading(1, value);
export const section = (value: string): NodeJson => heading(2, value);
export const subsection = (value: string): NodeJson => heading(3, value);
export const item = (value: string): NodeJson => heading(4, value);

export const paragraph = (value: string, align: ParagraphAlignment | null = null): NodeJson => ({
  type: NODE_TYPES.paragraph,
  ...(align !== null ? { attrs: { align } } : {}),
  content: inline(value),
});

/** A centred line of the heading block (issuing body, date line): bold. */
export const centredLine = (value: string, marks: string[] = ['bold']): NodeJson => ({
  type: NODE_TYPES.paragraph,
  attrs: { align: 'center' },
  content: inline(value, marks),
});

/** Guidance for drafters, in italics and square brackets, meant to be replaced. */
export const guidance = (value: string): NodeJson => ({
  type: NODE_TYPES.paragraph,
  content: inline(`[${value}]`, ['italic']),
});

export const bulletList = (items: readonly string[]): NodeJson => ({
  type: NODE_TYPES.bulletList,
  content: items.map((value) => ({ type: NODE_TYPES.listItem, content: [paragraph(value)] })),
});

export const table = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): NodeJson => ({
  type: NODE_TYPES.table,
  content: [
    {
      type: NODE_TYPES.tableRow,
      content: header.map((value) => ({ type: NODE_TYPES.tableHeader, content: [paragraph(value)] })),
    },
    ...rows.map((row) => ({
      type: NODE_TYPES.tableRow,
      content: row.map((value) => ({ type: NODE_TYPES.tableCell, content: [paragraph(value)] })),
    })),
  ],
});

export interface TargetSpec {
  indicator: string;
  unit: string;
  previousTarget?: string;
  achieved?: string;
  newTarget?: string;
  assessment?: TargetAssessment;
}

const targetsCell = (type: string, value: string | undefined): NodeJson => ({ type, content: inline(value ?? '') });

export const targetsTable = (purpose: TargetsTablePurpose, targets: readonly TargetSpec[]): NodeJson => ({
  type: NODE_TYPES.targetsTable,
  attrs: { purpose },
  content: targets.map((target) => ({
    type: NODE_TYPES.targetsRow,
    attrs: { assessment: target.assessment ?? 'unknown' },
    content: [
      targetsCell(NODE_TYPES.targetsIndicator, target.indicator),
      targetsCell(NODE_TYPES.targetsUnit, target.unit),
      targetsCell(NODE_TYPES.targetsPreviousTarget, target.previousTarget),
      targetsCell(NODE_TYPES.targetsAchieved, target.achieved),
      targetsCell(NODE_TYPES.targetsNewTarget, target.newTarget),
    ],
  })),
});
