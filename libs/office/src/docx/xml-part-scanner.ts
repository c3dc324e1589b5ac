import { TextDecoder } from 'node:util';
import { OfficeFileError } from '../errors/office-file-error';
import { corrupt } from '../zip/zip-errors';
import { readEntryChunks, ZipEntry, ZipFile } from '../zip/zip-reader';

// Reads one XML part as a stream of text, without building it in memory: refuses a DOCTYPE or
// ENTITY declaration (no Office part has one; one that does is an XXE or billion-laughs attempt,
// whatever the XML parser downstream would do with it) and counts markers of content we cannot
// keep (tracked changes, comments, text boxes …) so the import report can name them.

const FORBIDDEN = ['<!DOCTYPE', '<!ENTITY'];

const externalEntity = (name: string, declaration: string): OfficeFileError =>
  new OfficeFileError(
    'EXTERNAL_ENTITY',
    {
      vi: `Tệp chứa khai báo ${declaration} trong phần "${name}"; tệp Office hợp lệ không có khai báo này nên tệp bị từ chối.`,
      en: `The file declares ${declaration} in part "${name}"; valid Office files never do, so the file is refused.`,
    },
    { entryName: name },
  );

/** UTF-16 parts are legal XML; reading them as UTF-8 would hide a declaration from the scan. */
const detectEncoding = (head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' => {
  if (head.length >= 2) {
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    if (head[0] === 0x3c && head[1] === 0x00) return 'utf-16le';
    if (head[0] === 0x00 && head[1] === 0x3c) return 'utf-16be';
  }
  return 'utf-8';
};

export type MarkerCounts = Map<string, number>;

/** Scans `entry`; throws EXTERNAL_ENTITY or CORRUPT, returns how often each marker occurs. */
export const scanXmlPart = async (
  zipfile: ZipFile,
  entry: ZipEntry,
  name: string,
  markers: readonly string[] = [],
): Promise<MarkerCounts> => {
  const counts: MarkerCounts = new Map(markers.map((marker) => [marker, 0]));
  const patterns = [...FORBIDDEN, ...markers];
  const longest = Math.max(...patterns.map((pattern) => pattern.length));
  // Created from the first chunk, once the encoding can be told.
  const reader: { decoder: TextDecoder | null } = { decoder: null };
  let carry = '';
  const scan = (text: string): void => {
    const window = carry + text;
    const upper = window.toUpperCase();
    for (const declaration of FORBIDDEN) {
      if (upper.includes(declaration)) throw externalEntity(name, declaration);
    }
    for (const marker of markers) {
      // Count only occurrences that end in the new text, so none is counted twice across chunks.
      for (let at = window.indexOf(marker); at >= 0; at = window.indexOf(marker, at + 1)) {
        if (at + marker.length > carry.length) counts.set(marker, (counts.get(marker) ?? 0) + 1);
      }
    }
    carry = window.slice(Math.max(0, window.length - (longest - 1)));
  };
  try {
    await readEntryChunks(zipfile, entry, (chunk) => {
      reader.decoder ??= new TextDecoder(detectEncoding(chunk));
      scan(reader.decoder.decode(chunk, { stream: true }));
    });
    if (reader.decoder !== null) scan(reader.decoder.decode());
  } catch (error) {
    if (error instanceof OfficeFileError) throw error;
    throw corrupt(`part "${name}"`, error, name);
  }
  return counts;
};
