// MinHash signatures over syllable shingles, and the LSH bands that turn them into candidate pairs
// without comparing every comment with every other.
import { hashString, mix32, mulberry32 } from './hash';
import { foldToAscii } from './vietnamese-letters';

export const SIGNATURE_LENGTH = 64;
/** Rows per band: two rows in 32 bands find pairs of Jaccard 0.5 with probability 0.9999. */
export const BAND_ROWS = 2;
export const BAND_COUNT = SIGNATURE_LENGTH / BAND_ROWS;

// One seed per permutation, fixed forever: stored signatures must stay comparable.
const SEEDS: Uint32Array = (() => {
  const next = mulberry32(0x5eed_2025);
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  for (let index = 0; index < SIGNATURE_LENGTH; index++) seeds[index] = Math.floor(next() * 4294967296);
  return seeds;
})();

/**
 * Hashes of the 1- and 2-shingles of the content syllables. Syllables are folded to ASCII first so
 * that a comment typed without tone marks, or with a wrong one, still meets its twins as a
 * candidate; the verification that follows compares the real syllables.
 */
const foldedCache = new Map<string, string>();

function foldedSyllable(syllable: string): string {
  let result = foldedCache.get(syllable);
  if (result === undefined) {
    result = foldToAscii(syllable);
    // The vocabulary is small; the limit only guards against adversarial input.
    if (foldedCache.size >= 200_000) foldedCache.clear();
    foldedCache.set(syllable, result);
  }
  return result;
}

export function shingleHashes(content: readonly string[]): number[] {
  const hashes = new Set<number>();
  let previous: string | undefined;
  for (const syllable of content) {
    const folded = foldedSyllable(syllable);
    hashes.add(hashString(folded));
    if (previous !== undefined) hashes.add(hashString(`${previous} ${folded}`));
    previous = folded;
  }
  return [...hashes];
}

/** MinHash signature: for each seeded permutation, the least permuted shingle hash. */
export function minHashSignature(shingles: readonly number[]): number[] {
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    // Each permutation: xor with its seed, multiply by an odd constant, fold the high bits down.
    // A bijection of the 32-bit shingle hash, cheaper than a full mixer; the shingle hashes are
    // already well spread by FNV-1a and mix32.
    const spread = mix32(shingle);
    for (let index = 0; index < SIGNATURE_LENGTH; index++) {
      let value = Math.imul(spread ^ SEEDS[index], 0x9e3779b1);
      value = (value ^ (value >>> 15)) >>> 0;
      if (value < signature[index]) signature[index] = value;
    }
  }
  return signature;
}

/** The key of one band of a signature, kept within V8's small integers for fast Map lookups. */
export function bandKey(signature: ArrayLike<number>, band: number): number {
  let hash = band + 1;
  const start = band * BAND_ROWS;
  for (let row = 0; row < BAND_ROWS; row++) hash = mix32(Math.imul(hash, 0x9e3779b1) ^ signature[start + row]);
  return hash & 0x3fffffff;
}
