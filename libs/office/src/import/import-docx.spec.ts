import {
  BlockIndexEntry,
  buildBlockIndex,
  congressSchema,
  createSequentialIdGenerator,
  DocumentJson,
  ensureBlockIds,
  NodeJson,
  validateDocument,
} from '@vankien/document-schema';
import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { OfficeFileError } from '../errors/office-file-error';
import { exportDocx } from '../export/export-docx';
import { FOOTNOTE_TEXT, richDocument } from '../test-support/rich-document';
import { minimalDocx } from '../test-support/zip-writer';
import { importDocx } from './import-docx';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const LONG_NUMBERED =
  '1. Tiếp tục đẩy mạnh chuyển dịch cơ cấu kinh tế theo hướng công nghiệp hóa, hiện đại hóa, phát triển nông nghiệp hàng hóa gắn với xây dựng nông thôn mới, ' +
  'phát triển du lịch trở thành ngành kinh tế quan trọng, huy động mọi nguồn lực đầu tư kết cấu hạ tầng kinh tế - xã hội đồng bộ, hiện đại và bền vững.';

const pack = (children: Array<Paragraph | Table>, extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> =>
  Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));

const index = (doc: DocumentJson): BlockIndexEntry[] => buildBlockIndex(congressSchema.nodeFromJSON(doc));
const headings = (doc: DocumentJson) =>
  index(doc)
    .filter((entry) => entry.type === 'heading')
    .map((entry) => ({ level: entry.level, number: entry.sectionNumber, text: entry.text }));

const textOf = (node: NodeJson): string => node.text ?? (node.content ?? []).filter((child) => child.type !== 'footnote').map(textOf).join('');

const expectValidWithUniqueIds = (doc: DocumentJson): void => {
  expect(validateDocument(doc).ok).toBe(true);
  const ids = index(doc).map((entry) => entry.blockId);
  expect(new Set(ids).size).toBe(ids.length);
};

describe('importDocx', () => {
  it('reads styled headings, a table, a footnote and reports an image as lost', async () => {
    const buffer = await pack(
      [
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Phần thứ nhất: KẾT QUẢ' }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'I. KINH TẾ' }),
        new Paragraph({ heading: HeadingLevel.HEADING_3, text: '1. Nông nghiệp' }),
        new Paragraph({
          children: [
            new TextRun('Sản lượng '),
            new TextRun({ text: 'tăng', bold: true }),
            new TextRun({ text: ' mạnh', italics: true, underline: {} }),
            new FootnoteReferenceRun(1),
          ],
        }),
        new Paragraph({ heading: HeadingLevel.HEADING_4, text: 'a) Trồng trọt' }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 }, altText: { name: 'Biểu đồ', description: 'Biểu đồ tăng trưởng', title: 'Biểu đồ' } })] }),
        new Table({
          rows: [
            new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('Huyện')] }), new TableCell({ children: [new Paragraph('Sản lượng')] })] }),
            new TableRow({ children: [new TableCell({ children: [new Paragraph('Phong Thổ')] }), new TableCell({ children: [new Paragraph('12.000 tấn')] })] }),
          ],
        }),
      ],
      { footnotes: { 1: { children: [new Paragraph('Theo báo cáo của Sở Nông nghiệp.')] } } },
    );
    const { doc, report } = await importDocx(buffer, { generateId: createSequentialIdGenerator('n') });
    expectValidWithUniqueIds(doc);
    expect(headings(doc)).toEqual([
      { level: 1, number: 'P1', text: 'Phần thứ nhất: KẾT QUẢ' },
      { level: 2, number: 'P1.I', text: 'I. KINH TẾ' },
      { level: 3, number: 'P1.I.1', text: '1. Nông nghiệp' },
      { level: 4, number: 'P1.I.1.a', text: 'a) Trồng trọt' },
    ]);
    const paragraph = doc.content.find((node) => node.type === 'paragraph');
    expect(paragraph?.content).toEqual([
      { type: 'text', text: 'Sản lượng ' },
      { type: 'text', text: 'tăng', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' mạnh', marks: [{ type: 'italic' }, { type: 'underline' }] },
      { type: 'footnote', content: [{ type: 'text', text: 'Theo báo cáo của Sở Nông nghiệp.' }] },
    ]);
    const table = doc.content.find((node) => node.type === 'table');
    expect(table?.content?.map((row) => row.content?.map((cell) => `${cell.type}:${textOf(cell)}`))).toEqual([
      ['table_header:Huyện', 'table_header:Sản lượng'],
      ['table_cell:Phong Thổ', 'table_cell:12.000 tấn'],
    ]);
    expect(report.lost).toContainEqual({ kind: 'image', count: 1, sample: 'Biểu đồ tăng trưởng' });
    expect(report.kept).toEqual(expect.arrayContaining(['parts: 1', 'sections: 1', 'subsections: 1', 'items: 1', 'tables: 1', 'footnotes: 1']));
  });

  it('takes structure from numbers written at the start of short unstyled paragraphs', async () => {
    const buffer = await pack(
      [
        'BÁO CÁO CHÍNH TRỊ',
        'PHẦN THỨ NHẤT',
        'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT',
        'I. KẾT QUẢ ĐẠT ĐƯỢC',
        '1. Về phát triển kinh tế',
        'a) Nông nghiệp',
        'Sản xuất nông nghiệp phát triển ổn định.',
        'b) Công nghiệp',
        'đ) Dịch vụ',
        LONG_NUMBERED,
        'II. HẠN CHẾ',
        'PHẦN THỨ HAI',
        'IV. CÁC KHÂU ĐỘT PHÁ',
      ].map((text) => new Paragraph(text)),
    );
    const { doc } = await importDocx(buffer, { generateId: createSequentialIdGenerator('n') });
    expectValidWithUniqueIds(doc);
    expect(doc.content[0]).toMatchObject({ type: 'title', content: [{ text: 'BÁO CÁO CHÍNH TRỊ' }] });
    expect(headings(doc).map((heading) => [heading.number, heading.text])).toEqual([
      ['P1', 'PHẦN THỨ NHẤT'],
      ['P1.I', 'I. KẾT QUẢ ĐẠT ĐƯỢC'],
      ['P1.I.1', '1. Về phát triển kinh tế'],
      ['P1.I.1.a', 'a) Nông nghiệp'],
      ['P1.I.1.b', 'b) Công nghiệp'],
      // "đ)" is the fifth item letter; the written number is kept (and the gap reported by the index).
      ['P1.I.1.đ', 'đ) Dịch vụ'],
      ['P1.II', 'II. HẠN CHẾ'],
      ['P2', 'PHẦN THỨ HAI'],
      ['P2.IV', 'IV. CÁC KHÂU ĐỘT PHÁ'],
    ]);
    // The part's title line and a long numbered paragraph stay body text.
    const paragraphs = doc.content.filter((node) => node.type === 'paragraph').map(textOf);
    expect(paragraphs).toEqual(['KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT', 'Sản xuất nông nghiệp phát triển ổn định.', LONG_NUMBERED]);
  });

  it('maps Vietnamese-named heading styles and reports unknown styles', async () => {
    const buffer = await pack(
      [
        new Paragraph({ style: 'TieuDe2', text: 'Tình hình chung' }),
        new Paragraph({ style: 'KieuLa', text: 'Một đoạn văn.' }),
      ],
      {
        styles: {
          paragraphStyles: [
            { id: 'TieuDe2', name: 'Tiêu đề 2', run: { bold: true } },
            { id: 'KieuLa', name: 'Kiểu lạ', run: {} },
          ],
        },
      },
    );
    const { doc, report } = await importDocx(buffer);
    expect(doc.content.map((node) => [node.type, node.attrs?.['level'] ?? null, textOf(node)])).toEqual([
      ['heading', 2, 'Tình hình chung'],
      ['paragraph', null, 'Một đoạn văn.'],
    ]);
    expect(report.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("Unrecognised paragraph style: 'Kiểu lạ'")]),
    );
  });

  it('reports tracked changes and comments that mammoth would drop silently', async () => {
    const body =
      '<w:p><w:r><w:t>Giữ </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="A"><w:r><w:delText>cũ</w:delText></w:r></w:del><w:r><w:commentReference w:id="0"/></w:r></w:p>';
    const { doc, report } = await importDocx(minimalDocx(body));
    expect(textOf(doc.content[0])).toBe('Giữ mới');
    expect(report.lost).toEqual(expect.arrayContaining([{ kind: 'tracked_change', count: 2 }, { kind: 'comment', count: 1 }]));
    expect(report.warnings.map((warning) => warning.message).join(' ')).toContain('Tracked changes were accepted');
  });

  it('cleans text the schema would refuse and says so', async () => {
    const body = '<w:p><w:r><w:t xml:space="preserve">Văn\u0001 bản  có\tký tự lạ</w:t></w:r></w:p>';
    const { doc, report } = await importDocx(minimalDocx(body));
    expect(textOf(doc.content[0])).toBe('Văn bản có ký tự lạ');
    expect(report.lost.find((lost) => lost.kind === 'invalid_character')?.count).toBe(1);
  });

  it('runs the guard first: an XXE document is refused', async () => {
    const xxe = minimalDocx('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    await expect(importDocx(xxe)).rejects.toMatchObject({ code: 'EXTERNAL_ENTITY' });
    await expect(importDocx(Buffer.from('not a zip at all, just text'))).rejects.toBeInstanceOf(OfficeFileError);
  });
});

describe('export → import round trip', () => {
  it('keeps the headings, paragraphs, marks, lists, tables, targets and footnotes of a rich document', async () => {
    const original = ensureBlockIds(richDocument(), createSequentialIdGenerator('r'));
    const buffer = await exportDocx(original, {
      organizationName: 'Ban Chấp hành Đảng bộ tỉnh Lai Châu',
      parentOrganizationName: 'Đảng bộ Trung ương',
      title: 'Báo cáo chính trị',
      placeAndDate: 'Lai Châu, ngày 1 tháng 3 năm 2025',
      versionLabel: 'DỰ THẢO LẦN 2',
    });
    const { doc, report } = await importDocx(buffer, { generateId: createSequentialIdGenerator('n') });
    expectValidWithUniqueIds(doc);
    // Fresh ids, not the exported ones.
    expect(index(doc).every((entry) => entry.blockId.startsWith('n'))).toBe(true);

    const shape = (node: NodeJson): unknown => ({
      type: node.type,
      ...(node.type === 'heading' ? { level: node.attrs?.['level'] } : {}),
      ...(node.type === 'targets_table' ? { purpose: node.attrs?.['purpose'] } : {}),
      text: textOf(node),
    });
    expect(doc.content.map(shape)).toEqual(original.content.map(shape));
    expect(headings(doc)).toEqual(headings(original));

    // Marks and the footnote of the first paragraph, exactly.
    const strip = (node: NodeJson | undefined) => node?.content;
    expect(strip(doc.content[4])).toEqual(strip(original.content[4]));
    expect(JSON.stringify(doc.content[4])).toContain(FOOTNOTE_TEXT);
    // Assessments come back from their words.
    const review = doc.content.find((node) => node.type === 'targets_table' && node.attrs?.['purpose'] === 'review');
    expect(review?.content?.map((row) => row.attrs?.['assessment'])).toEqual(['exceeded', 'met', 'not_met']);
    // Centred paragraph keeps its alignment.
    expect(doc.content[doc.content.length - 1].attrs?.['align']).toBe('center');
    // The heading block and the version label are layout written from metadata: reported, not body text.
    expect(report.lost.map((lost) => lost.kind).sort()).toEqual(['header_block', 'version_label']);
  });
});
