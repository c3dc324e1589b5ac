import { displayText, foldText } from './fold-text';

// Reads a section reference as clerks write it into a structure of numbers and the words left
// over: "Mục II.2", "mục 2 phần II", "Phần thứ hai, mục I", "P2.II.2", "Phần thứ nhất – 1.",
// "điểm a khoản 2 mục III", "trang 5, dòng 3", "về công tác xây dựng Đảng".

/**
 * One number of the reference. `arabic` is a number whose level the writing does not settle:
 * after a part or alone, "1." may be the section (I) or a subsection written under it.
 */
export type ReferenceComponent =
  | { level: 'part'; value: number; written: 'ordinal' | 'keyword' | 'code' }
  | { level: 'section'; value: number }
  | { level: 'arabic'; value: number }
  | { level: 'subsection'; value: number }
  | { level: 'item'; value: string };

export interface ParsedReference {
  components: ReferenceComponent[];
  /** Words that are not numbers or keywords (for matching heading words), as written. */
  words: string[];
  /** "trang 5", "dòng 3": positions in a printed copy, which no block index knows. */
  pageReferences: string[];
  /** Numbers left unread (a second reference, "mục 1 và mục 3"): the row cannot be sure of its section. */
  ignored?: boolean;
}

const ORDINALS: Readonly<Record<string, number>> = {
  nhat: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
};
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const ITEM_LETTER = /^[abcdđeghiklmnopqrstuvxy]$/;

export const romanValue = (token: string): number | null => {
  const upper = token.toUpperCase();
  if (!/^[IVXLC]{1,7}$/.test(upper)) return null;
  let total = 0;
  for (let index = 0; index < upper.length; index++) {
    const value = ROMAN_VALUES[upper[index]];
    const next = index + 1 < upper.length ? ROMAN_VALUES[upper[index + 1]] : 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 100 ? total : null;
};

const LEVEL_RANK: Readonly<Record<ReferenceComponent['level'], number>> = { part: 0, section: 1, arabic: 1.5, subsection: 2, item: 3 };

interface Token {
  raw: string;
  folded: string;
  /** Separator characters between this token and the previous one … */
  before: string;
  /** … and the next one (or the end of the text). */
  after: string;
}

const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  // "P2" (a part in the index's own notation) is one token; other letters and digits are apart.
  const pattern = /(?<![\p{L}\p{M}\d])[Pp]\d{1,2}(?![\p{L}\p{M}\d])|[\p{L}\p{M}]+|\d+/gu;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined) previous.after = text.slice(last, index);
    tokens.push({ raw: match[0], folded: foldText(match[0]), before: text.slice(last, index), after: '' });
    last = index + match[0].length;
  }
  const final = tokens[tokens.length - 1];
  if (final !== undefined) final.after = text.slice(last);
  return tokens;
};

// "II.2", "II. 2", and as typed in a hurry "II-2", "II/2" (a dash with spaces around it separates
// a part from its section instead: "Phần thứ nhất - 1.").
const isDot = (separator: string): boolean => /^\s*\.\s*$/.test(separator) || /^[-/]$/.test(separator);

/** A roman numeral written in capitals, or in lower case where the context leaves no doubt. */
const asRoman = (token: Token, lowerCaseAllowed: boolean): number | null => {
  if (!/^[IVXLC]+$/.test(token.raw) && !(lowerCaseAllowed && /^[ivxlc]+$/.test(token.raw))) return null;
  return romanValue(token.raw);
};

export const parseSectionReference = (raw: string): ParsedReference => {
  const text = displayText(raw).replace(/\s+/g, ' ').trim();
  const tokens = tokenize(text);
  const components: ReferenceComponent[] = [];
  const words: string[] = [];
  const pageReferences: string[] = [];
  const seenLevels = new Set<string>();
  let stopped = false;
  const push = (component: ReferenceComponent): void => {
    // A second number of a level already read starts another reference ("mục 1 và mục 3"):
    // only the first is used, the rest of the numbers are ignored.
    // "Mục I – 1.": an Arabic number after a Roman section is its subsection
    if (component.level === 'arabic' && !stopped && components[components.length - 1]?.level === 'section' && !seenLevels.has('subsection')) {
      component = { level: 'subsection', value: component.value };
    }
    const key = component.level === 'arabic' || component.level === 'section' ? 'section-or-arabic' : component.level;
    // "P2.II.2 – 2. Các chỉ tiêu …": the heading's own number written again, not another reference
    const deepest = components[components.length - 1];
    if (!stopped && seenLevels.has(key) && deepest !== undefined && String(deepest.value) === String(component.value)) return;
    if (stopped || seenLevels.has(key)) {
      stopped = true;
      return;
    }
    seenLevels.add(key);
    components.push(component);
  };

  /** Reads a dotted chain ("II.2.a", "P2.II.2", "2.a") from `start`; returns the index after it. */
  const readChain = (start: number, firstLevel: 'free' | 'unknown' | 'subsection' | 'item'): number => {
    let index = start;
    let previous: ReferenceComponent['level'] | null = null;
    while (index < tokens.length) {
      const token = tokens[index];
      if (index > start && !isDot(token.before)) break;
      const partCode = /^p(\d{1,2})$/i.exec(token.raw);
      const next = tokens[index + 1];
      const followedByDotNumber = next !== undefined && isDot(next.before) && /^\d+$/.test(next.raw);
      let component: ReferenceComponent | null = null;
      if (partCode && previous === null) component = { level: 'part', value: Number(partCode[1]), written: 'code' };
      else if (/^\d{1,2}$/.test(token.raw)) {
        const value = Number(token.raw);
        component =
          (firstLevel === 'subsection' || firstLevel === 'item') && previous === null
            ? { level: 'subsection', value }
            : previous === 'section' || previous === 'arabic' || previous === 'subsection'
              ? { level: 'subsection', value }
              : { level: 'arabic', value };
      } else if (previous !== 'subsection' && previous !== 'arabic' && firstLevel !== 'item') {
        const roman = asRoman(token, firstLevel === 'unknown' || followedByDotNumber);
        if (roman !== null) component = { level: 'section', value: roman };
      }
      if (component === null && ITEM_LETTER.test(token.raw.toLowerCase()) && token.raw.length === 1) {
        const closesItem = /^\s*\)/.test(token.after);
        if (previous !== null || firstLevel === 'item' || closesItem) component = { level: 'item', value: token.raw.toLowerCase() };
      }
      if (component === null) break;
      push(component);
      previous = component.level;
      index++;
    }
    return index;
  };

  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    const folded = token.folded;
    const next = tokens[index + 1];
    if ((folded === 'trang' || folded === 'tr' || folded === 'dong') && next !== undefined && /^\d+$/.test(next.raw)) {
      pageReferences.push(`${token.raw} ${next.raw}`);
      index += 2;
      continue;
    }
    if (folded === 'phan' && next !== undefined) {
      let at = index + 1;
      if (tokens[at]?.folded === 'thu') at++;
      const word = tokens[at];
      const ordinal = word === undefined ? undefined : ORDINALS[word.folded];
      const roman = word === undefined ? null : asRoman(word, true);
      const value = ordinal ?? roman ?? (word !== undefined && /^\d{1,2}$/.test(word.raw) ? Number(word.raw) : null);
      if (value !== null && value !== undefined) {
        push({ level: 'part', value, written: ordinal !== undefined ? 'ordinal' : 'keyword' });
        index = at + 1;
        continue;
      }
    }
    if (folded === 'tieu' && next?.folded === 'muc') {
      const after = readChain(index + 2, 'subsection');
      if (after > index + 2) {
        index = after;
        continue;
      }
    }
    if (folded === 'muc' || folded === 'khoan' || folded === 'diem' || folded === 'so') {
      let at = index + 1;
      if (tokens[at]?.folded === 'thu' && tokens[at + 1] !== undefined && ORDINALS[tokens[at + 1].folded] !== undefined) {
        push({ level: 'arabic', value: ORDINALS[tokens[at + 1].folded] });
        index = at + 2;
        continue;
      }
      const level = folded === 'khoan' ? 'subsection' : folded === 'diem' ? 'item' : 'unknown';
      const after = readChain(at, level);
      if (after > at) {
        index = after;
        continue;
      }
      at = index;
    }
    // A bare chain: at the start, after punctuation or right after another number.
    const bareAllowed = index === 0 || /[,;:–—\-(/]|^\s*$/.test(token.before) || components.length > 0;
    // "Mục I – 4. – b.": a letter item written with a dot, after the numbers it belongs under
    if (components.length > 0 && token.raw.length === 1 && ITEM_LETTER.test(token.raw) && /^\.\s*$/.test(token.after) && !/^\d/.test(next?.raw ?? '') && /[–—\-,]\s*$/.test(token.before)) {
      const after = readChain(index, 'item');
      if (after > index) {
        index = after;
        continue;
      }
    }
    const lowerRomanChain = /^[ivxlc]+$/.test(token.raw) && isDot(token.after) && /^\d/.test(next?.raw ?? '');
    if (bareAllowed && (/^\d{1,2}$/.test(token.raw) || /^p\d{1,2}$/i.test(token.raw) || asRoman(token, false) !== null || lowerRomanChain || (token.raw.length === 1 && /^\s*\)/.test(token.after)))) {
      const after = readChain(index, 'free');
      if (after > index) {
        index = after;
        continue;
      }
    }
    words.push(token.raw);
    index++;
  }
  components.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return stopped ? { components, words, pageReferences, ignored: true } : { components, words, pageReferences };
};
