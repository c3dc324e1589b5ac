import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { documentHeading, documentHeadingText, paperStyles } from '../export/paper-styles';
import { partyHeader } from '../export/party-header';
import { figuresText } from '../synthesis/synthesis-report';
import { dispositionLabels, proposedBy, sectionTitle, where, type DispositionTableInput } from './disposition-table';

const font = 'Times New Roman';
const run = (value: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun => new TextRun({ text: value, font, size: 24, ...options });
const line = (value: string, options: { bold?: boolean; italics?: boolean; center?: boolean } = {}): Paragraph =>
  new Paragraph({ children: [run(value, options)], alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: 60 } });
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (value: string, width: number, options: { bold?: boolean; italics?: boolean; center?: boolean } = {}): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: border, bottom: border, left: border, right: border },
    children: value.split('\n').map((part) => line(part, options)),
  });
/** Column widths in twentieths of a point: a landscape A4 page less its margins (about 14,700). */
const widths = [600, 4200, 2900, 1500, 1800, 2700, 1000];

/**
 * The table of dispositions (bảng tiếp thu, giải trình) that travels with the next draft:
 * per document and section, each proposal with who made it and how many, the disposition, the
 * explanation, and where it went in the new draft. Landscape A4, Times New Roman.
 */
export async function exportDispositionsDocx(table: DispositionTableInput): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    partyHeader({ organizationName: table.organizationName, parentOrganizationName: table.parentOrganizationName, placeAndDate: table.placeAndDate }),
    new Paragraph({}),
    line('BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý', { bold: true, center: true }),
    line(`${table.roundTitle} (lần tổng hợp ${table.revision})`, { italics: true, center: true }),
  ];
  for (const document of table.documents) {
    const next = document.nextLabel ? `; vị trí theo ${document.nextLabel}` : '';
    body.push(documentHeading(documentHeadingText(document, next), 24));
    let number = 0;
    const rows: TableRow[] = [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Nội dung ý kiến', 'Đơn vị, cá nhân đề xuất', 'Số ý kiến, đơn vị, cá nhân, người', 'Tiếp thu / giải trình', 'Nội dung giải trình', 'Vị trí mới'].map((title, index) => cell(title, widths[index], { bold: true, center: true })),
      }),
    ];
    for (const section of document.sections) {
      rows.push(new TableRow({ children: [new TableCell({ columnSpan: widths.length, borders: { top: border, bottom: border, left: border, right: border }, children: [line(sectionTitle(section), { bold: true })] })] }));
      for (const proposal of section.proposals) {
        number += 1;
        rows.push(
          new TableRow({
            children: [
              cell(String(number), widths[0], { center: true }),
              cell(proposal.representative, widths[1]),
              cell(proposedBy(proposal), widths[2]),
              cell(figuresText(proposal).replace(' của ', '\ncủa ').replace('; ', '\n'), widths[3], { center: true }),
              cell(dispositionLabels[proposal.state] + (proposal.needsReview ? '\n(cần xem lại: có ý kiến mới)' : ''), widths[4], { italics: proposal.needsReview }),
              cell(proposal.explanation ?? '', widths[5]),
              cell(where(proposal), widths[6], { center: true }),
            ],
          }),
        );
      }
    }
    body.push(new Table({ rows, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths }));
  }
  const document = new Document({
    creator: 'Vankien',
    title: `Bảng tiếp thu, giải trình – ${table.roundTitle}`,
    styles: paperStyles(24),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font, size: 24 })] })] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
