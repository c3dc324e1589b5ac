// A second labelled set, written after the rules of the object guard and the lexicon were fixed
// (commit 1bff03c) and never used to change them: its figures are the less optimistic ones. (One
// rule came after it, "cho phù hợp …" in 9687fe2, not from its misses: its figures did not move.)
// Same surface noise as quality-set.ts, another seed.
import { mulberry32 } from '../../libs/synthesis/src/hash';
import type { CommentKind } from '../../libs/synthesis/src/types';
import type { LabelledComment } from './quality-set';

const HOLDOUT: ReadonlyArray<{ group: string; block: string; kind: CommentKind; texts: readonly string[] }> = [
  { group: 'H-irrigation-mountain', block: 'nong-nghiep', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp đầu tư thủy lợi nhỏ cho vùng núi',
    'Cần có giải pháp đầu tư các công trình thủy lợi nhỏ ở vùng núi',
    'Bổ sung biện pháp phát triển thủy lợi nhỏ vùng núi cao',
    'Sao chưa có giải pháp về thủy lợi nhỏ cho vùng núi?',
  ] },
  { group: 'H-irrigation-lowland', block: 'nong-nghiep', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp đầu tư kiên cố hóa kênh mương nội đồng',
    'Cần có giải pháp kiên cố hóa kênh mương nội đồng',
    'Bổ sung nội dung kiên cố hóa kênh mương',
  ] },
  { group: 'H-tea', block: 'nong-nghiep', kind: 'general', texts: [
    'Đẩy mạnh phát triển vùng chè tập trung gắn với chế biến',
    'Cần tăng cường phát triển các vùng chè nguyên liệu tập trung, gắn với chế biến sâu',
    'Đề nghị chú trọng phát triển vùng chè tập trung và công nghiệp chế biến chè',
  ] },
  { group: 'H-cardamom', block: 'nong-nghiep', kind: 'general', texts: [
    'Đẩy mạnh phát triển vùng sâm Lai Châu tập trung',
    'Cần tăng cường phát triển vùng trồng sâm Lai Châu',
    'Đề nghị quan tâm phát triển cây sâm Lai Châu thành sản phẩm chủ lực',
  ] },
  { group: 'H-cattle-raise', block: 'nong-nghiep', kind: 'amend', texts: [
    'Nâng chỉ tiêu tốc độ tăng đàn gia súc lên 5%/năm',
    'Đề nghị nâng tốc độ tăng trưởng đàn gia súc lên 5% mỗi năm',
  ] },
  { group: 'H-cattle-keep', block: 'nong-nghiep', kind: 'amend', texts: [
    'Giữ chỉ tiêu tăng đàn gia súc 4%/năm như dự thảo',
    'Đề nghị giữ nguyên tốc độ tăng đàn gia súc 4% mỗi năm',
  ] },
  { group: 'H-forest-allocation-add', block: 'nong-nghiep', kind: 'add', texts: [
    'Bổ sung nội dung giao đất, giao rừng cho hộ gia đình',
    'Cần thêm nội dung về giao đất giao rừng cho các hộ',
    'Đề nghị đưa nội dung giao đất, giao rừng cho hộ gia đình vào dự thảo',
  ] },
  { group: 'H-forest-allocation-drop', block: 'nong-nghiep', kind: 'delete', texts: [
    'Bỏ nội dung giao đất, giao rừng vì đã hoàn thành',
    'Đề nghị lược bỏ nội dung giao đất giao rừng cho hộ gia đình',
  ] },
  { group: 'H-youth-startup', block: 'doan-the', kind: 'general', texts: [
    'Quan tâm hỗ trợ thanh niên khởi nghiệp',
    'Cần có chính sách hỗ trợ thanh niên khởi nghiệp, lập nghiệp',
    'Đề nghị chú trọng hỗ trợ thanh niên khởi nghiệp ở nông thôn',
    'Có nên bổ sung chính sách hỗ trợ thanh niên khởi nghiệp không?',
  ] },
  { group: 'H-women-startup', block: 'doan-the', kind: 'general', texts: [
    'Quan tâm hỗ trợ phụ nữ khởi nghiệp',
    'Cần có chính sách hỗ trợ phụ nữ khởi nghiệp',
    'Đề nghị chú trọng hỗ trợ phụ nữ dân tộc thiểu số khởi nghiệp',
  ] },
  { group: 'H-veterans', block: 'doan-the', kind: 'add', texts: [
    'Bổ sung nội dung phát huy vai trò của Hội Cựu chiến binh',
    'Đề nghị thêm nội dung về phát huy vai trò cựu chiến binh',
    'Cần bổ sung vai trò của Hội Cựu chiến binh trong xây dựng hệ thống chính trị',
  ] },
  { group: 'H-front-supervision', block: 'doan-the', kind: 'general', texts: [
    'Đề nghị làm rõ vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc',
    'Cần nêu rõ hơn vai trò giám sát và phản biện xã hội của MTTQ',
    'Làm rõ vai trò giám sát, phản biện của Mặt trận Tổ quốc các cấp',
  ] },
  { group: 'H-union-members', block: 'doan-the', kind: 'general', texts: [
    'Tăng cường phát triển đoàn viên công đoàn trong doanh nghiệp ngoài nhà nước',
    'Cần đẩy mạnh phát triển đoàn viên công đoàn ở các doanh nghiệp ngoài nhà nước',
  ] },
  { group: 'H-union-state', block: 'doan-the', kind: 'general', texts: [
    'Tăng cường phát triển đoàn viên công đoàn trong khu vực nhà nước',
  ] },
  { group: 'H-online-services', block: 'chinh-quyen', kind: 'general', texts: [
    'Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình',
    'Cần tăng cường dịch vụ công trực tuyến toàn trình',
    'Đề nghị nâng cao tỷ lệ hồ sơ giải quyết qua dịch vụ công trực tuyến toàn trình',
  ] },
  { group: 'H-one-stop', block: 'chinh-quyen', kind: 'general', texts: [
    'Nâng cao chất lượng hoạt động của bộ phận một cửa cấp xã',
    'Cần tăng cường chất lượng bộ phận một cửa ở cấp xã',
    'Đề nghị chú trọng nâng cao chất lượng bộ phận tiếp nhận và trả kết quả cấp xã',
  ] },
  { group: 'H-officials-2030', block: 'chinh-quyen', kind: 'amend', texts: [
    'Phấn đấu đến năm 2030 có 100% cán bộ cấp xã đạt chuẩn',
    'Đề nghị ghi mục tiêu đến năm 2030 có 100% cán bộ cấp xã đạt chuẩn',
  ] },
  { group: 'H-officials-2028', block: 'chinh-quyen', kind: 'amend', texts: [
    'Phấn đấu đến năm 2028 có 100% cán bộ cấp xã đạt chuẩn',
  ] },
  { group: 'H-land-disputes', block: 'chinh-quyen', kind: 'add', texts: [
    'Bổ sung giải pháp giải quyết dứt điểm tranh chấp đất đai',
    'Cần có giải pháp giải quyết tranh chấp, khiếu kiện về đất đai',
    'Đề nghị bổ sung biện pháp xử lý dứt điểm các vụ tranh chấp đất đai kéo dài',
  ] },
  { group: 'H-merged-communes', block: 'chinh-quyen', kind: 'question', texts: [
    'Đề nghị làm rõ việc bố trí trụ sở sau sáp nhập xã',
    'Sau sáp nhập xã thì trụ sở được bố trí thế nào?',
    'Cần nêu rõ phương án sử dụng trụ sở dôi dư sau sáp nhập',
  ] },
];

/** Look-alike pairs of the hold-out set that must stay apart. */
export const HOLDOUT_LOOK_ALIKE_PAIRS: ReadonlyArray<readonly [string, string, 'object' | 'number' | 'operation']> = [
  ['H-irrigation-mountain', 'H-irrigation-lowland', 'object'],
  ['H-tea', 'H-cardamom', 'object'],
  ['H-youth-startup', 'H-women-startup', 'object'],
  ['H-union-members', 'H-union-state', 'object'],
  ['H-cattle-raise', 'H-cattle-keep', 'number'],
  ['H-officials-2030', 'H-officials-2028', 'number'],
  ['H-forest-allocation-add', 'H-forest-allocation-drop', 'operation'],
];

export function holdoutSet(seed = 20261209): LabelledComment[] {
  const random = mulberry32(seed);
  const comments: LabelledComment[] = [];
  const push = (group: string, block: string, kind: CommentKind, text: string): void => {
    let written = text;
    const roll = random();
    if (roll < 0.2) written = written.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    else if (roll < 0.35) written = written.normalize('NFD');
    if (random() < 0.2) written = `- ${written}`;
    const finalKind: CommentKind = /\?\s*$/.test(text) ? 'question' : kind;
    comments.push({ id: `h${String(comments.length + 1).padStart(4, '0')}`, unit: `Chi bộ ${comments.length + 1}`, sourceType: 'lower_organization', documentId: 'bao-cao-chinh-tri', blockId: block, kind: finalKind, text: written, group });
  };
  for (const proposal of HOLDOUT) for (const text of proposal.texts) push(proposal.group, proposal.block, proposal.kind, text);
  for (const block of new Set(HOLDOUT.map((proposal) => proposal.block))) push(`${block}-agree`, block, 'agree', 'Tán thành với dự thảo');
  return comments;
}
