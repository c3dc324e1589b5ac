// A labelled set of comments for measuring clustering quality: each proposal (gold group) is
// written by hand in several ways, as committee members write ("Đề nghị…", "Cần…", questions,
// reordered clauses, near-synonyms), with look-alike proposals that must stay apart: the same
// frame with another object, other numbers, add against delete. Surface noise (no tone marks,
// NFD, bullets, a repeat of the same wording by another unit) is added by a seeded generator.
// Written before the rules it measures, by the same hand: expect lower figures on real rounds.
import { mulberry32 } from '../../libs/synthesis/src/hash';
import type { CommentInput, CommentKind } from '../../libs/synthesis/src/types';

export interface LabelledComment extends CommentInput {
  readonly group: string;
}

interface Proposal {
  readonly group: string;
  readonly block: string;
  readonly kind: CommentKind;
  readonly texts: readonly string[];
}

const AGREE = ['Tán thành như dự thảo', 'Nhất trí với nội dung dự thảo', 'Đồng ý'];

/** Pairs of groups that look alike and must stay apart (same frame, other object; numbers; add/delete). */
export const LOOK_ALIKE_PAIRS: ReadonlyArray<readonly [string, string, 'object' | 'number' | 'operation']> = [
  ['E-invest-transport', 'E-invest-schools', 'object'],
  ['E-attract-agri', 'E-attract-tourism', 'object'],
  ['E-attract-agri', 'E-attract-industry', 'object'],
  ['E-attract-tourism', 'E-attract-industry', 'object'],
  ['E-growth-8', 'E-growth-keep-7', 'number'],
  ['E-growth-8', 'E-growth-6.5', 'number'],
  ['E-growth-keep-7', 'E-growth-6.5', 'number'],
  ['E-digital-add', 'E-digital-drop', 'operation'],
  ['S-indicator-forest', 'S-indicator-water', 'object'],
  ['S-indicator-forest', 'S-indicator-doctors', 'object'],
  ['S-indicator-water', 'S-indicator-doctors', 'object'],
  ['S-boarding', 'S-semi-boarding', 'object'],
  ['S-digital-education', 'S-digital-health', 'object'],
  ['S-training-add', 'S-training-drop', 'operation'],
  ['S-insurance-95', 'S-insurance-keep-92', 'number'],
  ['S-poverty-keep-2', 'S-poverty-3', 'number'],
  ['Q-drugs', 'Q-trafficking', 'object'],
  ['Q-militia', 'Q-reserve', 'object'],
  ['D-cadre-ethnic', 'D-cadre-women', 'object'],
  ['D-cadre-ethnic', 'D-cadre-young', 'object'],
  ['D-cadre-women', 'D-cadre-young', 'object'],
  ['D-inspection-add', 'D-inspection-drop', 'operation'],
  ['D-villages-2026', 'D-villages-2027', 'number'],
  ['D-responsibility-head', 'D-responsibility-committee', 'object'],
  ['G-data-2025', 'G-data-2024', 'number'],
];

const PROPOSALS: readonly Proposal[] = [
  // ---- kinh-te
  { group: 'E-invest-transport', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị tăng cường đầu tư vào hạ tầng giao thông vùng cao.',
    'Cần đẩy mạnh đầu tư kết cấu hạ tầng giao thông ở vùng cao',
    'Đầu tư vào hạ tầng giao thông vùng cao cần được tăng cường hơn nữa.',
    'Có nên tăng cường đầu tư cho hạ tầng giao thông các xã vùng cao không?',
    'Tăng cường đầu tư cơ sở hạ tầng giao thông vùng cao, nhất là đường liên xã',
  ] },
  { group: 'E-invest-schools', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị tăng cường đầu tư vào trường học vùng cao.',
    'Cần đẩy mạnh đầu tư xây dựng trường học ở vùng cao',
    'Đầu tư vào trường học vùng cao cần được tăng cường hơn nữa.',
    'Tại sao không tăng cường đầu tư trường học vùng cao?',
  ] },
  { group: 'E-attract-agri', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp thu hút đầu tư vào nông nghiệp công nghệ cao, tạo việc làm cho lao động nông thôn',
    'Cần bổ sung giải pháp kêu gọi đầu tư vào nông nghiệp ứng dụng công nghệ cao',
    'Bổ sung thêm biện pháp thu hút doanh nghiệp đầu tư vào nông nghiệp công nghệ cao',
    'Dự thảo chưa có giải pháp thu hút đầu tư vào nông nghiệp công nghệ cao, đề nghị bổ sung.',
  ] },
  { group: 'E-attract-tourism', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp thu hút đầu tư vào du lịch cộng đồng, tạo việc làm cho lao động nông thôn',
    'Cần bổ sung giải pháp kêu gọi đầu tư vào du lịch cộng đồng',
    'Bổ sung biện pháp thu hút doanh nghiệp đầu tư vào du lịch cộng đồng',
    'Đề nghị bổ sung giải pháp thu hút đầu tư phát triển du lịch cộng đồng ở các bản',
  ] },
  { group: 'E-attract-industry', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp thu hút đầu tư vào các khu, cụm công nghiệp, tạo việc làm cho lao động nông thôn',
    'Bổ sung giải pháp thu hút đầu tư vào khu công nghiệp của tỉnh',
    'Cần có thêm giải pháp kêu gọi đầu tư vào các cụm công nghiệp',
  ] },
  { group: 'E-growth-8', block: 'kinh-te', kind: 'amend', texts: [
    'Đề nghị nâng chỉ tiêu tăng trưởng GRDP bình quân lên 8%/năm',
    'Nên nâng tốc độ tăng trưởng kinh tế lên 8% mỗi năm',
    'Chỉ tiêu tăng trưởng GRDP nên nâng lên 8%/năm cho tương xứng tiềm năng',
    'Có nên nâng chỉ tiêu tăng trưởng lên 8% không?',
  ] },
  { group: 'E-growth-keep-7', block: 'kinh-te', kind: 'amend', texts: [
    'Đề nghị giữ chỉ tiêu tăng trưởng GRDP bình quân 7%/năm như dự thảo',
    'Giữ nguyên chỉ tiêu tăng trưởng 7% là phù hợp',
    'Nên giữ tốc độ tăng trưởng kinh tế 7%/năm',
  ] },
  { group: 'E-growth-6.5', block: 'kinh-te', kind: 'amend', texts: [
    'Đề nghị hạ chỉ tiêu tăng trưởng GRDP xuống 6,5%/năm cho sát thực tế',
    'Chỉ tiêu tăng trưởng nên giảm xuống 6,5% vì tình hình khó khăn',
    'Giảm chỉ tiêu tăng trưởng kinh tế xuống còn 6,5%/năm',
  ] },
  { group: 'E-digital-add', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung nội dung phát triển kinh tế số',
    'Cần bổ sung thêm phần kinh tế số',
    'Dự thảo nên đưa thêm nội dung về phát triển kinh tế số',
    'Sao chưa đưa kinh tế số vào dự thảo?',
  ] },
  { group: 'E-digital-drop', block: 'kinh-te', kind: 'delete', texts: [
    'Đề nghị bỏ nội dung phát triển kinh tế số vì chưa phù hợp với điều kiện của tỉnh',
    'Nên lược bỏ phần kinh tế số',
    'Không nên đưa nội dung kinh tế số vào dự thảo',
  ] },
  { group: 'E-tourism-culture', block: 'kinh-te', kind: 'general', texts: [
    'Đề nghị làm rõ giải pháp phát triển du lịch gắn với bảo tồn bản sắc văn hóa các dân tộc',
    'Cần nêu rõ giải pháp phát triển du lịch gắn với bảo tồn văn hóa dân tộc',
    'Làm rõ hơn giải pháp phát triển du lịch gắn với giữ gìn bản sắc văn hóa các dân tộc',
    'Đề nghị cụ thể hóa giải pháp phát triển du lịch gắn với bảo tồn bản sắc văn hóa',
  ] },
  { group: 'E-value-chain', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp phát triển nông nghiệp theo chuỗi giá trị',
    'Cần bổ sung giải pháp phát triển sản xuất nông nghiệp theo chuỗi giá trị',
    'Thêm giải pháp phát triển nông nghiệp theo hướng chuỗi giá trị',
  ] },
  { group: 'E-ocop', block: 'kinh-te', kind: 'add', texts: [
    'Đề nghị bổ sung nội dung phát triển sản phẩm OCOP',
    'Bổ sung nội dung về sản phẩm OCOP của tỉnh',
    'Cần đưa thêm nội dung phát triển các sản phẩm OCOP',
  ] },
  { group: 'E-herbs', block: 'kinh-te', kind: 'general', texts: ['Đề nghị nghiên cứu phát triển cây dược liệu dưới tán rừng'] },
  { group: 'E-budget-why', block: 'kinh-te', kind: 'question', texts: [
    'Đề nghị làm rõ nguyên nhân thu ngân sách không đạt chỉ tiêu',
    'Cần nêu rõ nguyên nhân thu ngân sách chưa đạt chỉ tiêu',
    'Vì sao thu ngân sách không đạt chỉ tiêu?',
  ] },
  { group: 'E-private-sector', block: 'kinh-te', kind: 'general', texts: [
    'Cần có cơ chế hỗ trợ kinh tế tư nhân phát triển',
    'Đề nghị bổ sung cơ chế hỗ trợ phát triển kinh tế tư nhân',
    'Nên có thêm chính sách hỗ trợ khu vực kinh tế tư nhân',
  ] },
  // ---- van-hoa-xa-hoi
  { group: 'S-indicator-forest', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Đề nghị bổ sung chỉ tiêu về tỷ lệ che phủ rừng',
    'Cần bổ sung chỉ tiêu tỷ lệ che phủ rừng vào các chỉ tiêu chủ yếu',
    'Thêm chỉ tiêu tỷ lệ che phủ rừng',
    'Sao dự thảo không có chỉ tiêu tỷ lệ che phủ rừng?',
  ] },
  { group: 'S-indicator-water', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung chỉ tiêu về tỷ lệ hộ dùng nước sạch',
    'Đề nghị bổ sung chỉ tiêu về tỷ lệ hộ dân sử dụng nước sạch',
    'Cần thêm chỉ tiêu tỷ lệ hộ được sử dụng nước sạch',
  ] },
  { group: 'S-indicator-doctors', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung chỉ tiêu về số bác sĩ trên vạn dân',
    'Đề nghị thêm chỉ tiêu số bác sĩ trên một vạn dân',
    'Cần bổ sung chỉ tiêu bác sĩ trên vạn dân',
  ] },
  { group: 'S-boarding', block: 'van-hoa-xa-hoi', kind: 'general', texts: [
    'Đề nghị quan tâm đầu tư trường phổ thông dân tộc nội trú',
    'Cần tăng cường đầu tư cơ sở vật chất cho các trường phổ thông dân tộc nội trú',
    'Đề nghị chú trọng đầu tư trường dân tộc nội trú',
  ] },
  { group: 'S-semi-boarding', block: 'van-hoa-xa-hoi', kind: 'general', texts: [
    'Cần tăng cường đầu tư cơ sở vật chất cho các trường phổ thông dân tộc bán trú',
    'Đề nghị quan tâm đầu tư trường phổ thông dân tộc bán trú',
    'Chú trọng đầu tư các trường bán trú ở xã vùng cao',
  ] },
  { group: 'S-health-grassroots', block: 'van-hoa-xa-hoi', kind: 'general', texts: [
    'Đề nghị nâng cao chất lượng khám chữa bệnh ở tuyến y tế cơ sở',
    'Cần tăng cường chất lượng khám, chữa bệnh tại y tế cơ sở',
    'Nâng cao chất lượng khám chữa bệnh y tế cơ sở, nhất là trạm y tế xã',
  ] },
  { group: 'S-culture-identity', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung giải pháp bảo tồn, phát huy bản sắc văn hóa các dân tộc',
    'Cần có thêm giải pháp bảo tồn và phát huy bản sắc văn hóa dân tộc',
    'Đề nghị bổ sung biện pháp bảo tồn, phát huy bản sắc văn hóa các dân tộc thiểu số',
  ] },
  { group: 'S-digital-education', block: 'van-hoa-xa-hoi', kind: 'general', texts: [
    'Đẩy mạnh chuyển đổi số trong giáo dục',
    'Tăng cường số hóa trong ngành giáo dục',
    'Đề nghị tăng cường chuyển đổi số trong lĩnh vực giáo dục',
  ] },
  { group: 'S-digital-health', block: 'van-hoa-xa-hoi', kind: 'general', texts: [
    'Đẩy mạnh chuyển đổi số trong y tế',
    'Tăng cường số hóa trong ngành y tế',
    'Cần đẩy mạnh chuyển đổi số trong lĩnh vực y tế',
  ] },
  { group: 'S-training-add', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung nội dung đào tạo nghề cho lao động nông thôn',
    'Cần thêm nội dung về đào tạo nghề cho lao động nông thôn',
    'Đề nghị đưa thêm nội dung đào tạo nghề cho lao động ở nông thôn',
  ] },
  { group: 'S-training-drop', block: 'van-hoa-xa-hoi', kind: 'delete', texts: [
    'Bỏ nội dung đào tạo nghề cho lao động nông thôn vì đã có ở phần kinh tế',
    'Đề nghị lược bỏ nội dung đào tạo nghề cho lao động nông thôn',
    'Không nên đưa nội dung đào tạo nghề cho lao động nông thôn vào phần này',
  ] },
  { group: 'S-insurance-95', block: 'van-hoa-xa-hoi', kind: 'amend', texts: [
    'Nâng tỷ lệ dân số tham gia bảo hiểm y tế lên 95%',
    'Đề nghị nâng chỉ tiêu bảo hiểm y tế lên 95% dân số',
    'Chỉ tiêu tỷ lệ tham gia bảo hiểm y tế nên nâng lên 95%',
  ] },
  { group: 'S-insurance-keep-92', block: 'van-hoa-xa-hoi', kind: 'amend', texts: [
    'Giữ chỉ tiêu tỷ lệ tham gia bảo hiểm y tế 92%',
    'Đề nghị giữ nguyên tỷ lệ dân số tham gia bảo hiểm y tế 92% như dự thảo',
  ] },
  { group: 'S-poverty-keep-2', block: 'van-hoa-xa-hoi', kind: 'amend', texts: [
    'Đề nghị giữ chỉ tiêu giảm tỷ lệ hộ nghèo bình quân 2%/năm',
    'Giữ nguyên mức giảm tỷ lệ hộ nghèo 2% mỗi năm',
  ] },
  { group: 'S-poverty-3', block: 'van-hoa-xa-hoi', kind: 'amend', texts: [
    'Nâng chỉ tiêu giảm tỷ lệ hộ nghèo lên 3%/năm',
    'Đề nghị nâng mức giảm tỷ lệ hộ nghèo lên 3% mỗi năm',
    'Chỉ tiêu giảm nghèo nên nâng lên 3%/năm',
  ] },
  { group: 'S-prestige', block: 'van-hoa-xa-hoi', kind: 'add', texts: ['Đề nghị có chính sách hỗ trợ người có uy tín trong đồng bào dân tộc thiểu số'] },
  { group: 'S-elderly', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung nội dung chăm sóc người cao tuổi',
    'Cần quan tâm hơn đến công tác chăm sóc người cao tuổi',
    'Đề nghị thêm nội dung về chăm sóc, phát huy vai trò người cao tuổi',
  ] },
  // ---- quoc-phong-an-ninh
  { group: 'Q-drugs', block: 'quoc-phong-an-ninh', kind: 'general', texts: [
    'Đề nghị tăng cường phòng, chống tội phạm ma túy ở khu vực biên giới',
    'Cần đẩy mạnh đấu tranh phòng chống ma túy vùng biên giới',
    'Tăng cường công tác phòng chống ma túy tại các xã biên giới',
    'Có nên tăng cường hơn nữa việc phòng chống ma túy ở biên giới không?',
  ] },
  { group: 'Q-trafficking', block: 'quoc-phong-an-ninh', kind: 'general', texts: [
    'Tăng cường phòng, chống mua bán người ở khu vực biên giới',
    'Cần đẩy mạnh đấu tranh phòng chống tội phạm mua bán người vùng biên giới',
    'Đề nghị chú trọng phòng chống mua bán người qua biên giới',
  ] },
  { group: 'Q-theft', block: 'quoc-phong-an-ninh', kind: 'add', texts: [
    'Bổ sung giải pháp phòng chống trộm cắp tài sản ở nông thôn',
    'Đề nghị thêm giải pháp phòng ngừa trộm cắp tài sản tại địa bàn nông thôn',
    'Cần có giải pháp phòng chống trộm cắp tài sản ở vùng nông thôn',
  ] },
  { group: 'Q-militia', block: 'quoc-phong-an-ninh', kind: 'add', texts: [
    'Đề nghị bổ sung nội dung xây dựng lực lượng dân quân tự vệ vững mạnh',
    'Cần bổ sung nội dung xây dựng dân quân tự vệ',
    'Thêm nội dung về xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp',
  ] },
  { group: 'Q-reserve', block: 'quoc-phong-an-ninh', kind: 'add', texts: [
    'Bổ sung nội dung xây dựng lực lượng dự bị động viên',
    'Đề nghị bổ sung nội dung về xây dựng lực lượng dự bị động viên vững mạnh',
    'Cần bổ sung xây dựng lực lượng dự bị động viên',
  ] },
  { group: 'Q-border-markers', block: 'quoc-phong-an-ninh', kind: 'general', texts: [
    'Đề nghị làm rõ trách nhiệm quản lý, bảo vệ mốc quốc giới',
    'Cần nêu rõ trách nhiệm quản lý, bảo vệ mốc quốc giới của các xã biên giới',
    'Làm rõ hơn trách nhiệm bảo vệ mốc quốc giới',
  ] },
  { group: 'Q-cyber', block: 'quoc-phong-an-ninh', kind: 'add', texts: [
    'Bổ sung nội dung bảo đảm an ninh mạng',
    'Cần thêm nội dung về bảo đảm an ninh mạng, an toàn thông tin',
    'Đề nghị bổ sung nhiệm vụ bảo đảm an ninh mạng',
  ] },
  { group: 'Q-religion', block: 'quoc-phong-an-ninh', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp xử lý tình trạng truyền đạo trái pháp luật',
    'Cần có giải pháp ngăn chặn hoạt động truyền đạo trái pháp luật',
    'Thêm giải pháp đấu tranh với hoạt động truyền đạo trái pháp luật',
  ] },
  { group: 'Q-econ-defence', block: 'quoc-phong-an-ninh', kind: 'general', texts: [
    'Gắn phát triển KT-XH với bảo đảm QP-AN',
    'Đề nghị làm rõ việc gắn phát triển kinh tế - xã hội với bảo đảm quốc phòng, an ninh',
    'Cần gắn kết chặt chẽ phát triển kinh tế xã hội với bảo đảm quốc phòng an ninh',
  ] },
  { group: 'Q-fire', block: 'quoc-phong-an-ninh', kind: 'general', texts: ['Cần quan tâm công tác phòng cháy, chữa cháy rừng mùa khô'] },
  // ---- xay-dung-dang
  { group: 'D-cadre-quality', block: 'xay-dung-dang', kind: 'general', texts: [
    'Đề nghị nâng cao chất lượng đội ngũ cán bộ, đảng viên',
    'Cần tăng cường chất lượng cán bộ, đảng viên',
    'Nâng cao chất lượng đội ngũ CB, ĐV',
    'Đẩy mạnh nâng cao chất lượng đội ngũ cán bộ đảng viên',
  ] },
  { group: 'D-cadre-ethnic', block: 'xay-dung-dang', kind: 'general', texts: [
    'Quan tâm đào tạo, bồi dưỡng cán bộ người dân tộc thiểu số',
    'Đề nghị chú trọng đào tạo cán bộ là người DTTS',
    'Cần tăng cường bồi dưỡng, đào tạo cán bộ người dân tộc thiểu số',
  ] },
  { group: 'D-cadre-women', block: 'xay-dung-dang', kind: 'general', texts: [
    'Quan tâm đào tạo, bồi dưỡng cán bộ nữ',
    'Đề nghị chú trọng đào tạo cán bộ nữ',
    'Cần tăng cường đào tạo, bồi dưỡng cán bộ nữ ở cơ sở',
  ] },
  { group: 'D-cadre-young', block: 'xay-dung-dang', kind: 'general', texts: [
    'Quan tâm đào tạo, bồi dưỡng cán bộ trẻ',
    'Đề nghị chú trọng đào tạo cán bộ trẻ có triển vọng',
    'Cần tăng cường bồi dưỡng cán bộ trẻ',
  ] },
  { group: 'D-members-villages', block: 'xay-dung-dang', kind: 'add', texts: [
    'Đề nghị bổ sung giải pháp phát triển đảng viên ở thôn, bản chưa có đảng viên',
    'Tăng cường phát triển đảng viên tại các thôn, bản chưa có đảng viên',
    'Cần có giải pháp phát triển đảng viên ở những bản chưa có đảng viên',
  ] },
  { group: 'D-inspection-add', block: 'xay-dung-dang', kind: 'add', texts: [
    'Bổ sung nội dung về công tác kiểm tra, giám sát của Đảng',
    'Đề nghị thêm nội dung kiểm tra, giám sát',
    'Cần đưa thêm nội dung công tác kiểm tra giám sát vào phần này',
  ] },
  { group: 'D-inspection-drop', block: 'xay-dung-dang', kind: 'delete', texts: [
    'Bỏ nội dung về công tác kiểm tra, giám sát vì đã có báo cáo riêng',
    'Đề nghị lược bỏ phần kiểm tra, giám sát',
    'Không nên đưa công tác kiểm tra, giám sát vào báo cáo này',
  ] },
  { group: 'D-digital-party', block: 'xay-dung-dang', kind: 'general', texts: [
    'Đẩy mạnh chuyển đổi số trong các cơ quan đảng',
    'Đề nghị đẩy mạnh số hóa trong hoạt động của các cơ quan đảng',
    'Cần tăng cường chuyển đổi số ở cơ quan Đảng các cấp',
  ] },
  { group: 'D-admin-reform', block: 'xay-dung-dang', kind: 'general', texts: [
    'Đẩy mạnh cải cách hành chính',
    'Cần đẩy mạnh hơn nữa cải cách thủ tục hành chính',
    'Tăng cường cải cách hành chính, nhất là thủ tục hành chính',
  ] },
  { group: 'D-villages-2026', block: 'xay-dung-dang', kind: 'amend', texts: [
    'Hoàn thành sắp xếp, sáp nhập thôn, bản trước năm 2026',
    'Đề nghị hoàn thành việc sáp nhập thôn bản trong năm 2026',
  ] },
  { group: 'D-villages-2027', block: 'xay-dung-dang', kind: 'amend', texts: [
    'Hoàn thành sắp xếp, sáp nhập thôn, bản trước năm 2027',
    'Nên lùi thời hạn sáp nhập thôn bản đến năm 2027',
  ] },
  { group: 'D-corruption', block: 'xay-dung-dang', kind: 'general', texts: [
    'Tăng cường phòng, chống tham nhũng, lãng phí, tiêu cực',
    'Cần đẩy mạnh đấu tranh phòng chống tham nhũng, tiêu cực',
    'Đẩy mạnh phòng chống tham nhũng, lãng phí',
  ] },
  { group: 'D-responsibility-head', block: 'xay-dung-dang', kind: 'general', texts: [
    'Đề nghị làm rõ trách nhiệm của người đứng đầu',
    'Cần nêu rõ trách nhiệm người đứng đầu cơ quan, đơn vị',
    'Làm rõ hơn trách nhiệm người đứng đầu',
  ] },
  { group: 'D-responsibility-committee', block: 'xay-dung-dang', kind: 'general', texts: [
    'Đề nghị làm rõ trách nhiệm của tập thể cấp ủy',
    'Cần nêu rõ trách nhiệm tập thể cấp ủy các cấp',
  ] },
  { group: 'D-streamline', block: 'xay-dung-dang', kind: 'add', texts: [
    'Đề nghị bổ sung nội dung tinh gọn bộ máy',
    'Cần thêm nội dung sắp xếp tinh gọn tổ chức bộ máy',
    'Bổ sung nội dung sắp xếp bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả',
  ] },
  { group: 'D-mass-mobilisation', block: 'xay-dung-dang', kind: 'amend', texts: ['Đề nghị viết lại phần đánh giá công tác dân vận cho ngắn gọn'] },
  { group: 'D-front-role', block: 'xay-dung-dang', kind: 'general', texts: ['Cần đánh giá đúng vai trò giám sát của Mặt trận Tổ quốc'] },
  // ---- chung (form of the document)
  { group: 'G-shorter', block: 'chung', kind: 'amend', texts: [
    'Đề nghị viết ngắn gọn hơn',
    'Báo cáo còn dài, cần viết ngắn gọn, súc tích hơn',
    'Nên rút gọn dự thảo cho ngắn gọn',
    'Dự thảo quá dài, đề nghị viết cô đọng lại',
  ] },
  { group: 'G-terms', block: 'chung', kind: 'amend', texts: [
    'Đề nghị thống nhất cách viết các cụm từ trong toàn văn bản',
    'Cần thống nhất cách dùng thuật ngữ trong dự thảo',
    'Thống nhất cách viết thuật ngữ trong toàn bộ văn kiện',
  ] },
  { group: 'G-sources', block: 'chung', kind: 'general', texts: [
    'Đề nghị ghi rõ nguồn số liệu',
    'Cần nêu rõ nguồn của các số liệu trong báo cáo',
    'Số liệu lấy từ nguồn nào? Đề nghị ghi rõ nguồn',
  ] },
  { group: 'G-data-2025', block: 'chung', kind: 'amend', texts: [
    'Cập nhật số liệu đến hết năm 2025',
    'Đề nghị cập nhật các số liệu đến cuối năm 2025',
  ] },
  { group: 'G-data-2024', block: 'chung', kind: 'amend', texts: [
    'Cập nhật số liệu đến hết năm 2024',
    'Số liệu nên cập nhật đến năm 2024 cho đồng bộ',
  ] },
  { group: 'G-appendix', block: 'chung', kind: 'amend', texts: [
    'Đề nghị đưa các bảng số liệu vào phụ lục',
    'Nên chuyển các bảng số liệu xuống phần phụ lục',
    'Các bảng số liệu đề nghị đưa vào phụ lục',
  ] },
  { group: 'G-order', block: 'chung', kind: 'amend', texts: [
    'Đề nghị đảo thứ tự mục 2 và mục 3',
    'Nên đưa mục 3 lên trước mục 2',
  ] },
  { group: 'G-lessons', block: 'chung', kind: 'add', texts: [
    'Bổ sung phần bài học kinh nghiệm',
    'Đề nghị bổ sung thêm bài học kinh nghiệm rút ra trong nhiệm kỳ',
    'Cần có phần bài học kinh nghiệm',
  ] },
  { group: 'G-targets-traceable', block: 'chung', kind: 'amend', texts: [
    'Các chỉ tiêu nhiệm kỳ tới cần so sánh với kết quả nhiệm kỳ trước',
    'Đề nghị đối chiếu từng chỉ tiêu với kết quả thực hiện nhiệm kỳ trước',
    'Nên có cột so sánh chỉ tiêu với kết quả nhiệm kỳ trước',
  ] },
  { group: 'E-border-trade', block: 'kinh-te', kind: 'add', texts: [
    'Bổ sung giải pháp phát triển kinh tế cửa khẩu',
    'Đề nghị bổ sung nội dung phát triển kinh tế cửa khẩu, thương mại biên giới',
    'Cần có giải pháp cụ thể để phát triển kinh tế cửa khẩu',
    'Dự thảo chưa đề cập phát triển kinh tế cửa khẩu, đề nghị bổ sung',
  ] },
  { group: 'E-hydropower-drop', block: 'kinh-te', kind: 'delete', texts: [
    'Đề nghị bỏ nội dung phát triển thủy điện nhỏ',
    'Không nên tiếp tục phát triển thủy điện nhỏ, đề nghị bỏ nội dung này',
    'Lược bỏ nội dung về thủy điện nhỏ vì ảnh hưởng đến rừng',
  ] },
  { group: 'S-landslide', block: 'van-hoa-xa-hoi', kind: 'add', texts: [
    'Bổ sung giải pháp di dân ra khỏi vùng có nguy cơ sạt lở',
    'Đề nghị có giải pháp bố trí dân cư ở vùng nguy cơ sạt lở đất',
    'Cần bổ sung giải pháp sắp xếp dân cư vùng có nguy cơ sạt lở, lũ quét',
  ] },
  { group: 'Q-grassroots-police', block: 'quoc-phong-an-ninh', kind: 'general', texts: [
    'Tăng cường xây dựng lực lượng công an xã chính quy',
    'Cần quan tâm xây dựng lực lượng công an xã chính quy, vững mạnh',
    'Đề nghị chú trọng xây dựng công an xã chính quy',
  ] },
  { group: 'D-cell-meetings', block: 'xay-dung-dang', kind: 'general', texts: [
    'Nâng cao chất lượng sinh hoạt chi bộ',
    'Cần tăng cường chất lượng sinh hoạt chi bộ, nhất là sinh hoạt chuyên đề',
    'Đề nghị đẩy mạnh nâng cao chất lượng sinh hoạt chi bộ',
  ] },
];

const BLOCKS = [...new Set(PROPOSALS.map((proposal) => proposal.block))];

function withoutToneMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * The labelled comments: every hand-written text once, plus, for about three texts in ten, the same
 * wording from another unit; each line with seeded surface noise (no tone marks, NFD, a bullet,
 * lower case, a trailing period), and three agreement lines per block.
 */
export function labelledSet(seed = 20261208): LabelledComment[] {
  const random = mulberry32(seed);
  const comments: LabelledComment[] = [];
  let unit = 0;
  const push = (group: string, block: string, kind: CommentKind, text: string): void => {
    let written = text;
    const roll = random();
    if (roll < 0.2) written = withoutToneMarks(written);
    else if (roll < 0.35) written = written.normalize('NFD');
    const bullet = random();
    if (bullet < 0.15) written = `- ${written}`;
    else if (bullet < 0.22) written = `+ ${written}`;
    else if (bullet < 0.27) written = `${1 + Math.floor(random() * 5)}. ${written}`;
    if (random() < 0.15) written = written.toLowerCase();
    const id = `q${String(comments.length + 1).padStart(4, '0')}`;
    const finalKind: CommentKind = /\?\s*$/.test(text) ? 'question' : kind;
    comments.push({ id, unit: `Đảng bộ xã ${++unit}`, sourceType: 'lower_organization', documentId: 'bao-cao-chinh-tri', blockId: block, kind: finalKind, text: written, group });
  };
  for (const proposal of PROPOSALS) {
    for (const text of proposal.texts) {
      push(proposal.group, proposal.block, proposal.kind, text);
      if (random() < 0.3) push(proposal.group, proposal.block, proposal.kind, text);
    }
  }
  for (const block of BLOCKS) for (const text of AGREE) push(`${block}-agree`, block, 'agree', text);
  return comments;
}
