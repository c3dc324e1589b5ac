import { OfficeFileError } from '../errors/office-file-error';

// The messages of the ZIP guard, in both locales, in one place.

const MIB = 1024 * 1024;
const mib = (bytes: number): string => (bytes / MIB).toFixed(bytes < 10 * MIB ? 1 : 0);

export const notAZip = (looksLikeLegacyWord: boolean): OfficeFileError =>
  looksLikeLegacyWord
    ? new OfficeFileError('NOT_A_ZIP', {
        vi: 'Tệp không phải định dạng .docx/.xlsx: có thể là tệp Word/Excel cũ (.doc, .xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Word/Excel, bỏ mật khẩu và lưu lại dưới dạng .docx/.xlsx.',
        en: 'The file is not a .docx/.xlsx: it looks like an old Word/Excel file (.doc, .xls) or a password-protected one. Open it in Word/Excel, remove the password and save it as .docx/.xlsx.',
      })
    : new OfficeFileError('NOT_A_ZIP', {
        vi: 'Tệp không phải định dạng Office (.docx, .xlsx) hợp lệ.',
        en: 'The file is not a valid Office (.docx, .xlsx) file.',
      });

export const corrupt = (detail: string, cause?: unknown, entryName?: string): OfficeFileError =>
  new OfficeFileError(
    'CORRUPT',
    { vi: `Tệp bị hỏng hoặc không đọc được (${detail}).`, en: `The file is damaged or cannot be read (${detail}).` },
    { cause, entryName },
  );

export const tooManyEntries = (count: number, limit: number): OfficeFileError =>
  new OfficeFileError('TOO_MANY_ENTRIES', {
    vi: `Tệp chứa ${count} thành phần, vượt quá giới hạn ${limit}.`,
    en: `The file holds ${count} parts, more than the limit of ${limit}.`,
  });

export const tooLargeUncompressed = (declared: number, limit: number): OfficeFileError =>
  new OfficeFileError('TOO_LARGE_UNCOMPRESSED', {
    vi: `Nội dung tệp khi giải nén lớn hơn ${mib(limit)} MiB (ít nhất ${mib(declared)} MiB).`,
    en: `The file's content is larger than ${mib(limit)} MiB once uncompressed (at least ${mib(declared)} MiB).`,
  });

export const suspiciousCompression = (name: string, ratio: number, limit: number): OfficeFileError =>
  new OfficeFileError(
    'SUSPICIOUS_COMPRESSION',
    {
      vi: `Tệp có thành phần nén bất thường (tỷ lệ ${Math.round(ratio)}:1, giới hạn ${limit}:1); tệp có thể là "bom nén".`,
      en: `The file has a part compressed abnormally well (${Math.round(ratio)}:1, limit ${limit}:1); it may be a zip bomb.`,
    },
    { entryName: name },
  );

export const suspiciousArchiveCompression = (ratio: number, limit: number): OfficeFileError =>
  new OfficeFileError('SUSPICIOUS_COMPRESSION', {
    vi: `Tệp nén bất thường (tỷ lệ cả tệp ${Math.round(ratio)}:1, giới hạn ${limit}:1); tệp có thể là "bom nén" chia thành nhiều phần.`,
    en: `The file as a whole is compressed abnormally well (${Math.round(ratio)}:1, limit ${limit}:1); it may be a zip bomb spread over many parts.`,
  });

export const unsafeEntryName = (name: string, reason: string): OfficeFileError =>
  new OfficeFileError(
    'UNSAFE_ENTRY_NAME',
    {
      vi: `Tệp chứa thành phần có tên không an toàn (${reason}).`,
      en: `The file holds a part with an unsafe name (${reason}).`,
    },
    { entryName: name },
  );

export const encryptedEntry = (name: string): OfficeFileError =>
  new OfficeFileError(
    'ENCRYPTED_ENTRY',
    {
      vi: 'Tệp có thành phần được mã hóa; hãy bỏ mật khẩu rồi lưu lại.',
      en: 'The file has an encrypted part; remove the password and save it again.',
    },
    { entryName: name },
  );

export const entryTooLarge = (name: string, declared: number, limit: number): OfficeFileError =>
  new OfficeFileError(
    'TOO_LARGE_UNCOMPRESSED',
    {
      vi: `Thành phần "${name}" khi giải nén lớn hơn ${mib(limit)} MiB (khai báo ${mib(declared)} MiB).`,
      en: `The part "${name}" is larger than ${mib(limit)} MiB once uncompressed (it declares ${mib(declared)} MiB).`,
    },
    { entryName: name },
  );

export const declaredSizeExceeded = (name: string, declared: number): OfficeFileError =>
  new OfficeFileError(
    'DECLARED_SIZE_EXCEEDED',
    {
      vi: `Thành phần "${name}" khi giải nén lớn hơn kích thước tệp khai báo (${declared} byte); tệp có thể là "bom nén" nên bị từ chối.`,
      en: `The part "${name}" inflates to more than the ${declared} bytes the file declares for it; it may be a zip bomb, so the file is refused.`,
    },
    { entryName: name },
  );

export const forbiddenDeclaration = (name: string, declaration: string): OfficeFileError =>
  new OfficeFileError(
    'EXTERNAL_ENTITY',
    {
      vi: `Tệp chứa khai báo ${declaration} trong phần "${name}"; tệp Office hợp lệ không có khai báo này nên tệp bị từ chối.`,
      en: `The file declares ${declaration} in part "${name}"; valid Office files never do, so the file is refused.`,
    },
    { entryName: name },
  );
