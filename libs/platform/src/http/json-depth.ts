/**
 * How deeply a JSON text nests, found by one pass over its bytes before JSON.parse: no request
 * of ours nests more than a few levels, while a body nested thousands deep costs seconds in
 * class-transformer and the validator and ends in a stack overflow (a 500).
 *
 * Brackets inside strings do not count; the scan stops as soon as `limit` is passed, so an
 * abusive body costs at most one pass over what has been read.
 */
export function exceedsJsonDepth(text: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const byte = text[index];
    if (inString) {
      if (byte === 0x5c) index += 1; // backslash: the next byte is escaped, whatever it is
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/** Deeper than any request of ours (a rich-text document nests about a dozen levels). */
export const maxJsonDepth = 64;
