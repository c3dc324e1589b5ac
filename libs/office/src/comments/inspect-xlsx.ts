import { OfficeFileError } from '../errors/office-file-error';
import { ZipInspection } from '../zip/inspect-zip';
import { verifyArchive } from '../zip/verify-archive';
import { ZipLimits } from '../zip/zip-limits';

// The XLSX guard, the twin of inspectDocx: the parts a workbook must have (checked on the names,
// before anything is inflated), then verifyArchive's checks on every entry whatever its name,
// because exceljs inflates every entry of the package (images and embedded files included).

const CONTENT_TYPES = '[Content_Types].xml';
const WORKBOOK = 'xl/workbook.xml';

export const notAnXlsx = (missing: string): OfficeFileError =>
  // No NOT_AN_XLSX code exists yet (the codes are shared with the REST layer's exhaustive switch);
  // UNSUPPORTED_CONTENT is the 4xx that says "readable, but not what we can take".
  new OfficeFileError('UNSUPPORTED_CONTENT', {
    vi: `Tệp không phải bảng tính Excel (.xlsx): thiếu thành phần "${missing}".`,
    en: `The file is not an Excel workbook (.xlsx): the part "${missing}" is missing.`,
  });

export interface XlsxInspection extends ZipInspection {
  /** The verified, canonical package: the only bytes exceljs may be given. */
  buffer: Buffer;
}

export const inspectXlsx = async (buffer: Buffer, limits: Partial<ZipLimits> = {}): Promise<XlsxInspection> => {
  const verified = await verifyArchive(buffer, limits, {
    checkNames: (names) => {
      for (const required of [CONTENT_TYPES, WORKBOOK]) {
        if (!names.has(required)) throw notAnXlsx(required);
      }
    },
  });
  return { entries: verified.entries, totalUncompressedBytes: verified.totalUncompressedBytes, buffer: verified.buffer };
};
