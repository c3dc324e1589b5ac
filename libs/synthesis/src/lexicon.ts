// Near-synonyms and abbreviations of the vocabulary of Party documents, read as one canonical
// phrase before comments are compared: "đẩy mạnh"/"nâng cao"/"tăng cường" say the same thing in a
// request, "số hóa" is "chuyển đổi số", "KT-XH" is "kinh tế xã hội". Only phrases that are
// interchangeable in a comment on a draft belong here: a word whose meaning changes the proposal
// ("tỷ lệ" and "số lượng", "chỉ tiêu" and "mục tiêu") does not.
import { foldToAscii } from './vietnamese-letters';

/** Canonical phrase ← the phrases read as it (the canonical one included). */
const SYNONYM_GROUPS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // In a request these all ask to give more weight to what follows.
  ['tăng cường', ['tăng cường', 'đẩy mạnh', 'nâng cao', 'quan tâm', 'chú trọng', 'coi trọng', 'chú ý', 'quan tâm hơn đến']],
  ['chuyển đổi số', ['chuyển đổi số', 'số hóa', 'chuyển đổi số hóa']],
  ['giải pháp', ['giải pháp', 'biện pháp']],
  ['thu hút', ['thu hút', 'kêu gọi']],
  ['hạ tầng', ['hạ tầng', 'cơ sở hạ tầng', 'kết cấu hạ tầng']],
  // The stop phrase "làm rõ": asking for precision says nothing about what is asked.
  ['làm rõ', ['làm rõ', 'nêu rõ', 'chỉ rõ', 'nói rõ', 'ghi rõ', 'cụ thể hóa', 'làm cụ thể', 'làm rõ hơn']],
  ['nguyên nhân', ['nguyên nhân', 'vì sao', 'tại sao', 'lý do']],
  ['ngắn gọn', ['ngắn gọn', 'súc tích', 'cô đọng', 'rút gọn']],
  ['dùng', ['dùng', 'sử dụng']],
  ['phòng chống', ['phòng chống', 'phòng ngừa', 'ngăn chặn', 'ngăn ngừa', 'đấu tranh phòng chống', 'đấu tranh với']],
  ['bảo đảm', ['bảo đảm', 'đảm bảo']],
  ['bảo tồn', ['bảo tồn', 'giữ gìn']],
  ['người dân', ['người dân', 'nhân dân']],
  ['hạn chế', ['hạn chế', 'yếu kém']],
  ['dân tộc thiểu số', ['dân tộc thiểu số', 'đồng bào dân tộc thiểu số', 'người dân tộc thiểu số', 'đồng bào dân tộc']],
  ['cán bộ', ['cán bộ', 'đội ngũ cán bộ']],
  ['cấp xã', ['cấp xã', 'cấp cơ sở']],
  // Abbreviations, typed with or without a hyphen, a comma or a space between their parts.
  ['kinh tế xã hội', ['kt xh', 'ktxh', 'kinh tế xã hội']],
  ['quốc phòng an ninh', ['qp an', 'qpan', 'quốc phòng an ninh']],
  ['cán bộ đảng viên', ['cb đv', 'cbđv', 'cán bộ đảng viên']],
  ['dân tộc thiểu số', ['dtts']],
  ['chuyển đổi số', ['cđs']],
  ['cải cách hành chính', ['cchc']],
  ['nông thôn mới', ['ntm']],
  ['mặt trận tổ quốc', ['mttq']],
  ['hệ thống chính trị', ['htct']],
  ['ủy ban nhân dân', ['ubnd']],
  ['hội đồng nhân dân', ['hđnd']],
  ['công nghiệp hóa hiện đại hóa', ['cnh hđh']],
  ['an ninh trật tự', ['antt']],
  ['an toàn giao thông', ['atgt']],
  ['bảo hiểm y tế', ['bhyt']],
  ['bảo hiểm xã hội', ['bhxh']],
  ['đặc biệt khó khăn', ['đbkk']],
  ['công nghệ thông tin', ['cntt']],
  ['khoa học công nghệ', ['khcn']],
  ['xây dựng đảng', ['xdđ']],
];

export interface LexiconPhrase {
  readonly words: readonly string[];
  readonly canonical: readonly string[];
}

// Exact phrases by their first word, longest first; and, for phrases of two words or more and
// abbreviations of four letters or more, the same by their forms without tone marks ("day manh",
// "kt xh"), matched only on words typed without any.
const EXACT = new Map<string, LexiconPhrase[]>();
const FOLDED = new Map<string, LexiconPhrase[]>();

function file(index: Map<string, LexiconPhrase[]>, phrase: LexiconPhrase): void {
  const list = index.get(phrase.words[0]) ?? [];
  if (list.some((other) => other.words.join(' ') === phrase.words.join(' '))) return;
  list.push(phrase);
  list.sort((left, right) => right.words.length - left.words.length);
  index.set(phrase.words[0], list);
}

for (const [canonical, variants] of SYNONYM_GROUPS) {
  const canonicalWords = canonical.split(' ');
  for (const variant of new Set([canonical, ...variants])) {
    const words = variant.split(' ');
    file(EXACT, { words, canonical: canonicalWords });
    if (words.length >= 2 || variant.length >= 4) file(FOLDED, { words: words.map((word) => foldToAscii(word)), canonical: canonicalWords });
  }
}

// Folded forms are compared only with words typed without tone marks: "cần bổ" is not "cán bộ".
function matches(tokens: readonly string[], index: number, phrase: LexiconPhrase, fold: (word: string) => string): boolean {
  for (let offset = 0; offset < phrase.words.length; offset++) {
    const token = tokens[index + offset];
    if (token === undefined || fold(token) !== phrase.words[offset]) return false;
    if (fold !== same && fold(token) !== token) return false;
  }
  return true;
}

const same = (word: string): string => word;

/** The lexicon phrase starting at tokens[index] (the longest), or undefined. */
export function matchLexicon(tokens: readonly string[], index: number, fold: (word: string) => string): LexiconPhrase | undefined {
  const exact = EXACT.get(tokens[index]);
  if (exact) for (const phrase of exact) if (matches(tokens, index, phrase, same)) return phrase;
  const folded = FOLDED.get(fold(tokens[index]));
  if (folded) for (const phrase of folded) if (matches(tokens, index, phrase, fold)) return phrase;
  return undefined;
}
