import { OfficeFileError } from '../errors/office-file-error';
import { openInspectedZip, ZipInspection } from '../zip/inspect-zip';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from '../zip/zip-limits';
import { DOCUMENT_MARKERS, DocumentMarker, DocxFeatureCounts, emptyFeatureCounts } from './docx-features';
import { scanXmlPart } from './xml-part-scanner';

export interface DocxInspection extends ZipInspection {
  features: DocxFeatureCounts;
}

const CONTENT_TYPES = '[Content_Types].xml';
const MAIN_DOCUMENT = 'word/document.xml';
// Parts known to be binary are not scanned; everything else might be read as XML by mammoth
// (it follows relationships to any name), so everything else is scanned.
const BINARY_EXTENSIONS = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|ico|webp|bin|odttf|ttf|otf|fntdata|mp3|mp4|wav|wmv|avi|mov|xlsx|xlsm|docx|pptx|zip)$/i;
const HEADER_FOOTER_PART = /^word\/(header|footer)\d*\.xml$/i;
const TEXT_RUNS = ['<w:t>', '<w:t '];
const MARKER_NAMES = Object.keys(DOCUMENT_MARKERS) as DocumentMarker[];

const notADocx = (missing: string): OfficeFileError =>
  new OfficeFileError('NOT_A_DOCX', {
    vi: `Tệp không phải văn bản Word (.docx): thiếu thành phần "${missing}".`,
    en: `The file is not a Word document (.docx): the part "${missing}" is missing.`,
  });

/**
 * The DOCX guard: inspectZip's checks, the parts a Word document must have, and a scan of every
 * non-binary part for DOCTYPE/ENTITY declarations (read with yauzl only after the size checks
 * passed, so a bomb is never inflated). Also counts what the import cannot keep.
 */
export const inspectDocx = async (buffer: Buffer, limits: Partial<ZipLimits> = {}): Promise<DocxInspection> => {
  const zip = await openInspectedZip(buffer, { ...DEFAULT_ZIP_LIMITS, ...limits });
  try {
    for (const required of [CONTENT_TYPES, MAIN_DOCUMENT]) {
      if (!zip.rawEntries.has(required)) throw notADocx(required);
    }
    const features = emptyFeatureCounts();
    for (const [name, entry] of zip.rawEntries) {
      if (name.endsWith('/') || BINARY_EXTENSIONS.test(name)) continue;
      const isHeaderOrFooter = HEADER_FOOTER_PART.test(name);
      const markers =
        name === MAIN_DOCUMENT ? MARKER_NAMES.map((marker) => DOCUMENT_MARKERS[marker]) : isHeaderOrFooter ? TEXT_RUNS : [];
      const counts = await scanXmlPart(zip.zipfile, entry, name, markers);
      if (name === MAIN_DOCUMENT) {
        for (const marker of MARKER_NAMES) features[marker] = counts.get(DOCUMENT_MARKERS[marker]) ?? 0;
      }
      // A footer holding only the page-number field is layout, not content: only text counts.
      if (isHeaderOrFooter && TEXT_RUNS.some((marker) => (counts.get(marker) ?? 0) > 0)) features.headerFooterParts += 1;
    }
    return { entries: zip.entries, totalUncompressedBytes: zip.totalUncompressedBytes, features };
  } finally {
    zip.zipfile.close();
  }
};
