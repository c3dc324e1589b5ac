import ExcelJS from 'exceljs';
import { addTextRow } from '../export/text-cells';
import { organizationUnits, sectionTitle, sources, type SynthesisReportInput } from './synthesis-report';

/**
 * The synthesis report as the table committees file: STT, Phần/Mục, Nội dung ý kiến, then the
 * figures, each column counting one thing and saying which (ý kiến, đơn vị, cá nhân, người do
 * đơn vị nêu; the sources in đơn vị and cá nhân), Ghi chú. Every text cell is escaped, so a
 * comment starting with "=" is shown, never run as a formula.
 */
export async function exportSynthesisXlsx(report: SynthesisReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Tổng hợp ý kiến', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [{ width: 7 }, { width: 28 }, { width: 80 }, { width: 10 }, { width: 10 }, { width: 11 }, { width: 13 }, { width: 40 }, { width: 14 }];
  addTextRow(sheet, [`TỔNG HỢP Ý KIẾN GÓP Ý: ${report.roundTitle}`]).font = { bold: true, size: 13 };
  addTextRow(sheet, [`${report.organizationName} · lần tổng hợp ${report.revision} · ${report.comments} ý kiến`]);
  const header = addTextRow(sheet, ['STT', 'Phần/Mục', 'Nội dung ý kiến', 'Số ý kiến', 'Số đơn vị', 'Số cá nhân góp ý', 'Số người do đơn vị nêu', 'Nguồn (số đơn vị, cá nhân)', 'Ghi chú']);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  let number = 0;
  for (const document of report.documents) {
    const title = addTextRow(sheet, ['', `${document.title} (${document.label})`]);
    title.font = { bold: true };
    for (const section of document.sections) {
      const where = sectionTitle(section);
      for (const cluster of [...(section.agreement ? [section.agreement] : []), ...section.proposals]) {
        number += 1;
        const row = addTextRow(sheet, [
          number,
          where,
          cluster.representative,
          cluster.comments,
          organizationUnits(cluster),
          cluster.contributors,
          // (empty: no unit stated a figure, which is not "0 people")
          cluster.statedSupporters > 0 ? cluster.statedSupporters : '',
          sources(cluster),
          cluster === section.agreement ? 'Tán thành' : '',
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
