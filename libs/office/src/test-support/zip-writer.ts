import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

// A tiny ZIP writer for the specs: it writes exactly what a test asks for, including what no
// honest tool would (lying sizes, encrypted flags, "../" names), to exercise the guard.

export interface ZipSpecEntry {
  name: string;
  /** Raw content; deflated unless `stored`. */
  data?: Buffer;
  /** Already-compressed data with its true CRC and size (for bombs built by streaming). */
  deflated?: { data: Buffer; crc: number; size: number };
  stored?: boolean;
  encrypted?: boolean;
  /** The uncompressed size written in both headers, instead of the true one (a lie). */
  declaredSize?: number;
  /** The CRC written in both headers, instead of the true one. */
  declaredCrc?: number;
}

export const buildZip = (entries: readonly ZipSpecEntry[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = entry.data ?? Buffer.alloc(0);
    const method = entry.deflated ? 8 : entry.stored ? 0 : 8;
    const plainBody = entry.deflated ? entry.deflated.data : entry.stored ? raw : deflateRawSync(raw);
    // Traditional PKWARE encryption puts a 12-byte header before the data (its content does not
    // matter here: the guard refuses the entry from its flag).
    const body = entry.encrypted ? Buffer.concat([Buffer.alloc(12, 0x5a), plainBody]) : plainBody;
    const crc = entry.declaredCrc ?? (entry.deflated ? entry.deflated.crc : crc32(raw));
    const size = entry.declaredSize ?? (entry.deflated ? entry.deflated.size : raw.length);
    const flags = 0x0800 | (entry.encrypted ? 0x0001 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** `data` deflated once, to be written as many entries without deflating it again. */
export const deflatedBytes = (data: Buffer): { data: Buffer; crc: number; size: number } => ({
  data: deflateRawSync(data, { level: 9 }),
  crc: crc32(data),
  size: data.length,
});

/** `megabytes` MiB of zeros, deflated as a stream: the test never holds them in memory. */
export const deflatedZeros = (megabytes: number): Promise<{ data: Buffer; crc: number; size: number }> =>
  new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024);
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    let crc = 0;
    deflate.on('data', (data: Buffer) => out.push(data));
    deflate.on('error', reject);
    deflate.on('end', () => resolve({ data: Buffer.concat(out), crc, size: megabytes * chunk.length }));
    for (let index = 0; index < megabytes; index++) {
      deflate.write(chunk);
      crc = crc32(chunk, crc);
    }
    deflate.end();
  });

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** A minimal hand-made DOCX whose body is `bodyXml`, optionally preceded by a prologue (DOCTYPE …). */
export const minimalDocx = (bodyXml: string, prologue = ''): Buffer =>
  buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prologue}` +
          '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
          `<w:body>${bodyXml}</w:body></w:document>`,
      ),
    },
  ]);
