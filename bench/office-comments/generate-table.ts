// A unit's comment table of N rows, as a province's consolidated sheet would be: the usual
// two-row header, references in the forms clerks use, comments of realistic length, supporters
// as "12/15" or two numbers. Deterministic (a seeded generator), so runs compare.
import ExcelJS from 'exceljs';

const REFERENCES = ['Mục I.1', 'Phần thứ hai, mục II.2', 'P2.III.4', 'mục 2 phần II', 'II.2', 'Phần thứ nhất – 1.', 'về công tác xây dựng Đảng', 'Mục III', 'trang 5', 'Phần II'];
const OPENINGS = ['Đề nghị bổ sung', 'Tán thành như dự thảo.', 'Đề nghị sửa', 'Đề nghị bỏ', 'Đề nghị làm rõ', 'Nhất trí, nhưng đề nghị bổ sung'];
const TOPICS = ['nội dung về chuyển đổi số trong cơ quan Đảng', 'chỉ tiêu tăng trưởng GRDP bình quân 7–7,5%/năm', 'giải pháp phát triển kinh tế tư nhân', 'đánh giá công tác cán bộ', 'nhiệm vụ bảo vệ môi trường và ứng phó biến đổi khí hậu'];

const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
};

export const generateTable = async (rows: number, seed = 20251115): Promise<Buffer> => {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổng hợp');
  sheet.addRow(['STT', 'Văn kiện', 'Phần, mục', 'Nội dung góp ý', 'Loại ý kiến', 'Số đảng viên', null, 'Ghi chú']);
  sheet.addRow([null, null, null, null, null, 'Tán thành', 'Tổng số', null]);
  for (const column of ['A', 'B', 'C', 'D', 'E', 'H']) sheet.mergeCells(`${column}1:${column}2`);
  sheet.mergeCells('F1:G1');
  for (let index = 0; index < rows; index++) {
    const total = 5 + Math.floor(next() * 40);
    const supporters = Math.floor(next() * total);
    const fraction = next() < 0.3;
    sheet.addRow([
      index + 1,
      pick(['Báo cáo chính trị', 'BCCT', null, null, 'Chương trình hành động']),
      pick(REFERENCES),
      `${pick(OPENINGS)} ${pick(TOPICS)} (chi bộ ${1 + Math.floor(next() * 500)}).`,
      next() < 0.3 ? pick(['Bổ sung', 'Sửa đổi', 'Tán thành']) : null,
      fraction ? `${supporters}/${total}` : supporters,
      fraction ? null : total,
      next() < 0.05 ? 'Ý kiến của hội nghị' : null,
    ]);
  }
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
};
