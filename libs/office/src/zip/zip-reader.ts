import * as yauzl from 'yauzl';

// Thin promise wrappers over yauzl's callback API, used to read the central directory only.
// Strings are decoded by us (decodeStrings off) so that yauzl does not refuse unsafe names with an
// untyped error before we can classify them; sizes are checked by verifyArchive on the bytes
// actually inflated (validateEntrySizes off), which gives a lie its own error code.

export type ZipFile = yauzl.ZipFile;
export type ZipEntry = yauzl.Entry;

export const openZip = (buffer: Buffer): Promise<ZipFile> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false }, (error, zipfile) => {
      if (error) reject(error);
      else resolve(zipfile);
    });
  });

/** The entry's name as Word and the ZIP specification mean it (UTF-8 flag, Info-ZIP field, else CP437). */
export const entryName = (entry: ZipEntry): string => {
  const raw: unknown = entry.fileName;
  if (typeof raw === 'string') return raw;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
};

/**
 * Visits the central directory one record at a time; nothing is inflated. `visit` may throw to stop.
 */
export const forEachEntry = (zipfile: ZipFile, visit: (entry: ZipEntry) => void): Promise<void> =>
  new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      zipfile.removeAllListeners('entry');
      zipfile.close();
      reject(error);
    };
    zipfile.on('error', fail);
    zipfile.on('end', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    zipfile.on('entry', (entry: ZipEntry) => {
      try {
        visit(entry);
      } catch (error) {
        fail(error);
        return;
      }
      zipfile.readEntry();
    });
    zipfile.readEntry();
  });
