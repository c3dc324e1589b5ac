// Helpers shared by the specs of libs/synthesis (test code: reads the fixture file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../src/hash';
import type { CommentInput } from '../src/types';

export interface LabelledComment extends CommentInput {
  readonly group: string;
}

export function loadFixture(): LabelledComment[] {
  return readFileSync(join(__dirname, '..', 'fixtures', 'labelled-comments.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledComment);
}

/** A deterministic Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

// Phrases of the worker benchmark's generator (bench/ingest/generate.mjs): comments built from a
// few shared phrases look alike, so LSH buckets are large and many pairs are verified.
const LOOK_ALIKE_OPENERS = [
  'Đề nghị bổ sung nội dung về chuyển đổi số.',
  'Đề nghị sửa lại câu này cho rõ nghĩa.',
  'Cần bổ sung đánh giá về công tác cán bộ.',
  'Đề nghị bỏ câu này vì trùng với phần trên.',
  'Nên giữ nguyên như dự thảo.',
  'Đề nghị nâng chỉ tiêu lên',
  'Góp ý chung về bố cục của dự thảo.',
];
const LOOK_ALIKE_TOPICS = [
  'phát triển kinh tế nông nghiệp hàng hóa gắn với xây dựng nông thôn mới',
  'cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh',
  'chuyển đổi số trong các cơ quan đảng, chính quyền và đoàn thể',
  'giảm nghèo bền vững ở các xã đặc biệt khó khăn vùng cao biên giới',
  'bảo vệ và phát triển rừng, ứng phó với biến đổi khí hậu',
  'phát triển du lịch gắn với bảo tồn văn hóa các dân tộc thiểu số',
];
const LOOK_ALIKE_REASONS = [
  'Thực tế ở địa phương cho thấy nội dung này còn nhiều khó khăn, vướng mắc.',
  'Cách viết hiện nay còn chung chung, chưa sát với điều kiện của tỉnh.',
  'Cần có giải pháp cụ thể, phân công rõ trách nhiệm của từng cấp ủy.',
  'Kinh phí thực hiện còn hạn chế, cần nêu rõ nguồn lực và lộ trình thực hiện.',
  'Người dân vùng cao rất quan tâm đến vấn đề này.',
];
const LOOK_ALIKE_NUMBERS = ['7%', '8%', '7,5%', '2030', '50'];

/**
 * `count` proposals and questions on `blocks` blocks, seeded: sentences drawn from a few shared
 * phrases, some with a number, some with a word typed without its tone marks or with a letter
 * missing, some repeated word for word by another unit.
 */
export function lookAlikeComments(count: number, blocks: number, seed: number): CommentInput[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const comments: CommentInput[] = [];
  for (let index = 0; index < count; index++) {
    const block = `block-${Math.floor(random() * blocks)}`;
    const unit = `unit-${Math.floor(random() * 40)}`;
    const previous = comments[comments.length - 1 - Math.floor(random() * Math.min(comments.length, 20))];
    if (previous !== undefined && random() < 0.1) {
      comments.push({ ...previous, id: `c${String(index).padStart(6, '0')}`, unit });
      continue;
    }
    let text = pick(LOOK_ALIKE_OPENERS);
    if (random() < 0.3) text += ` ${pick(LOOK_ALIKE_NUMBERS)}`;
    const sentences = 1 + Math.floor(random() * 3);
    for (let sentence = 0; sentence < sentences; sentence++) {
      text += random() < 0.5 ? ` Về ${pick(LOOK_ALIKE_TOPICS)}: ${pick(LOOK_ALIKE_REASONS).toLowerCase()}` : ` ${pick(LOOK_ALIKE_REASONS)}`;
    }
    const words = text.split(' ');
    for (let word = 0; word < words.length; word++) {
      const roll = random();
      if (roll < 0.04) words[word] = words[word].normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
      else if (roll < 0.06 && words[word].length >= 5) {
        const cut = 1 + Math.floor(random() * (words[word].length - 2));
        words[word] = words[word].slice(0, cut) + words[word].slice(cut + 1);
      }
    }
    const kind = random() < 0.1 ? 'question' : pick(['amend', 'add', 'delete', 'general'] as const);
    comments.push({ id: `c${String(index).padStart(6, '0')}`, unit, sourceType: 'lower_organization', documentId: 'report', blockId: block, kind, text: words.join(' ') });
  }
  return comments;
}
