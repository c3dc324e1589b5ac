import { operationBits, operationsConflict, type Operation } from './features';
import { BlockVocabulary, FormulationSet, MERGE_THRESHOLD, MUTUAL_DIFFERENCE, compareFormulations, mergeSimilarity, type Formulation } from './similarity';
import { mulberry32 } from './hash';
import { foldToAscii } from './vietnamese-letters';

// The comparison as it was first written (strings compared leftover by leftover, the operation
// conflict read from a set of strings): the faster one must give the very same numbers, bit for bit.
const OPPOSED = new Set([
  'add:remove', 'increase:decrease', 'keep:add', 'keep:remove', 'keep:increase', 'keep:decrease',
  'keep:change', 'remove:change', 'remove:increase', 'remove:decrease',
]);

function referenceOperationsConflict(left: readonly Operation[], right: readonly Operation[]): boolean {
  for (const a of left) {
    if (right.includes(a)) continue;
    for (const b of right) {
      if (left.includes(b)) continue;
      if (OPPOSED.has(`${a}:${b}`) || OPPOSED.has(`${b}:${a}`)) return true;
    }
  }
  return false;
}

function referenceWithinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  const lengthDifference = left.length - right.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  if (lengthDifference === 0) {
    if (left.slice(i + 1) === right.slice(i + 1)) return true;
    return left[i] === right[i + 1] && left[i + 1] === right[i] && left.slice(i + 2) === right.slice(i + 2);
  }
  return lengthDifference > 0 ? left.slice(i + 1) === right.slice(i) : left.slice(i) === right.slice(i + 1);
}

function referenceCompare(words: readonly string[], left: Formulation, right: Formulation): number {
  if (referenceOperationsConflict(left.operations, right.operations)) return -1;
  const numbersConflict =
    left.numbers.length === 0 && right.numbers.length === 0
      ? false
      : left.numbers.length === 0
        ? right.quantitative
        : right.numbers.length === 0
          ? left.quantitative
          : left.numbers.join('\u0000') !== right.numbers.join('\u0000');
  if (numbersConflict) return -1;
  if (left.total === 0 || right.total === 0) return left.total === right.total ? 1 : 0;
  const isTypo = (x: number, y: number): boolean => {
    const a = foldToAscii(words[x]);
    const b = foldToAscii(words[y]);
    return a === b || (a.length >= 4 && b.length >= 4 && referenceWithinOneEdit(a, b));
  };
  const a = left.tokens;
  const b = right.tokens;
  let matchedLeft = 0;
  let matchedRight = 0;
  let i = 0;
  let j = 0;
  const unmatchedLeft: number[] = [];
  const unmatchedRight: number[] = [];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      matchedLeft += left.weights[i];
      matchedRight += right.weights[j];
      i++;
      j++;
    } else if (a[i] < b[j]) unmatchedLeft.push(i++);
    else unmatchedRight.push(j++);
  }
  while (i < a.length) unmatchedLeft.push(i++);
  while (j < b.length) unmatchedRight.push(j++);
  const used = new Uint8Array(unmatchedRight.length);
  for (const li of unmatchedLeft) {
    for (let k = 0; k < unmatchedRight.length; k++) {
      if (used[k] || !isTypo(a[li], b[unmatchedRight[k]])) continue;
      used[k] = 1;
      matchedLeft += left.weights[li];
      matchedRight += right.weights[unmatchedRight[k]];
      break;
    }
  }
  const restLeft = left.total - matchedLeft;
  const restRight = right.total - matchedRight;
  if (restLeft > 1e-9 && restRight > 1e-9 && Math.min(restLeft / left.total, restRight / right.total) >= MUTUAL_DIFFERENCE) return -1;
  return (matchedLeft + matchedRight) / (left.total + right.total);
}


// Syllables with their tone and spelling variants: folded look-alikes (thành/thanh/thạnh), one
// edit apart (nguồn/nguôn/ngồn), swapped letters (trong/tromg/tnorg), and short words that only
// fold together (cá/ca).
const WORDS = [
  'thành', 'thanh', 'thạnh', 'thàn', 'thánh', 'nguồn', 'nguôn', 'ngồn', 'nguồng', 'trong', 'tromg', 'tnorg', 'trọng',
  'phát', 'phat', 'triển', 'trien', 'trển', 'kinh', 'kính', 'kinhh', 'tế', 'te', 'tể', 'cá', 'ca', 'cả', 'xã', 'hội',
  'hôi', 'hoi', 'rừng', 'rung', 'đầu', 'dau', 'đâu', 'chuyển', 'chuyen', 'chuyễn', 'đổi', 'doi', 'số', 'so', 'du',
  'lịch', 'lich', 'cộng', 'cong', 'đồng', 'dong', 'đông', 'giáo', 'giao', 'dục', 'duc', 'y', 'bảo', 'bao', 'vệ',
];
const OPERATIONS: readonly Operation[] = ['add', 'remove', 'increase', 'decrease', 'keep', 'change'];

function randomFormulations(random: () => number, count: number): { vocabulary: BlockVocabulary; words: string[]; formulations: Formulation[] } {
  const vocabulary = new BlockVocabulary();
  const contents = Array.from({ length: count }, () => {
    // look-alikes share a base of words; the rest is drawn at random
    const base = Math.floor(random() * 6);
    const length = 1 + Math.floor(random() * 12);
    return Array.from({ length }, () => WORDS[(base * 7 + Math.floor(random() * (random() < 0.6 ? 12 : WORDS.length))) % WORDS.length]);
  });
  const tokenLists = contents.map((content) => Int32Array.from(new Set(content.map((word) => vocabulary.id(word)))).sort());
  const frequency = new Map<number, number>();
  for (const tokens of tokenLists) for (const id of tokens) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  const words: string[] = [];
  for (const content of contents) for (const word of content) words[vocabulary.id(word)] = word;
  const formulations = tokenLists.map((tokens): Formulation => {
    const weights = Float64Array.from(tokens, (id) => Math.log(1 + count / (frequency.get(id) ?? 1)));
    let total = 0;
    for (const weight of weights) total += weight;
    const descending = Float64Array.from(weights).sort().reverse();
    const topWeights = new Float64Array(tokens.length + 1);
    descending.forEach((weight, index) => (topWeights[index + 1] = topWeights[index] + weight));
    const operations = OPERATIONS.filter(() => random() < 0.12);
    const numbers = random() < 0.15 ? [random() < 0.5 ? '7' : '8'] : [];
    return {
      operations,
      operationBits: operationBits(operations),
      numbers,
      quantitative: numbers.length > 0 && random() < 0.5,
      tokens,
      weights,
      total,
      topWeights,
      rigidWeight: vocabulary.rigidWeight(tokens, weights),
    };
  });
  return { vocabulary, words, formulations };
}

describe('compareFormulations and mergeSimilarity', () => {
  it('decide operation conflicts as the pairwise rule does, for every pair of operation sets', () => {
    const subsets = Array.from({ length: 64 }, (_, bits) => OPERATIONS.filter((_, index) => bits & (1 << index)));
    for (const left of subsets) for (const right of subsets) expect(operationsConflict(left, right)).toBe(referenceOperationsConflict(left, right));
  });

  it('give the numbers of the original comparison bit for bit, and set aside only pairs below the threshold', () => {
    let merged = 0;
    let typoPairs = 0;
    const wrong: string[] = [];
    for (let round = 0; round < 40; round++) {
      const random = mulberry32(1000 + round);
      const { vocabulary, words, formulations } = randomFormulations(random, 60);
      for (let x = 0; x < formulations.length; x++) {
        for (let y = 0; y < formulations.length; y++) {
          if (x === y) continue;
          const left = formulations[x];
          const right = formulations[y];
          const expected = referenceCompare(words, left, right);
          const exact = compareFormulations(vocabulary, left, right);
          const forMerge = mergeSimilarity(vocabulary, left, right);
          if (!Object.is(exact, expected)) wrong.push(`round ${round} pair ${x},${y}: compareFormulations ${exact}, expected ${expected}`);
          if (expected >= MERGE_THRESHOLD) {
            merged++;
            // a pair that merged only through typos: the typo matching was exercised
            if (![...left.tokens].every((id) => right.tokens.includes(id))) typoPairs++;
            if (!Object.is(forMerge, expected)) wrong.push(`round ${round} pair ${x},${y}: mergeSimilarity ${forMerge}, expected ${expected}`);
          } else if (forMerge >= MERGE_THRESHOLD) wrong.push(`round ${round} pair ${x},${y}: mergeSimilarity ${forMerge}, expected ${expected}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    if (process.env.SIMILARITY_REPORT) process.stdout.write(`merged pairs ${merged}, through typos ${typoPairs}\n`);
    // the random formulations reach both sides of the threshold, typos included
    expect({ merged: merged > 300, typoPairs: typoPairs > 50 }).toEqual({ merged: true, typoPairs: true });
  });

  it('give the same numbers through a FormulationSet, whatever the order of the pairs', () => {
    const wrong: string[] = [];
    let merged = 0;
    for (let round = 0; round < 40; round++) {
      const random = mulberry32(5000 + round);
      const { vocabulary, words, formulations } = randomFormulations(random, 60);
      // One formulation whose weights disagree with the others' for the same words: compared
      // with the plain functions.
      const odd = formulations[7];
      formulations[7] = { ...odd, weights: odd.weights.map((weight) => weight * 1.5), total: odd.total * 1.5, topWeights: odd.topWeights.map((weight) => weight * 1.5) };
      const set = new FormulationSet(vocabulary, formulations);
      // left side fixed for a run of right sides (as candidate pairs come), then pairs at random
      const pairs: Array<[number, number]> = [];
      for (let x = 0; x < formulations.length; x++) for (let y = 0; y < formulations.length; y++) if (x !== y) pairs.push([x, y]);
      for (let index = 0; index < 2000; index++) pairs.push([Math.floor(random() * 60), Math.floor(random() * 60)]);
      for (const [x, y] of pairs) {
        if (x === y) continue;
        const expected = referenceCompare(words, formulations[x], formulations[y]);
        const exact = set.compare(x, y);
        const forMerge = set.mergeSimilarity(x, y);
        if (!Object.is(exact, expected)) wrong.push(`round ${round} pair ${x},${y}: compare ${exact}, expected ${expected}`);
        if (expected >= MERGE_THRESHOLD) {
          merged++;
          if (!Object.is(forMerge, expected)) wrong.push(`round ${round} pair ${x},${y}: mergeSimilarity ${forMerge}, expected ${expected}`);
        } else if (forMerge >= MERGE_THRESHOLD) wrong.push(`round ${round} pair ${x},${y}: mergeSimilarity ${forMerge}, expected ${expected}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(merged).toBeGreaterThan(300);
  });

  it('rebuild the typo relation when words are added after a comparison', () => {
    const vocabulary = new BlockVocabulary();
    const formulation = (word: string): Formulation => {
      const tokens = Int32Array.of(vocabulary.id(word));
      const weights = Float64Array.of(1);
      return { operations: [], operationBits: 0, numbers: [], quantitative: false, tokens, weights, total: 1, topWeights: Float64Array.of(0, 1), rigidWeight: 0 };
    };
    const first = formulation('nguồn');
    const alone = formulation('kinh');
    expect(compareFormulations(vocabulary, first, alone)).toBe(-1);
    const typo = formulation('nguôn');
    expect(compareFormulations(vocabulary, first, typo)).toBe(1);
  });
});
