import { matchLexicon } from './lexicon';
import { BREAK_CLAUSE, BREAK_COMMA } from './normalize';
import { foldToAscii } from './vietnamese-letters';

// What a comment asks for, read from its tokens: the operation (add, remove, raise, lower, keep,
// change), the numbers it names, and the content words that say what it is about. Two comments
// are one proposal only when these agree, however many words they share.

export type Operation = 'add' | 'remove' | 'increase' | 'decrease' | 'keep' | 'change';

interface OperationPhrase {
  readonly words: readonly string[];
  readonly operation: Operation;
  /** Words that, right after the phrase, turn it into an ordinary noun (tăng trưởng, hạ tầng). */
  readonly notBefore?: readonly string[];
}

// Longest phrases first so that "loại bỏ" is read before "bỏ" and "bổ sung thêm" before "thêm".
const OPERATION_PHRASES: readonly OperationPhrase[] = [
  { words: ['bổ', 'sung', 'thêm'], operation: 'add' },
  { words: ['bổ', 'sung'], operation: 'add' },
  { words: ['đưa', 'thêm'], operation: 'add' },
  { words: ['đưa', 'vào'], operation: 'add' },
  { words: ['thêm', 'vào'], operation: 'add' },
  { words: ['thêm'], operation: 'add' },
  { words: ['loại', 'bỏ'], operation: 'remove' },
  { words: ['lược', 'bỏ'], operation: 'remove' },
  { words: ['cắt', 'bỏ'], operation: 'remove' },
  { words: ['rút', 'bỏ'], operation: 'remove' },
  { words: ['bỏ', 'đi'], operation: 'remove' },
  { words: ['bỏ'], operation: 'remove', notBefore: ['phiếu', 'qua', 'ra', 'sót', 'lỡ', 'vốn'] },
  { words: ['xóa', 'bỏ'], operation: 'remove' },
  { words: ['xóa'], operation: 'remove', notBefore: ['đói', 'mù', 'nhà'] },
  { words: ['nâng', 'lên'], operation: 'increase' },
  { words: ['nâng', 'cao'], operation: 'increase', notBefore: ['chất', 'năng', 'hiệu', 'nhận', 'đời', 'trình', 'vai', 'sức', 'ý', 'tinh'] },
  { words: ['nâng'], operation: 'increase' },
  { words: ['tăng', 'lên'], operation: 'increase' },
  { words: ['tăng'], operation: 'increase', notBefore: ['trưởng', 'cường', 'thu', 'gia'] },
  { words: ['cao', 'hơn'], operation: 'increase' },
  { words: ['giảm', 'xuống'], operation: 'decrease' },
  { words: ['giảm'], operation: 'decrease', notBefore: ['nghèo', 'thiểu', 'phát', 'thiếu'] },
  { words: ['hạ', 'xuống'], operation: 'decrease' },
  { words: ['hạ'], operation: 'decrease', notBefore: ['tầng', 'tuần', 'lưu', 'nguồn'] },
  { words: ['thấp', 'hơn'], operation: 'decrease' },
  { words: ['giữ', 'nguyên'], operation: 'keep' },
  { words: ['để', 'nguyên'], operation: 'keep' },
  { words: ['giữ'], operation: 'keep', notBefore: ['gìn', 'vững', 'vai', 'vị', 'mối', 'lời', 'gốc'] },
  { words: ['thay', 'thế'], operation: 'change' },
  { words: ['thay', 'bằng'], operation: 'change' },
  { words: ['thay', 'đổi'], operation: 'change' },
  { words: ['thay'], operation: 'change', notBefore: ['mặt', 'vì'] },
  { words: ['chỉnh', 'sửa'], operation: 'change' },
  { words: ['sửa', 'đổi'], operation: 'change' },
  { words: ['sửa', 'lại'], operation: 'change' },
  { words: ['sửa', 'thành'], operation: 'change' },
  { words: ['sửa'], operation: 'change', notBefore: ['chữa'] },
  { words: ['điều', 'chỉnh'], operation: 'change' },
  { words: ['viết', 'lại'], operation: 'change' },
  { words: ['diễn', 'đạt', 'lại'], operation: 'change' },
];
const PHRASES_BY_FIRST_WORD = new Map<string, OperationPhrase[]>();
for (const phrase of OPERATION_PHRASES) {
  const list = PHRASES_BY_FIRST_WORD.get(phrase.words[0]) ?? [];
  list.push(phrase);
  list.sort((left, right) => right.words.length - left.words.length);
  PHRASES_BY_FIRST_WORD.set(phrase.words[0], list);
}
// Phrases of two words or more typed without tone marks ("bo sung", "giu nguyen"), matched only on
// words typed without any; not "dua vao", which is also "dựa vào" (to rely on).
const UNTONED_PHRASES_BY_FIRST_WORD = new Map<string, OperationPhrase[]>();
for (const phrase of OPERATION_PHRASES) {
  if (phrase.words.length < 2 || phrase.words.join(' ') === 'đưa vào') continue;
  const words = phrase.words.map((word) => foldToAscii(word));
  const untoned: OperationPhrase = { words, operation: phrase.operation, notBefore: phrase.notBefore?.map((word) => foldToAscii(word)) };
  const list = UNTONED_PHRASES_BY_FIRST_WORD.get(words[0]) ?? [];
  list.push(untoned);
  list.sort((left, right) => right.words.length - left.words.length);
  UNTONED_PHRASES_BY_FIRST_WORD.set(words[0], list);
}

// "không bổ sung" asks to leave out, "không nên bỏ" asks to keep.
const NEGATED: Record<Operation, Operation> = {
  add: 'remove',
  remove: 'keep',
  increase: 'keep',
  decrease: 'keep',
  keep: 'change',
  change: 'keep',
};
const NEGATIONS = new Set(['không', 'chưa', 'đừng', 'chẳng']);
// "đưa X vào …" asks to add X, as "đưa vào" does.
const PUT_INTO: OperationPhrase = { words: ['đưa'], operation: 'add' };
const PUT_INTO_REACH = 8;
/** Clauses are told apart up to this one (a bit each); the rest of a long text counts as this one. */
const LAST_CLAUSE = 30;

// Pairs of operations that ask for opposite things.
const OPPOSED = new Set([
  'add:remove', 'increase:decrease', 'keep:add', 'keep:remove', 'keep:increase', 'keep:decrease',
  'keep:change', 'remove:change', 'remove:increase', 'remove:decrease',
]);

const OPERATION_BITS: Readonly<Record<Operation, number>> = { add: 1, remove: 2, increase: 4, decrease: 8, keep: 16, change: 32 };
const OPERATION_LIST = Object.keys(OPERATION_BITS) as Operation[];

/** A set of operations as 6 bits, for operationBitsConflict. */
export function operationBits(operations: readonly Operation[]): number {
  let bits = 0;
  for (const operation of operations) bits |= OPERATION_BITS[operation];
  return bits;
}

// Every pair of operation sets, decided once: verification asks millions of times.
const CONFLICTS = new Uint8Array(64 * 64);
for (let left = 0; left < 64; left++) {
  for (let right = 0; right < 64; right++) {
    // Only what one side asks and the other does not can conflict ("bỏ X, thay bằng Y" ≈ "thay X bằng Y").
    const onlyLeft = OPERATION_LIST.filter((operation) => left & ~right & OPERATION_BITS[operation]);
    const onlyRight = OPERATION_LIST.filter((operation) => right & ~left & OPERATION_BITS[operation]);
    const opposed = onlyLeft.some((a) => onlyRight.some((b) => OPPOSED.has(`${a}:${b}`) || OPPOSED.has(`${b}:${a}`)));
    CONFLICTS[left * 64 + right] = opposed ? 1 : 0;
  }
}

/** operationsConflict of two sets given as operationBits. */
export function operationBitsConflict(left: number, right: number): boolean {
  return CONFLICTS[left * 64 + right] === 1;
}

export function operationsConflict(left: readonly Operation[], right: readonly Operation[]): boolean {
  return operationBitsConflict(operationBits(left), operationBits(right));
}

// Function words and the set phrases of a request: they say nothing about what is asked.
const STOP_WORDS = new Set([
  'cần', 'nên', 'phải', 'trong', 'phần', 'này', 'đó', 'kia', 'của', 'và', 'các', 'những', 'về',
  'với', 'cho', 'là', 'được', 'có', 'để', 'tại', 'theo', 'thì', 'mà', 'như', 'đoạn', 'câu', 'mục',
  'dòng', 'lại', 'hơn', 'rất', 'cũng', 'đã', 'sẽ', 'đang', 'một', 'việc', 'ở', 'từ', 'hoặc', 'vào',
  'nữa', 'chỗ', 'trang', 'khoản', 'ra', 'đi', 'lên', 'xuống', 'đây', 'khi', 'chúng', 'tôi', 'ta',
  'thấy', 'em', 'nhiều', 'nhằm', 'đến', 'vẫn', 'chưa', 'không', 'nào', 'gì', 'thành', 'bằng', 'còn',
]);
const STOP_BIGRAMS = new Set([
  'đề nghị', 'kiến nghị', 'xem xét', 'nội dung', 'ý kiến', 'dự thảo', 'văn kiện', 'báo cáo', 'vấn đề',
  'cụ thể', 'làm rõ', 'nghiên cứu', 'cân nhắc', 'tiếp thu', 'góp ý', 'đồng chí', 'đảng viên',
  'ban chấp', 'chấp hành', 'chi bộ', 'đảng bộ', 'nhiệm kỳ', 'đại hội', 'hiện nay', 'cần thiết',
]);

// Stop words typed without tone marks ("cac", "khong"), where that form is no other common word
// (not "dang": đang/đảng, "tu": từ/tư, "nen": nên/nền, "trong": trong/trồng …).
const STOP_WORDS_UNTONED = new Set([
  'cac', 'khong', 'duoc', 'cua', 'voi', 'nay', 'phai', 'viec', 'nhieu', 'chua', 'hoac', 'nua', 'nham', 'xuong',
  'mot', 'rat', 'vao', 'theo', 'nhung',
]);

// Typed without tone marks or with a wrong one ("đề nghi", "nôi dung"), a set phrase is still one.
const STOP_BIGRAMS_FOLDED = new Set([...STOP_BIGRAMS].map((bigram) => foldToAscii(bigram)));
const foldCache = new Map<string, string>();
function folded(word: string): string {
  let result = foldCache.get(word);
  if (result === undefined) {
    result = foldToAscii(word);
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(word, result);
  }
  return result;
}

const STOP_BIGRAM_FIRST = new Set([...STOP_BIGRAMS].map((bigram) => bigram.split(' ')[0]));
const STOP_BIGRAM_FIRST_FOLDED = new Set([...STOP_BIGRAMS_FOLDED].map((bigram) => bigram.split(' ')[0]));

function isStopBigram(first: string, second: string): boolean {
  if (STOP_BIGRAM_FIRST.has(first) && STOP_BIGRAMS.has(`${first} ${second}`)) return true;
  const foldedFirst = folded(first);
  return STOP_BIGRAM_FIRST_FOLDED.has(foldedFirst) && STOP_BIGRAMS_FOLDED.has(`${foldedFirst} ${folded(second)}`);
}

// Words that turn an agreement into a proposal: "nhất trí, nhưng đề nghị …".
const PROPOSAL_SIGNALS = new Set(['nhưng', 'tuy', 'song', 'cần', 'nên', 'phải', 'đề', 'kiến']);

// Words of plain agreement with the draft: a comment made only of these (and stop words) is a
// "tán thành" line, counted apart from proposals.
const AGREEMENT_WORDS = new Set([
  'tán', 'thành', 'nhất', 'trí', 'đồng', 'ý', 'tình', 'thống', 'cơ', 'bản', 'hoàn', 'toàn', 'cao',
  'dự', 'thảo', 'văn', 'kiện', 'nội', 'dung', 'bố', 'cục', 'kết', 'cấu', 'báo', 'cáo', 'trình',
  'bày', 'kiến', 'gì', 'thêm', 'khác', 'ủng', 'hộ', 'tuyệt', 'đối', 'chung', 'toàn', 'bộ', 'nêu',
  'đề', 'ra', 'tốt', 'đầy', 'đủ', 'chặt', 'chẽ', 'rõ', 'ràng', 'mạch', 'lạc',
]);
const AGREEMENT_MARKERS = new Set(['tán thành', 'nhất trí', 'đồng ý', 'thống nhất', 'đồng tình', 'ủng hộ', 'ý kiến']);
const AGREEMENT_MARKER_FIRST = new Set([...AGREEMENT_MARKERS].map((marker) => marker.split(' ')[0]));

// What opens a request in a clause besides an operation: "đề nghị …", "cần …", and the verbs that
// carry a request ("tăng cường", "quan tâm" and their near-synonyms, read through the lexicon).
const REQUEST_BIGRAMS = new Set(['đề nghị', 'kiến nghị', 'xem xét', 'nghiên cứu', 'cân nhắc', 'làm rõ']);
const REQUEST_BIGRAMS_FOLDED = new Set([...REQUEST_BIGRAMS].map((bigram) => foldToAscii(bigram)));
const REQUEST_WORDS = new Set(['cần', 'nên', 'phải']);
const REQUEST_VERBS = new Set(['tăng cường', 'chuyển đổi số', 'ngắn gọn', 'thu hút', 'phòng chống', 'bảo đảm', 'bảo tồn']);

// A clause piece that opens with one of these says why or what for, not what is asked: "…, tạo
// việc làm", "… để nâng cao …", "… vì đã có báo cáo riêng". Inside a clause, the first four end
// the object of the request as well.
const SUBORDINATE_INSIDE = new Set(['để', 'nhằm', 'vì', 'bởi']);
const SUBORDINATE_AFTER_COMMA = new Set(['để', 'nhằm', 'vì', 'bởi', 'do', 'tạo', 'góp', 'giúp', 'qua', 'từ', 'tránh', 'nhưng', 'tuy', 'song', 'hiện', 'thực', 'trong']);
// "cho" before an adjective says what the change is for ("… cho phù hợp với thực tế", "… cho đầy
// đủ", "… cho sát"): the rest of the clause piece is no object.
const FOR_QUALITY = new Set(['phù', 'đầy', 'rõ', 'sát', 'thống', 'ngắn', 'chặt', 'gọn', 'đúng', 'tương', 'khả', 'cụ', 'hợp', 'mạch', 'súc']);
// …and one that opens with these asks again ("…, đồng thời làm rõ …").
const COORDINATE_AFTER_COMMA = new Set(['đồng', 'và', 'cũng', 'đề', 'cần', 'nên', 'phải', 'kiến']);

// Words of a request clause that are not its object: the verbs that carry requests, the nouns of
// its frame ("giải pháp", "chính sách"), manner and place words that any proposal can carry.
// Matched as phrases on the content words (after the lexicon).
const NOT_OBJECT = new Set([
  'tăng cường', 'đầu tư', 'xây dựng', 'phát triển', 'thực hiện', 'triển khai', 'tập trung', 'ưu tiên',
  'hoàn thiện', 'thu hút', 'hỗ trợ', 'bảo đảm', 'có', 'tạo', 'làm', 'đưa', 'viết', 'dùng', 'chỉ đạo',
  'giải pháp', 'chính sách', 'cơ chế', 'phần', 'đoạn', 'nguyên nhân', 'hơn', 'nhất', 'tốt', 'đúng', 'thêm',
  'phù hợp', 'đầy đủ', 'hợp lý', 'khả thi', 'sâu sắc', 'hiệu quả', 'hiệu lực', 'mạnh mẽ', 'quyết liệt', 'đồng bộ', 'toàn diện', 'kịp thời', 'rõ ràng', 'chặt chẽ',
  'vững mạnh', 'thực chất', 'thực tế', 'thực tiễn', 'điều kiện', 'tình hình', 'địa phương', 'địa bàn', 'tỉnh', 'huyện',
  'công tác', 'hoạt động', 'lĩnh vực', 'ngành', 'trọng tâm', 'trọng điểm', 'chăng', 'nào', 'sao', 'được',
  // qualifiers of a target: "bình quân 8%/năm", "tốc độ tăng trưởng", "mức giảm"
  'năm', 'mỗi năm', 'hằng năm', 'hàng năm', 'bình quân', 'tốc độ', 'mức', 'giai đoạn', 'cuối nhiệm kỳ',
]);
// NOT_OBJECT phrases of several words by their first word, longest first (no string is built per word).
const NOT_OBJECT_PHRASES = new Map<string, string[][]>();
for (const phrase of NOT_OBJECT) {
  const words = phrase.split(' ');
  if (words.length < 2) continue;
  const list = NOT_OBJECT_PHRASES.get(words[0]) ?? [];
  list.push(words);
  list.sort((left, right) => right.length - left.length);
  NOT_OBJECT_PHRASES.set(words[0], list);
}

/** The length of the NOT_OBJECT phrase at content[position] within its clause, or 0. */
function notObjectLength(content: readonly string[], clauses: readonly number[], position: number): number {
  const phrases = NOT_OBJECT_PHRASES.get(content[position]);
  if (phrases !== undefined) {
    for (const words of phrases) {
      let length = 1;
      while (
        length < words.length &&
        position + length < content.length &&
        clauses[position + length] === clauses[position] &&
        content[position + length] === words[length]
      ) {
        length++;
      }
      if (length === words.length) return length;
    }
  }
  return NOT_OBJECT.has(content[position]) ? 1 : 0;
}

export interface CommentFeatures {
  /** Content syllables in text order, without stop words, operation words or numbers. */
  readonly content: string[];
  readonly operations: Operation[];
  /** Numbers in canonical form (7,5 → 7.5; 1.000 → 1000), sorted, without repeats. */
  readonly numbers: string[];
  /** True when a number is a target (a percentage, a decimal or a range): it must match exactly. */
  readonly quantitative: boolean;
  /** True when the comment only says that it agrees with the draft. */
  readonly agreement: boolean;
  /**
   * The words naming what the request is about (its object): the content words of the clauses
   * that ask for something, without the verbs of the request, the nouns of its frame and manner
   * words, nor the clause pieces that say why or what for. Sorted, without repeats.
   */
  readonly objects: string[];
  /** True when the comment asks for a change in the form of a question ("sao không bổ sung …?"). */
  readonly requestQuestion: boolean;
}

function canonicalNumber(token: string): string {
  const percent = token.endsWith('%');
  const digits = percent ? token.slice(0, -1) : token;
  let value: string;
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits)) value = digits.replace(/\./g, '');
  else value = digits.replace(/,/g, '.');
  if (/^\d+\.\d+$/.test(value)) value = value.replace(/0+$/, '').replace(/\.$/, '');
  value = value.replace(/^0+(?=\d)/, '');
  return percent ? `${value}%` : value;
}

function isNumberToken(token: string): boolean {
  const first = token.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/**
 * Reads operations, numbers, content words and the object of the request from the tokens of one
 * comment; `breaks` (tokenizeWithBreaks) says where clauses and comma pieces begin. Near-synonyms
 * and abbreviations are read as their canonical phrase (lexicon.ts).
 */
export function extractFeatures(tokens: readonly string[], breaks?: Uint8Array): CommentFeatures {
  const content: string[] = [];
  const operations: Operation[] = [];
  const numbers: string[] = [];
  // per content word: its clause, and whether it lies in a piece that says why or what for
  const contentClause: number[] = [];
  const contentSubordinate: boolean[] = [];
  // the clauses that ask, as bits (clauses after the 30th count as the 30th)
  let requestClauses = 0;
  let clause = 0;
  let subordinate = false;
  let quantitative = false;
  let onlyAgreement = true;
  let agreementMarker = false;
  let agreementOpens = false;
  let proposalSignal = false;
  let hasPercent = false;
  let requestQuestion = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    const separation = breaks?.[index] ?? 0;
    if (separation === BREAK_CLAUSE) {
      if (clause < LAST_CLAUSE) clause++;
      subordinate = false;
    } else if (separation === BREAK_COMMA) {
      if (SUBORDINATE_AFTER_COMMA.has(token)) subordinate = true;
      else if (COORDINATE_AFTER_COMMA.has(token)) subordinate = false;
    }
    if (SUBORDINATE_INSIDE.has(token) && tokens[index + 1] !== 'sao') subordinate = true;
    if (token === 'cho' && FOR_QUALITY.has(tokens[index + 1] ?? '')) subordinate = true;
    if (isNumberToken(token)) {
      const canonical = canonicalNumber(token);
      if (canonical.endsWith('%')) hasPercent = true;
      if (canonical.includes('.')) quantitative = true;
      numbers.push(canonical.replace(/%$/, ''));
      onlyAgreement = false;
      continue;
    }
    const next = tokens[index + 1];
    // A request put as a question: "sao không / tại sao chưa bổ sung …?", "có nên …", "nên chăng …".
    const why = (token === 'tại' || token === 'vì') && next === 'sao' ? 1 : 0;
    if ((tokens[index + why] === 'sao' && why + index + 1 < tokens.length && NEGATIONS.has(tokens[index + why + 1])) ) {
      requestQuestion = true;
      proposalSignal = true;
      if (!subordinate) requestClauses |= 1 << clause;
      index += why + 1;
      continue;
    }
    if ((token === 'có' && (next === 'nên' || (next === 'cần' && tokens[index + 2] !== 'thiết'))) || ((token === 'nên' || token === 'phải') && next === 'chăng')) {
      requestQuestion = true;
    }
    if (next !== undefined && AGREEMENT_MARKER_FIRST.has(token) && AGREEMENT_MARKERS.has(`${token} ${next}`)) {
      // "thống nhất cách viết …" asks to make something uniform: a verb with an object, not agreement
      const after = tokens[index + 2];
      const uniform = token === 'thống' && after !== undefined && !AGREEMENT_WORDS.has(after) && !STOP_WORDS.has(after) && !isNumberToken(after);
      if (!uniform) {
        agreementMarker = true;
        if (index <= 2) agreementOpens = true;
      } else {
        proposalSignal = true;
        if (!subordinate) requestClauses |= 1 << clause;
      }
    }
    if (PROPOSAL_SIGNALS.has(token)) proposalSignal = true;
    if (REQUEST_WORDS.has(token) && !subordinate) requestClauses |= 1 << clause;
    const phrase = matchOperation(tokens, index) ?? (token === 'đưa' && intoLater(tokens, breaks, index) ? PUT_INTO : undefined);
    if (phrase) {
      const previous = tokens[index - 1];
      // "không bổ sung" asks to leave out; "sao không bổ sung" asks to add
      const negated =
        previous !== undefined &&
        ((NEGATIONS.has(previous) && tokens[index - 2] !== 'sao') || (previous === 'nên' && NEGATIONS.has(tokens[index - 2] ?? '')));
      const operation = negated ? NEGATED[phrase.operation] : phrase.operation;
      if (!operations.includes(operation)) operations.push(operation);
      // "không có ý kiến gì thêm" is agreement, not a request to add something.
      if (!(phrase.operation === 'add' && phrase.words.length === 1 && agreementMarker)) {
        onlyAgreement = false;
        proposalSignal = true;
      }
      if (!subordinate) requestClauses |= 1 << clause;
      index += phrase.words.length - 1;
      continue;
    }
    let synonym = matchLexicon(tokens, index, folded);
    // a phrase of the lexicon never swallows the start of an operation ("can bo sung": cần bổ sung)
    for (let offset = 1; synonym !== undefined && offset < synonym.words.length; offset++) {
      if (matchOperation(tokens, index + offset) !== undefined) synonym = undefined;
    }
    if (synonym) {
      const canonical = synonym.canonical.join(' ');
      if (REQUEST_VERBS.has(canonical) && !subordinate) requestClauses |= 1 << clause;
      if (REQUEST_BIGRAMS.has(canonical)) {
        if (!subordinate) requestClauses |= 1 << clause;
      } else {
        for (const word of synonym.canonical) {
          if (!AGREEMENT_WORDS.has(word) && !STOP_WORDS.has(word)) onlyAgreement = false;
          if (STOP_WORDS.has(word)) continue;
          content.push(word);
          contentClause.push(clause);
          contentSubordinate.push(subordinate);
        }
      }
      index += synonym.words.length - 1;
      continue;
    }
    if (next !== undefined && isStopBigram(token, next)) {
      if (!subordinate && (REQUEST_BIGRAMS.has(`${token} ${next}`) || REQUEST_BIGRAMS_FOLDED.has(`${folded(token)} ${folded(next)}`))) {
        requestClauses |= 1 << clause;
      }
      index++;
      continue;
    }
    if (STOP_WORDS_UNTONED.has(token)) continue;
    // "Can bo sung …", "Nen …" typed without tone marks at the start of a clause: "Cần", "Nên"
    if ((token === 'can' || token === 'nen') && (index === 0 || separation === BREAK_CLAUSE)) {
      if (!subordinate) requestClauses |= 1 << clause;
      continue;
    }
    if (!AGREEMENT_WORDS.has(token) && !STOP_WORDS.has(token)) onlyAgreement = false;
    if (STOP_WORDS.has(token)) continue;
    content.push(token);
    contentClause.push(clause);
    contentSubordinate.push(subordinate);
  }
  if (hasPercent) quantitative = true;
  // A range such as 7–7,5% names two numbers that belong together: a target.
  if (numbers.length > 1 && hasPercent) quantitative = true;
  const uniqueNumbers = [...new Set(numbers)].sort();
  return {
    content,
    operations: operations.sort(),
    numbers: uniqueNumbers,
    quantitative,
    // Plain agreement: only words of agreement, or an opening "tán thành …" with no request in it.
    agreement: agreementMarker && (onlyAgreement || (agreementOpens && !proposalSignal)),
    objects: objectWords(content, contentClause, contentSubordinate, requestClauses),
    requestQuestion,
  };
}

/**
 * The object words: content words of the request clauses outside pieces that say why or what for,
 * without NOT_OBJECT phrases. Without a request clause, the first clause that has content words.
 */
function objectWords(content: readonly string[], clauses: readonly number[], subordinate: readonly boolean[], requestClauses: number): string[] {
  let chosen = requestClauses;
  if (chosen === 0) {
    const first = subordinate.indexOf(false);
    if (first < 0) return [];
    chosen = 1 << clauses[first];
  }
  const objects: string[] = [];
  for (let position = 0; position < content.length; ) {
    if ((chosen & (1 << clauses[position])) === 0 || subordinate[position]) {
      position++;
      continue;
    }
    const skipped = notObjectLength(content, clauses, position);
    if (skipped > 0) {
      position += skipped;
      continue;
    }
    objects.push(content[position]);
    position++;
  }
  if (objects.length < 2) return objects;
  objects.sort();
  let kept = 1;
  for (let index = 1; index < objects.length; index++) if (objects[index] !== objects[kept - 1]) objects[kept++] = objects[index];
  objects.length = kept;
  return objects;
}

/** True when "vào" follows tokens[index] closely, in the same clause ("đưa kinh tế số vào dự thảo"). */
function intoLater(tokens: readonly string[], breaks: Uint8Array | undefined, index: number): boolean {
  for (let next = index + 1; next < tokens.length && next <= index + PUT_INTO_REACH; next++) {
    if ((breaks?.[next] ?? 0) !== 0) return false;
    if (tokens[next] === 'vào') return true;
  }
  return false;
}

function matchOperation(tokens: readonly string[], index: number): OperationPhrase | undefined {
  const exact = matchPhrase(PHRASES_BY_FIRST_WORD.get(tokens[index]), tokens, index, false);
  if (exact !== undefined) return exact;
  const token = tokens[index];
  if (!UNTONED_PHRASES_BY_FIRST_WORD.has(token) || folded(token) !== token) return undefined;
  return matchPhrase(UNTONED_PHRASES_BY_FIRST_WORD.get(token), tokens, index, true);
}

function matchPhrase(candidates: readonly OperationPhrase[] | undefined, tokens: readonly string[], index: number, untoned: boolean): OperationPhrase | undefined {
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let matches = true;
    for (let offset = 1; offset < phrase.words.length; offset++) {
      const token = tokens[index + offset];
      if (token !== phrase.words[offset] || (untoned && token !== undefined && folded(token) !== token)) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    const after = tokens[index + phrase.words.length];
    // "nâng cao chất lượng" is no request to raise anything: not "nâng" either
    if (phrase.notBefore && after !== undefined && phrase.notBefore.includes(untoned ? folded(after) : after)) return undefined;
    return phrase;
  }
  return undefined;
}

/** True when the numbers of two comments forbid merging them. */
export function numbersConflict(
  left: { readonly numbers: readonly string[]; readonly quantitative: boolean },
  right: { readonly numbers: readonly string[]; readonly quantitative: boolean },
): boolean {
  if (left.numbers.length === 0 && right.numbers.length === 0) return false;
  if (left.numbers.length === 0) return right.quantitative;
  if (right.numbers.length === 0) return left.quantitative;
  if (left.numbers.length !== right.numbers.length) return true;
  for (let index = 0; index < left.numbers.length; index++) {
    if (left.numbers[index] !== right.numbers[index]) return true;
  }
  return false;
}
