import { NodeJson } from '../schema/document-json';
import { exampleReviewTargets } from './example-targets';
import { guidance, section, subsection, targetsTable, TemplateContext, title } from './template-builder';

/**
 * Báo cáo kiểm điểm của Ban Chấp hành: the outgoing committee's self-review. It must say how
 * many of last term's targets were met or exceeded: the targets table with purpose `review`
 * holds last term's targets, what was achieved and the assessment (countTargetAssessments).
 */
export const reviewReportTemplate = (context: TemplateContext): NodeJson[] => [
  title('BÁO CÁO KIỂM ĐIỂM'),
  title(`SỰ LÃNH ĐẠO, CHỈ ĐẠO CỦA BAN CHẤP HÀNH ${context.organizationTitle} NHIỆM KỲ ${context.previousTerm}`),
  guidance('Căn cứ kiểm điểm: Nghị quyết Đại hội, Quy chế làm việc của Ban Chấp hành và các văn bản hướng dẫn của cấp trên.'),
  section('I. ĐẶC ĐIỂM TÌNH HÌNH'),
  guidance('Thuận lợi, khó khăn ảnh hưởng đến sự lãnh đạo, chỉ đạo của Ban Chấp hành trong nhiệm kỳ.'),
  section('II. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO'),
  subsection('1. Kết quả thực hiện các chỉ tiêu chủ yếu'),
  guidance(
    'Nêu: trong tổng số … chỉ tiêu chủ yếu Nghị quyết đề ra, có … chỉ tiêu vượt, … chỉ tiêu đạt, … chỉ tiêu không đạt. Ghi đánh giá từng chỉ tiêu trong bảng.',
  ),
  targetsTable('review', exampleReviewTargets()),
  subsection('2. Việc ban hành và thực hiện Quy chế làm việc, chương trình công tác toàn khóa'),
  guidance('Việc ban hành, sửa đổi Quy chế làm việc; xây dựng và thực hiện chương trình công tác toàn khóa, hằng năm.'),
  subsection('3. Lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị'),
  guidance('Việc cụ thể hóa Nghị quyết Đại hội thành nghị quyết, chương trình, đề án; kết quả trên từng lĩnh vực.'),
  subsection('4. Lãnh đạo công tác xây dựng Đảng và hệ thống chính trị'),
  guidance('Chính trị, tư tưởng; tổ chức, cán bộ; kiểm tra, giám sát; dân vận.'),
  subsection('5. Thực hiện nguyên tắc tập trung dân chủ, giữ gìn đoàn kết nội bộ'),
  guidance('Việc thực hiện nguyên tắc tập trung dân chủ, tự phê bình và phê bình; đoàn kết trong Ban Chấp hành.'),
  section('III. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN'),
  guidance('Hạn chế, khuyết điểm của Ban Chấp hành; nguyên nhân khách quan và chủ quan; trách nhiệm tập thể và cá nhân.'),
  section('IV. BÀI HỌC KINH NGHIỆM'),
  guidance('Bài học rút ra từ sự lãnh đạo, chỉ đạo trong nhiệm kỳ.'),
  section('V. PHƯƠNG HƯỚNG KHẮC PHỤC'),
  guidance(`Phương hướng khắc phục hạn chế, khuyết điểm trong nhiệm kỳ ${context.term}.`),
];
