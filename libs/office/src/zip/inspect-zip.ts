import { OfficeFileError } from '../errors/office-file-error';
import { unsafeEntryNameReason } from './entry-name';
import {
  corrupt,
  encryptedEntry,
  entryTooLarge,
  notAZip,
  suspiciousArchiveCompression,
  suspiciousCompression,
  tooLargeUncompressed,
  tooManyEntries,
  unsafeEntryName,
} from './zip-errors';
import { DEFAULT_ZIP_LIMITS, ZipLimits } from './zip-limits';
import { entryName, forEachEntry, openZip, ZipEntry, ZipFile } from './zip-reader';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated: the only two yauzl, Word and Excel use. */
  compressionMethod: number;
}

export interface ZipInspection {
  entries: ZipEntryInfo[];
  totalUncompressedBytes: number;
}

/** What inspectZip learnt, with yauzl's records (offsets, CRC) for verifyArchive. */
export interface InspectedZip extends ZipInspection {
  rawEntries: Map<string, ZipEntry>;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
// The OLE compound-file signature: old .doc/.xls files, and password-protected .docx/.xlsx,
// which Office wraps in an encrypted OLE container.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SUPPORTED_METHODS = new Set([0, 8]);

const startsLikeZip = (buffer: Buffer): boolean =>
  buffer.length >= 22 &&
  (buffer.readUInt32LE(0) === LOCAL_FILE_HEADER || buffer.readUInt32LE(0) === END_OF_CENTRAL_DIRECTORY);

const checkEntry = (entry: ZipEntry, name: string, limits: ZipLimits): void => {
  const reason = unsafeEntryNameReason(name);
  if (reason !== null) throw unsafeEntryName(name, reason);
  if (entry.isEncrypted()) throw encryptedEntry(name);
  if (!SUPPORTED_METHODS.has(entry.compressionMethod)) {
    throw corrupt(`compression method ${entry.compressionMethod}`, undefined, name);
  }
  if (entry.uncompressedSize > limits.maxEntryUncompressedBytes) throw entryTooLarge(name, entry.uncompressedSize, limits.maxEntryUncompressedBytes);
  if (entry.uncompressedSize > limits.compressionRatioMinBytes) {
    // A zero compressed size with content is the limit case of a bomb, not a division error.
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxCompressionRatio) throw suspiciousCompression(name, ratio, limits.maxCompressionRatio);
  }
};

/** Reads and checks the central directory. Internal. */
export const openInspectedZip = async (buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<InspectedZip> => {
  if (!startsLikeZip(buffer)) throw notAZip(buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE));
  let zipfile: ZipFile;
  try {
    zipfile = await openZip(buffer);
  } catch (error) {
    throw notAZip(false);
  }
  // The end-of-central-directory record gives the count: refuse before reading a single record.
  if (zipfile.entryCount > limits.maxEntries) {
    zipfile.close();
    throw tooManyEntries(zipfile.entryCount, limits.maxEntries);
  }
  const entries: ZipEntryInfo[] = [];
  const rawEntries = new Map<string, ZipEntry>();
  let total = 0;
  let compressedTotal = 0;
  try {
    await forEachEntry(zipfile, (entry) => {
      const name = entryName(entry);
      total += entry.uncompressedSize;
      compressedTotal += entry.compressedSize;
      if (total > limits.maxTotalUncompressedBytes) throw tooLargeUncompressed(total, limits.maxTotalUncompressedBytes);
      checkEntry(entry, name, limits);
      // Two entries of one name are read differently by different readers (first or last wins):
      // what we check must be what mammoth and ExcelJS read.
      if (rawEntries.has(name)) throw corrupt(`duplicate part "${name}"`, undefined, name);
      rawEntries.set(name, entry);
      entries.push({
        name,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        compressionMethod: entry.compressionMethod,
      });
    });
  } catch (error) {
    throw error instanceof OfficeFileError ? error : corrupt('central directory', error);
  } finally {
    zipfile.close();
  }
  // The per-entry ratio spares small parts; a bomb spread over many of them is caught here. Real
  // packages compress 5-15:1 as a whole (a 20,000-row comment table 9:1, empty bordered rows 13:1).
  if (total > limits.compressionRatioMinBytes) {
    const ratio = total / Math.max(compressedTotal, 1);
    if (ratio > limits.maxCompressionRatio) throw suspiciousArchiveCompression(ratio, limits.maxCompressionRatio);
  }
  return { entries, totalUncompressedBytes: total, rawEntries };
};

/**
 * Checks that `buffer` is a ZIP whose central directory declares nothing we refuse: not too many
 * entries, bounded uncompressed sizes, no entry compressed suspiciously well, no encrypted
 * entries, no names that climb out of the archive. Nothing is inflated, so nothing declared is
 * proven: a buffer goes to a parser only through verifyArchive. Throws OfficeFileError.
 */
export const inspectZip = async (buffer: Buffer, limits: Partial<ZipLimits> = {}): Promise<ZipInspection> => {
  const inspected = await openInspectedZip(buffer, { ...DEFAULT_ZIP_LIMITS, ...limits });
  return { entries: inspected.entries, totalUncompressedBytes: inspected.totalUncompressedBytes };
};
