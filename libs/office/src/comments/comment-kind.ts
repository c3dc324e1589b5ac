import { stripLeadingMarkers } from '@vankien/synthesis';
import { CommentTableKind, COMMENT_TABLE_KINDS } from './comment-table-types';
import { foldText, lowerText } from './fold-text';

// The kind of a comment, from the "Loại ý kiến" cell when there is one, else from the verb the
// text opens with. Tones matter for a few words ("bỏ" is delete, "bộ" is not), so the text is
// read with its tones first and folded only for words that cannot be confused.

/** A "Loại ý kiến" cell → kind; null when the cell is empty. */
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
  return 'general';
};

// \b is ASCII-only in JavaScript, even with the u flag: Vietnamese words end at a non-letter.
const END = '(?![\\p{L}\\p{M}])';
const START = '(?<![\\p{L}\\p{M}])';
const words = (alternatives: string, flags = 'u'): RegExp => new RegExp(`^(?:${alternatives})${END}`, flags);

const REQUEST_PREFIX = /^(?:(?:đề nghị|kiến nghị|đề xuất|xin|cần|nên|chúng tôi|tôi|ban soạn thảo|tiểu ban|cân nhắc)[\s,:]+)+/u;
const AGREEMENT = new RegExp(`^(?:tán thành|nhất trí|đồng ý|đồng tình|thống nhất)${END}(?:\\s+(?:với|cao|như|cơ bản|hoàn toàn)${END})?`, 'u');
const CONTRAST = new RegExp(`${START}(?:nhưng|tuy nhiên|song|đồng thời|ngoài ra|đề nghị|kiến nghị)${END}`, 'u');
const ADD = words('bổ sung|bổ xung|thêm|đưa thêm|đưa vào|viết thêm');
const DELETE = words('bỏ|lược bỏ|loại bỏ|xóa|xoá|bãi bỏ|không nên đưa|không đưa|rút bỏ');
const AMEND = words('sửa|sửa đổi|sửa lại|chỉnh sửa|điều chỉnh|thay|thay thế|viết lại|nâng|giảm|hạ|đổi|diễn đạt lại|gộp|tách');
const QUESTION = words('làm rõ|giải thích|cho biết|tại sao|vì sao|hỏi');

const verbKind = (text: string): CommentTableKind | null => {
  if (ADD.test(text)) return 'add';
  if (DELETE.test(text)) return 'delete';
  if (AMEND.test(text)) return 'amend';
  if (QUESTION.test(text)) return 'question';
  return null;
};

/** The kind read from the text's opening verb (after "Đề nghị", bullets and numbering). */
export const inferKind = (text: string): CommentTableKind => {
  const lower = stripLeadingMarkers(lowerText(text));
  const opening = lower.replace(REQUEST_PREFIX, '');
  const agreement = AGREEMENT.exec(opening);
  if (agreement !== null) {
    // "Nhất trí, nhưng đề nghị bổ sung …" asks for a change: the change is the kind.
    const rest = opening.slice(agreement[0].length);
    const contrast = CONTRAST.exec(rest);
    if (contrast === null) return 'agree';
    const after = rest.slice((contrast.index ?? 0) + contrast[0].length).replace(/^[\s,;:]+/, '').replace(REQUEST_PREFIX, '');
    return verbKind(after) ?? 'general';
  }
  const kind = verbKind(opening);
  if (kind !== null) return kind;
  if (/\?\s*$/.test(lower)) return 'question';
  return 'general';
};
