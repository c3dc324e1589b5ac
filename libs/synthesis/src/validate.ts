// Validation of one input line. Reasons are written for the person who must fix the file.
import { COMMENT_KINDS, SOURCE_TYPES, type CommentInput, type CommentKind, type SourceType } from './types';

export const MAX_TEXT_LENGTH = 5000;

export type ValidationResult = { readonly ok: true; readonly value: CommentInput } | { readonly ok: false; readonly reason: string };

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/**
 * Checks one parsed line; unknown fields are ignored, the known ones copied. `intern` may map the
 * repeated strings (unit, documentId, blockId) to one shared copy.
 */
export function validateCommentInput(value: unknown, intern: (text: string) => string = (text) => text): ValidationResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'must be a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const fail = (reason: string): ValidationResult => ({ ok: false, reason });
  if (!isNonEmptyString(record.id)) return fail('id must be a non-empty string');
  if (!isNonEmptyString(record.unit)) return fail('unit must be a non-empty string');
  if (typeof record.sourceType !== 'string' || !(SOURCE_TYPES as readonly string[]).includes(record.sourceType)) {
    return fail(`sourceType must be one of ${SOURCE_TYPES.join(', ')}`);
  }
  if (record.documentId !== undefined && !isNonEmptyString(record.documentId)) {
    return fail('documentId must be a non-empty string when present');
  }
  if (!isNonEmptyString(record.blockId)) return fail('blockId must be a non-empty string');
  if (typeof record.kind !== 'string' || !(COMMENT_KINDS as readonly string[]).includes(record.kind)) {
    return fail(`kind must be one of ${COMMENT_KINDS.join(', ')}`);
  }
  if (typeof record.text !== 'string') return fail('text must be a string');
  const text = record.text.normalize('NFC');
  if (text.trim() === '') return fail('text must not be empty');
  if (text.length > MAX_TEXT_LENGTH) return fail(`text must be at most ${MAX_TEXT_LENGTH} characters (has ${text.length})`);
  if (record.supporters !== undefined && !isPositiveInteger(record.supporters)) {
    return fail('supporters must be a positive integer');
  }
  if (record.supportersTotal !== undefined && !isPositiveInteger(record.supportersTotal)) {
    return fail('supportersTotal must be a positive integer');
  }
  if (record.contributor !== undefined && typeof record.contributor !== 'boolean') {
    return fail('contributor must be true or false when present');
  }
  const supporters = record.supporters as number | undefined;
  const supportersTotal = record.supportersTotal as number | undefined;
  if (supportersTotal !== undefined && (supporters ?? 1) > supportersTotal) {
    return fail(`supporters (${supporters ?? 1}) must not exceed supportersTotal (${supportersTotal})`);
  }
  const comment: CommentInput = {
    id: record.id,
    unit: intern(record.unit),
    sourceType: record.sourceType as SourceType,
    documentId: record.documentId === undefined ? undefined : intern(record.documentId as string),
    blockId: intern(record.blockId),
    kind: record.kind as CommentKind,
    text,
    supporters,
    supportersTotal,
    contributor: record.contributor === true ? true : undefined,
  };
  return { ok: true, value: comment };
}
