// Two exports of the same document must give the same bytes (caches, tests, audit hashes), but
// docx stamps the current time twice: in docProps/core.xml and in every ZIP entry's header.
// The first we replace through docx's own override hook; the second we rewrite in place.

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const corePropertiesXml = (properties: { title: string; creator: string; created: Date }): string => {
  const when = properties.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(properties.title)}</dc:title>` +
    `<dc:creator>${escapeXml(properties.creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(properties.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
};

const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** MS-DOS date and time fields for a UTC instant (2-second resolution, years 1980–2107). */
const dosDateTime = (date: Date): { time: number; day: number } => {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
};

/**
 * Sets the modification time of every entry of a ZIP we have just written to `date`, in both the
 * central directory and the local headers. Only for our own output: it trusts the structure.
 */
export const stampZipEntries = (zip: Buffer, date: Date): Buffer => {
  const { time, day } = dosDateTime(date);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== END_OF_CENTRAL_DIRECTORY) eocd--;
  if (eocd < 0) throw new Error('stampZipEntries: no end of central directory record');
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let index = 0; index < entries; index++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_HEADER) throw new Error('stampZipEntries: bad central directory');
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(day, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('stampZipEntries: bad local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
};
