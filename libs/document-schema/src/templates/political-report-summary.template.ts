import { NodeJson } from '../schema/document-json';
import { exampleNewTermTargets } from './example-targets';
import { guidance, section, subsection, targetsTable, TemplateContext, title } from './template-builder';

/**
 * Báo cáo chính trị (tóm tắt): the short version read aloud at the congress. Long readings are
 * the complaint it answers, so the outline is flat and the guidance sets a length.
 */
export const politicalReportSummaryTemplate = (context: TemplateContext): NodeJson[] => [
  title('BÁO CÁO CHÍNH TRỊ (TÓM TẮT)'),
  title(
    `CỦA BAN CHẤP HÀNH ${context.organizationTitle} NHIỆM KỲ ${context.previousTerm} TRÌNH ĐẠI HỘI ĐẠI BIỂU ${context.organizationTitle} ${context.congressOrdinal.toLocaleUpperCase('vi')}, NHIỆM KỲ ${context.term}`,
  ),
  guidance(
    'Bản tóm tắt được đọc tại Đại hội: giữ độ dài đọc trong khoảng 30 phút (khoảng 3.600 chữ); chỉ nêu kết quả nổi bật, hạn chế chính, mục tiêu, chỉ tiêu và đột phá.',
  ),
  section(`I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ ${context.previousTerm}`),
  subsection('1. Kết quả nổi bật'),
  guidance('Những kết quả nổi bật trên các lĩnh vực kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng Đảng; số chỉ tiêu đạt và vượt.'),
  subsection('2. Hạn chế và nguyên nhân'),
  guidance('Hạn chế chính và nguyên nhân chủ quan, ngắn gọn.'),
  subsection('3. Bài học kinh nghiệm'),
  guidance('Nêu tên các bài học, không diễn giải dài.'),
  section(`II. MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ ${context.term}`),
  subsection('1. Mục tiêu tổng quát'),
  guidance('Mục tiêu tổng quát, như trong Báo cáo chính trị.'),
  subsection('2. Các chỉ tiêu chủ yếu'),
  targetsTable('new_term', exampleNewTermTargets(context.termEndYear, context.term).slice(0, 4)),
  section('III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM VÀ CÁC KHÂU ĐỘT PHÁ'),
  guidance('Các nhóm nhiệm vụ, giải pháp trọng tâm và các khâu đột phá, mỗi nội dung một đoạn ngắn.'),
];
