// Limits checked against a ZIP's central directory before anything is inflated, and again on the
// bytes actually inflated (an entry may not inflate past what it declares). A DOCX of a
// 100-page report holds about 20 entries and 5 MB of XML; an XLSX of a province's comments a few
// dozen entries: the defaults leave a wide margin for real files and none for a bomb.

export interface ZipLimits {
  /** Entries in the central directory (files and folders). */
  maxEntries: number;
  /** Declared uncompressed size of one entry. */
  maxEntryUncompressedBytes: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed ÷ compressed size allowed for one entry, and for the whole archive … */
  maxCompressionRatio: number;
  /** … once the entry (or the archive) declares more than this many bytes (small XML parts compress very well). */
  compressionRatioMinBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 2000,
  maxEntryUncompressedBytes: 50 * MIB,
  maxTotalUncompressedBytes: 100 * MIB,
  maxCompressionRatio: 100,
  compressionRatioMinBytes: 1 * MIB,
};
