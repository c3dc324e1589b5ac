// A ~100-page political report (about 40,000 words), generated deterministically from the
// political report template: every heading of the template is followed by many paragraphs of
// plausible Vietnamese report prose (marks, footnotes and lists included), so the benchmark
// measures the shapes real reports have, not one long paragraph.
import {
  createSequentialIdGenerator,
  createTemplate,
  DocumentJson,
  ensureBlockIds,
  NodeJson,
} from '../../libs/document-schema/src';

const PHRASES = [
  'tiếp tục đẩy mạnh chuyển dịch cơ cấu kinh tế',
  'theo hướng công nghiệp hóa, hiện đại hóa',
  'phát triển nông nghiệp hàng hóa gắn với xây dựng nông thôn mới',
  'huy động mọi nguồn lực đầu tư kết cấu hạ tầng',
  'nâng cao chất lượng nguồn nhân lực',
  'đẩy mạnh cải cách hành chính, chuyển đổi số',
  'giữ vững quốc phòng, an ninh, trật tự an toàn xã hội',
  'xây dựng Đảng bộ và hệ thống chính trị trong sạch, vững mạnh',
  'phát huy sức mạnh khối đại đoàn kết toàn dân tộc',
  'thu ngân sách trên địa bàn vượt dự toán được giao',
  'tỷ lệ hộ nghèo giảm bình quân hằng năm',
  'công tác kiểm tra, giám sát được tăng cường',
  'đời sống vật chất và tinh thần của nhân dân được cải thiện',
  'tốc độ tăng trưởng kinh tế bình quân đạt khá',
];

/** A small deterministic generator (mulberry32), so every run builds the same document. */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const text = (value: string, ...marks: string[]): NodeJson =>
  marks.length > 0 ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };

const sentence = (next: () => number): string => {
  const count = 3 + Math.floor(next() * 3);
  const parts = Array.from({ length: count }, () => PHRASES[Math.floor(next() * PHRASES.length)]);
  const joined = parts.join(', ');
  return `${joined[0].toLocaleUpperCase('vi')}${joined.slice(1)}.`;
};

const paragraph = (next: () => number, footnoteNumber: () => number): NodeJson => {
  const content: NodeJson[] = [];
  const sentences = 3 + Math.floor(next() * 3);
  for (let index = 0; index < sentences; index++) {
    const value = `${sentence(next)} `;
    const roll = next();
    if (roll < 0.08) content.push(text(value, 'bold'));
    else if (roll < 0.14) content.push(text(value, 'italic'));
    else content.push(text(value));
  }
  if (next() < 0.05) content.push({ type: 'footnote', content: [text(`Số liệu của Cục Thống kê, ghi chú số ${footnoteNumber()}.`)] });
  return { type: 'paragraph', content };
};

const list = (next: () => number): NodeJson => ({
  type: 'bullet_list',
  content: Array.from({ length: 4 }, () => ({ type: 'list_item', content: [{ type: 'paragraph', content: [text(sentence(next))] }] })),
});

/** The template with `paragraphsPerHeading` paragraphs (and a list now and then) after each heading. */
export const generateReport = (paragraphsPerHeading = 9): DocumentJson => {
  const template = createTemplate('political_report', {
    organizationName: 'Đảng bộ tỉnh Lai Châu',
    term: '2025–2030',
    congressOrdinal: 'lần thứ XV',
    generateId: createSequentialIdGenerator('t'),
  });
  const next = random(20250315);
  let footnotes = 0;
  const footnoteNumber = (): number => ++footnotes;
  const content: NodeJson[] = [];
  for (const block of template.content) {
    content.push(block);
    if (block.type !== 'heading') continue;
    for (let index = 0; index < paragraphsPerHeading; index++) {
      content.push(index % 10 === 9 ? list(next) : paragraph(next, footnoteNumber));
    }
  }
  return ensureBlockIds({ type: 'doc', content }, createSequentialIdGenerator('g'));
};
