import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import * as yauzl from 'yauzl';
import type { OfficeFileErrorCode } from '../errors/office-file-error';
import type { ZipLimits } from '../zip/zip-limits';
import { buildZip, deflatedBytes, deflatedZeros, ZipSpecEntry } from './zip-writer';

// A corpus of hostile archives built in code, each as a DOCX and as an XLSX so that it can go
// through every import path: the document import (mammoth) and the comment-table import
// (mammoth for Word, exceljs for Excel). Each is a clean base file with one trick added, so the
// refusal is that trick's. Shared by the pure specs and the service tests.

export type ArchiveFormat = 'docx' | 'xlsx';

export interface HostileArchive {
  name: string;
  docx: Buffer;
  xlsx: Buffer;
  /** The refusal expected; per format where the two packages differ. */
  code: OfficeFileErrorCode | Record<ArchiveFormat, OfficeFileErrorCode>;
  /** Limits lowered for the case (the defaults need files too large for a quick test). */
  limits?: Partial<ZipLimits>;
}

export const expectedCode = (archive: HostileArchive, format: ArchiveFormat): OfficeFileErrorCode =>
  typeof archive.code === 'string' ? archive.code : archive.code[format];

const MIB = 1024 * 1024;
/** How far the bombs inflate: the figure the attack pass used. */
export const BOMB_MIB = 200;

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const cell = (text: string): string => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const row = (...cells: string[]): string => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
/** A Word comment table both readers accept: a header and one comment. */
const DOCUMENT_BODY =
  '<w:p><w:r><w:t>BẢNG TỔNG HỢP Ý KIẾN GÓP Ý</w:t></w:r></w:p>' +
  `<w:tbl>${row('STT', 'Phần, mục', 'Nội dung góp ý')}${row('1', 'Toàn văn kiện', 'Đề nghị bổ sung đánh giá về chuyển đổi số')}</w:tbl>`;
export const documentXml = (prologue = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prologue}<w:document xmlns:w="${WORD_NS}"><w:body>${DOCUMENT_BODY}</w:body></w:document>`;

const contentTypes = (mainPart: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/${mainPart}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  '</Types>';
const packageRelationships = (mainPart: string): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/>` +
  '</Relationships>';

/** A DOCX whose main part is `mainPart` (as its relationships say), plus `extra` entries. */
export const docxWith = (extra: readonly ZipSpecEntry[] = [], main: { name: string; entry?: ZipSpecEntry } = { name: 'word/document.xml' }): Buffer =>
  buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(main.name)) },
    { name: '_rels/.rels', data: Buffer.from(packageRelationships(main.name)) },
    // Where the main part is elsewhere, an innocent word/document.xml is the decoy a name-based check reads.
    { name: 'word/document.xml', data: Buffer.from(documentXml()) },
    ...(main.entry === undefined ? [] : [main.entry]),
    ...extra,
  ]);

/** Every entry of a ZIP, inflated (for re-packing a file exceljs wrote). */
const entriesOf = (buffer: Buffer): Promise<ZipSpecEntry[]> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zipfile) => {
      if (error) return reject(error);
      const entries: ZipSpecEntry[] = [];
      zipfile.on('error', reject);
      zipfile.on('end', () => resolve(entries));
      zipfile.on('entry', (entry: yauzl.Entry) => {
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zipfile.readEntry();
          });
        });
      });
      zipfile.readEntry();
    });
  });

/** The entries of an XLSX comment table exceljs wrote: a header and one comment. */
export const xlsxBaseEntries = async (): Promise<ZipSpecEntry[]> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Góp ý');
  sheet.addRow(['STT', 'Phần, mục', 'Nội dung góp ý']);
  sheet.addRow([1, 'Toàn văn kiện', 'Đề nghị bổ sung đánh giá về chuyển đổi số']);
  return entriesOf(Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
};

const SHEET = 'xl/worksheets/sheet1.xml';
const WORKBOOK_RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';

/** The XLSX base with its sheet moved to `sheetName` (the workbook's relationships follow it). */
const xlsxWithSheetAt = (base: readonly ZipSpecEntry[], sheetName: string, sheet: ZipSpecEntry): ZipSpecEntry[] =>
  base
    .filter((entry) => entry.name !== SHEET)
    .map((entry) =>
      entry.name === WORKBOOK_RELATIONSHIPS && entry.data !== undefined
        ? { name: entry.name, data: Buffer.from(entry.data.toString('utf8').replace('worksheets/sheet1.xml', sheetName.replace(/^xl\//, ''))) }
        : entry,
    )
    .concat([sheet]);

let bomb: ReturnType<typeof deflatedZeros> | undefined;
/** The bomb's deflated zeros, made once per test file (deflating 200 MiB takes a second). */
const bombZeros = (): ReturnType<typeof deflatedZeros> => (bomb ??= deflatedZeros(BOMB_MIB));

/** Builds the corpus. */
export const hostileArchives = async (): Promise<HostileArchive[]> => {
  const xlsxBase = await xlsxBaseEntries();
  const xlsxWith = (extra: readonly ZipSpecEntry[]): Buffer => buildZip([...xlsxBase, ...extra]);
  const zeros = await bombZeros();
  const lyingBomb = (name: string): ZipSpecEntry => ({ name, deflated: zeros, declaredSize: 1000 });
  const doctype = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><x>&lol2;</x>');
  const sheetWithDoctype = Buffer.from(
    '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
  );
  const nestedBomb = buildZip([{ name: 'word/document.xml', deflated: zeros }]);
  const poorlyCompressible = Buffer.from(randomBytes(MIB).toString('hex'));
  const oneMiBOfZeros = deflatedBytes(Buffer.alloc(MIB));
  const spreadBomb = (prefix: string): ZipSpecEntry[] =>
    Array.from({ length: 90 }, (_, index) => ({ name: `${prefix}${index}.bin`, deflated: oneMiBOfZeros }));
  const manyEntries = Array.from({ length: 2001 }, (_, index): ZipSpecEntry => ({ name: `customXml/e${index}.xml`, data: Buffer.alloc(0), stored: true }));
  return [
    {
      name: `a part with a binary name declares 1,000 bytes and inflates to ${BOMB_MIB} MiB`,
      docx: docxWith([lyingBomb('word/media/image1.bin')]),
      xlsx: xlsxWith([lyingBomb('xl/media/image1.bin')]),
      code: 'DECLARED_SIZE_EXCEEDED',
    },
    {
      name: 'the main part, renamed through the relationships (word/main.bin, a sheet at worksheets/sheet1.bin), lies about its size',
      docx: docxWith([], { name: 'word/main.bin', entry: lyingBomb('word/main.bin') }),
      xlsx: buildZip(xlsxWithSheetAt(xlsxBase, 'xl/worksheets/sheet1.bin', lyingBomb('xl/worksheets/sheet1.bin'))),
      code: 'DECLARED_SIZE_EXCEEDED',
    },
    {
      name: 'the main part, renamed through the relationships, declares a DOCTYPE with entities',
      docx: docxWith([], { name: 'word/main.bin', entry: { name: 'word/main.bin', data: Buffer.from(documentXml('<!DOCTYPE w:document [<!ENTITY a "b">]>')) } }),
      xlsx: buildZip(xlsxWithSheetAt(xlsxBase, 'xl/worksheets/sheet1.bin', { name: 'xl/worksheets/sheet1.bin', data: sheetWithDoctype })),
      code: 'EXTERNAL_ENTITY',
    },
    {
      name: 'a stored (uncompressed) part is 1 MiB long and declares 1,000 bytes',
      docx: docxWith([{ name: 'word/media/image1.png', data: randomBytes(MIB), stored: true, declaredSize: 1000 }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.png', data: randomBytes(MIB), stored: true, declaredSize: 1000 }]),
      code: 'DECLARED_SIZE_EXCEEDED',
    },
    {
      name: `a high-ratio bomb that declares its ${BOMB_MIB} MiB`,
      docx: docxWith([{ name: 'word/media/image1.emf', deflated: zeros }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.emf', deflated: zeros }]),
      code: 'TOO_LARGE_UNCOMPRESSED',
    },
    {
      name: 'a part compressed 1000:1, under the size limits',
      docx: docxWith([{ name: 'word/media/image2.bin', data: Buffer.alloc(20 * MIB) }]),
      xlsx: xlsxWith([{ name: 'xl/media/image2.bin', data: Buffer.alloc(20 * MIB) }]),
      code: 'SUSPICIOUS_COMPRESSION',
    },
    {
      name: 'a bomb spread over 90 parts of 1 MiB, each under the per-part ratio check',
      docx: docxWith(spreadBomb('word/media/part')),
      xlsx: xlsxWith(spreadBomb('xl/media/part')),
      code: 'SUSPICIOUS_COMPRESSION',
    },
    {
      name: 'a part over the per-entry limit (lowered to 1 MiB for the test)',
      docx: docxWith([{ name: 'customXml/item1.xml', data: poorlyCompressible }]),
      xlsx: xlsxWith([{ name: 'customXml/item1.xml', data: poorlyCompressible }]),
      code: 'TOO_LARGE_UNCOMPRESSED',
      limits: { maxEntryUncompressedBytes: MIB },
    },
    {
      name: 'too many entries',
      docx: docxWith(manyEntries),
      xlsx: xlsxWith(manyEntries),
      code: 'TOO_MANY_ENTRIES',
    },
    {
      name: 'an encrypted entry (general-purpose bit 0)',
      docx: docxWith([{ name: 'word/media/image1.png', data: randomBytes(100), stored: true, encrypted: true }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.png', data: randomBytes(100), stored: true, encrypted: true }]),
      code: 'ENCRYPTED_ENTRY',
    },
    {
      name: 'a DOCTYPE in a part with a binary name',
      docx: docxWith([{ name: 'customXml/item1.bin', data: doctype }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.png', data: doctype }]),
      code: 'EXTERNAL_ENTITY',
    },
    {
      name: 'an ENTITY in UTF-16 without a byte-order mark, in a .dat part',
      docx: docxWith([{ name: 'word/settings.dat', data: Buffer.from('<x/><!ENTITY a "b">', 'utf16le') }]),
      xlsx: xlsxWith([{ name: 'xl/settings.dat', data: Buffer.from('<x/><!ENTITY a "b">', 'utf16le') }]),
      code: 'EXTERNAL_ENTITY',
    },
    {
      name: `a nested archive (a ${BOMB_MIB} MiB bomb inside) as the main part`,
      docx: docxWith([], { name: 'word/main.docx', entry: { name: 'word/main.docx', data: nestedBomb, stored: true } }),
      xlsx: buildZip(xlsxWithSheetAt(xlsxBase, 'xl/worksheets/sheet1.xml', { name: SHEET, data: nestedBomb, stored: true })),
      code: { docx: 'NOT_A_DOCX', xlsx: 'CORRUPT' },
    },
    {
      name: 'a part declares more bytes than it inflates to',
      docx: docxWith([{ name: 'word/media/image1.png', data: randomBytes(100), declaredSize: MIB / 2 }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.png', data: randomBytes(100), declaredSize: MIB / 2 }]),
      code: 'CORRUPT',
    },
    {
      name: 'a part whose CRC is wrong',
      docx: docxWith([{ name: 'word/media/image1.png', data: randomBytes(100), declaredCrc: 1 }]),
      xlsx: xlsxWith([{ name: 'xl/media/image1.png', data: randomBytes(100), declaredCrc: 1 }]),
      code: 'CORRUPT',
    },
  ];
};

/**
 * An archive no reader should open: a clean DOCX/XLSX holding a nested ZIP whose one entry
 * inflates to the bomb's size (Word stores embedded workbooks so). Neither parser opens nested
 * archives, so it is accepted, and must be without inflating the bomb.
 */
export const nestedBombEmbedded = async (): Promise<Record<ArchiveFormat, Buffer>> => {
  const nested = buildZip([{ name: 'xl/worksheets/sheet1.xml', deflated: await bombZeros() }]);
  return {
    docx: docxWith([{ name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', data: nested, stored: true }]),
    xlsx: buildZip([...(await xlsxBaseEntries()), { name: 'xl/embeddings/oleObject1.xlsx', data: nested, stored: true }]),
  };
};
