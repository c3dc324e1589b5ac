import { OfficeFileError } from '../errors/office-file-error';
import { PartScanner } from './part-scanner';

/** Feeds `bytes` to a scanner in chunks of `size` bytes; the code it refused with, or the counts. */
const scan = (bytes: Buffer, size: number, markers: string[] = []): string | Record<string, number> => {
  const scanner = new PartScanner('word/main.bin', markers);
  try {
    for (let at = 0; at < bytes.length; at += size) scanner.write(bytes.subarray(at, at + size));
  } catch (error) {
    if (error instanceof OfficeFileError) return error.code;
    throw error;
  }
  return Object.fromEntries(scanner.counts);
};

describe('PartScanner', () => {
  it('finds a declaration split across chunks at every byte, in UTF-8 and both UTF-16 orders', () => {
    const text = '<x/><!DOCTYPE x [<!ENTITY a "b">]>';
    for (const bytes of [Buffer.from(text), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()]) {
      for (let size = 1; size <= 12; size++) expect({ size, code: scan(bytes, size) }).toEqual({ size, code: 'EXTERNAL_ENTITY' });
    }
  });

  it('refuses in any case and in binary surroundings, and lets ordinary markup and comments pass', () => {
    expect(scan(Buffer.concat([Buffer.from([0xff, 0x00, 0x89]), Buffer.from('<!doctype svg>'), Buffer.alloc(3)]), 4)).toBe('EXTERNAL_ENTITY');
    expect(scan(Buffer.from('<?xml version="1.0"?><!-- <!ELEMENT is not looked for --><![CDATA[x]]><a/>'), 5)).toEqual({});
  });

  it('counts each marker once, also across chunk boundaries, and only in parts that start as XML', () => {
    const markers = ['<w:ins ', '<w:t>'];
    const xml = Buffer.from('\ufeff <w:body><w:ins w:id="1"><w:t>a</w:t></w:ins><w:t>b</w:t></w:body>');
    for (let size = 1; size <= 9; size++) expect(scan(xml, size, markers)).toEqual({ '<w:ins ': 1, '<w:t>': 2 });
    expect(scan(Buffer.concat([Buffer.from([0x89, 0x50]), xml]), 7, markers)).toEqual({ '<w:ins ': 0, '<w:t>': 0 });
  });
});
