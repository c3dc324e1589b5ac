import { OfficeFileError } from '../errors/office-file-error';

// Refusals of a readable file that holds no comment table we can read: 4xx, in both locales.

export const noHeader = (): OfficeFileError =>
  new OfficeFileError('UNSUPPORTED_CONTENT', {
    vi: 'Không tìm thấy bảng góp ý: trong 15 dòng đầu không có dòng tiêu đề có cột "Nội dung góp ý" và cột "Phần, mục" (hoặc "Văn kiện", "STT").',
    en: 'No comment table found: none of the first 15 rows is a header naming the comment column and a section (or document, or number) column.',
  });

export const tooManyRows = (rows: number, limit: number): OfficeFileError =>
  new OfficeFileError('UNSUPPORTED_CONTENT', {
    vi: `Bảng góp ý có ${rows} dòng, vượt quá giới hạn ${limit} dòng; hãy chia thành nhiều tệp.`,
    en: `The comment table has ${rows} rows, more than the limit of ${limit}; split it into several files.`,
  });

export const corruptTable = (cause: unknown): OfficeFileError =>
  new OfficeFileError('CORRUPT', { vi: 'Không đọc được nội dung tệp.', en: 'The file content could not be read.' }, { cause });
