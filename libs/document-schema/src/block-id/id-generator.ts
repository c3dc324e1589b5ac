/** Makes a new block id. Injectable so tests and imports can be deterministic. */
export type BlockIdGenerator = () => string;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 12;
// 252 is the largest multiple of 36 below 256: bytes above it are drawn again, so every
// character is equally likely (no modulo bias).
const UNBIASED_LIMIT = 252;

/**
 * Random 12-character ids: a letter, then letters and digits (a valid HTML id and CSS name).
 * 36^11 × 26 ≈ 3.4 × 10^18 ids: a collision in a document of a few thousand blocks is far less
 * likely than a hardware fault, and the plugin re-draws on a collision anyway.
 * Uses crypto.getRandomValues, present in browsers and in Node ≥ 19 as a global.
 */
export const randomBlockId: BlockIdGenerator = () => {
  let id = '';
  while (id.length < ID_LENGTH) {
    const bytes = new Uint8Array(ID_LENGTH * 2);
    globalThis.crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      const character = ALPHABET[byte % 36];
      // The first character must be a letter; a digit there is simply drawn again.
      if (id.length === 0 && byte % 36 >= 26) continue;
      id += character;
      if (id.length === ID_LENGTH) break;
    }
  }
  return id;
};

/** Deterministic ids "b1", "b2", … for tests, fixtures and reproducible imports. */
export const createSequentialIdGenerator = (prefix = 'b'): BlockIdGenerator => {
  let next = 1;
  return () => `${prefix}${next++}`;
};

/**
 * Draws ids from `generate` until one is not in `taken`, and marks it taken. A generator is
 * trusted to be random or sequential, not adversarial, so the bound only guards against a
 * broken generator looping for ever.
 */
export const freshBlockId = (generate: BlockIdGenerator, taken: Set<string>): string => {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = generate();
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw new Error('The block id generator keeps returning ids already in use');
};
