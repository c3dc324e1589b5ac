// Generated comments for the ingestion benchmark: realistic Vietnamese texts of 50–400
// characters, anchored to the blocks of a frozen version, mixed kinds, some quoting the block
// (with the words around the quote), some with supporters. Seeded: the same seed and blocks give
// the same comments.

/** mulberry32: a small, fast, seeded PRNG. */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = {
  agree: ['Tán thành với nội dung dự thảo.', 'Cơ bản nhất trí với dự thảo.', 'Thống nhất cao với nội dung đoạn này.', 'Chi bộ nhất trí như dự thảo.', 'Đồng ý với đánh giá của dự thảo.'],
  amend: ['Đề nghị sửa lại câu này cho rõ nghĩa.', 'Đề nghị viết gọn lại đoạn này.', 'Đề nghị điều chỉnh cách diễn đạt.', 'Nên thay cụm từ này bằng cách nói cụ thể hơn.', 'Đề nghị chỉnh sửa số liệu cho khớp với báo cáo tổng kết.'],
  add: ['Đề nghị bổ sung nội dung về chuyển đổi số.', 'Cần bổ sung đánh giá về công tác cán bộ.', 'Đề nghị bổ sung chỉ tiêu về giảm nghèo bền vững.', 'Nên bổ sung giải pháp phát triển du lịch cộng đồng.', 'Đề nghị bổ sung nhiệm vụ bảo vệ rừng đầu nguồn.'],
  delete: ['Đề nghị bỏ câu này vì trùng với phần trên.', 'Không nên giữ đoạn này trong báo cáo.', 'Đề nghị lược bỏ nội dung không cần thiết.'],
  question: ['Đề nghị làm rõ căn cứ của chỉ tiêu này?', 'Số liệu này lấy từ nguồn nào?', 'Chỉ tiêu này có khả thi trong nhiệm kỳ không?', 'Vì sao không đưa nội dung này vào phần nhiệm vụ trọng tâm?'],
  general: ['Góp ý chung về bố cục của dự thảo.', 'Dự thảo đã được chuẩn bị công phu, kỹ lưỡng.', 'Về văn phong, đề nghị thống nhất cách dùng thuật ngữ.', 'Ý kiến chung của Ban Thường vụ Huyện ủy.'],
};

const TOPICS = [
  'phát triển kinh tế nông nghiệp hàng hóa gắn với xây dựng nông thôn mới',
  'cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh',
  'chuyển đổi số trong các cơ quan đảng, chính quyền và đoàn thể',
  'giảm nghèo bền vững ở các xã đặc biệt khó khăn vùng cao biên giới',
  'xây dựng đội ngũ cán bộ, nhất là cán bộ cấp chiến lược và người đứng đầu',
  'bảo vệ và phát triển rừng, ứng phó với biến đổi khí hậu',
  'phát triển du lịch gắn với bảo tồn văn hóa các dân tộc thiểu số',
  'giữ vững quốc phòng, an ninh, chủ quyền biên giới quốc gia',
  'huy động nguồn lực đầu tư kết cấu hạ tầng giao thông liên vùng',
  'nâng cao chất lượng giáo dục, đào tạo nghề cho lao động nông thôn',
  'chăm sóc sức khỏe nhân dân, y tế cơ sở và y tế dự phòng',
  'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  'phát huy sức mạnh khối đại đoàn kết toàn dân tộc',
  'thu hút đầu tư vào thủy điện, khai khoáng và chế biến nông sản',
];

const REASONS = [
  'Thực tế ở địa phương cho thấy nội dung này còn nhiều khó khăn, vướng mắc cần được nhận diện đầy đủ hơn.',
  'Qua thảo luận tại chi bộ, nhiều đảng viên cho rằng cách viết hiện nay còn chung chung, chưa sát với điều kiện của tỉnh.',
  'Số liệu năm 2024 của huyện đã vượt chỉ tiêu nghị quyết, nên cần đánh giá lại cho chính xác.',
  'Cần có giải pháp cụ thể, phân công rõ trách nhiệm của từng cấp ủy, từng cơ quan.',
  'Nội dung này đã được đề cập ở phần đánh giá kết quả, nên tránh lặp lại.',
  'Đề nghị tham khảo Văn kiện Đại hội XIII của Đảng và Nghị quyết số 57-NQ/TW để bảo đảm thống nhất.',
  'Kinh phí thực hiện còn hạn chế, cần nêu rõ nguồn lực và lộ trình thực hiện.',
  'Ý kiến này được 15/16 đồng chí trong Ban Chấp hành Đảng bộ huyện thống nhất.',
  'Người dân vùng cao rất quan tâm đến vấn đề này, đề nghị dự thảo thể hiện rõ hơn.',
  'Chỉ tiêu đặt ra cao so với khả năng thực hiện, đề nghị cân nhắc giảm xuống cho phù hợp.',
];

const kindWeights = [
  ['agree', 0.25],
  ['amend', 0.25],
  ['add', 0.2],
  ['delete', 0.05],
  ['question', 0.1],
  ['general', 0.15],
];

function pickKind(random) {
  let r = random();
  for (const [kind, weight] of kindWeights) {
    if ((r -= weight) < 0) return kind;
  }
  return 'general';
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

/** A text of 50–400 characters (trimmed on a word boundary). */
function commentText(random, kind) {
  const target = 50 + Math.floor(random() * 351);
  let text = pick(random, OPENERS[kind]);
  while (text.length < target) {
    const r = random();
    if (r < 0.4) text += ` Về ${pick(random, TOPICS)}: ${pick(random, REASONS).toLowerCase()}`;
    else if (r < 0.8) text += ` ${pick(random, REASONS)}`;
    else text += ` Đề nghị làm rõ hơn nội dung ${pick(random, TOPICS)}.`;
  }
  if (text.length > target) {
    const cut = text.lastIndexOf(' ', target);
    text = text.slice(0, Math.max(cut, 50)).replace(/[,:;]$/, '');
    if (!/[.?!]$/.test(text)) text += '.';
  }
  return text.slice(0, 400);
}

/** Whitespace folded, as the server compares quotes. */
const comparable = (text) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A quote of 2–8 words from the block, with up to 30 characters of context each side. */
function quoteFrom(random, blockText) {
  const words = blockText.split(' ');
  if (words.length < 4) return undefined;
  const length = 2 + Math.floor(random() * Math.min(7, words.length - 1));
  const start = Math.floor(random() * (words.length - length + 1));
  const before = words.slice(0, start).join(' ');
  const quote = words.slice(start, start + length).join(' ');
  const after = words.slice(start + length).join(' ');
  const result = { quote };
  if (before) result.quotePrefix = `${before} `.slice(-30);
  if (after) result.quoteSuffix = ` ${after}`.slice(0, 30);
  return result;
}

/**
 * `count` comments on `blocks` ([{ blockId, text }] of the frozen version). About 30 % of the
 * amend/delete/question lines quote their block, about 30 % of all lines carry supporters.
 */
export function generateComments(count, blocks, seed = 20251115) {
  const random = seeded(seed);
  const anchors = blocks.map((block) => ({ blockId: block.blockId, text: comparable(block.text ?? '') }));
  const quotable = anchors.filter((a) => a.text.split(' ').length >= 4);
  const comments = new Array(count);
  for (let i = 0; i < count; i++) {
    const kind = pickKind(random);
    const wantsQuote = (kind === 'amend' || kind === 'delete' || kind === 'question') && random() < 0.3 && quotable.length > 0;
    const anchor = wantsQuote ? pick(random, quotable) : pick(random, anchors);
    const comment = { blockId: anchor.blockId, kind, text: commentText(random, kind) };
    if (wantsQuote) Object.assign(comment, quoteFrom(random, anchor.text));
    if (random() < 0.3) {
      const total = 5 + Math.floor(random() * 196);
      comment.supportersTotal = total;
      comment.supporters = 1 + Math.floor(random() * total);
    }
    comments[i] = comment;
  }
  return comments;
}
