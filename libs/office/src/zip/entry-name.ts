// Entry names are checked by us, not by yauzl, so an unsafe name gets its own error code. Nothing
// here is ever written to disk, but names reach mammoth's relationship resolution and logs, and a
// name that climbs out of the archive is a sign of a crafted file.

/** Why a ZIP entry name is unsafe, or null when it is fine. */
export const unsafeEntryNameReason = (name: string): string | null => {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'NUL character';
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(slashed)) return 'drive letter';
  if (slashed.split('/').includes('..')) return '".." segment';
  return null;
};
