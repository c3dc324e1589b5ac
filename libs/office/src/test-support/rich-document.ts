import { DocumentJson, NodeJson } from '@vankien/document-schema';

// A congress document with one of every node type and mark, for export and round-trip specs.

const text = (value: string, ...marks: string[]): NodeJson =>
  marks.length > 0 ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
const paragraph = (...content: NodeJson[]): NodeJson => ({ type: 'paragraph', content });
const heading = (level: number, value: string): NodeJson => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const item = (...content: NodeJson[]): NodeJson => ({ type: 'list_item', content });
const cell = (type: 'table_cell' | 'table_header', value: string, spans: { colspan?: number; rowspan?: number } = {}): NodeJson => ({
  type,
  attrs: { colspan: spans.colspan ?? 1, rowspan: spans.rowspan ?? 1 },
  content: [paragraph(text(value))],
});
const target = (cells: [string, string, string, string, string], assessment: string): NodeJson => ({
  type: 'targets_row',
  attrs: { assessment },
  content: ['targets_indicator', 'targets_unit', 'targets_previous_target', 'targets_achieved', 'targets_new_target'].map((type, index) => ({
    type,
    ...(cells[index] ? { content: [text(cells[index])] } : {}),
  })),
});

export const FOOTNOTE_TEXT = 'Số liệu của Cục Thống kê tỉnh, ước thực hiện đến hết năm 2025.';

export const richDocument = (): DocumentJson => ({
  type: 'doc',
  content: [
    { type: 'title', content: [text('BÁO CÁO CHÍNH TRỊ')] },
    heading(1, 'Phần thứ nhất: KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT'),
    heading(2, 'I. KẾT QUẢ ĐẠT ĐƯỢC'),
    heading(3, '1. Về phát triển kinh tế'),
    paragraph(
      text('Kinh tế tăng trưởng '),
      text('khá', 'bold'),
      text(' và '),
      text('ổn định', 'italic'),
      text(', thu ngân sách '),
      text('vượt dự toán', 'underline'),
      { type: 'footnote', content: [text(FOOTNOTE_TEXT)] },
      text('.'),
    ),
    paragraph(text('Dòng thứ nhất'), { type: 'hard_break' }, text('dòng thứ hai sau ngắt dòng.')),
    heading(4, 'a) Nông nghiệp'),
    {
      type: 'bullet_list',
      content: [
        item(paragraph(text('Sản lượng lương thực đạt 220 nghìn tấn.'))),
        item(
          paragraph(text('Chăn nuôi phát triển.')),
          { type: 'bullet_list', content: [item(paragraph(text('Đàn trâu tăng 3%.')))] },
        ),
      ],
    },
    {
      type: 'ordered_list',
      attrs: { start: 3 },
      content: [item(paragraph(text('Bước thứ ba.'))), item(paragraph(text('Bước thứ tư.')))],
    },
    {
      type: 'table',
      content: [
        { type: 'table_row', content: [cell('table_header', 'Nhiệm vụ'), cell('table_header', 'Chủ trì')] },
        { type: 'table_row', content: [cell('table_cell', 'Xây dựng đề án chuyển đổi số'), cell('table_cell', 'Sở Khoa học và Công nghệ')] },
        { type: 'table_row', content: [cell('table_cell', 'Tổng kết nhiệm kỳ', { colspan: 2 })] },
      ],
    },
    heading(2, 'II. CHỈ TIÊU'),
    {
      type: 'targets_table',
      attrs: { purpose: 'review' },
      content: [
        target(['Tốc độ tăng trưởng GRDP bình quân', '%/năm', '7–7,5', '7,8', ''], 'exceeded'),
        target(['Tỷ lệ hộ nghèo giảm bình quân', '%/năm', '2–2,5', '2,1', ''], 'met'),
        target(['Tỷ lệ lao động qua đào tạo', '%', '70', '65', ''], 'not_met'),
      ],
    },
    {
      type: 'targets_table',
      attrs: { purpose: 'new_term' },
      content: [target(['GRDP bình quân đầu người đến năm 2030', 'triệu đồng', '', '', '90'], 'unknown')],
    },
    { type: 'paragraph', attrs: { align: 'center' }, content: [text('ĐẠI HỘI ĐẢNG BỘ TỈNH', 'bold')] },
  ],
});
