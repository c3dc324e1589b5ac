// Verification of a candidate pair: IDF-weighted overlap of the content syllables, with typos
// forgiven, and a veto when each side names something the other does not.
import { numbersConflict, operationBitsConflict, type Operation } from './features';
import { foldToAscii } from './vietnamese-letters';

/** A distinct formulation within one block and family (identical comments collapsed into one). */
export interface Formulation {
  readonly operations: readonly Operation[];
  /** `operations` as operationBits. */
  readonly operationBits: number;
  readonly numbers: readonly string[];
  readonly quantitative: boolean;
  /** Ids of the block's vocabulary, sorted ascending, without repeats. */
  readonly tokens: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
  /** topWeights[k]: the sum of the k largest weights (k from 0 to tokens.length). */
  readonly topWeights: Float64Array;
  /** The weight of the tokens no word of the vocabulary is a typo of (see rigidWeight). */
  readonly rigidWeight: number;
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
/**
 * Margin of the pre-filters of mergeSimilarity, relative to the weights compared: far above the
 * rounding error of summing a formulation's weights (about 1e-13 of them), so a pair is set aside
 * only when its exact similarity is below the threshold by more than any rounding could move it.
 */
const PRUNE_MARGIN = 1e-9;

/**
 * The typo relation of a vocabulary, built once: for each word id, the ids it is a typo of
 * (isTypo), ascending. Comparing two formulations then looks up a few integers instead of
 * comparing every leftover syllable of one side with every leftover of the other.
 */
class TypoIndex {
  /** Neighbours of id are targets[start[id] … start[id + 1]). */
  readonly start: Int32Array;
  readonly targets: Int32Array;
  /** 1 when some word is a typo of this one (it can be matched as the right-hand side). */
  readonly reachable: Uint8Array;
  /** Scratch of one comparison: mark[id] === stamp while the right side's leftover id is free. */
  readonly mark: Int32Array;
  /** Scratch: the position of a marked id in the right side's tokens. */
  readonly position: Int32Array;
  /** Scratch: positions of the left side's leftovers that have neighbours, in order. */
  readonly pending: Int32Array;
  stamp = 0;

  constructor(readonly size: number, vocabulary: BlockVocabulary) {
    const folded = Array.from({ length: size }, (_, id) => vocabulary.foldedWord(id));
    // Candidates: words with the same folded form, or one deletion apart (a substitution, an
    // insertion or a swap of neighbours leaves both words with a deletion in common). Every pair
    // isTypo accepts shares one of these keys; each candidate is then checked with isTypo itself.
    const byKey = new Map<string, number[]>();
    const file = (key: string, id: number): void => {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    for (let id = 0; id < size; id++) {
      const word = folded[id];
      file(word, id);
      if (word.length < 4) continue;
      for (let cut = 0; cut < word.length; cut++) file(word.slice(0, cut) + word.slice(cut + 1), id);
    }
    const neighbours: Array<Set<number> | undefined> = new Array(size);
    for (const ids of byKey.values()) {
      for (let x = 0; x < ids.length; x++) {
        for (let y = x + 1; y < ids.length; y++) {
          const left = ids[x];
          const right = ids[y];
          if (isTypo(folded[left], folded[right])) (neighbours[left] ??= new Set()).add(right);
          if (isTypo(folded[right], folded[left])) (neighbours[right] ??= new Set()).add(left);
        }
      }
    }
    this.start = new Int32Array(size + 1);
    for (let id = 0; id < size; id++) this.start[id + 1] = this.start[id] + (neighbours[id]?.size ?? 0);
    this.targets = new Int32Array(this.start[size]);
    this.reachable = new Uint8Array(size);
    for (let id = 0; id < size; id++) {
      const set = neighbours[id];
      if (set === undefined) continue;
      const sorted = [...set].sort((a, b) => a - b);
      this.targets.set(sorted, this.start[id]);
      for (const target of sorted) this.reachable[target] = 1;
    }
    this.mark = new Int32Array(size);
    this.position = new Int32Array(size);
    this.pending = new Int32Array(size);
  }

  nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

export class BlockVocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly folded: string[] = [];
  private index: TypoIndex | undefined;

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

  /** The weight of the tokens that no other word is a typo of: they match only themselves. */
  rigidWeight(tokens: Int32Array, weights: Float64Array): number {
    const { reachable } = this.typos();
    let rigid = 0;
    for (let position = 0; position < tokens.length; position++) if (reachable[tokens[position]] === 0) rigid += weights[position];
    return rigid;
  }

  /** The typo relation of the words known so far (built again if words were added since). */
  typos(): TypoIndex {
    if (this.index === undefined || this.index.size !== this.words.length) this.index = new TypoIndex(this.words.length, this);
    return this.index;
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

/** A typo of each other (folded words): same letters without diacritics, or one edit apart when long. */
function isTypo(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && withinOneEdit(a, b);
}

/**
 * Weighted Dice overlap of two formulations in [0, 1], or -1 when they must not merge (opposite
 * operations, different numbers, or different objects).
 */
export function compareFormulations(vocabulary: BlockVocabulary, left: Formulation, right: Formulation): number {
  return similarity(vocabulary, left, right, false);
}

/**
 * compareFormulations when only a value of MERGE_THRESHOLD or more matters: the exact value when
 * it is, and -1 for some pairs that provably cannot reach it (set aside before or during the
 * comparison, from bounds on what can still match), so any result below the threshold means no.
 */
export function mergeSimilarity(vocabulary: BlockVocabulary, left: Formulation, right: Formulation): number {
  return similarity(vocabulary, left, right, true);
}

function similarity(vocabulary: BlockVocabulary, left: Formulation, right: Formulation, prune: boolean): number {
  if (operationBitsConflict(left.operationBits, right.operationBits)) return -1;
  if (numbersConflict(left, right)) return -1;
  if (left.total === 0 || right.total === 0) return left.total === right.total ? 1 : 0;
  const a = left.tokens;
  const b = right.tokens;
  const leftWeights = left.weights;
  const rightWeights = right.weights;
  const sum = left.total + right.total;
  // Whatever is matched (as the same word or as a typo) pairs one word of each side with one of
  // the other, so at most the shorter side's length of words match, and Dice is at most the
  // heaviest that many words of each side over the whole weight. Rest limits: the unmatched
  // weight beyond which Dice is below the threshold, or beyond which each side keeps its share
  // of unmatched weight and the pair is refused.
  let restLimit = Number.POSITIVE_INFINITY;
  let vetoLeft = Number.POSITIVE_INFINITY;
  let vetoRight = Number.POSITIVE_INFINITY;
  if (prune) {
    const shorter = a.length < b.length ? a.length : b.length;
    if (left.topWeights[shorter] + right.topWeights[shorter] < (MERGE_THRESHOLD - PRUNE_MARGIN) * sum) return -1;
    restLimit = (1 - MERGE_THRESHOLD + PRUNE_MARGIN) * sum;
    vetoLeft = (MUTUAL_DIFFERENCE + PRUNE_MARGIN) * left.total;
    vetoRight = (MUTUAL_DIFFERENCE + PRUNE_MARGIN) * right.total;
  }
  const typos = vocabulary.typos();
  const { start, targets, reachable, mark, position, pending } = typos;
  const stamp = typos.nextStamp();
  // The right side's words are marked (with their positions) in a table over the vocabulary, and
  // the left side's looked up in it: the same pairs as a merge of the two sorted lists, in the
  // same (ascending) order, without a comparison of ids at each step.
  for (let j = 0; j < b.length; j++) {
    mark[b[j]] = stamp;
    position[b[j]] = j;
  }
  let matchedLeft = 0;
  let matchedRight = 0;
  // Leftovers that no typo can match: a lower bound of what stays unmatched on each side.
  let lostLeft = 0;
  let rigidMatchedRight = 0;
  let pendingCount = 0;
  for (let i = 0; i < a.length; i++) {
    const token = a[i];
    if (mark[token] === stamp) {
      const j = position[token];
      matchedLeft += leftWeights[i];
      matchedRight += rightWeights[j];
      mark[token] = 0;
      if (reachable[token] === 0) rigidMatchedRight += rightWeights[j];
    } else if (start[token] !== start[token + 1]) pending[pendingCount++] = i;
    else {
      lostLeft += leftWeights[i];
      if (lostLeft > restLimit) return -1;
    }
  }
  if (prune) {
    const lostRight = right.rigidWeight - rigidMatchedRight;
    if (lostLeft + lostRight > restLimit || (lostLeft > vetoLeft && lostRight > vetoRight)) return -1;
  }
  // Typos: pair each leftover syllable with the first leftover of the other side it could be
  // (the other side's tokens ascend, so the first is the smallest neighbour still free).
  for (let p = 0; p < pendingCount; p++) {
    const li = pending[p];
    const token = a[li];
    for (let t = start[token]; t < start[token + 1]; t++) {
      const other = targets[t];
      if (mark[other] !== stamp) continue;
      mark[other] = 0;
      matchedLeft += leftWeights[li];
      matchedRight += rightWeights[position[other]];
      break;
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
