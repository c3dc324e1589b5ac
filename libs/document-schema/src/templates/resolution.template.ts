import { NodeJson } from '../schema/document-json';
import { exampleNewTermTargets } from './example-targets';
import { centredLine, guidance, paragraph, subsection, targetsTable, TemplateContext, title } from './template-builder';

/**
 * Nghị quyết Đại hội: a preamble, then "QUYẾT NGHỊ:" and numbered resolutions (level 3, "1.",
 * "2.", without parts or Roman sections, which the numbering scheme allows).
 */
export const resolutionTemplate = (context: TemplateContext): NodeJson[] => [
  title('NGHỊ QUYẾT'),
  title(`ĐẠI HỘI ĐẠI BIỂU ${context.organizationTitle} ${context.congressOrdinal.toLocaleUpperCase('vi')}, NHIỆM KỲ ${context.term}`),
  paragraph(
    `Đại hội đại biểu ${context.organizationName} ${context.congressOrdinal}, nhiệm kỳ ${context.term} họp từ ngày … đến ngày … tháng … năm …, tại …`,
  ),
  centredLine('QUYẾT NGHỊ:'),
  subsection(`1. Tán thành những nội dung cơ bản đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ ${context.previousTerm}`),
  guidance('Tóm tắt kết quả nổi bật, hạn chế và bài học kinh nghiệm như Báo cáo chính trị đã nêu.'),
  subsection(`2. Mục tiêu tổng quát nhiệm kỳ ${context.term}`),
  guidance('Mục tiêu tổng quát, như Báo cáo chính trị.'),
  subsection('3. Các chỉ tiêu chủ yếu'),
  targetsTable('new_term', exampleNewTermTargets(context.termEndYear, context.term)),
  subsection('4. Nhiệm vụ, giải pháp chủ yếu'),
  guidance('Các nhóm nhiệm vụ, giải pháp chủ yếu trên các lĩnh vực.'),
  subsection('5. Các khâu đột phá'),
  guidance('Các khâu đột phá của nhiệm kỳ.'),
  subsection(`6. Thông qua Báo cáo kiểm điểm của Ban Chấp hành nhiệm kỳ ${context.previousTerm}`),
  guidance('Và các văn kiện khác trình Đại hội.'),
  subsection('7. Kết quả bầu cử'),
  guidance(`Ban Chấp hành ${context.organizationName} nhiệm kỳ ${context.term} gồm … đồng chí; đoàn đại biểu đi dự Đại hội cấp trên gồm … đồng chí.`),
  subsection('8. Tổ chức thực hiện'),
  guidance('Giao Ban Chấp hành xây dựng chương trình hành động; kêu gọi cán bộ, đảng viên và nhân dân thực hiện thắng lợi Nghị quyết.'),
];
