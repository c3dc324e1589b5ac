import { canonicalSyllable, stripLeadingMarkers } from '@vankien/synthesis';
import { CommentTableKind, COMMENT_TABLE_KINDS } from './comment-table-types';
import { foldText, lowerText } from './fold-text';

// The kind of a comment: the "Loại ý kiến" cell when there is one, else the request its text
// makes. The request is a verb ("sửa", "bổ sung", "bỏ", "làm rõ" …) that a marker of asking
// introduces ("Đề nghị", "Nên", "Cần", a clause's start) or that can only be a request ("lược
// bỏ", "viết lại"); a negated one ("không nên bỏ") asks for nothing; a question mark asks a
// question; an agreement with the draft that asks nothing else is agree.
//
// Texts come with tone marks, without them, or mixed. Words are matched on the folded text, and a
// match counts when the words were typed without tone marks or with exactly the right ones:
// "bỏ" is delete, "bộ" is not, and "bo" typed without tones is (unless a word after it makes it
// "bộ": "bo phan", "bo may").

/** A "Loại ý kiến" cell → kind; null when the cell is empty or names no kind. */
export const kindFromCell = (cell: string): CommentTableKind | null => {
  const lower = lowerText(cell);
  if (lower === '') return null;
  if ((COMMENT_TABLE_KINDS as readonly string[]).includes(lower)) return lower as CommentTableKind;
  const folded = foldText(cell);
  if (/^(tan thanh|nhat tri|dong y|dong tinh|thong nhat)\b/.test(folded)) return 'agree';
  if (/\b(bo sung|them)\b/.test(folded)) return 'add';
  if (words('bỏ|lược bỏ|loại bỏ|xóa|xoá|xoá bỏ|xóa bỏ|bãi bỏ').test(lower) || /^(luoc bo|loai bo|xoa)\b/.test(folded)) return 'delete';
  if (/\b(sua|sua doi|chinh sua|dieu chinh|thay|thay the|viet lai)\b/.test(folded)) return 'amend';
  if (/\b(hoi|cau hoi|lam ro|giai thich|de nghi lam ro)\b/.test(folded)) return 'question';
  if (/\b(khac|chung|nhan xet|gop y chung|general)\b/.test(folded)) return 'general';
  // a value that names no kind ("x", a date, a name): the text's request decides
  return null;
};

// \b is ASCII-only in JavaScript, even with the u flag: Vietnamese words end at a non-letter.
const END = '(?![\\p{L}\\p{M}\\d])';
const START = '(?<![\\p{L}\\p{M}\\d])';
const words = (alternatives: string, flags = 'u'): RegExp => new RegExp(`^(?:${alternatives})${END}`, flags);

type RequestKind = Exclude<CommentTableKind, 'agree' | 'general'>;

/**
 * Verbs of a request. `strong`: only a request uses them ("lược bỏ", "viết lại"), wherever they
 * stand. `weak`: common words that ask only when asked for ("đề nghị bỏ", "nên thay", or opening
 * a clause: "Bỏ đoạn cuối"), and not in the compounds listed after them ("tăng cường").
 */
interface VerbRule {
  kind: RequestKind;
  strong: boolean;
  phrases: string[];
  /** Words that, right after the verb, make it another word ("nâng cao", "bộ phận" typed "bo phan"). */
  notBefore?: string[];
  /** The verb asks only with this word a few words after it ("đưa … vào"). */
  needsAfter?: string[];
}

const VERBS: readonly VerbRule[] = [
  { kind: 'add', strong: true, phrases: ['bổ sung', 'bổ xung', 'viết thêm', 'nêu thêm', 'đưa thêm', 'thêm vào', 'đề cập thêm', 'làm thêm'] },
  { kind: 'add', strong: false, phrases: ['thêm', 'có thêm'] },
  { kind: 'add', strong: false, phrases: ['đưa'], needsAfter: ['vào'] },
  { kind: 'delete', strong: false, phrases: ['đưa', 'chuyển'], needsAfter: ['ra khỏi'] },
  {
    kind: 'delete',
    strong: true,
    phrases: ['lược bỏ', 'loại bỏ', 'cắt bỏ', 'rút bỏ', 'bãi bỏ', 'xóa bỏ', 'bỏ bớt', 'lược bớt', 'bỏ đi', 'loại ra', 'đưa ra khỏi'],
  },
  {
    kind: 'delete',
    strong: false,
    phrases: ['bỏ', 'xóa', 'cắt'],
    notBefore: ['phận', 'máy', 'đội', 'chính', 'trưởng', 'ngành', 'tiêu', 'tài', 'công', 'quốc', 'y', 'giáo', 'nông', 'khung', 'mặt', 'luật', 'dân', 'phiếu', 'nhiệm', 'sung', 'xung', 'giảm', 'bớt'],
  },
  {
    kind: 'amend',
    strong: true,
    phrases: [
      'sửa', 'sửa đổi', 'sửa lại', 'chỉnh sửa', 'chỉnh lại', 'điều chỉnh', 'viết lại', 'diễn đạt lại', 'biên tập lại', 'trình bày lại',
      'thay thế', 'thay cho', 'thay vì', 'thay bằng', 'sắp xếp lại', 'viết gọn', 'rút gọn', 'rút ngắn', 'đổi tên', 'đặt lại tên',
      'thống nhất cách', 'thống nhất số liệu', 'thống nhất thuật ngữ', 'thống nhất tên', 'thống nhất cụm từ', 'thống nhất giữa', 'viết cho gọn',
    ],
    notBefore: ['chữa'],
  },
  {
    kind: 'amend',
    strong: false,
    phrases: ['thay', 'thay đổi', 'đổi', 'nâng', 'hạ', 'giảm', 'tăng', 'gộp', 'ghép', 'tách', 'nhấn mạnh', 'chuyển', 'viết', 'cô đọng', 'làm gọn', 'dùng', 'sử dụng', 'ghi'],
    notBefore: ['cao', 'cường', 'trưởng', 'tầng', 'nghèo', 'với', 'mới', 'ngũ', 'sống', 'đổi số', 'biến', 'giao', 'nhận', 'chép'],
  },
  // moving a passage ("đưa đoạn này lên phần đầu")
  { kind: 'amend', strong: false, phrases: ['đưa', 'chuyển'], needsAfter: ['lên', 'xuống', 'sang'] },
  { kind: 'question', strong: true, phrases: ['làm rõ', 'giải thích', 'tại sao', 'vì sao', 'giải trình', 'là gì', 'thế nào', 'căn cứ nào', 'cơ sở nào'] },
  { kind: 'question', strong: false, phrases: ['cho biết', 'hỏi'] },
];

// Asking: what may stand right before a weak verb for it to ask.
const MARKERS = ['đề nghị', 'kiến nghị', 'đề xuất', 'nên', 'cần', 'xin', 'phải', 'hãy', 'cần phải', 'yêu cầu', 'mong'];
// Words allowed between the marker and the verb ("đề nghị Ban soạn thảo xem xét bỏ", "cần có thêm").
const BETWEEN = ['ban', 'soạn', 'thảo', 'tiểu', 'biên', 'tập', 'xem', 'xét', 'cân', 'nhắc', 'nghiên', 'cứu', 'có', 'thể', 'được', 'lại', 'nên', 'cần', 'phải', 'thiết', 'thêm', 'tổ'];
const NEGATIONS = ['không', 'chưa', 'đừng', 'chẳng', 'chớ'];
// Between a negation and the verb: "không nên bỏ", "không cần thiết phải sửa".
const MODALS = ['nên', 'cần', 'được', 'phải', 'thể', 'có', 'thiết', 'hề', 'đồng', 'ý', 'tán', 'thành', 'nhất', 'trí'];
// "không đưa", "không nên nêu …": asking to leave something out is delete.
const LEAVE_OUT = new RegExp(`${START}khong (?:nen |can |can thiet |the )?(?:phai )?(?:dua|neu|de cap|ghi)${END}`, 'u');
const LEAVE_OUT_TONED = ['không', 'nên', 'cần', 'thiết', 'thể', 'phải', 'đưa', 'nêu', 'đề', 'cập', 'ghi'];

const AGREEMENT_WORDS = ['tán thành', 'nhất trí', 'đồng ý', 'đồng tình', 'thống nhất'];
const CONTRAST = ['nhưng', 'tuy nhiên', 'song', 'đồng thời', 'ngoài ra', 'đề nghị', 'kiến nghị', 'đề xuất', 'mặt khác', 'cần', 'nên'];
// Words that may open a comment before its agreement ("Về cơ bản chúng tôi nhất trí").
const OPENING_FILLER = ['về', 'cơ', 'bản', 'chúng', 'tôi', 'hoàn', 'toàn', 'chi', 'bộ', 'đảng', 'ủy', 'cấp', 'ủy', 'cao', 'đề', 'nghị', 'xin', 'rất'];

const MARKS = /\p{M}+/gu;
/** One folded character per character of `lower` (NFC), so positions line up. */
const foldedCharacters = new Map<string, string>();
const foldCharacter = (character: string): string => {
  let folded = foldedCharacters.get(character);
  if (folded === undefined) {
    folded = character.length === 1 ? character.normalize('NFD').replace(MARKS, '').replace('đ', 'd') : character;
    // one folded character per character, so that positions line up
    if ([...folded].length !== 1) folded = character;
    if (foldedCharacters.size < 10_000) foldedCharacters.set(character, folded);
  }
  return folded;
};
const foldChars = (lower: string): string => {
  let folded = '';
  for (const character of lower) folded += character.charCodeAt(0) < 0x80 ? character : foldCharacter(character);
  return folded;
};
/** Lower case NFC, tones placed one way (hoà/hòa, xoá/xóa), markers and bullets gone. */
const canonical = (text: string): string =>
  stripLeadingMarkers(lowerText(text)).replace(/[\p{L}\p{M}]+/gu, (syllable) => canonicalSyllable(syllable));

interface Token {
  /** as typed (canonical lower case) */
  word: string;
  folded: string;
  start: number;
  end: number;
  /** a clause starts before this token (start of text, or after , ; : . ! ? and the like) */
  clauseStart: boolean;
  /** the word was typed without any tone or vowel mark */
  plain: boolean;
}

const tokenize = (lower: string): Token[] => {
  const folded = foldChars(lower);
  const tokens: Token[] = [];
  let last = 0;
  for (const match of lower.matchAll(/[\p{L}\p{M}]+|\d+(?:[.,]\d+)*%?/gu)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const gap = lower.slice(last, start);
    const word = match[0];
    const foldedWord = folded.slice(start, end);
    tokens.push({ word, folded: foldedWord, start, end, clauseStart: tokens.length === 0 || /[,;:.!?\n(–—]/.test(gap) || /(^|\s)-\s/.test(gap), plain: word === foldedWord });
    last = end;
  }
  return tokens;
};

const foldedWords = new Map<string, string>();
const foldedWord = (word: string): string => {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = foldChars(word);
    foldedWords.set(word, folded);
  }
  return folded;
};

/** Does `phrase` (canonical, toned) stand at token `at`? A plain (toneless) token matches its folded form. */
const phraseAt = (tokens: readonly Token[], at: number, phrase: readonly string[]): boolean => {
  if (at + phrase.length > tokens.length) return false;
  for (let offset = 0; offset < phrase.length; offset++) {
    const token = tokens[at + offset];
    const wanted = phrase[offset];
    if (token.word === wanted) continue;
    if (token.plain && token.folded === foldedWord(wanted)) continue;
    return false;
  }
  return true;
};

const split = (phrases: readonly string[]): string[][] =>
  phrases.map((phrase) => phrase.split(' ').map((syllable) => canonicalSyllable(syllable))).sort((a, b) => b.length - a.length);
const VERB_PHRASES = VERBS.map((rule) => ({ rule, phrases: split(rule.phrases), notBefore: split(rule.notBefore ?? []), needsAfter: split(rule.needsAfter ?? []) }));
// The rules whose phrases may start with a word (folded), in rule order: a token is checked only
// against those (comment tables run to tens of thousands of rows).
const RULES_BY_FIRST_WORD = new Map<string, typeof VERB_PHRASES>();
for (const entry of VERB_PHRASES) {
  for (const first of new Set(entry.phrases.map((phrase) => foldChars(phrase[0])))) {
    const list = RULES_BY_FIRST_WORD.get(first) ?? [];
    list.push(entry);
    RULES_BY_FIRST_WORD.set(first, list);
  }
}
const AMEND_AGREEMENT_OBJECTS = split(['cách', 'số', 'thuật', 'tên', 'cụm', 'giữa', 'trong']);
const MARKER_PHRASES = split(MARKERS);
const BETWEEN_WORDS = split(BETWEEN);
const NEGATION_WORDS = split(NEGATIONS);
const MODAL_WORDS = split(MODALS);
const AGREEMENT_PHRASES = split(AGREEMENT_WORDS);
const CONTRAST_PHRASES = split(CONTRAST);
const FILLER_WORDS = split(OPENING_FILLER);
const LEAVE_OUT_WORDS = split(LEAVE_OUT_TONED);

const anyAt = (tokens: readonly Token[], at: number, phrases: readonly string[][]): string[] | undefined => phrases.find((phrase) => phraseAt(tokens, at, phrase));

/** Is the verb at `at` introduced by a marker of asking (or opening a clause)? */
const asked = (tokens: readonly Token[], at: number): boolean => {
  if (tokens[at].clauseStart) return true;
  let index = at - 1;
  for (let skipped = 0; index >= 0 && skipped <= 4; skipped++) {
    // a marker ending right before (the one- or two-word markers)
    for (const length of [2, 1]) {
      const from = index - length + 1;
      if (from >= 0 && MARKER_PHRASES.some((phrase) => phrase.length === length && phraseAt(tokens, from, phrase))) return true;
    }
    if (!anyAt(tokens, index, BETWEEN_WORDS.filter((phrase) => phrase.length === 1))) return false;
    if (tokens[index].clauseStart) return true;
    index--;
  }
  return false;
};

/** Is the verb at `at` negated ("không nên bỏ", "chưa cần sửa")? */
const negated = (tokens: readonly Token[], at: number): boolean => {
  let index = at - 1;
  for (let skipped = 0; index >= 0 && skipped <= 3; skipped++) {
    if (anyAt(tokens, index, NEGATION_WORDS) !== undefined) return true;
    if (anyAt(tokens, index, MODAL_WORDS) === undefined) return false;
    index--;
  }
  return false;
};

interface Request {
  kind: RequestKind;
  asked: boolean;
}

/** The first request the tokens make, from `from` on. */
const firstRequest = (tokens: readonly Token[], from = 0): Request | null => {
  for (let at = from; at < tokens.length; at++) {
    // "không (nên) đưa …", "không nêu …": leave it out
    if (tokens[at].folded === 'khong') {
      const rest = tokens.slice(at, at + 5);
      const match = LEAVE_OUT.exec(rest.map((token) => token.folded).join(' '));
      const span = match === null || match.index !== 0 ? [] : rest.slice(0, match[0].split(' ').length);
      if (span.length > 0 && span.every((token) => token.plain || LEAVE_OUT_WORDS.some((phrase) => phrase[0] === token.word))) return { kind: 'delete', asked: true };
    }
    let skip = 0;
    for (const { rule, phrases, notBefore, needsAfter } of RULES_BY_FIRST_WORD.get(tokens[at].folded) ?? []) {
      const phrase = phrases.find((candidate) => phraseAt(tokens, at, candidate));
      if (phrase === undefined) continue;
      const after = at + phrase.length;
      if (notBefore.some((word) => phraseAt(tokens, after, word))) continue;
      // typed without tones, "can bo" is "cán bộ" far more often than "cần bỏ"
      if (rule.kind === 'delete' && tokens[at].plain && at > 0 && tokens[at - 1].plain && tokens[at - 1].folded === 'can') continue;
      if (needsAfter.length > 0 && !tokens.slice(after, after + 12).some((_, offset) => needsAfter.some((word) => phraseAt(tokens, after + offset, word)))) continue;
      const isAsked = asked(tokens, at);
      if (!rule.strong && !isAsked) continue;
      // a negated verb asks for nothing, and neither do the words it is made of ("không nên thay đổi")
      if (negated(tokens, at)) {
        skip = phrase.length - 1;
        break;
      }
      return { kind: rule.kind, asked: isAsked };
    }
    at += skip;
  }
  return null;
};

/** An agreement with the draft opening the text (after "Về cơ bản chúng tôi …"): the index after it. */
const openingAgreement = (tokens: readonly Token[]): number | null => {
  let at = 0;
  while (at < tokens.length && at < 5) {
    const agreement = anyAt(tokens, at, AGREEMENT_PHRASES);
    if (agreement !== undefined) {
      // "thống nhất cách viết" asks for an amendment
      if (agreement[0] === 'thống' && anyAt(tokens, at + 2, AMEND_AGREEMENT_OBJECTS) !== undefined) return null;
      return at + agreement.length;
    }
    if (anyAt(tokens, at, FILLER_WORDS) === undefined) return null;
    at++;
  }
  return null;
};

const agreesSomewhere = (tokens: readonly Token[]): boolean =>
  tokens.some((_, at) => {
    const agreement = anyAt(tokens, at, AGREEMENT_PHRASES);
    if (agreement === undefined || negated(tokens, at)) return false;
    return !(agreement[0] === 'thống' && anyAt(tokens, at + 2, AMEND_AGREEMENT_OBJECTS) !== undefined);
  });

/** The kind of the request a comment's text makes. */
export const inferKind = (text: string): CommentTableKind => {
  const lower = canonical(text);
  const tokens = tokenize(lower);
  const asksQuestion = /\?/.test(lower);
  const agreedUntil = openingAgreement(tokens);
  if (agreedUntil !== null) {
    // "Nhất trí, nhưng đề nghị bổ sung …" asks for a change: the change is the kind.
    const contrast = tokens.findIndex((_, at) => at >= agreedUntil && anyAt(tokens, at, CONTRAST_PHRASES) !== undefined);
    if (contrast < 0) return 'agree';
    const request = firstRequest(tokens, contrast);
    if (request !== null) return request.kind;
    return asksQuestion ? 'question' : 'general';
  }
  // "Có nên đưa … vào không?": a request put as a question asks a question
  if (/(?:^|\s)(?:có|liệu|co|lieu)\s.*(?:không|chưa|khong|chua)\s*\?\s*$/u.test(lower)) return 'question';
  const request = firstRequest(tokens);
  if (request !== null && (request.asked || !asksQuestion)) return request.kind;
  if (asksQuestion) return 'question';
  if (agreesSomewhere(tokens)) return 'agree';
  return 'general';
};
