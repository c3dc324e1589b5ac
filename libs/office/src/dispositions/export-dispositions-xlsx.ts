import ExcelJS from 'exceljs';
import { addTextRow } from '../export/text-cells';
import { organizationUnits } from '../synthesis/synthesis-report';
import { dispositionLabels, proposedBy, sectionTitle, where, type DispositionTableInput } from './disposition-table';

/**
 * The table of dispositions as committees file it: STT, Phần/Mục, Nội dung ý kiến, Đơn vị, cá
 * nhân đề xuất, the figures (Số ý kiến, Số đơn vị, Số cá nhân góp ý, Số người do đơn vị nêu: one
 * thing per column), Tiếp thu/Giải trình, Nội dung giải trình, Vị trí trong dự thảo mới.
 * Every text cell is escaped: a comment starting with "=" is shown, never run as a formula.
 */
export async function exportDispositionsXlsx(table: DispositionTableInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Tiếp thu, giải trình', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = [{ width: 7 }, { width: 26 }, { width: 60 }, { width: 36 }, { width: 9 }, { width: 9 }, { width: 10 }, { width: 12 }, { width: 18 }, { width: 50 }, { width: 22 }];
  addTextRow(sheet, [`BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý: ${table.roundTitle}`]).font = { bold: true, size: 13 };
  addTextRow(sheet, [`${table.organizationName} · lần tổng hợp ${table.revision}`]);
  const header = addTextRow(sheet, [
    'STT',
    'Phần/Mục',
    'Nội dung ý kiến',
    'Đơn vị, cá nhân đề xuất',
    'Số ý kiến',
    'Số đơn vị',
    'Số cá nhân góp ý',
    'Số người do đơn vị nêu',
    'Tiếp thu/Giải trình',
    'Nội dung giải trình',
    'Vị trí trong dự thảo mới',
  ]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  let number = 0;
  for (const document of table.documents) {
    const next = document.nextLabel ? ` → ${document.nextLabel}` : '';
    addTextRow(sheet, ['', `${document.title} (${document.label}${next})`]).font = { bold: true };
    for (const section of document.sections) {
      const place = sectionTitle(section);
      for (const proposal of section.proposals) {
        number += 1;
        const state = dispositionLabels[proposal.state] + (proposal.needsReview ? ' (cần xem lại: có ý kiến mới)' : '');
        const row = addTextRow(sheet, [
          number,
          place,
          proposal.representative,
          proposedBy(proposal),
          proposal.comments,
          organizationUnits(proposal),
          proposal.contributors,
          proposal.statedSupporters > 0 ? proposal.statedSupporters : '',
          state,
          proposal.explanation ?? '',
          where(proposal),
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
