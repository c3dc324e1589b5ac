import type { FieldProblem } from '../errors/app-error';

/**
 * What every text a request carries must be, whatever its field, checked in one place (the
 * validation pipe) before the DTO's own rules:
 * - NFC: a title typed on a Mac (NFD) and the same title typed on Windows are one string, so
 *   search, duplicates and the synthesis's grouping see them as equal;
 * - no unpaired UTF-16 surrogate (PostgreSQL's jsonb refuses one: a 500) and no control
 *   character but tab, line feed and carriage return (a NUL ends a C string; text columns
 *   refuse it: a 500);
 * - no bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): a
 *   right-to-left override makes a name or a comment read differently from what is stored
 *   (Trojan Source, CVE-2021-42574). Vietnamese needs none of them. They are refused in every
 *   field, long comments included, rather than stripped: a comment is a record of what its
 *   author sent, and it is not changed silently; the answer names the field and the reason.
 */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const bidirectionalControl = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export const textReasons = {
  surrogate: 'must not contain an unpaired UTF-16 surrogate',
  control: 'must not contain control characters (NUL and others) other than tab and line breaks',
  bidirectional: 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)',
} as const;

/** Why a string is refused, or null when it is acceptable. */
export function textProblem(text: string): string | null {
  if (unpairedSurrogate.test(text)) return textReasons.surrogate;
  if (forbiddenControl.test(text)) return textReasons.control;
  if (bidirectionalControl.test(text)) return textReasons.bidirectional;
  return null;
}

/**
 * Returns a copy of a request's body, query or parameters with every string (values and keys)
 * in NFC, and the problems of the strings that are refused, each under its dotted path.
 */
export function normaliseTexts(value: unknown, problems: FieldProblem[], path = ''): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) {
      problems.push({ field: path || '(body)', reasons: [problem] });
      return value;
    }
    return value.normalize('NFC');
  }
  if (Array.isArray(value)) return value.map((item, index) => normaliseTexts(item, problems, path ? `${path}.${index}` : String(index)));
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const keyProblem = textProblem(key);
      if (keyProblem) problems.push({ field, reasons: [`name ${keyProblem}`] });
      // defineProperty: a key named __proto__ stays a field (refused as unknown), not a prototype
      Object.defineProperty(copy, key.normalize('NFC'), { value: normaliseTexts(item, problems, field), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}

/** Only what JSON, a query string or a form can make: a file upload's buffer is left alone. */
function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
