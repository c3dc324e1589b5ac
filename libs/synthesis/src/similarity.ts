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

  /** The id of a word already known, or -1. */
  lookup(word: string): number {
    return this.ids.get(word) ?? -1;
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

/** The number of bits set in a 32-bit integer. */
function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * The formulations of one block and family, compared by index: compare and mergeSimilarity give
 * exactly what compareFormulations and mergeSimilarity give for the same two formulations, bit
 * for bit, with less work when one side is compared with many others in a row (as the candidate
 * pairs of one formulation, or a candidate for centrality against a sample, are).
 *
 * Each formulation's words are kept as a bit set over the vocabulary (only its non-zero 32-bit
 * words, with their index); the left side of a comparison is spread into a dense bit set once,
 * and the right side's words are ANDed with it. The words both sides share come out in ascending
 * id order, the order in which the merge of two sorted lists meets them, so their weights are
 * summed in the same order and give the same sums. This needs a weight per word: it holds when
 * every formulation gives a word the same weight (the block's IDF); a formulation that does not
 * is compared with the plain functions.
 *
 * The vocabulary must not grow while the set is used.
 */
export class FormulationSet {
  private readonly typos: TypoIndex;
  /** The weight of each word of the vocabulary (as every consistent formulation gives it). */
  private readonly weightOf: Float64Array;
  /** 1 when the formulation's weights are those of weightOf. */
  private readonly consistent: Uint8Array;
  // What the checks before the words need, one typed array each: no object is read per pair.
  private readonly operationBits: Int32Array;
  /** 0 without numbers, else an id shared by the formulations with the same numbers. */
  private readonly numbersId: Int32Array;
  private readonly quantitative: Uint8Array;
  private readonly total: Float64Array;
  private readonly length: Int32Array;
  /** topWeights of formulation f from topStart[f]. */
  private readonly topStart: Int32Array;
  private readonly top: Float64Array;
  /** Non-zero words of formulation f: index wordIndex[w] and bits wordBits[w], w in wordStart[f] … wordStart[f + 1]. */
  private readonly wordStart: Int32Array;
  private readonly wordIndex: Int32Array;
  private readonly wordBits: Int32Array;
  /** Words of formulation f that are a typo of some word (can be matched as a typo), ascending. */
  private readonly typoStart: Int32Array;
  private readonly typoTokens: Int32Array;
  /** The left side of the comparison, as a dense bit set, and which formulation it is. */
  private readonly dense: Int32Array;
  private denseOf = -1;
  /** The words the left side's words are typos of, as a dense bit set (built when first needed). */
  private readonly reach: Int32Array;
  private reachOf = -1;
  private readonly reachWords: number[] = [];
  /** Scratch of one comparison: the right side's words (wordStamp[k] === stamp), and those still free. */
  private readonly wordStamp: Int32Array;
  private readonly rightAll: Int32Array;
  private readonly rightFree: Int32Array;
  private stamp = 0;

  constructor(
    private readonly vocabulary: BlockVocabulary,
    private readonly formulations: readonly Formulation[],
  ) {
    this.typos = vocabulary.typos();
    const size = vocabulary.size;
    const { start } = this.typos;
    const wordCount = (size >>> 5) + 1;
    const count = formulations.length;
    this.weightOf = new Float64Array(size);
    const known = new Uint8Array(size);
    this.consistent = new Uint8Array(count);
    this.operationBits = new Int32Array(count);
    this.numbersId = new Int32Array(count);
    this.quantitative = new Uint8Array(count);
    this.total = new Float64Array(count);
    this.length = new Int32Array(count);
    this.topStart = new Int32Array(count);
    this.wordStart = new Int32Array(count + 1);
    this.typoStart = new Int32Array(count + 1);
    let tokenCount = 0;
    for (const { tokens } of formulations) tokenCount += tokens.length;
    this.top = new Float64Array(tokenCount + count);
    const wordIndex = new Int32Array(tokenCount);
    const wordBits = new Int32Array(tokenCount);
    const typoTokens = new Int32Array(tokenCount);
    const numberIds = new Map<string, number>();
    let words = 0;
    let typoCount = 0;
    let topEnd = 0;
    for (let f = 0; f < count; f++) {
      const formulation = formulations[f];
      const { tokens, weights } = formulation;
      this.operationBits[f] = formulation.operationBits;
      if (formulation.numbers.length > 0) {
        const key = JSON.stringify(formulation.numbers);
        let id = numberIds.get(key);
        if (id === undefined) {
          id = numberIds.size + 1;
          numberIds.set(key, id);
        }
        this.numbersId[f] = id;
      }
      this.quantitative[f] = formulation.quantitative ? 1 : 0;
      this.total[f] = formulation.total;
      this.length[f] = tokens.length;
      this.topStart[f] = topEnd;
      for (let k = 0; k <= tokens.length; k++) this.top[topEnd++] = formulation.topWeights[k];
      let consistent = 1;
      let previous = -1;
      for (let position = 0; position < tokens.length; position++) {
        const token = tokens[position];
        // ascending ids without repeats, within the vocabulary: what the bit sets rely on
        if (token <= previous || token >= size) consistent = 0;
        previous = token;
        if (consistent === 0) break;
        const weight = weights[position];
        if (known[token] === 0) {
          known[token] = 1;
          this.weightOf[token] = weight;
        } else if (!Object.is(this.weightOf[token], weight)) {
          consistent = 0;
          break;
        }
        const index = token >>> 5;
        if (words === this.wordStart[f] || wordIndex[words - 1] !== index) {
          wordIndex[words] = index;
          wordBits[words++] = 0;
        }
        wordBits[words - 1] |= 1 << (token & 31);
        if (start[token] !== start[token + 1]) typoTokens[typoCount++] = token;
      }
      if (consistent === 0) {
        // compared with the plain functions: no words of its own here
        words = this.wordStart[f];
        typoCount = this.typoStart[f];
      }
      this.consistent[f] = consistent;
      this.wordStart[f + 1] = words;
      this.typoStart[f + 1] = typoCount;
    }
    this.wordIndex = wordIndex.subarray(0, words);
    this.wordBits = wordBits.subarray(0, words);
    this.typoTokens = typoTokens.subarray(0, typoCount);
    this.dense = new Int32Array(wordCount);
    this.reach = new Int32Array(wordCount);
    this.wordStamp = new Int32Array(wordCount);
    this.rightAll = new Int32Array(wordCount);
    this.rightFree = new Int32Array(wordCount);
  }

  /** compareFormulations of formulations a and b. */
  compare(a: number, b: number): number {
    return this.similarity(a, b, false);
  }

  /** mergeSimilarity of formulations a and b. */
  mergeSimilarity(a: number, b: number): number {
    return this.similarity(a, b, true);
  }

  private spread(f: number): void {
    const { dense, wordIndex, wordBits, wordStart } = this;
    if (this.denseOf >= 0) for (let w = wordStart[this.denseOf]; w < wordStart[this.denseOf + 1]; w++) dense[wordIndex[w]] = 0;
    for (let w = wordStart[f]; w < wordStart[f + 1]; w++) dense[wordIndex[w]] = wordBits[w];
    this.denseOf = f;
  }

  private spreadReach(f: number): void {
    const { reach, reachWords, typoTokens } = this;
    const { start, targets } = this.typos;
    for (const index of reachWords) reach[index] = 0;
    reachWords.length = 0;
    for (let p = this.typoStart[f]; p < this.typoStart[f + 1]; p++) {
      const token = typoTokens[p];
      for (let t = start[token]; t < start[token + 1]; t++) {
        const index = targets[t] >>> 5;
        if (reach[index] === 0) reachWords.push(index);
        reach[index] |= 1 << (targets[t] & 31);
      }
    }
    this.reachOf = f;
  }

  private similarity(a: number, b: number, prune: boolean): number {
    if (this.consistent[a] === 0 || this.consistent[b] === 0) return similarity(this.vocabulary, this.formulations[a], this.formulations[b], prune);
    // The same checks as similarity(), in the same order.
    if (operationBitsConflict(this.operationBits[a], this.operationBits[b])) return -1;
    const numbersLeft = this.numbersId[a];
    const numbersRight = this.numbersId[b];
    if (numbersLeft === 0 ? numbersRight !== 0 && this.quantitative[b] === 1 : numbersRight === 0 ? this.quantitative[a] === 1 : numbersLeft !== numbersRight) {
      return -1;
    }
    const leftTotal = this.total[a];
    const rightTotal = this.total[b];
    if (leftTotal === 0 || rightTotal === 0) return leftTotal === rightTotal ? 1 : 0;
    const sum = leftTotal + rightTotal;
    const { top, topStart } = this;
    if (prune) {
      const shorter = this.length[a] < this.length[b] ? this.length[a] : this.length[b];
      if (top[topStart[a] + shorter] + top[topStart[b] + shorter] < (MERGE_THRESHOLD - PRUNE_MARGIN) * sum) return -1;
    }
    if (this.denseOf !== a) this.spread(a);
    if (this.reachOf !== a) this.spreadReach(a);
    const { dense, reach, wordIndex, wordBits, weightOf } = this;
    const wordFrom = this.wordStart[b];
    const wordTo = this.wordStart[b + 1];
    // One pass over the right side's words: the words both sides have, ascending, matched as
    // themselves; and how many of the right side's other words some left word is a typo of (only
    // they can be matched as typos, each with one left word).
    let matched = 0;
    let reachCount = 0;
    for (let w = wordFrom; w < wordTo; w++) {
      const index = wordIndex[w];
      const bits = wordBits[w];
      const left = dense[index];
      reachCount += bitCount(bits & ~left & reach[index]);
      let common = bits & left;
      const base = index << 5;
      while (common !== 0) {
        const lowest = common & -common;
        common ^= lowest;
        matched += weightOf[base | (31 - Math.clz32(lowest))];
      }
    }
    const typoFrom = this.typoStart[a];
    const typoTo = this.typoStart[a + 1];
    if (prune) {
      // Bounds with the most the typos could add (as many of the heaviest words of each side as
      // there are right words they could match): Dice below the threshold, or each side keeping
      // its share unmatched.
      const leftGain = top[topStart[a] + (reachCount < this.length[a] ? reachCount : this.length[a])];
      const rightGain = top[topStart[b] + (reachCount < this.length[b] ? reachCount : this.length[b])];
      if (matched + matched + leftGain + rightGain < (MERGE_THRESHOLD - PRUNE_MARGIN) * sum) return -1;
      if (
        leftTotal - matched - leftGain > (MUTUAL_DIFFERENCE + PRUNE_MARGIN) * leftTotal &&
        rightTotal - matched - rightGain > (MUTUAL_DIFFERENCE + PRUNE_MARGIN) * rightTotal
      ) {
        return -1;
      }
    }
    let matchedLeft = matched;
    let matchedRight = matched;
    if (reachCount > 0) {
      // Typos: each leftover of the left side (ascending) takes the first free leftover of the
      // right side it could be, as in similarity().
      const { start, targets } = this.typos;
      if (this.stamp === 0x7fffffff) {
        this.wordStamp.fill(0);
        this.stamp = 0;
      }
      const stamp = ++this.stamp;
      const { wordStamp, rightAll, rightFree, typoTokens } = this;
      for (let w = wordFrom; w < wordTo; w++) {
        const index = wordIndex[w];
        wordStamp[index] = stamp;
        rightAll[index] = wordBits[w];
        rightFree[index] = wordBits[w] & ~dense[index];
      }
      for (let p = typoFrom; p < typoTo; p++) {
        const token = typoTokens[p];
        const index = token >>> 5;
        if (wordStamp[index] === stamp && (rightAll[index] & (1 << (token & 31))) !== 0) continue;
        for (let t = start[token]; t < start[token + 1]; t++) {
          const other = targets[t];
          const otherIndex = other >>> 5;
          const bit = 1 << (other & 31);
          if (wordStamp[otherIndex] !== stamp || (rightFree[otherIndex] & bit) === 0) continue;
          rightFree[otherIndex] ^= bit;
          matchedLeft += weightOf[token];
          matchedRight += weightOf[other];
          break;
        }
      }
    }
    const restLeft = leftTotal - matchedLeft;
    const restRight = rightTotal - matchedRight;
    const epsilon = 1e-9;
    if (restLeft > epsilon && restRight > epsilon && Math.min(restLeft / leftTotal, restRight / rightTotal) >= MUTUAL_DIFFERENCE) {
      return -1;
    }
    return (matchedLeft + matchedRight) / (leftTotal + rightTotal);
  }
}
