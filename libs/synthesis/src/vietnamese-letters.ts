// Tables of Vietnamese vowels and tone marks, built once from Unicode normalisation so that no
// precomposed character has to be typed (and mistyped) by hand.

/** The five tone marks as combining characters: huyền, hỏi, ngã, sắc, nặng (tone 1..5). */
export const TONE_MARKS = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** Vowel letters with their vowel-quality diacritics (â, ă, ê, ô, ơ, ư) but no tone. */
export const VOWEL_BASES = 'aăâeêioôơuưy';

const QUALITY_VOWELS = 'ăâêôơư';

interface TonedVowel {
  readonly base: string;
  readonly tone: number;
}

const tonedVowels = new Map<string, TonedVowel>();
const composed = new Map<string, string>();
for (const base of VOWEL_BASES) {
  TONE_MARKS.forEach((mark, index) => {
    const character = (base + mark).normalize('NFC');
    tonedVowels.set(character, { base, tone: index + 1 });
    composed.set(base + String(index + 1), character);
  });
}

/** The tone-less base and the tone (1..5) of a lower-case toned vowel, or undefined. */
export function splitTone(character: string): TonedVowel | undefined {
  return tonedVowels.get(character);
}

/** The precomposed lower-case vowel carrying a tone (1..5). */
export function composeTone(base: string, tone: number): string {
  return composed.get(base + String(tone)) ?? base;
}

export function isVowelBase(character: string): boolean {
  return VOWEL_BASES.includes(character);
}

function isQualityVowel(character: string): boolean {
  return QUALITY_VOWELS.includes(character);
}

/**
 * Index of the letter that carries the tone in a tone-less lower-case syllable, following the
 * traditional placement used in official documents (hòa, khỏe, thủy, ủy): a vowel with its own
 * diacritic wins (the second of ươ); in a closed syllable the last vowel; in an open one the
 * middle of three vowels or the first of two. -1 when the syllable has no vowel.
 */
export function tonePosition(base: string): number {
  const length = base.length;
  let start = 0;
  while (start < length && !isVowelBase(base[start])) start++;
  if (start === length) return -1;
  // In "qu" and "gi" + vowel the u and the i belong to the onset, not to the vowel cluster.
  if (start + 1 < length && isVowelBase(base[start + 1])) {
    const onsetQu = start > 0 && base[start - 1] === 'q' && base[start] === 'u';
    const onsetGi = start === 1 && base[0] === 'g' && base[1] === 'i';
    if (onsetQu || onsetGi) start++;
  }
  let end = start;
  while (end < length && isVowelBase(base[end])) end++;
  for (let index = end - 1; index >= start; index--) {
    if (isQualityVowel(base[index])) return index;
  }
  if (end < length) return end - 1;
  const vowels = end - start;
  if (vowels >= 3) return start + 1;
  return start;
}

/** Removes the tone of a lower-case syllable (quality diacritics and đ are kept). */
export function stripTones(syllable: string): string {
  let result = '';
  for (const character of syllable) result += tonedVowels.get(character)?.base ?? character;
  return result;
}

/** Removes every diacritic and folds đ to d: a loose key, used only to spot typos. */
export function foldToAscii(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

// The vowel clusters Vietnamese spelling allows (tone-less), longest first.
const VOWEL_CLUSTERS = [
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi',
  'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const SYLLABLE_PATTERN = new RegExp(
  `^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(?:${VOWEL_CLUSTERS.join('|')})(?:ch|ng|nh|[cmnpt])?$`,
);

/** True when a lower-case word has the shape of one Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  let tones = 0;
  let base = '';
  for (const character of word) {
    const toned = tonedVowels.get(character);
    if (toned) {
      tones++;
      base += toned.base;
    } else base += character;
  }
  return tones <= 1 && SYLLABLE_PATTERN.test(base);
}
