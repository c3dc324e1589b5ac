import mammoth from 'mammoth';
import { BlockIdGenerator, DocumentJson, ensureBlockIds, randomBlockId, validateDocument } from '@vankien/document-schema';
import { inspectDocx } from '../docx/inspect-docx';
import { DocxFeatureCounts } from '../docx/docx-features';
import { OfficeFileError } from '../errors/office-file-error';
import { ZipLimits } from '../zip/zip-limits';
import { HtmlToDocument } from './html-to-document';
import { ImportReport, ReportBuilder } from './import-report';
import { markAlignment } from './mammoth-alignment';
import { STYLE_MAP } from './style-map';

export interface ImportOptions {
  /** Block ids for the imported document; random by default. */
  generateId?: () => string;
  /** Overrides of the ZIP guard's limits. */
  limits?: Partial<ZipLimits>;
}

export interface ImportResult {
  doc: DocumentJson;
  report: ImportReport;
}

// Images are never read: the schema cannot hold them and reading one inflates it.
const NO_IMAGE = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const reportFeatures = (features: DocxFeatureCounts, report: ReportBuilder): void => {
  const trackedChanges = features.insertion + features.deletion + features.moveFrom + features.moveTo;
  if (trackedChanges > 0) {
    report.lose('tracked_change', trackedChanges);
    report.warn('Tracked changes were accepted: inserted text is kept, deleted text is left out');
  }
  report.lose('comment', features.comment);
  if (features.textBox > 0) {
    report.lose('text_box', features.textBox);
    report.warn('Text in text boxes was kept as ordinary paragraphs where the box was anchored');
  }
  report.lose('equation', features.equation);
  report.lose('embedded_object', features.embeddedObject);
  report.lose('header_footer', features.headerFooterParts);
};

const unsupported = (reason: string): OfficeFileError =>
  new OfficeFileError('UNSUPPORTED_CONTENT', {
    vi: `Không chuyển được văn bản thành dự thảo (${reason}).`,
    en: `The document cannot be turned into a draft (${reason}).`,
  });

/**
 * Reads a DOCX into a congress document. The file passes inspectDocx first (ZIP bomb, XXE and
 * structure checks); mammoth converts it to HTML with a style map for Word's and Vietnamese
 * heading styles; the HTML becomes the schema, taking structure from heading styles or from
 * the numbers written at the start of short paragraphs. Everything that could not be kept is
 * in the report. Throws OfficeFileError for files that are refused.
 */
export const importDocx = async (buffer: Buffer, options: ImportOptions = {}): Promise<ImportResult> => {
  const inspection = await inspectDocx(buffer, options.limits);
  let html: string;
  const report = new ReportBuilder();
  try {
    // The verified package, never the upload: mammoth reads only what the guard inflated and scanned.
    const result = await mammoth.convertToHtml(
      { buffer: inspection.buffer },
      { styleMap: [...STYLE_MAP], convertImage: NO_IMAGE, transformDocument: markAlignment, externalFileAccess: false },
    );
    html = result.value;
    for (const message of result.messages) {
      report.warn(message.message.replace(/'vankien-align-(center|right)'/, 'alignment'));
    }
  } catch (error) {
    throw new OfficeFileError(
      'CORRUPT',
      { vi: 'Không đọc được nội dung văn bản Word.', en: 'The Word document could not be read.' },
      { cause: error },
    );
  }
  const drawingsBeyondImages = inspection.features.drawing + inspection.features.vmlPicture;
  const converted = new HtmlToDocument(report).convert(html);
  reportFeatures(inspection.features, report);
  const built = report.build();
  const images = built.lost.find((lost) => lost.kind === 'image')?.count ?? 0;
  // Charts, shapes and SmartArt are drawings mammoth does not even turn into an image.
  if (drawingsBeyondImages > images) {
    const other = drawingsBeyondImages - images;
    built.lost.push({ kind: 'drawing', count: other });
  }
  const withIds = ensureBlockIds(converted, (options.generateId ?? randomBlockId) as BlockIdGenerator);
  const validation = validateDocument(withIds);
  if (!validation.ok) {
    throw unsupported(validation.errors.slice(0, 3).map((error) => `${error.path}: ${error.reason}`).join('; '));
  }
  return { doc: validation.json as DocumentJson, report: built };
};
