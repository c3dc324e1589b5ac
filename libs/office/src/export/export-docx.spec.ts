import mammoth from 'mammoth';
import { createSequentialIdGenerator, createTemplate, DocumentJson, ensureBlockIds, NodeJson, plainText, congressSchema } from '@vankien/document-schema';
import { readZipText } from '../test-support/read-zip-entry';
import { FOOTNOTE_TEXT, richDocument } from '../test-support/rich-document';
import { exportDocx, ExportMeta } from './export-docx';

const META: ExportMeta = {
  organizationName: 'Ban Chấp hành Đảng bộ huyện Phong Thổ',
  parentOrganizationName: 'tỉnh Lai Châu',
  title: 'Báo cáo chính trị',
  placeAndDate: 'Phong Thổ, ngày 15 tháng 3 năm 2025',
  versionLabel: 'DỰ THẢO LẦN 2',
};

const readBack = async (buffer: Buffer): Promise<string> =>
  (await mammoth.convertToHtml({ buffer }, { styleMap: ['u => u'] })).value;

const unescape = (html: string): string => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Texts of h1–h4 and p elements in the order mammoth read them, with their tag. */
const blocksOf = (html: string): Array<{ tag: string; text: string }> =>
  [...html.matchAll(/<(h[1-6]|p)(?: [^>]*)?>(.*?)<\/\1>/g)].map((match) => ({
    tag: match[1],
    text: unescape(match[2].replace(/<sup>.*?<\/sup>/g, '').replace(/<br \/>/g, '').replace(/<[^>]+>/g, '')).trim(),
  }));

const textOfNode = (node: NodeJson): string =>
  node.text ?? (node.content ?? []).filter((child) => child.type !== 'footnote').map(textOfNode).join('');

/** Expects each of `expected` to appear in `actual`, in this order (other blocks may come between). */
const expectInOrder = (actual: Array<{ tag: string; text: string }>, expected: Array<{ tag: string; text: string }>): void => {
  let from = 0;
  for (const block of expected) {
    const at = actual.findIndex((candidate, index) => index >= from && candidate.tag === block.tag && candidate.text === block.text);
    expect({ missing: block, at }).not.toEqual({ missing: block, at: -1 });
    from = at + 1;
  }
};

const expectedBlocks = (doc: DocumentJson): Array<{ tag: string; text: string }> =>
  doc.content
    .filter((node) => node.type === 'heading' || node.type === 'paragraph' || node.type === 'title')
    .filter((node) => textOfNode(node) !== '')
    .map((node) => ({
      tag: node.type === 'heading' ? `h${String(node.attrs?.['level'])}` : 'p',
      text: textOfNode(node),
    }));

describe('exportDocx', () => {
  const template = createTemplate('political_report', {
    organizationName: 'Đảng bộ huyện Phong Thổ',
    term: '2025–2030',
    generateId: createSequentialIdGenerator('t'),
  });
  const rich = ensureBlockIds(richDocument(), createSequentialIdGenerator('r'));

  it('writes the political report template so that an independent reader finds every heading and paragraph in order', async () => {
    const html = await readBack(await exportDocx(template, META));
    const blocks = blocksOf(html);
    expectInOrder(blocks, expectedBlocks(template));
    // Guidance paragraphs are italic in the template and stay so.
    expect(html).toContain('<em>[Chủ đề Đại hội');
    // The targets table of part two, with the new term's columns only.
    expect(html).toContain('Chỉ tiêu nhiệm kỳ mới');
    expect(html).not.toContain('Thực hiện</');
    expect(html).toContain('Tốc độ tăng trưởng GRDP bình quân');
  });

  it('writes the heading block, the title and the version label', async () => {
    const html = await readBack(await exportDocx(template, META));
    for (const line of ['ĐẢNG BỘ TỈNH LAI CHÂU', 'BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN PHONG THỔ', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Phong Thổ, ngày 15 tháng 3 năm 2025', 'DỰ THẢO LẦN 2']) {
      expect(html).toContain(line);
    }
    expect(html).toContain('<strong><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></strong>');
    expect(html).toContain('<em>Phong Thổ, ngày 15 tháng 3 năm 2025</em>');
    // The document's own title block is used; the meta title is not printed twice.
    expect(html.indexOf('BÁO CÁO CHÍNH TRỊ')).toBeLessThan(html.indexOf('DỰ THẢO LẦN 2'));
    expect(html).not.toContain('>Báo cáo chính trị<');
  });

  it('prints the meta title when the document has no title block', async () => {
    const untitled: DocumentJson = { ...rich, content: rich.content.filter((node) => node.type !== 'title') };
    const html = await readBack(await exportDocx(untitled, META));
    expect(html).toContain('Báo cáo chính trị');
  });

  it('writes every node type and mark of a rich document', async () => {
    const buffer = await exportDocx(rich, META);
    const html = await readBack(buffer);
    expectInOrder(blocksOf(html), expectedBlocks(rich));
    expect(html).toContain('<strong>khá</strong>');
    expect(html).toContain('<em>ổn định</em>');
    expect(html).toContain('<u>vượt dự toán</u>');
    expect(html).toContain('Dòng thứ nhất<br />dòng thứ hai');
    // Lists: nested bullets and an ordered list.
    expect(html).toMatch(/<ul><li>Sản lượng lương thực đạt 220 nghìn tấn.<\/li><li>Chăn nuôi phát triển.<ul><li>Đàn trâu tăng 3%.<\/li><\/ul><\/li><\/ul>/);
    expect(html).toContain('<ol><li>Bước thứ ba.</li><li>Bước thứ tư.</li></ol>');
    // The generic table: header row, merged cell.
    expect(html).toContain('<th><p>Nhiệm vụ</p></th>');
    expect(html).toContain('<td colspan="2"><p>Tổng kết nhiệm kỳ</p></td>');
    // The review targets table: its columns and the assessments in words.
    for (const heading of ['Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu nhiệm kỳ trước', 'Thực hiện', 'Đánh giá']) expect(html).toContain(`<strong>${heading}</strong>`);
    for (const label of ['>Vượt<', '>Đạt<', '>Không đạt<']) expect(html).toContain(label);
    // A real Word footnote: a reference in the text and the note's text in the footnotes part.
    expect(html).toMatch(/<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup>/);
    expect(html).toContain(FOOTNOTE_TEXT);
    const documentXml = await readZipText(buffer, 'word/document.xml');
    expect(documentXml).toContain('<w:footnoteReference w:id="1"/>');
    expect(await readZipText(buffer, 'word/footnotes.xml')).toContain(FOOTNOTE_TEXT);
  });

  it('lays the page out as A4 with Party margins, Times New Roman 14 pt and centred page numbers', async () => {
    const buffer = await exportDocx(rich, META);
    const documentXml = await readZipText(buffer, 'word/document.xml');
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
    const styles = await readZipText(buffer, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:docDefaults>.*<w:sz w:val="28"\/>.*<\/w:docDefaults>/s);
    expect(styles).toMatch(/<w:docDefaults>.*<w:jc w:val="both"\/>.*<\/w:docDefaults>/s);
    const footer = await readZipText(buffer, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('<w:jc w:val="center"/>');
  });

  it('gives the same bytes for the same document, and other bytes for another creation date', async () => {
    const first = await exportDocx(rich, META);
    const second = await exportDocx(rich, META);
    expect(first.equals(second)).toBe(true);
    const dated = await exportDocx(rich, META, { createdAt: new Date('2025-03-15T08:00:00Z') });
    expect(dated.equals(first)).toBe(false);
    expect(await readZipText(dated, 'docProps/core.xml')).toContain('2025-03-15T08:00:00Z');
  });

  it('refuses a document that is not a valid congress document', async () => {
    const bad = { type: 'doc', content: [{ type: 'paragraph', attrs: { blockId: 'a b' } }] } as DocumentJson;
    await expect(exportDocx(bad, META)).rejects.toThrow(RangeError);
  });

  it('keeps the plain text of the template (sanity of the fixture)', () => {
    expect(plainText(congressSchema.nodeFromJSON(template))).toContain('Phần thứ hai');
  });
});
