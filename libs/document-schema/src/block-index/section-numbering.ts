import { HeadingLevel } from '../schema/attribute-rules';

// Party documents number their structure in four styles, one per heading level:
//   1 part        "Phần thứ nhất", "Phần thứ hai"   → segment "P1", "P2"
//   2 section     "I.", "II.", "III."              → segment "I", "II", "III"
//   3 subsection  "1.", "2."                       → segment "1", "2"
//   4 item        "a)", "b)", … "đ)" …             → segment "a", "b", … "đ"
// A section number joins the segments of the open headings with dots: Phần thứ hai › II › 2
// is "P2.II.2". The styles differ (P-prefixed, upper-case Roman, Arabic, lower-case letter), so a
// skipped level (a "1." directly under a part) can simply be left out ("P1.1") and numbers stay
// unique. Documents without parts (resolutions, action programs) get no P segment: "II.2.a".

/** Item letters in the Vietnamese order used by Party and State documents (no f, j, w, z). */
export const ITEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export const toRoman = (value: number): string => {
  let rest = value;
  let roman = '';
  for (const [amount, symbol] of ROMAN) {
    while (rest >= amount) {
      roman += symbol;
      rest -= amount;
    }
  }
  return roman;
};

/** Parses a canonical Roman numeral ("IV", not "IIII"); null if it is not one. */
export const fromRoman = (roman: string): number | null => {
  let total = 0;
  let index = 0;
  for (const [amount, symbol] of ROMAN) {
    while (roman.startsWith(symbol, index)) {
      total += amount;
      index += symbol.length;
    }
  }
  return index === roman.length && total > 0 && toRoman(total) === roman ? total : null;
};

/** 1 → "a", 5 → "đ", 23 → "y", 24 → "aa": bijective base-23 over the Vietnamese item letters. */
export const toItemLetter = (value: number): string => {
  let rest = value;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % ITEM_LETTERS.length;
    letters = ITEM_LETTERS[digit] + letters;
    rest = Math.floor((rest - 1) / ITEM_LETTERS.length);
  }
  return letters;
};

const fromItemLetter = (letters: string): number | null => {
  let value = 0;
  for (const letter of letters) {
    const digit = ITEM_LETTERS.indexOf(letter);
    if (digit < 0) return null;
    value = value * ITEM_LETTERS.length + digit + 1;
  }
  return value > 0 ? value : null;
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10,
};

/** The segment of a heading's number at its level, as used in section numbers. */
export const numberSegment = (level: HeadingLevel, value: number): string => {
  switch (level) {
    case 1:
      return `P${value}`;
    case 2:
      return toRoman(value);
    case 3:
      return String(value);
    case 4:
      return toItemLetter(value);
  }
};

/** The number as drafters write it at the start of a heading of this level. */
export const writtenLabel = (level: HeadingLevel, value: number): string => {
  switch (level) {
    case 1: {
      const words = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
      return value <= words.length ? `Phần thứ ${words[value - 1]}` : `Phần thứ ${value}`;
    }
    case 2:
      return `${toRoman(value)}.`;
    case 3:
      return `${value}.`;
    case 4:
      return `${toItemLetter(value)})`;
  }
};

/**
 * The number a heading's text starts with, if it is written in the style of its level:
 * "Phần thứ hai: …" (or "PHẦN II", "Phần 2") → 2 at level 1, "III. …" → 3 at level 2,
 * "2. …" → 2 at level 3, "đ) …" → 5 at level 4. Null when the text carries no such number.
 */
export const parseWrittenNumber = (level: HeadingLevel, text: string): number | null => {
  const head = text.normalize('NFC').trimStart();
  switch (level) {
    case 1: {
      const match = /^phần\s+(?:thứ\s+)?([\p{L}\p{N}]+)/iu.exec(head);
      if (!match) return null;
      const word = match[1].toLowerCase();
      if (/^\d{1,3}$/.test(word)) return Number(word);
      return ORDINAL_WORDS[word] ?? fromRoman(match[1].toUpperCase());
    }
    case 2: {
      const match = /^([IVXLCDM]+)\s*[.:)–-]/.exec(head);
      return match ? fromRoman(match[1]) : null;
    }
    case 3: {
      const match = /^(\d{1,3})\s*[.)](?!\d)/.exec(head);
      return match ? Number(match[1]) : null;
    }
    case 4: {
      const match = /^([a-zđ]{1,2})\s*\)/u.exec(head);
      return match ? fromItemLetter(match[1]) : null;
    }
  }
};
