// Word text that the schema's validator would refuse (see checkText in document-schema) is
// repaired here, and each repair is counted for the report rather than failing the import.

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /[\n\r\t\u000B\u000C\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
const REPLACEMENT = /\uFFFD/g;
const STACKED_MARKS = /(\p{M}{3})\p{M}+/gu;

export interface CleanedText {
  text: string;
  /** Characters removed because they cannot be valid text (decoding errors, controls). */
  removed: number;
}

/** NFC, tabs and line breaks as spaces, runs of spaces collapsed, invalid characters removed. */
export const cleanText = (raw: string): CleanedText => {
  let removed = 0;
  const count = (): string => {
    removed += 1;
    return '';
  };
  const text = raw
    .replace(LONE_SURROGATE, count)
    .normalize('NFC')
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, count)
    .replace(NONCHARACTER, count)
    .replace(REPLACEMENT, count)
    .replace(STACKED_MARKS, (_, kept: string) => {
      removed += 1;
      return kept;
    })
    .replace(/[ \u00a0]{2,}/g, ' ');
  return { text, removed };
};
