import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';
import { documentHeading, documentHeadingText, paperStyles } from '../export/paper-styles';
import { partyHeader } from '../export/party-header';
import { coverageLabels, figuresText, sectionTitle, sources, type SynthesisReportInput } from './synthesis-report';

const font = 'Times New Roman';
const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun => new TextRun({ text: value, font, size: 28, ...options });
const paragraph = (runs: TextRun[], options: { center?: boolean; indent?: boolean } = {}): Paragraph =>
  new Paragraph({
    children: runs,
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: 567 } : undefined,
    spacing: { after: 120 },
  });

/**
 * The synthesis report in the form committees already use: per document, in section order,
 * each proposal stated once with its figures (comments, units, individual contributors, people
 * stated by units: each named in its unit) and from which sources,
 * general agreement apart; then who was invited, who answered, who was late, who did not.
 */
export async function exportSynthesisDocx(report: SynthesisReportInput): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    partyHeader({ organizationName: report.organizationName, parentOrganizationName: report.parentOrganizationName, placeAndDate: report.placeAndDate }),
    new Paragraph({}),
    paragraph([text('BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý', { bold: true })], { center: true }),
    paragraph([text(report.roundTitle, { italics: true })], { center: true }),
    paragraph([text(`Tổng số ${report.comments} ý kiến (lần tổng hợp ${report.revision}).`)], { indent: true }),
  ];
  for (const document of report.documents) {
    body.push(documentHeading(documentHeadingText(document), 28));
    for (const section of document.sections) {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(sectionTitle(section), { bold: true })] }));
      if (section.agreement) {
        body.push(paragraph([text(`Tán thành như dự thảo: ${figuresText(section.agreement)} (${sources(section.agreement)}).`, { italics: true })], { indent: true }));
      }
      section.proposals.forEach((cluster, index) => {
        body.push(
          paragraph([text(`${index + 1}. ${cluster.representative} `), text(`(${figuresText(cluster)}; ${sources(cluster)})`, { italics: true })], { indent: true }),
        );
      });
    }
  }
  body.push(documentHeading('TÌNH HÌNH GỬI Ý KIẾN', 28));
  for (const state of ['submitted', 'late', 'withdrawn', 'draft', 'not_started']) {
    const entries = report.coverage.filter((entry) => entry.state === state);
    if (entries.length === 0) continue;
    body.push(paragraph([text(`${coverageLabels[state]} (${entries.length}): `, { bold: true }), text(entries.map((entry) => entry.organizationName).join('; '))], { indent: true }));
  }
  const document = new Document({
    creator: 'Vankien',
    title: report.roundTitle,
    styles: paperStyles(28),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font, size: 24 })] })] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
