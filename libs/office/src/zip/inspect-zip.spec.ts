import { randomBytes } from 'node:crypto';
import { OfficeFileError } from '../errors/office-file-error';
import { inspectDocx } from '../docx/inspect-docx';
import { docxWith, documentXml } from '../test-support/hostile-archives';
import { buildZip, deflatedZeros, minimalDocx } from '../test-support/zip-writer';
import { inspectZip } from './inspect-zip';

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OfficeFileError) {
      // Every refusal speaks both interface languages.
      expect(error.vi.length).toBeGreaterThan(10);
      expect(error.en.length).toBeGreaterThan(10);
      return error.code;
    }
    throw error;
  }
  return 'accepted';
};

const paragraph = '<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>';

describe('inspectZip', () => {
  it('lists the entries of an ordinary ZIP without inflating them', async () => {
    const zip = buildZip([
      { name: 'a.xml', data: Buffer.from('<a/>') },
      { name: 'folder/b.bin', data: randomBytes(100), stored: true },
    ]);
    const inspection = await inspectZip(zip);
    expect(inspection.entries.map((entry) => entry.name)).toEqual(['a.xml', 'folder/b.bin']);
    expect(inspection.totalUncompressedBytes).toBe(104);
  });

  it('refuses random bytes, an empty buffer and an old .doc (OLE) file as NOT_A_ZIP', async () => {
    expect(await codeOf(inspectZip(randomBytes(4096)))).toBe('NOT_A_ZIP');
    expect(await codeOf(inspectZip(Buffer.alloc(0)))).toBe('NOT_A_ZIP');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(512)]);
    const error = await inspectZip(ole).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OfficeFileError);
    expect((error as OfficeFileError).vi).toContain('.doc');
  });

  it('refuses a ZIP whose header is right but whose directory is missing', async () => {
    const truncated = buildZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]).subarray(0, 40);
    expect(await codeOf(inspectZip(truncated))).toBe('NOT_A_ZIP');
  });

  it('refuses too many entries from the end record, before reading them', async () => {
    const entries = Array.from({ length: 2001 }, (_, index) => ({ name: `e${index}.txt`, data: Buffer.alloc(0), stored: true }));
    expect(await codeOf(inspectZip(buildZip(entries)))).toBe('TOO_MANY_ENTRIES');
    expect(await codeOf(inspectZip(buildZip(entries.slice(0, 10)), { maxEntries: 5 }))).toBe('TOO_MANY_ENTRIES');
  });

  it('refuses a 200 MiB zip bomb from its declared size, without inflating it', async () => {
    const zeros = await deflatedZeros(200);
    const bomb = buildZip([{ name: 'word/document.xml', deflated: zeros }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await codeOf(inspectZip(bomb))).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(await codeOf(inspectDocx(bomb))).toBe('TOO_LARGE_UNCOMPRESSED');
    // Inflating would have taken 200 MiB; the check reads only the central directory.
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses an entry compressed far beyond what documents compress (1000:1)', async () => {
    const zeros = await deflatedZeros(20);
    expect(await codeOf(inspectZip(buildZip([{ name: 'x.xml', deflated: zeros }])))).toBe('SUSPICIOUS_COMPRESSION');
    // Small parts compress very well too and are let through.
    expect(await codeOf(inspectZip(buildZip([{ name: 'x.xml', data: Buffer.alloc(500_000) }])))).toBe('accepted');
  });

  it('refuses names that climb out of the archive or are absolute', async () => {
    for (const name of ['../evil.xml', 'word/../../evil.xml', '/etc/passwd', 'C:/Windows/x.xml', '..\\evil.xml']) {
      expect(await codeOf(inspectZip(buildZip([{ name, data: Buffer.from('x') }])))).toBe('UNSAFE_ENTRY_NAME');
    }
  });

  it('refuses encrypted entries and duplicate names', async () => {
    expect(await codeOf(inspectZip(buildZip([{ name: 'a.xml', data: Buffer.from('x'), stored: true, encrypted: true }])))).toBe(
      'ENCRYPTED_ENTRY',
    );
    const twice = buildZip([
      { name: 'a.xml', data: Buffer.from('x') },
      { name: 'a.xml', data: Buffer.from('y') },
    ]);
    expect(await codeOf(inspectZip(twice))).toBe('CORRUPT');
  });
});

describe('inspectDocx', () => {
  it('accepts a minimal DOCX', async () => {
    const inspection = await inspectDocx(minimalDocx(paragraph));
    expect(inspection.entries.map((entry) => entry.name)).toContain('word/document.xml');
  });

  it('refuses a valid ZIP that is not a DOCX', async () => {
    expect(await codeOf(inspectDocx(buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }])))).toBe('NOT_A_DOCX');
  });

  it('refuses a DOCTYPE with an external entity (XXE) in document.xml', async () => {
    const xxe = minimalDocx(paragraph.replace('Xin chào', '&xxe;'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
    expect(await codeOf(inspectDocx(xxe))).toBe('EXTERNAL_ENTITY');
  });

  it('refuses an entity declaration in any XML part, also in UTF-16 and across chunk boundaries', async () => {
    const utf16 = Buffer.from('\ufeff<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', 'utf16le');
    const withPart = (name: string, data: Buffer): Buffer =>
      buildZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        { name, data },
      ]);
    expect(await codeOf(inspectDocx(withPart('word/styles.xml', utf16)))).toBe('EXTERNAL_ENTITY');
    // Far past the first inflated chunk, so the scan must carry text between chunks.
    const late = Buffer.from(`<x>${' '.repeat(200_000)}</x><!ENTITY lol "lol">`);
    expect(await codeOf(inspectDocx(withPart('customXml/item1.xml', late)))).toBe('EXTERNAL_ENTITY');
  });

  it('finds the main part through the package relationships, as mammoth does, and refuses a workbook', async () => {
    const tracked = documentXml().replace('<w:body>', '<w:body><w:p><w:ins w:id="1" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins></w:p>');
    const renamed = docxWith([], { name: 'word/main.bin', entry: { name: 'word/main.bin', data: Buffer.from(tracked) } });
    const inspection = await inspectDocx(renamed);
    expect(inspection.mainDocument).toBe('word/main.bin');
    // The decoy word/document.xml has no tracked change: the count is the main part's.
    expect(inspection.features.insertion).toBe(1);
    const workbookLike = docxWith([], { name: 'xl/workbook.xml', entry: { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') } });
    expect(await codeOf(inspectDocx(workbookLike))).toBe('NOT_A_DOCX');
    // Relationships too large to read are refused, not ignored while mammoth follows them.
    const padded = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: '_rels/.rels', data: Buffer.from(`<Relationships><!-- ${randomBytes(600_000).toString('hex')} --></Relationships>`) },
      { name: 'word/document.xml', data: Buffer.from(documentXml()) },
    ]);
    expect(await codeOf(inspectDocx(padded))).toBe('CORRUPT');
  });

  it('counts tracked changes, comments and text boxes in document.xml', async () => {
    const body =
      '<w:p><w:ins w:id="1" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>cũ</w:delText></w:r></w:del>' +
      '<w:r><w:commentReference w:id="0"/></w:r></w:p>';
    const inspection = await inspectDocx(minimalDocx(body));
    expect(inspection.features).toMatchObject({ insertion: 1, deletion: 1, comment: 1, textBox: 0 });
  });
});
