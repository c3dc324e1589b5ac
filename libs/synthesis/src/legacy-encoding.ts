// Text typed with the legacy Vietnamese encodings TCVN3 (ABC) and VNI, whose bytes were later read
// as Windows-1252 / Latin-1 characters: "§¶ng" (TCVN3) and "Ñaûng" (VNI) both mean "Đảng".
// Conversion is applied only when the converted text is clearly better Vietnamese than the input,
// so ordinary Unicode Vietnamese, English or other Latin-1 text is never touched.
import { isVietnameseSyllable } from './vietnamese-letters';

export type LegacyEncoding = 'tcvn3' | 'vni';

// TCVN3 (TCVN 5712:1993, VN3): one byte per letter; upper case exists only for the seven base
// letters with their own diacritic (upper-case toned letters were drawn with "H" fonts instead).
const TCVN3_PAIRS: ReadonlyArray<readonly [number, string]> = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];
const TCVN3 = new Map<string, string>(TCVN3_PAIRS.map(([code, letter]) => [String.fromCharCode(code), letter]));

// VNI Windows: a base letter followed by a mark character; a few letters stand alone.
const VNI_STANDALONE = new Map<string, string>([
  ['ñ', 'đ'], ['Ñ', 'Đ'], ['ô', 'ơ'], ['Ô', 'Ơ'], ['ö', 'ư'], ['Ö', 'Ư'],
  ['æ', 'ỉ'], ['Æ', 'Ỉ'], ['ó', 'ĩ'], ['Ó', 'Ĩ'], ['ò', 'ị'], ['Ò', 'Ị'], ['î', 'ỵ'], ['Î', 'Ỵ'],
]);
const COMBINING = { circumflex: '\u0302', breve: '\u0306', horn: '\u031b' } as const;
const TONE = { none: '', grave: '\u0300', hook: '\u0309', tilde: '\u0303', acute: '\u0301', dot: '\u0323' } as const;
type Quality = keyof typeof COMBINING | 'plain';
type ToneName = keyof typeof TONE;
// mark character (lower case; the upper-case mark is its toUpperCase) → quality and tone
const VNI_MARKS: ReadonlyArray<readonly [string, Quality, ToneName]> = [
  ['ù', 'plain', 'acute'], ['ø', 'plain', 'grave'], ['û', 'plain', 'hook'], ['õ', 'plain', 'tilde'], ['ï', 'plain', 'dot'],
  ['â', 'circumflex', 'none'], ['á', 'circumflex', 'acute'], ['à', 'circumflex', 'grave'],
  ['å', 'circumflex', 'hook'], ['ã', 'circumflex', 'tilde'], ['ä', 'circumflex', 'dot'],
  ['ê', 'breve', 'none'], ['é', 'breve', 'acute'], ['è', 'breve', 'grave'],
  ['ú', 'breve', 'hook'], ['ü', 'breve', 'tilde'], ['ë', 'breve', 'dot'],
];
// base character in VNI text → the letter it stands for and the qualities it accepts
const VNI_BASES: ReadonlyArray<readonly [string, string, ReadonlyArray<Quality>]> = [
  ['a', 'a', ['plain', 'circumflex', 'breve']],
  ['e', 'e', ['plain', 'circumflex']],
  ['o', 'o', ['plain', 'circumflex']],
  ['u', 'u', ['plain']],
  ['y', 'y', ['plain']],
  ['ô', 'o' + COMBINING.horn, ['plain']],
  ['ö', 'u' + COMBINING.horn, ['plain']],
];
const VNI_PAIRS = new Map<string, string>();
for (const [baseCharacter, letter, qualities] of VNI_BASES) {
  for (const [mark, quality, tone] of VNI_MARKS) {
    if (!qualities.includes(quality)) continue;
    const qualityMark = quality === 'plain' ? '' : COMBINING[quality];
    const lower = (letter + qualityMark + TONE[tone]).normalize('NFC');
    VNI_PAIRS.set(baseCharacter + mark, lower);
    VNI_PAIRS.set(baseCharacter.toUpperCase() + mark.toUpperCase(), lower.toUpperCase());
  }
}

export function convertFromTcvn3(text: string): string {
  let result = '';
  for (const character of text) result += TCVN3.get(character) ?? character;
  return result;
}

export function convertFromVni(text: string): string {
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const pair = index + 1 < text.length ? VNI_PAIRS.get(text.slice(index, index + 2)) : undefined;
    if (pair !== undefined) {
      result += pair;
      index++;
      continue;
    }
    const character = text[index];
    result += VNI_STANDALONE.get(character) ?? character;
  }
  return result;
}

// Latin-1 letters that ordinary Unicode Vietnamese uses; every other character in U+00A1..U+00FF
// is a sign that the text may be a legacy encoding read as Latin-1.
const VIETNAMESE_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
// Cheap first test: a character Unicode Vietnamese never uses, an upper-case Latin-1 letter
// inside a lower-case word (TCVN3 "tÕ"), or a vowel followed by a VNI mark ("eá", "aø").
const LEGACY_EVIDENCE =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]|[a-z][\u00c0-\u00de]|[aA][ùõâáàãêéèúÙÕÂÁÀÃÊÉÈÚ]|[eE][ùõâáàãÙÕÂÁÀÃ]|[oO][ùõâÙÕÂ]|[uyôUYÔ][ùõÙÕ]/;

function hasSuspiciousCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code >= 0xa1 && code <= 0xff && !VIETNAMESE_LATIN1.has(character)) return true;
  }
  return false;
}

/** Non-ASCII words of a text and how many of them are not plausible Vietnamese syllables. */
function scoreWords(text: string): { words: number; bad: number } {
  let words = 0;
  let bad = 0;
  for (const word of text.split(/[^\p{L}\u00a1-\u00ff]+/u)) {
    if (word === '' || /^[\x00-\x7f]*$/.test(word)) continue;
    words++;
    const lower = word.toLowerCase();
    if (hasSuspiciousCharacter(lower) || !isVietnameseSyllable(lower)) bad++;
  }
  return { words, bad };
}

/**
 * The legacy encoding a text was typed in, or null. Confident only when the text has several
 * words that are not Vietnamese as they stand and one conversion turns (nearly) all of them into
 * Vietnamese syllables.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!LEGACY_EVIDENCE.test(text)) return null;
  const original = scoreWords(text);
  if (original.bad === 0 || original.bad < 0.3 * original.words) return null;
  let best: LegacyEncoding | null = null;
  let bestBad = Number.POSITIVE_INFINITY;
  for (const [encoding, convert] of [['tcvn3', convertFromTcvn3], ['vni', convertFromVni]] as const) {
    const converted = scoreWords(convert(text));
    const acceptable = converted.bad < original.bad && converted.bad <= 0.1 * converted.words;
    if (acceptable && converted.bad < bestBad) {
      best = encoding;
      bestBad = converted.bad;
    }
  }
  return best;
}

/** Converts text typed in TCVN3 or VNI to Unicode (NFC); any other text is returned unchanged. */
export function convertLegacy(text: string): string {
  const encoding = detectLegacyEncoding(text);
  if (encoding === 'tcvn3') return convertFromTcvn3(text).normalize('NFC');
  if (encoding === 'vni') return convertFromVni(text).normalize('NFC');
  return text;
}
