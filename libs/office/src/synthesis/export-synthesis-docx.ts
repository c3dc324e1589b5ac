import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
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
  const body: Paragraph[] = [
    paragraph([text(report.organizationName.toLocaleUpperCase('vi'), { bold: true })], { center: true }),
    paragraph([text('BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý', { bold: true })], { center: true }),
    paragraph([text(report.roundTitle, { italics: true })], { center: true }),
    paragraph([text(`Tổng số ${report.comments} ý kiến (lần tổng hợp ${report.revision}).`)], { indent: true }),
  ];
  for (const document of report.documents) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [text(`${document.title.toLocaleUpperCase('vi')} (${document.label})`, { bold: true })] }));
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
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [text('TÌNH HÌNH GỬI Ý KIẾN', { bold: true })] }));
  for (const state of ['submitted', 'late', 'withdrawn', 'draft', 'not_started']) {
    const entries = report.coverage.filter((entry) => entry.state === state);
    if (entries.length === 0) continue;
    body.push(paragraph([text(`${coverageLabels[state]} (${entries.length}): `, { bold: true }), text(entries.map((entry) => entry.organizationName).join('; '))], { indent: true }));
  }
  const document = new Document({
    creator: 'Vankien',
    title: report.roundTitle,
    styles: { default: { document: { run: { font, size: 28 } } } },
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
