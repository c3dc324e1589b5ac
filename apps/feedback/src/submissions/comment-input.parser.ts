import { commentKinds } from '@vankien/domain';
import type { CommentInput } from './dto/submission.dto';

export interface InputProblem {
  field: string;
  line: number;
  reasons: string[];
}

const blockIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const knownFields = new Set(['documentVersionId', 'blockId', 'kind', 'text', 'quote', 'quotePrefix', 'quoteSuffix', 'supporters', 'supportersTotal']);

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10_000_000;
const isString = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;

/**
 * The shape checks of CommentInput (the same rules and messages as its decorators), written out
 * for the bulk route: class-validator on 10,000 nested objects costs more than storing them.
 */
export function parseCommentInputs(values: unknown[]): { inputs: CommentInput[]; problems: InputProblem[] } {
  const inputs: CommentInput[] = [];
  const problems: InputProblem[] = [];
  values.forEach((value, index) => {
    const line = index + 1;
    const at = (field: string, reason: string): void => {
      problems.push({ field: `comments.${index}.${field}`, line, reasons: [reason] });
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ field: `comments.${index}`, line, reasons: ['each comment must be an object'] });
      return;
    }
    const item = value as Record<string, unknown>;
    const before = problems.length;
    for (const field of Object.keys(item)) if (!knownFields.has(field)) at(field, `property ${field} should not exist`);
    if (item.documentVersionId !== undefined && !(typeof item.documentVersionId === 'string' && uuidPattern.test(item.documentVersionId))) at('documentVersionId', 'documentVersionId must be a UUID');
    if (!(typeof item.blockId === 'string' && blockIdPattern.test(item.blockId))) at('blockId', 'blockId must be 1–64 letters, digits, _ or -');
    if (!commentKinds.includes(item.kind as CommentInput['kind'])) at('kind', `kind must be one of ${commentKinds.join(', ')}`);
    if (!isString(item.text, 1, 5000)) at('text', 'text must be 1 to 5000 characters');
    if (item.quote !== undefined && !isString(item.quote, 1, 2000)) at('quote', 'quote must be 1 to 2000 characters');
    if (item.quotePrefix !== undefined && !isString(item.quotePrefix, 0, 200)) at('quotePrefix', 'quotePrefix must be at most 200 characters');
    if (item.quoteSuffix !== undefined && !isString(item.quoteSuffix, 0, 200)) at('quoteSuffix', 'quoteSuffix must be at most 200 characters');
    if (item.supporters !== undefined && !isCount(item.supporters)) at('supporters', 'supporters must be a whole number from 1');
    if (item.supportersTotal !== undefined && !isCount(item.supportersTotal)) at('supportersTotal', 'supportersTotal must be a whole number from 1');
    if (problems.length === before) inputs.push(item as unknown as CommentInput);
  });
  return { inputs, problems };
}
