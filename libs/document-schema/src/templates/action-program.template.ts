import { NodeJson } from '../schema/document-json';
import { guidance, section, subsection, table, TemplateContext, title } from './template-builder';

const TASK_TABLE_HEADER = ['Nhiệm vụ, đề án', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành'];
const taskRow = (): string[] => ['…', '…', '…', '…'];

/** Chương trình hành động: turns the resolution into tasks with an owner and a deadline. */
export const actionProgramTemplate = (context: TemplateContext): NodeJson[] => [
  title('CHƯƠNG TRÌNH HÀNH ĐỘNG'),
  title(`THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ${context.organizationTitle} ${context.congressOrdinal.toLocaleUpperCase('vi')}, NHIỆM KỲ ${context.term}`),
  section('I. MỤC ĐÍCH, YÊU CẦU'),
  guidance('Mục đích của Chương trình; yêu cầu về tính cụ thể, khả thi, phân công rõ người, rõ việc, rõ thời gian.'),
  section('II. MỤC TIÊU, CHỈ TIÊU'),
  guidance('Nhắc lại mục tiêu tổng quát và các chỉ tiêu chủ yếu Nghị quyết Đại hội đã thông qua; chỉ tiêu được phân kỳ theo từng năm nếu cần.'),
  section('III. NHIỆM VỤ, GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN'),
  subsection('1. Về phát triển kinh tế'),
  table(TASK_TABLE_HEADER, [taskRow()]),
  subsection('2. Về văn hóa, xã hội'),
  table(TASK_TABLE_HEADER, [taskRow()]),
  subsection('3. Về quốc phòng, an ninh'),
  table(TASK_TABLE_HEADER, [taskRow()]),
  subsection('4. Về xây dựng Đảng và hệ thống chính trị'),
  table(TASK_TABLE_HEADER, [taskRow()]),
  subsection('5. Thực hiện các khâu đột phá'),
  table(TASK_TABLE_HEADER, [taskRow()]),
  section('IV. TỔ CHỨC THỰC HIỆN'),
  guidance('Trách nhiệm của các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể; chế độ báo cáo, sơ kết, tổng kết.'),
];
