// The comparison form of a comment: what two texts must share to be "the same words". The
// original text is kept elsewhere; this form is never shown to anyone.
import { convertLegacy } from './legacy-encoding';
import { composeTone, splitTone, tonePosition } from './vietnamese-letters';

const syllableCache = new Map<string, string>();
const SYLLABLE_CACHE_LIMIT = 200_000;

/**
 * Places the tone of one lower-case NFC syllable canonically (hoà → hòa, thuỷ → thủy, uý → úy),
 * so that old and new typing habits compare equal. Words that are not one syllable with exactly
 * one tone are returned as they are.
 */
export function canonicalSyllable(syllable: string): string {
  const cached = syllableCache.get(syllable);
  if (cached !== undefined) return cached;
  let tone = 0;
  let tones = 0;
  let base = '';
  for (const character of syllable) {
    const toned = splitTone(character);
    if (toned) {
      tone = toned.tone;
      tones++;
      base += toned.base;
    } else base += character;
  }
  let result = syllable;
  if (tones === 1) {
    const position = tonePosition(base);
    if (position >= 0) result = base.slice(0, position) + composeTone(base[position], tone) + base.slice(position + 1);
  }
  // The vocabulary of syllables is small; the limit only guards against adversarial input.
  if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
  syllableCache.set(syllable, result);
  return result;
}

// Bullets and numbering at the start of a line: "-", "•", "+", "1.", "1.2.", "a)", "II.", "(3)".
const LEADING_MARKER =
  /^\s*(?:[-–—•·+*○●◦▪■□➢➤►✓→>]+|\(\s*(?:\d{1,3}|[a-zđ]|[ivxlc]{1,6})\s*\)|(?:\d{1,3}(?:\.\d{1,3})*|[a-zđ]|[ivxlc]{1,6})[.)\]:](?=\s|$))\s*/u;

/** Removes leading bullets and numbering (repeatedly: "- 1. a) …"). Expects lower case. */
export function stripLeadingMarkers(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(LEADING_MARKER, '');
    if (next === current) return current.trimStart();
    current = next;
  }
}

// A token is a run of letters (with any combining marks left after NFC) or a number written the
// Vietnamese way (1.000.000 thousands, 7,5 decimals), optionally followed by %.
const TOKEN = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)*%?/gu;

/** NFC, legacy encodings converted, lower case, markers removed: the text before tokenising. */
export function cleanText(text: string): string {
  return stripLeadingMarkers(convertLegacy(text).normalize('NFC').toLowerCase());
}

/** The syllables and numbers of a cleaned text, tones placed canonically, punctuation dropped. */
export function tokenize(cleaned: string): string[] {
  const tokens = cleaned.match(TOKEN) ?? [];
  for (let index = 0; index < tokens.length; index++) tokens[index] = canonicalSyllable(tokens[index]);
  return tokens;
}

/** The comparison form: NFC, one tone placement, lower case, no markers, no punctuation. */
export function normalizeText(text: string): string {
  return tokenize(cleanText(text)).join(' ');
}

// The tokens of TOKEN, and the punctuation that separates clauses: a comma, or the end of a
// sentence, a colon, a semicolon, a bracket, a line break. A comma or full stop inside a number
// (7,5; 1.000) is part of the number, as in tokenize.
const TOKEN_OR_BREAK = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)*%?|[,;:.!?()[\]\n…]/gu;

/** The punctuation of TOKEN_OR_BREAK (a token never is one character of these). */
function isBreak(code: number): boolean {
  return code === 44 || code === 59 || code === 58 || code === 46 || code === 33 || code === 63 || code === 40 || code === 41 || code === 91 || code === 93 || code === 10 || code === 0x2026;
}

/** Before a token: nothing, a comma, or the end of a clause (see tokenizeWithBreaks). */
export const BREAK_NONE = 0;
export const BREAK_COMMA = 1;
export const BREAK_CLAUSE = 2;

/**
 * tokenize() of a cleaned text (the very same tokens), and for each token what separates it from
 * the one before: BREAK_NONE, BREAK_COMMA or BREAK_CLAUSE (the strongest punctuation between them).
 */
export function tokenizeWithBreaks(cleaned: string): { tokens: string[]; breaks: Uint8Array } {
  const parts = cleaned.match(TOKEN_OR_BREAK) ?? [];
  const breaks = new Uint8Array(parts.length);
  let count = 0;
  let pending = BREAK_NONE;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part.length === 1 && isBreak(part.charCodeAt(0))) {
      const strength = part === ',' ? BREAK_COMMA : BREAK_CLAUSE;
      if (strength > pending) pending = strength;
      continue;
    }
    // tokens are written over the parts already read (count ≤ index)
    parts[count] = canonicalSyllable(part);
    breaks[count] = count === 0 ? BREAK_NONE : pending;
    count++;
    pending = BREAK_NONE;
  }
  parts.length = count;
  return { tokens: parts, breaks: breaks.subarray(0, count) };
}
