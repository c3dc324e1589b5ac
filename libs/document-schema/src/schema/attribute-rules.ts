// One place that says which attribute values are acceptable. The schema's `validate` hooks and
// the untrusted-JSON validator both read these rules, so a value the validator accepts is one
// ProseMirror accepts too, and the validator can name the exact attribute that is wrong.

/** A rule returns null when the value is acceptable, otherwise the reason it is not. */
export type AttributeRule = (value: unknown) => string | null;

// Ids travel in URLs, DOM attributes and database keys: keep them short and boring. Imported ids
// (DOCX, other tools) may be longer than ours, hence 64.
const BLOCK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const HEADING_LEVELS = [1, 2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

export const PARAGRAPH_ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type ParagraphAlignment = (typeof PARAGRAPH_ALIGNMENTS)[number];

/** How last term's target compares with what was achieved (the review report counts these). */
export const TARGET_ASSESSMENTS = ['met', 'exceeded', 'not_met', 'unknown'] as const;
export type TargetAssessment = (typeof TARGET_ASSESSMENTS)[number];

/**
 * Which columns of a targets table are meaningful: `new_term` (political report, part two:
 * indicator, unit, new term's target), `review` (review report: last term's target, achieved,
 * assessment) or `full` (both, so that a new target can be read against last term's result).
 * Every row stores all five cells whatever the purpose, so a table can change purpose.
 */
export const TARGETS_TABLE_PURPOSES = ['new_term', 'review', 'full'] as const;
export type TargetsTablePurpose = (typeof TARGETS_TABLE_PURPOSES)[number];

export const MAX_TABLE_SPAN = 1000;
export const MAX_LIST_START = 100000;

export const checkBlockId: AttributeRule = (value) => {
  if (value === null || value === undefined) return 'blockId is missing';
  if (typeof value !== 'string') return 'blockId must be a string';
  if (!BLOCK_ID_PATTERN.test(value)) return 'blockId must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"';
  return null;
};

/** In the schema itself a block may lack an id for a moment: the block-id plugin fills it in. */
export const checkBlockIdOrNull: AttributeRule = (value) => (value === null ? null : checkBlockId(value));

export const checkHeadingLevel: AttributeRule = (value) =>
  typeof value === 'number' && (HEADING_LEVELS as readonly number[]).includes(value)
    ? null
    : 'level must be 1 (part), 2 (section), 3 (subsection) or 4 (item)';

const oneOf =
  (name: string, allowed: readonly string[], nullable: boolean): AttributeRule =>
  (value) => {
    if (nullable && value === null) return null;
    if (typeof value === 'string' && allowed.includes(value)) return null;
    return `${name} must be ${nullable ? 'null or ' : ''}one of ${allowed.join(', ')}`;
  };

const integerBetween =
  (name: string, min: number, max: number): AttributeRule =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : `${name} must be an integer from ${min} to ${max}`;

export const checkParagraphAlignment = oneOf('align', PARAGRAPH_ALIGNMENTS, true);
export const checkTargetAssessment = oneOf('assessment', TARGET_ASSESSMENTS, false);
export const checkTargetsTablePurpose = oneOf('purpose', TARGETS_TABLE_PURPOSES, false);
export const checkListStart = integerBetween('start', 1, MAX_LIST_START);
export const checkColspan = integerBetween('colspan', 1, MAX_TABLE_SPAN);
export const checkRowspan = integerBetween('rowspan', 1, MAX_TABLE_SPAN);

/** Turns a rule into the throwing form ProseMirror's AttributeSpec.validate expects. */
export const throwingValidator =
  (rule: AttributeRule) =>
  (value: unknown): void => {
    const reason = rule(value);
    if (reason !== null) throw new RangeError(reason);
  };
