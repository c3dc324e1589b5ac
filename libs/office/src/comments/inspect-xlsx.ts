import { scanXmlPart } from '../docx/xml-part-scanner';
import { OfficeFileError } from '../errors/office-file-error';
import { openInspectedZip, ZipInspection } from '../zip/inspect-zip';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from '../zip/zip-limits';

// The XLSX guard, the twin of inspectDocx: the ZIP checks (bomb, names, encryption), the parts a
// workbook must have, and a streamed scan of every XML part for DOCTYPE/ENTITY before exceljs
// parses anything. Binary parts (images, embedded files) are never inflated.

const CONTENT_TYPES = '[Content_Types].xml';
const WORKBOOK = 'xl/workbook.xml';
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|ico|webp|bin|xlsx|xlsm|docx|pptx|zip)$/i;

export const notAnXlsx = (missing: string): OfficeFileError =>
  // No NOT_AN_XLSX code exists yet (the codes are shared with the REST layer's exhaustive switch);
  // UNSUPPORTED_CONTENT is the 4xx that says "readable, but not what we can take".
  new OfficeFileError('UNSUPPORTED_CONTENT', {
    vi: `Tệp không phải bảng tính Excel (.xlsx): thiếu thành phần "${missing}".`,
    en: `The file is not an Excel workbook (.xlsx): the part "${missing}" is missing.`,
  });

export const inspectXlsx = async (buffer: Buffer, limits: Partial<ZipLimits> = {}): Promise<ZipInspection> => {
  const zip = await openInspectedZip(buffer, { ...DEFAULT_ZIP_LIMITS, ...limits });
  try {
    for (const required of [CONTENT_TYPES, WORKBOOK]) {
      if (!zip.rawEntries.has(required)) throw notAnXlsx(required);
    }
    for (const [name, entry] of zip.rawEntries) {
      if (name.endsWith('/') || BINARY_EXTENSIONS.test(name)) continue;
      await scanXmlPart(zip.zipfile, entry, name);
    }
    return { entries: zip.entries, totalUncompressedBytes: zip.totalUncompressedBytes };
  } finally {
    zip.zipfile.close();
  }
};
