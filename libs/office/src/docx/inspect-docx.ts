import { OfficeFileError } from '../errors/office-file-error';
import { ZipInspection } from '../zip/inspect-zip';
import { MarkerCounts } from '../zip/part-scanner';
import { verifyArchive } from '../zip/verify-archive';
import { ZipLimits } from '../zip/zip-limits';
import { DOCUMENT_MARKERS, DocumentMarker, DocxFeatureCounts, emptyFeatureCounts } from './docx-features';

export interface DocxInspection extends ZipInspection {
  features: DocxFeatureCounts;
  /** The verified, canonical package: the only bytes a parser may be given. */
  buffer: Buffer;
  /** The main document part, as the package's relationships name it (mammoth reads this one). */
  mainDocument: string;
}

const CONTENT_TYPES = '[Content_Types].xml';
const PACKAGE_RELATIONSHIPS = '_rels/.rels';
const DEFAULT_MAIN_DOCUMENT = 'word/document.xml';
const HEADER_FOOTER_PART = /^word\/(header|footer)\d*\.xml$/i;
const TEXT_RUNS = ['<w:t>', '<w:t '];
const MARKER_NAMES = Object.keys(DOCUMENT_MARKERS) as DocumentMarker[];
const OFFICE_DOCUMENT = /\/relationships\/officeDocument$/;
// In the namespace of a Word body, transitional or strict; a workbook's main part has not.
const WORD_NAMESPACE = 'wordprocessingml';
// The main part is known only once the relationships are read, and entries come in any order:
// every part counts every marker (a few indexOf per chunk), the right counts are picked after.
const ALL_MARKERS = [...MARKER_NAMES.map((marker) => DOCUMENT_MARKERS[marker]), ...TEXT_RUNS, WORD_NAMESPACE];

const notADocx = (missing: string): OfficeFileError =>
  new OfficeFileError('NOT_A_DOCX', {
    vi: `Tệp không phải văn bản Word (.docx): thiếu thành phần "${missing}".`,
    en: `The file is not a Word document (.docx): the part "${missing}" is missing.`,
  });

const notAWordBody = (part: string): OfficeFileError =>
  new OfficeFileError('NOT_A_DOCX', {
    vi: `Tệp không phải văn bản Word (.docx): phần nội dung chính "${part}" không phải nội dung văn bản Word.`,
    en: `The file is not a Word document (.docx): its main part "${part}" is not a Word body.`,
  });

/** The main document's part name as mammoth finds it: the officeDocument relationship's target that exists, else the default. */
const mainDocumentOf = (relationships: string | undefined, names: ReadonlySet<string>): string => {
  for (const element of (relationships ?? '').match(/<Relationship\b[^>]*>/g) ?? []) {
    const type = /\bType=(["'])(.*?)\1/.exec(element)?.[2] ?? '';
    const target = /\bTarget=(["'])(.*?)\1/.exec(element)?.[2];
    if (!OFFICE_DOCUMENT.test(type) || target === undefined) continue;
    const name = target.replace(/^\//, '');
    if (names.has(name)) return name;
  }
  return DEFAULT_MAIN_DOCUMENT;
};

const featuresOf = (counts: Map<string, MarkerCounts>, mainDocument: string): DocxFeatureCounts => {
  const features = emptyFeatureCounts();
  const main = counts.get(mainDocument);
  for (const marker of MARKER_NAMES) features[marker] = main?.get(DOCUMENT_MARKERS[marker]) ?? 0;
  for (const [name, partCounts] of counts) {
    // A footer holding only the page-number field is layout, not content: only text counts.
    if (HEADER_FOOTER_PART.test(name) && TEXT_RUNS.some((marker) => (partCounts.get(marker) ?? 0) > 0)) features.headerFooterParts += 1;
  }
  return features;
};

/**
 * The DOCX guard: verifyArchive's checks on every entry (declared and actual sizes, DOCTYPE and
 * ENTITY in any part whatever its name), the parts a Word document must have, and the counts of
 * what the import cannot keep. Hand mammoth `buffer`, never the upload.
 */
export const inspectDocx = async (buffer: Buffer, limits: Partial<ZipLimits> = {}): Promise<DocxInspection> => {
  const verified = await verifyArchive(buffer, limits, {
    checkNames: (names) => {
      if (!names.has(CONTENT_TYPES)) throw notADocx(CONTENT_TYPES);
    },
    markersFor: (name) => (name.endsWith('/') ? [] : ALL_MARKERS),
    keepText: (name) => name === PACKAGE_RELATIONSHIPS,
  });
  const names = new Set(verified.entries.map((entry) => entry.name));
  const mainDocument = mainDocumentOf(verified.texts.get(PACKAGE_RELATIONSHIPS), names);
  if (!names.has(mainDocument)) throw notADocx(mainDocument);
  if ((verified.counts.get(mainDocument)?.get(WORD_NAMESPACE) ?? 0) === 0) throw notAWordBody(mainDocument);
  return {
    entries: verified.entries,
    totalUncompressedBytes: verified.totalUncompressedBytes,
    features: featuresOf(verified.counts, mainDocument),
    buffer: verified.buffer,
    mainDocument,
  };
};
