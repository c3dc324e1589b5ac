// What text we refuse. Vietnamese arrives as NFC and NFD and from legacy encodings (TCVN3, VNI);
// the validator normalises to NFC, but some text cannot be made meaningful by normalising: it is
// the trace of a decoding error or of deliberate garbage, and is better refused with a reason.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 controls but tab, DEL, and C1 controls (U+0080–U+009F: what Windows-1252 text read as
// Latin-1 leaves behind). Line breaks belong in hard_break nodes, not in text.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const REPLACEMENT_CHARACTER = /\uFFFD/;
// Vietnamese needs at most two combining marks on a letter (a shape mark such as the circumflex
// or horn, and a tone mark). Longer stacks are "Zalgo" text, not writing.
const STACKED_COMBINING_MARKS = /\p{M}{4,}/u;

/** Returns null for acceptable text, otherwise why it is refused. */
export const checkText = (text: string): string | null => {
  if (text.length === 0) return 'text must not be empty (leave the node out instead)';
  if (LONE_SURROGATE.test(text)) return 'text contains a lone UTF-16 surrogate: it is not valid Unicode';
  if (REPLACEMENT_CHARACTER.test(text))
    return 'text contains U+FFFD, the mark of a decoding error: was the source in a legacy encoding such as TCVN3 or VNI?';
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return code === '000A' || code === '000D'
      ? 'text contains a line break: use a hard_break node or a new paragraph'
      : `text contains the control character U+${code}`;
  }
  if (NONCHARACTER.test(text)) return 'text contains a Unicode noncharacter';
  if (STACKED_COMBINING_MARKS.test(text.normalize('NFC')))
    return 'text stacks four or more combining marks on one letter: not Vietnamese writing';
  return null;
};
