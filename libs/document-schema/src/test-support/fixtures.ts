import { DocumentJson, NodeJson } from '../schema/document-json';

// Small hand-written documents for the specs. Ids are explicit so expectations can name them.

export const text = (value: string, ...marks: string[]): NodeJson =>
  marks.length > 0 ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };

export const paragraph = (blockId: string, ...content: Array<string | NodeJson>): NodeJson => ({
  type: 'paragraph',
  attrs: { blockId, align: null },
  content: content.map((item) => (typeof item === 'string' ? text(item) : item)),
});

export const heading = (blockId: string, level: number, value: string): NodeJson => ({
  type: 'heading',
  attrs: { blockId, level },
  content: [text(value)],
});

export const footnote = (value: string): NodeJson => ({ type: 'footnote', content: [text(value)] });

export const targetsRow = (blockId: string, cells: [string, string, string, string, string], assessment = 'unknown'): NodeJson => {
  const names = ['targets_indicator', 'targets_unit', 'targets_previous_target', 'targets_achieved', 'targets_new_target'];
  return {
    type: 'targets_row',
    attrs: { blockId, assessment },
    content: names.map((type, index) => ({
      type,
      attrs: { blockId: `${blockId}c${index}` },
      ...(cells[index] ? { content: [text(cells[index])] } : {}),
    })),
  };
};

export const targetsTable = (blockId: string, purpose: string, rows: NodeJson[]): NodeJson => ({
  type: 'targets_table',
  attrs: { blockId, purpose },
  content: rows,
});

export const bulletList = (blockId: string, items: Array<[string, string]>): NodeJson => ({
  type: 'bullet_list',
  attrs: { blockId },
  content: items.map(([itemId, value]) => ({ type: 'list_item', attrs: { blockId: itemId }, content: [paragraph(`${itemId}p`, value)] })),
});

export const doc = (...content: NodeJson[]): DocumentJson => ({ type: 'doc', content });

/** A document with one of everything: headings, marks, a footnote, a list, tables. */
export const richDocument = (): DocumentJson =>
  doc(
    { type: 'title', attrs: { blockId: 't1' }, content: [text('BÁO CÁO CHÍNH TRỊ')] },
    heading('h1', 1, 'Phần thứ nhất: KẾT QUẢ'),
    heading('h2', 2, 'I. KẾT QUẢ ĐẠT ĐƯỢC'),
    paragraph('p1', text('Kinh tế tăng trưởng ', 'bold'), text('khá', 'bold', 'italic'), ' và ', text('ổn định', 'underline'), footnote('Số liệu của Cục Thống kê.'), '.'),
    bulletList('l1', [
      ['li1', 'Thu ngân sách vượt dự toán.'],
      ['li2', 'Giải ngân vốn đầu tư công đạt kế hoạch.'],
    ]),
    {
      type: 'table',
      attrs: { blockId: 'tb1' },
      content: [
        {
          type: 'table_row',
          attrs: { blockId: 'tr1' },
          content: [
            { type: 'table_header', attrs: { blockId: 'th1', colspan: 1, rowspan: 1 }, content: [paragraph('thp1', 'Nhiệm vụ')] },
            { type: 'table_header', attrs: { blockId: 'th2', colspan: 1, rowspan: 1 }, content: [paragraph('thp2', 'Chủ trì')] },
          ],
        },
        {
          type: 'table_row',
          attrs: { blockId: 'tr2' },
          content: [
            { type: 'table_cell', attrs: { blockId: 'td1', colspan: 2, rowspan: 1 }, content: [paragraph('tdp1', 'Sở Kế hoạch và Đầu tư')] },
          ],
        },
      ],
    },
    targetsTable('tt1', 'review', [
      targetsRow('tr-a', ['Tốc độ tăng trưởng GRDP bình quân', '%/năm', '7–7,5', '7,8', ''], 'exceeded'),
      targetsRow('tr-b', ['Tỷ lệ hộ nghèo giảm bình quân', '%/năm', '2', '1,5', ''], 'not_met'),
    ]),
  );
