import { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Table, TextRun } from 'docx';
import { DocumentJson, validateDocument } from '@vankien/document-schema';
import { writeBlock } from './block-writer';
import { createBlockContext } from './block-context';
import { corePropertiesXml, stampZipEntries } from './deterministic-package';
import { documentStyles } from './document-styles';
import { numberingConfig } from './list-numbering';
import { partyHeader } from './party-header';
import { A4, MARGINS, STYLE_IDS } from './party-layout';

export interface ExportMeta {
  /** The issuing body: "Ban Chấp hành Đảng bộ huyện Phong Thổ" (printed in upper case, bold). */
  organizationName: string;
  /** The superior organisation: "tỉnh Lai Châu" or "Đảng bộ tỉnh Lai Châu" → "ĐẢNG BỘ TỈNH LAI CHÂU". */
  parentOrganizationName?: string;
  /** Printed when the document has no title block of its own; always the file's title property. */
  title: string;
  /** "Phong Thổ, ngày 15 tháng 3 năm 2025" (italic, under the Party's name). */
  placeAndDate?: string;
  /** "DỰ THẢO LẦN 2", centred under the title. */
  versionLabel?: string;
}

export interface ExportOptions {
  /**
   * The creation date written into the file's properties and ZIP headers. Defaults to a fixed
   * date so that exporting the same version twice gives the same bytes; pass the version's
   * frozen-at date to show a meaningful one.
   */
  createdAt?: Date;
}

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const pageNumberFooter = (): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });

/**
 * A congress document as a DOCX laid out like a Party document: A4, Times New Roman 14 pt,
 * the heading block (superior organisation, issuing body, "ĐẢNG CỘNG SẢN VIỆT NAM", place and
 * date), title and version label, styled headings, lists, bordered tables, the targets table
 * with the columns its purpose calls for, real footnotes and centred page numbers.
 * Throws RangeError when `doc` is not a valid congress document.
 */
export const exportDocx = async (doc: DocumentJson, meta: ExportMeta, options: ExportOptions = {}): Promise<Buffer> => {
  const validation = validateDocument(doc);
  if (!validation.ok) {
    const first = validation.errors.slice(0, 3).map((error) => `${error.path}: ${error.reason}`);
    throw new RangeError(`exportDocx: not a valid congress document (${first.join('; ')})`);
  }
  const blocks = validation.json.content;
  const context = createBlockContext();
  const body: Array<Paragraph | Table> = [partyHeader(meta), new Paragraph({})];

  // The document's own title blocks come first; the meta title stands in when there are none.
  let index = 0;
  while (index < blocks.length && blocks[index].type === 'title') writeBlock(blocks[index++], context, body);
  if (index === 0 && meta.title.trim() !== '') {
    body.push(new Paragraph({ style: STYLE_IDS.title, children: [new TextRun(meta.title.normalize('NFC').trim())] }));
  }
  if (meta.versionLabel?.trim()) {
    body.push(new Paragraph({ style: STYLE_IDS.versionLabel, children: [new TextRun(meta.versionLabel.normalize('NFC').trim())] }));
  }
  for (; index < blocks.length; index++) writeBlock(blocks[index], context, body);

  const created = options.createdAt ?? FIXED_DATE;
  const file = new Document({
    creator: meta.organizationName,
    title: meta.title,
    styles: documentStyles(),
    numbering: numberingConfig(context.orderedStarts),
    footnotes: context.footnotes.footnotes(),
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: MARGINS,
          },
        },
        footers: { default: pageNumberFooter() },
        children: body,
      },
    ],
  });
  const packed = await Packer.toBuffer(file, false, [
    { path: 'docProps/core.xml', data: corePropertiesXml({ title: meta.title, creator: meta.organizationName, created }) },
  ]);
  return stampZipEntries(Buffer.from(packed), created);
};
