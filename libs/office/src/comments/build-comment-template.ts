import ExcelJS from 'exceljs';
import { addTextRow } from '../export/text-cells';
import { SectionCatalogue } from './comment-table-types';
import { sectionTitle } from '../synthesis/synthesis-report';
import { WHOLE_DOCUMENT_LABEL } from './row-interpreter';
import { openingBlocks } from './section-resolver';

// The XLSX a unit fills in: one sheet "Góp ý" (the reader takes the first sheet with a header, so
// every document shares it, with a Văn kiện column), one row per section of each document,
// prefilled with the section number and heading the reader resolves exactly, after a "Hướng dẫn"
// sheet in Vietnamese. Section numbers are written first ("P2.II.2 – 2. Các chỉ tiêu chủ yếu")
// so the number, not the heading's words, decides.

export const KIND_LABELS = ['Tán thành', 'Sửa đổi', 'Bổ sung', 'Lược bỏ', 'Đề nghị làm rõ', 'Ý kiến khác'] as const;
/** Blank rows with the dropdown under the prefilled ones, for units that add rows at the end. */
const SPARE_ROWS = 200;

const HEADERS = [
  { header: 'STT', width: 6 },
  { header: 'Văn kiện', width: 26 },
  { header: 'Phần, mục', width: 48 },
  { header: 'Nội dung góp ý', width: 70 },
  { header: 'Loại ý kiến', width: 16 },
  { header: 'Số đơn vị/đảng viên tán thành', width: 16 },
  { header: 'Tổng số', width: 10 },
  { header: 'Ghi chú', width: 24 },
] as const;

const INSTRUCTIONS = [
  'HƯỚNG DẪN GHI Ý KIẾN GÓP Ý',
  '',
  '1. Ghi ý kiến vào trang tính "Góp ý", cột "Nội dung góp ý", trên dòng của phần, mục được góp ý.',
  '2. Nhiều ý kiến cho cùng một mục: chèn thêm dòng ngay dưới và chép nguyên các ô "Văn kiện", "Phần, mục".',
  '3. Ý kiến chung cho cả văn kiện: ghi vào dòng "Toàn văn kiện" của văn kiện đó.',
  '4. Không sửa các ô "Văn kiện", "Phần, mục" đã ghi sẵn; không đổi tên, thứ tự các cột và không xóa dòng tiêu đề.',
  '5. "Loại ý kiến": chọn trong danh sách (Tán thành, Sửa đổi, Bổ sung, Lược bỏ, Đề nghị làm rõ, Ý kiến khác); để trống thì hệ thống tự nhận biết.',
  '6. "Số đơn vị/đảng viên tán thành" và "Tổng số": ghi số nguyên, ví dụ 12 và 15 (hoặc "12/15" trong một ô).',
  '7. Dòng để trống nội dung sẽ được bỏ qua. Không dùng công thức; gõ chữ tiếng Việt bằng bảng mã Unicode.',
  '8. Lưu tệp dưới dạng .xlsx và gửi lại.',
];

const sectionLabel = (sectionNumber: string, heading: string): string =>
  heading === '' ? sectionNumber : `${sectionNumber} – ${heading}`;

/** Builds the fill-in workbook for a round. Same input → same content (no dates in cells). */
export const buildCommentTemplate = async (round: { title: string; documents: SectionCatalogue[] }): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vankien';
  // A fixed date keeps the file reproducible; Excel shows it as the file's creation date only.
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = workbook.created;

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  addTextRow(guide, [round.title]).font = { bold: true, size: 14 };
  for (const line of INSTRUCTIONS) addTextRow(guide, [line]);
  guide.getRow(2).font = { bold: true };
  guide.getColumn(1).alignment = { wrapText: true, vertical: 'top' };

  const sheet = workbook.addWorksheet('Góp ý', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = HEADERS.map(({ header, width }) => ({ header, width }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  headerRow.height = 36;
  headerRow.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });

  let number = 0;
  for (const document of round.documents) {
    const title = document.title;
    addTextRow(sheet, [++number, title, WHOLE_DOCUMENT_LABEL]);
    // the congress's theme and the opening part, before the first heading: by their first words
    for (const block of openingBlocks(document)) {
      addTextRow(sheet, [++number, title, sectionTitle({ sectionNumber: '', headingTrail: [], text: block.text, wholeDocument: false })]);
    }
    const seen = new Set<string>();
    for (const block of document.blocks) {
      if (block.type !== 'heading' || block.sectionNumber === '' || seen.has(block.sectionNumber)) continue;
      seen.add(block.sectionNumber);
      addTextRow(sheet, [++number, title, sectionLabel(block.sectionNumber, block.text)]);
    }
  }
  const lastRow = sheet.rowCount + SPARE_ROWS;
  const kindList = `"${KIND_LABELS.join(',')}"`;
  for (let rowNumber = 2; rowNumber <= lastRow; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(5).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [kindList],
      showErrorMessage: true,
      errorTitle: 'Loại ý kiến',
      error: 'Chọn một loại ý kiến trong danh sách.',
    };
    // Only the total is checked: the supporters cell may hold "12/15".
    row.getCell(7).dataValidation = {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      error: 'Ghi một số nguyên (hoặc để trống).',
    };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.from(written as ArrayBuffer);
};
