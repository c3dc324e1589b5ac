// Deterministic generator of realistic comment lines for the synthesis benchmarks.
// usage: node dist/bench/synthesis/generate.js N [SEED] > comments.jsonl
//
// Three documents of 50 blocks; thousands of units of every source type; per block a handful of
// popular proposals (Zipf-distributed) written in many ways (prefixes, fillers, typos, old tone
// placement, NFD, bullets), opposite and numeric look-alikes, agreement lines, questions, and a
// long tail of minority proposals.
import { mulberry32 } from '../../libs/synthesis/src/hash';

const DOCUMENTS = ['bao-cao-chinh-tri', 'nghi-quyet', 'chuong-trinh-hanh-dong'];
const BLOCKS_PER_DOCUMENT = 50;
const SOURCES: Array<[string, number]> = [
  ['lower_organization', 0.78],
  ['retired_leaders', 0.06],
  ['fatherland_front', 0.03],
  ['socio_political', 0.07],
  ['expert', 0.03],
  ['public', 0.03],
];
const KINDS_FOR = { add: 'add', remove: 'delete', raise: 'amend', keep: 'amend', clarify: 'general', amend: 'amend' } as const;

const OBJECTS = [
  'chuyển đổi số', 'kinh tế tuần hoàn', 'kinh tế xanh', 'du lịch cộng đồng', 'nông nghiệp công nghệ cao',
  'hạ tầng giao thông kết nối vùng', 'phòng chống ma túy', 'phòng chống trộm cắp tài sản', 'an ninh mạng',
  'công tác cán bộ', 'tinh gọn bộ máy', 'kiểm tra giám sát', 'phòng chống tham nhũng lãng phí',
  'chăm sóc sức khỏe nhân dân', 'giáo dục nghề nghiệp', 'bảo tồn văn hóa dân tộc', 'thủy lợi', 'biến đổi khí hậu',
  'quản lý đất đai', 'tài nguyên khoáng sản', 'bảo vệ rừng', 'kinh tế cửa khẩu', 'hợp tác xã', 'doanh nghiệp nhỏ và vừa',
  'thu hút đầu tư', 'cải cách hành chính', 'nguồn nhân lực chất lượng cao', 'khoa học công nghệ', 'đổi mới sáng tạo',
  'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'an sinh xã hội', 'bình đẳng giới', 'công tác dân vận',
  'phát triển đảng viên', 'tổ chức cơ sở đảng', 'nêu gương người đứng đầu', 'thể dục thể thao', 'bảo hiểm y tế',
  'nước sạch nông thôn', 'đô thị hóa', 'năng lượng tái tạo', 'logistics', 'thương mại điện tử', 'kinh tế biển',
  'quốc phòng toàn dân', 'biên giới hòa bình', 'dân tộc thiểu số', 'trường học vùng cao', 'y tế cơ sở',
];
const ADD_PREFIXES = ['Đề nghị bổ sung nội dung về', 'Bổ sung nội dung', 'Cần bổ sung thêm nội dung', 'Đề nghị bổ sung', 'Bổ sung thêm', 'Nên bổ sung nội dung'];
const REMOVE_PREFIXES = ['Đề nghị bỏ nội dung', 'Bỏ nội dung về', 'Lược bỏ nội dung', 'Đề nghị loại bỏ nội dung'];
const CLARIFY_PREFIXES = ['Đề nghị làm rõ kết quả', 'Cần làm rõ hơn kết quả', 'Làm rõ kết quả'];
const AMEND_PREFIXES = ['Đề nghị đẩy mạnh', 'Cần đẩy mạnh', 'Đẩy mạnh'];
const TARGETS = ['tăng trưởng GRDP bình quân', 'tỷ lệ hộ nghèo giảm bình quân', 'tỷ lệ bao phủ bảo hiểm y tế', 'tỷ lệ che phủ rừng', 'tỷ lệ lao động qua đào tạo', 'tỷ lệ đô thị hóa'];
const FILLERS = ['', '', '', ' trong phần này', ' cho phù hợp với tình hình thực tế', ' của tỉnh', ' ở đoạn thứ hai', ' trong giai đoạn tới', '.', ';'];
const AGREEMENT = ['Tán thành như dự thảo', 'Nhất trí với dự thảo', 'Đồng ý', 'Tán thành', 'Cơ bản nhất trí với nội dung dự thảo', 'Nhất trí cao với dự thảo', 'Thống nhất như dự thảo', 'Không có ý kiến gì thêm, nhất trí như dự thảo'];
const QUESTIONS = ['Vì sao chỉ tiêu {o} chưa đạt?', 'Nguồn lực nào để thực hiện {o}?', 'Tại sao kết quả {o} thấp hơn nhiệm kỳ trước?'];
const BULLETS = ['', '', '', '', '- ', '• ', '+ ', '1. ', 'a) ', '(2) '];
const OLD_TO_NEW: Array<[string, string]> = [['òa', 'oà'], ['óa', 'oá'], ['ỏa', 'oả'], ['ọa', 'oạ'], ['ủy', 'uỷ'], ['úy', 'uý'], ['ỏe', 'oẻ'], ['óe', 'oé']];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

interface Proposal {
  readonly operation: keyof typeof KINDS_FOR;
  readonly object: string;
  readonly target?: string;
  readonly percent?: string;
}

function blockProposals(seed: number): Proposal[] {
  const random = mulberry32(seed);
  const proposals: Proposal[] = [];
  const count = 6 + Math.floor(random() * 10);
  for (let index = 0; index < count; index++) {
    const roll = random();
    const object = pick(random, OBJECTS);
    if (roll < 0.45) proposals.push({ operation: 'add', object });
    else if (roll < 0.55) proposals.push({ operation: 'remove', object });
    else if (roll < 0.65) proposals.push({ operation: 'clarify', object });
    else if (roll < 0.75) proposals.push({ operation: 'amend', object });
    else {
      // Numeric look-alikes: raise to one figure, keep another.
      const target = pick(random, TARGETS);
      const base = 5 + Math.floor(random() * 90);
      proposals.push({ operation: 'raise', object, target, percent: `${base + 1}` });
      proposals.push({ operation: 'keep', object, target, percent: `${base},5` });
    }
  }
  return proposals;
}

function render(random: Random, proposal: Proposal): string {
  switch (proposal.operation) {
    case 'add':
      return `${pick(random, ADD_PREFIXES)} ${proposal.object}`;
    case 'remove':
      return `${pick(random, REMOVE_PREFIXES)} ${proposal.object}`;
    case 'clarify':
      return `${pick(random, CLARIFY_PREFIXES)} ${proposal.object}`;
    case 'amend':
      return `${pick(random, AMEND_PREFIXES)} ${proposal.object}`;
    case 'raise':
      return `${pick(random, ['Đề nghị nâng chỉ tiêu', 'Nâng chỉ tiêu', 'Đề nghị nâng'])} ${proposal.target} lên ${proposal.percent}%`;
    case 'keep':
      return `${pick(random, ['Đề nghị giữ chỉ tiêu', 'Giữ nguyên chỉ tiêu', 'Giữ chỉ tiêu'])} ${proposal.target} ${proposal.percent}% như dự thảo`;
  }
}

function addNoise(random: Random, text: string): string {
  let result = text;
  const roll = random();
  if (roll < 0.04) result = result.normalize('NFD');
  else if (roll < 0.1) for (const [from, to] of OLD_TO_NEW) result = result.split(from).join(to);
  else if (roll < 0.13) {
    // a typo: one tone mark lost
    const letters = [...result.normalize('NFD')];
    const marks = letters.map((letter, index) => (/[\u0300-\u0323]/.test(letter) ? index : -1)).filter((index) => index >= 0);
    if (marks.length > 0) letters.splice(pick(random, marks), 1);
    result = letters.join('').normalize('NFC');
  } else if (roll < 0.15) result = result.toUpperCase();
  return pick(random, BULLETS) + result;
}

function main(): void {
  const count = Number(process.argv[2] ?? '10000');
  const seed = Number(process.argv[3] ?? '20251115');
  if (!Number.isInteger(count) || count < 0) {
    process.stderr.write('usage: node dist/bench/synthesis/generate.js N [SEED] > comments.jsonl\n');
    process.exitCode = 1;
    return;
  }
  const random = mulberry32(seed);
  const blocks: Array<{ documentId: string; blockId: string; proposals: Proposal[] }> = [];
  for (const documentId of DOCUMENTS) {
    for (let index = 1; index <= BLOCKS_PER_DOCUMENT; index++) {
      blocks.push({ documentId, blockId: `muc-${String(index).padStart(2, '0')}`, proposals: blockProposals(seed ^ (blocks.length * 7919)) });
    }
  }
  const unitCount = Math.max(50, Math.min(60_000, Math.floor(count / 20)));
  let buffer = '';
  for (let index = 0; index < count; index++) {
    // Popular blocks draw more comments (the targets and the breakthroughs).
    const block = blocks[Math.floor(Math.pow(random(), 1.6) * blocks.length)];
    let sourceRoll = random();
    let sourceType = SOURCES[0][0];
    for (const [name, share] of SOURCES) {
      if (sourceRoll < share) {
        sourceType = name;
        break;
      }
      sourceRoll -= share;
    }
    const unit = sourceType === 'lower_organization' ? `Đảng bộ cơ sở ${Math.floor(random() * unitCount)}` : `${sourceType} ${Math.floor(random() * 40)}`;
    const roll = random();
    let kind: string;
    let text: string;
    if (roll < 0.3) {
      kind = random() < 0.85 ? 'agree' : 'general';
      text = pick(random, AGREEMENT);
    } else if (roll < 0.34) {
      kind = 'question';
      text = pick(random, QUESTIONS).replace('{o}', pick(random, OBJECTS));
    } else if (roll < 0.44) {
      // A minority proposal: a rare combination, often met only once.
      kind = 'add';
      text = `Đề nghị bổ sung ${pick(random, OBJECTS)} gắn với ${pick(random, OBJECTS)} tại ${pick(random, ['xã', 'phường', 'thôn', 'bản'])} ${Math.floor(random() * 500)}`;
    } else {
      // Zipf: the first proposals of a block are the popular ones.
      const proposal = block.proposals[Math.min(block.proposals.length - 1, Math.floor(block.proposals.length * Math.pow(random(), 2.2)))];
      kind = KINDS_FOR[proposal.operation];
      text = render(random, proposal) + pick(random, FILLERS);
    }
    text = addNoise(random, text);
    const line: Record<string, unknown> = { id: `c${String(index + 1).padStart(8, '0')}`, unit, sourceType, documentId: block.documentId, blockId: block.blockId, kind, text };
    if (sourceType === 'lower_organization' && random() < 0.2) {
      const total = 2 + Math.floor(random() * 20);
      line.supporters = 1 + Math.floor(random() * total);
      line.supportersTotal = total;
    }
    buffer += `${JSON.stringify(line)}\n`;
    if (buffer.length > 1 << 20) {
      process.stdout.write(buffer);
      buffer = '';
    }
  }
  process.stdout.write(buffer);
}

main();
