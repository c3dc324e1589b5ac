// Verification of a candidate pair: IDF-weighted overlap of the content syllables, with typos
// forgiven, and a veto when each side names something the other does not.
import { numbersConflict, operationsConflict, type Operation } from './features';
import { foldToAscii } from './vietnamese-letters';

/** A distinct formulation within one block and family (identical comments collapsed into one). */
export interface Formulation {
  readonly operations: readonly Operation[];
  readonly numbers: readonly string[];
  readonly quantitative: boolean;
  /** Ids of the block's vocabulary, sorted ascending, without repeats. */
  readonly tokens: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
}

/** Two comments merge at this weighted Dice overlap or above. */
export const MERGE_THRESHOLD = 0.6;
/** Two clusters merge only when their anchors (heaviest formulations) overlap at least this much. */
export const ANCHOR_THRESHOLD = 0.45;
/**
 * When each side keeps at least this share of its own weight unmatched, the two name different
 * objects ("phòng chống ma túy" / "phòng chống trộm cắp tài sản") and stay apart.
 */
export const MUTUAL_DIFFERENCE = 0.12;

export class BlockVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly folded: string[] = [];

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  get size(): number {
    return this.words.length;
  }

  foldedWord(id: number): string {
    let folded = this.folded[id];
    if (folded === undefined) {
      folded = foldToAscii(this.words[id]);
      this.folded[id] = folded;
    }
    return folded;
  }
}

function withinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  const lengthDifference = left.length - right.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  if (lengthDifference === 0) {
    // one substitution, or two neighbours swapped
    if (left.slice(i + 1) === right.slice(i + 1)) return true;
    return left[i] === right[i + 1] && left[i + 1] === right[i] && left.slice(i + 2) === right.slice(i + 2);
  }
  return lengthDifference > 0 ? left.slice(i + 1) === right.slice(i) : left.slice(i) === right.slice(i + 1);
}

/** A typo of each other: same letters once diacritics are folded, or one edit apart when long. */
function isTypo(vocabulary: BlockVocabulary, left: number, right: number): boolean {
  const a = vocabulary.foldedWord(left);
  const b = vocabulary.foldedWord(right);
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && withinOneEdit(a, b);
}

/**
 * Weighted Dice overlap of two formulations in [0, 1], or -1 when they must not merge (opposite
 * operations, different numbers, or different objects).
 */
export function compareFormulations(vocabulary: BlockVocabulary, left: Formulation, right: Formulation): number {
  if (operationsConflict(left.operations, right.operations)) return -1;
  if (numbersConflict(left, right)) return -1;
  if (left.total === 0 || right.total === 0) return left.total === right.total ? 1 : 0;
  const a = left.tokens;
  const b = right.tokens;
  let matchedLeft = 0;
  let matchedRight = 0;
  let i = 0;
  let j = 0;
  let unmatchedLeft: number[] | undefined;
  let unmatchedRight: number[] | undefined;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      matchedLeft += left.weights[i];
      matchedRight += right.weights[j];
      i++;
      j++;
    } else if (a[i] < b[j]) (unmatchedLeft ??= []).push(i++);
    else (unmatchedRight ??= []).push(j++);
  }
  while (i < a.length) (unmatchedLeft ??= []).push(i++);
  while (j < b.length) (unmatchedRight ??= []).push(j++);
  if (unmatchedLeft && unmatchedRight) {
    // Typos: pair each leftover syllable with the first leftover of the other side it could be.
    const used = new Uint8Array(unmatchedRight.length);
    for (const li of unmatchedLeft) {
      for (let k = 0; k < unmatchedRight.length; k++) {
        if (used[k] || !isTypo(vocabulary, a[li], b[unmatchedRight[k]])) continue;
        used[k] = 1;
        matchedLeft += left.weights[li];
        matchedRight += right.weights[unmatchedRight[k]];
        break;
      }
    }
  }
  const restLeft = left.total - matchedLeft;
  const restRight = right.total - matchedRight;
  const epsilon = 1e-9;
  if (restLeft > epsilon && restRight > epsilon && Math.min(restLeft / left.total, restRight / right.total) >= MUTUAL_DIFFERENCE) {
    return -1;
  }
  return (matchedLeft + matchedRight) / (left.total + right.total);
}
