import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { CanonicalEntry, writeCanonicalZip } from './canonical-zip';
import { openInspectedZip, ZipInspection } from './inspect-zip';
import { MarkerCounts, PartScanner } from './part-scanner';
import { corrupt, declaredSizeExceeded } from './zip-errors';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from './zip-limits';
import { ZipEntry } from './zip-reader';

// The one pass every upload makes before exceljs or mammoth sees it. The central directory's
// checks (inspect-zip) bound what the file declares; this pass makes the file keep its word:
// every entry, whatever its name, is inflated once through a counting stream that stops at the
// first chunk past the entry's declared size (so memory stays at a few zlib chunks, however far
// a bomb would inflate), must match its declared size and CRC exactly, and is scanned for
// DOCTYPE/ENTITY. The parser is then given a canonical ZIP of exactly the entries checked.
//
// yauzl's own `validateEntrySizes` is not relied on: it asserts sizes only for deflated entries
// read through its stream (stored ones are compared at directory time with an untyped error), and
// its destroy leaves the inflater alive (its issue #27). Here the compressed bytes are sliced from
// the buffer and inflated by a pipeline that destroys every stage on the first refusal.

export interface VerifyArchiveOptions {
  /** Markers to count in an entry, for the import report (not a security decision). */
  markersFor?: (name: string) => readonly string[];
  /** Entries whose text the caller needs afterwards (small structure parts, e.g. `_rels/.rels`). */
  keepText?: (name: string) => boolean;
  /** Checks on the entry names, run before anything is inflated (a required part missing). */
  checkNames?: (names: ReadonlySet<string>) => void;
}

export interface VerifiedArchive extends ZipInspection {
  /** The canonical ZIP to hand to the parser: only what was checked. */
  buffer: Buffer;
  counts: Map<string, MarkerCounts>;
  texts: Map<string, string>;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const SLICE = 64 * 1024;
// Text kept for the caller is of structure parts, a few kilobytes in real files. One larger is
// refused rather than ignored: the caller would decide without it while the parser reads it.
const MAX_KEPT_TEXT = 1024 * 1024;

/** The entry's compressed bytes, located through its local header as every reader must. */
const compressedBytes = (buffer: Buffer, entry: ZipEntry, name: string): Buffer => {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_FILE_HEADER) throw corrupt(`local header of "${name}"`, undefined, name);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) throw corrupt(`data of "${name}" past the end of the file`, undefined, name);
  return buffer.subarray(start, end);
};

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, Math.min(data.length, at + SLICE));
}

/** Feeds the inflated bytes of one entry to `onChunk`; throws before passing a byte beyond `declared`. */
const inflateCounted = async (compressed: Buffer, method: number, declared: number, name: string, onChunk: (chunk: Buffer) => void): Promise<void> => {
  let inflated = 0;
  // Node's pipeline rejects with an AbortError, not the error its last stage threw, when that
  // stage stops early: the refusal is kept aside so that its code survives.
  let refusal: unknown = null;
  const take = (chunk: Buffer): void => {
    try {
      inflated += chunk.length;
      if (inflated > declared) throw declaredSizeExceeded(name, declared);
      onChunk(chunk);
    } catch (error) {
      refusal = error;
      throw error;
    }
  };
  if (method === 0) {
    for (const chunk of slices(compressed)) take(chunk);
  } else {
    try {
      await pipeline(Readable.from(slices(compressed)), createInflateRaw(), async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) take(chunk);
      });
    } catch (error) {
      if (refusal !== null) throw refusal;
      throw corrupt(`part "${name}"`, error, name);
    }
  }
  if (inflated !== declared) throw corrupt(`part "${name}" is ${inflated} bytes, not the ${declared} declared`, undefined, name);
};

/**
 * Checks `buffer` as a ZIP (inspect-zip's directory checks), then inflates and scans every entry
 * as described above. Throws OfficeFileError; returns the canonical ZIP and what was counted.
 */
export const verifyArchive = async (
  buffer: Buffer,
  limits: Partial<ZipLimits> = {},
  options: VerifyArchiveOptions = {},
): Promise<VerifiedArchive> => {
  const zip = await openInspectedZip(buffer, { ...DEFAULT_ZIP_LIMITS, ...limits });
  options.checkNames?.(new Set(zip.rawEntries.keys()));
  const canonical: CanonicalEntry[] = [];
  const counts = new Map<string, MarkerCounts>();
  const texts = new Map<string, string>();
  for (const [name, entry] of zip.rawEntries) {
    const compressed = compressedBytes(buffer, entry, name);
    const scanner = new PartScanner(name, options.markersFor?.(name) ?? []);
    const kept: Buffer[] | null = options.keepText?.(name) === true ? [] : null;
    if (kept !== null && entry.uncompressedSize > MAX_KEPT_TEXT) throw corrupt(`structure part "${name}" of ${entry.uncompressedSize} bytes`, undefined, name);
    let crc = 0;
    await inflateCounted(compressed, entry.compressionMethod, entry.uncompressedSize, name, (chunk) => {
      scanner.write(chunk);
      crc = crc32(chunk, crc);
      kept?.push(chunk);
    });
    if (crc >>> 0 !== entry.crc32 >>> 0) throw corrupt(`checksum of part "${name}"`, undefined, name);
    counts.set(name, scanner.counts);
    if (kept !== null) texts.set(name, Buffer.concat(kept).toString('utf8'));
    // The compressed bytes are reused as they are: they were just proven to inflate to exactly
    // these bytes, so the parser reads what was scanned without the cost of deflating again.
    canonical.push({ name, method: entry.compressionMethod === 0 ? 0 : 8, crc, uncompressedSize: entry.uncompressedSize, data: compressed });
  }
  return { entries: zip.entries, totalUncompressedBytes: zip.totalUncompressedBytes, buffer: writeCanonicalZip(canonical), counts, texts };
};
