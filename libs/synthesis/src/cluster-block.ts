// Clustering of the comments on one block of one document. Identical formulations are collapsed
// first, LSH bands propose candidate pairs, each candidate is verified, and the verified pairs are
// joined strongest first under constraints that stop a chain of similar comments from joining two
// that ask for opposite things.
import { cleanRepresentativeText } from './representative-text';
import { numbersConflict, operationBits, operationBitsConflict } from './features';
import { hashHex } from './hash';
import { BAND_COUNT, BAND_ROWS, SIGNATURE_LENGTH, bandKey } from './minhash';
import { ANCHOR_THRESHOLD, BlockVocabulary, FormulationSet, MERGE_THRESHOLD, type Formulation } from './similarity';
import { UnionFind } from './union-find';
import {
  COMMENT_KINDS,
  SOURCE_TYPES,
  type Cluster,
  type CommentFamily,
  type CommentKind,
  type PreparedComment,
  type SourceCounts,
  type SourceType,
} from './types';

/** Buckets up to this size are compared pair by pair; larger ones only with near neighbours. */
const BUCKET_ALL_PAIRS = 24;
const BUCKET_WINDOW = 4;
/** Families this small are compared exhaustively: cheaper than hashing, and exact. */
const EXHAUSTIVE_LIMIT = 40;
/** Centrality is measured against at most this many of a cluster's heaviest formulations. */
const CENTRALITY_SAMPLE = 64;

interface Entry extends Formulation {
  readonly key: string;
  /** Members, in no particular order. */
  readonly members: PreparedComment[];
  /** The member with the smallest id: the one quoted when this formulation represents a cluster. */
  readonly first: PreparedComment;
  readonly signature: readonly number[];
  /** Ids of the object words (PreparedComment.objects), ascending. */
  readonly objects: Int32Array;
}

/** A bit above those of the source types: the unit spoke as a person (a contributor). */
const CONTRIBUTOR_BIT = 1 << SOURCE_TYPES.length;
const SOURCE_INDEX = Object.fromEntries(SOURCE_TYPES.map((sourceType, index) => [sourceType, index])) as Record<SourceType, number>;
const KIND_INDEX = Object.fromEntries(COMMENT_KINDS.map((kind, index) => [kind, index])) as Record<CommentKind, number>;

export function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function blockKeyOf(comment: { readonly documentId?: string; readonly blockId: string }): string {
  return `${comment.documentId ?? ''}\u0000${comment.blockId}`;
}

/**
 * Clusters the prepared comments of one block (comments of several blocks are clustered block by
 * block, in documentId then blockId order). Every comment lands in exactly one cluster; the
 * result depends only on the set of comments, never on their order.
 */
export function clusterBlock(prepared: readonly PreparedComment[]): Cluster[] {
  const byBlock = new Map<string, PreparedComment[]>();
  for (const comment of prepared) {
    const key = blockKeyOf(comment);
    const list = byBlock.get(key);
    if (list) list.push(comment);
    else byBlock.set(key, [comment]);
  }
  const clusters: Cluster[] = [];
  for (const key of [...byBlock.keys()].sort(compareIds)) {
    const comments = byBlock.get(key);
    if (comments) clusters.push(...clusterOneBlock(comments));
  }
  return clusters;
}

function clusterOneBlock(comments: readonly PreparedComment[]): Cluster[] {
  const agreement: PreparedComment[] = [];
  const proposals: PreparedComment[] = [];
  const questions: PreparedComment[] = [];
  for (const comment of comments) {
    if (comment.family === 'agreement') agreement.push(comment);
    else if (comment.family === 'question') questions.push(comment);
    else proposals.push(comment);
  }
  const others = [...clusterFamily(proposals, 'proposal'), ...clusterFamily(questions, 'question')];
  others.sort(compareClusters);
  if (agreement.length === 0) return others;
  // Plain agreement is one stance however it is worded: one cluster, shown first.
  return [buildCluster(agreement, 'agreement', mostCommonText(agreement)), ...others];
}

export function compareClusters(left: Cluster, right: Cluster): number {
  if (left.agreement !== right.agreement) return left.agreement ? -1 : 1;
  return (
    right.units - left.units ||
    right.supporters - left.supporters ||
    right.commentIds.length - left.commentIds.length ||
    compareIds(left.commentIds[0] ?? '', right.commentIds[0] ?? '')
  );
}

/** What identifies a formulation (sortedKeys relies on its form). */
function formulationKey(comment: PreparedComment): string {
  const key = `${comment.operations.join(',')}|${comment.numbers.join(',')}|${comment.quantitative ? 'q' : ''}|${comment.content.join(' ')}`;
  return comment.objects === undefined ? key : `${key}\u0001${comment.objects.join(' ')}`;
}

/**
 * The formulation keys in code unit order (compareIds), compared without reading their long
 * common beginnings again and again: a key is `operations|numbers|q|` followed by the content
 * words joined by spaces. The part before the content holds exactly three '|', so two different
 * such parts are never one the beginning of the other, and their order decides; with the same
 * part, the contents decide word by word, a word before any longer word it begins (a space sorts
 * before every letter, and words are made of letters), a content before any longer content it
 * begins. Equal words are mostly the same string, compared at once.
 */
function sortedKeys(groups: ReadonlyMap<string, readonly PreparedComment[]>): string[] {
  const items: Array<{ key: string; head: string; content: readonly string[]; objects: string }> = [];
  for (const [key, group] of groups) {
    const { operations, numbers, quantitative, content, objects } = group[0];
    items.push({ key, head: `${operations.join(',')}|${numbers.join(',')}|${quantitative ? 'q' : ''}|`, content, objects: objects === undefined ? '' : `\u0001${objects.join(' ')}` });
  }
  items.sort((left, right) => {
    if (left.head !== right.head) return left.head < right.head ? -1 : 1;
    const a = left.content;
    const b = right.content;
    const shorter = a.length < b.length ? a.length : b.length;
    for (let index = 0; index < shorter; index++) {
      const x = a[index];
      const y = b[index];
      if (x !== y) return x < y ? -1 : 1;
    }
    if (a.length !== b.length) return a.length - b.length;
    // the same content with other object words (punctuation read otherwise): by those words
    return left.objects < right.objects ? -1 : left.objects > right.objects ? 1 : 0;
  });
  return items.map((item) => item.key);
}

function buildEntries(comments: readonly PreparedComment[]): { entries: Entry[]; vocabulary: BlockVocabulary } {
  // Comments prepared from the same text share their content array: group by that identity first,
  // so the formulation key string is built once per distinct text, not once per comment.
  const byContent = new Map<readonly string[], PreparedComment[]>();
  for (const comment of comments) {
    const group = byContent.get(comment.content);
    if (group) group.push(comment);
    else byContent.set(comment.content, [comment]);
  }
  const groups = new Map<string, PreparedComment[]>();
  for (const sameText of byContent.values()) {
    let lastOperations: readonly string[] | undefined;
    let lastKey = '';
    for (const comment of sameText) {
      if (comment.operations !== lastOperations) {
        lastOperations = comment.operations;
        lastKey = formulationKey(comment);
      }
      const group = groups.get(lastKey);
      if (group) group.push(comment);
      else groups.set(lastKey, [comment]);
    }
  }
  const keys = sortedKeys(groups);
  const vocabulary = new BlockVocabulary();
  // The token ids, weights and sums of top weights of all formulations live in three buffers, of
  // which each formulation holds views: a few small typed arrays per formulation, each with a
  // buffer of its own, cost more to allocate and collect than the comparisons themselves.
  const firsts = keys.map((key) => (groups.get(key) ?? [])[0]);
  let capacity = 0;
  let longest = 0;
  for (const { content } of firsts) {
    capacity += content.length;
    longest = Math.max(longest, content.length);
  }
  const tokenBuffer = new Int32Array(capacity);
  const starts = new Int32Array(firsts.length + 1);
  const documentFrequency: number[] = [];
  let end = 0;
  for (let index = 0; index < firsts.length; index++) {
    const { content } = firsts[index];
    // the distinct ids of the words, ascending (ids are given in the order words are first met)
    const begin = end;
    // ids sorted by insertion: a formulation has a few dozen words, and a typed array's sort costs
    // more to call than to run on so few
    for (let position = 0; position < content.length; position++) {
      const id = vocabulary.id(content[position]);
      let slot = begin + position;
      while (slot > begin && tokenBuffer[slot - 1] > id) {
        tokenBuffer[slot] = tokenBuffer[slot - 1];
        slot--;
      }
      tokenBuffer[slot] = id;
    }
    for (let position = begin; position < begin + content.length; position++) {
      const id = tokenBuffer[position];
      if (end > begin && tokenBuffer[end - 1] === id) continue;
      tokenBuffer[end++] = id;
      while (documentFrequency.length <= id) documentFrequency.push(0);
      documentFrequency[id]++;
    }
    starts[index + 1] = end;
  }
  // IDF over the block's distinct formulations: a word many formulations share says little about
  // which change is asked; a rare one says a lot.
  const count = keys.length;
  const idf = documentFrequency.map((frequency) => Math.log(1 + count / frequency));
  const weightBuffer = new Float64Array(end);
  const topBuffer = new Float64Array(end + firsts.length);
  const ascending = new Float64Array(longest);
  const entries = keys.map((key, index): Entry => {
    const members = groups.get(key) ?? [];
    let first = members[0];
    for (const member of members) if (member.id < first.id) first = member;
    const from = starts[index];
    const length = starts[index + 1] - from;
    const tokens = tokenBuffer.subarray(from, from + length);
    const weights = weightBuffer.subarray(from, from + length);
    let total = 0;
    for (let position = 0; position < length; position++) {
      const weight = idf[tokens[position]];
      weights[position] = weight;
      total += weight;
      // ascending by insertion (positive weights: the order a typed array's sort gives)
      let slot = position;
      while (slot > 0 && ascending[slot - 1] > weight) {
        ascending[slot] = ascending[slot - 1];
        slot--;
      }
      ascending[slot] = weight;
    }
    const objectIds: number[] = [];
    for (const word of first.objects ?? []) {
      const id = vocabulary.lookup(word);
      if (id >= 0) objectIds.push(id);
    }
    const objects = Int32Array.from(objectIds).sort();
    const topWeights = topBuffer.subarray(from + index, from + index + length + 1);
    for (let position = 0; position < length; position++) topWeights[position + 1] = topWeights[position] + ascending[length - 1 - position];
    return {
      key,
      members,
      first,
      operations: first.operations,
      operationBits: operationBits(first.operations),
      topWeights,
      rigidWeight: vocabulary.rigidWeight(tokens, weights),
      numbers: first.numbers,
      quantitative: first.quantitative,
      tokens,
      weights,
      total,
      signature: first.signature,
      objects,
    };
  });
  return { entries, vocabulary };
}

function compareSignatures(left: readonly number[], right: readonly number[], start: number): number {
  for (let offset = 0; offset < SIGNATURE_LENGTH; offset++) {
    const row = (start + offset) % SIGNATURE_LENGTH;
    if (left[row] !== right[row]) return left[row] - right[row];
  }
  return 0;
}

/**
 * Calls `visit(a, b)` once for each candidate pair (a < b) found by LSH banding. Each entry's
 * candidates are gathered over all bands and de-duplicated with a stamp array, so no set of
 * pairs is ever built.
 */
function forEachCandidatePair(entries: readonly Entry[], visit: (a: number, b: number) => void): void {
  const count = entries.length;
  if (count <= EXHAUSTIVE_LIMIT) {
    for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) visit(a, b);
    return;
  }
  // Per band and entry, in flat typed arrays (band * count + entry): where the entry's bucket
  // starts among the band's members, its size, and the entry's position in it. The members of a
  // band's buckets are laid out one after the other (ascending; a huge bucket sorted by the rest
  // of the signature so that look-alikes sit together). An open-addressing table finds buckets:
  // this runs 32 times over every formulation.
  const bucketStart = new Int32Array(BAND_COUNT * count);
  const bucketSize = new Int32Array(BAND_COUNT * count);
  const position = new Int32Array(BAND_COUNT * count);
  const members = new Int32Array(BAND_COUNT * count);
  let tableSize = 1;
  while (tableSize < count * 2) tableSize *= 2;
  const slotBucket = new Int32Array(tableSize);
  const slotKey = new Int32Array(tableSize);
  const bucketOf = new Int32Array(count);
  const size = new Int32Array(count);
  const start = new Int32Array(count);
  const fill = new Int32Array(count);
  const signatures = entries.map((entry) => entry.signature);
  for (let band = 0; band < BAND_COUNT; band++) {
    const offset = band * count;
    slotBucket.fill(-1);
    let buckets = 0;
    for (let index = 0; index < count; index++) {
      const key = bandKey(signatures[index], band);
      let slot = key & (tableSize - 1);
      while (slotBucket[slot] !== -1 && slotKey[slot] !== key) slot = (slot + 1) & (tableSize - 1);
      if (slotBucket[slot] === -1) {
        slotBucket[slot] = buckets;
        slotKey[slot] = key;
        size[buckets++] = 0;
      }
      bucketOf[index] = slotBucket[slot];
      size[bucketOf[index]]++;
    }
    start[0] = 0;
    for (let bucket = 1; bucket < buckets; bucket++) start[bucket] = start[bucket - 1] + size[bucket - 1];
    fill.set(start.subarray(0, buckets));
    for (let index = 0; index < count; index++) members[offset + fill[bucketOf[index]]++] = index;
    const rest = ((band + 1) * BAND_ROWS) % SIGNATURE_LENGTH;
    for (let bucket = 0; bucket < buckets; bucket++) {
      const from = offset + start[bucket];
      const length = size[bucket];
      if (length > BUCKET_ALL_PAIRS) {
        // A huge bucket (a frequent pair of words, thousands of near-identical lines): only near
        // neighbours in signature order are compared; near-identical lines still chain into one
        // cluster, in linear time.
        const sorted = Array.from(members.subarray(from, from + length)).sort((x, y) => {
          const first = signatures[x][rest] - signatures[y][rest];
          return first !== 0 ? first : compareSignatures(signatures[x], signatures[y], rest) || x - y;
        });
        members.set(sorted, from);
      }
      for (let place = 0; place < length; place++) {
        const member = members[from + place];
        bucketStart[offset + member] = start[bucket];
        bucketSize[offset + member] = length;
        position[offset + member] = place;
      }
    }
  }
  const stamp = new Int32Array(count).fill(-1);
  for (let a = 0; a < count; a++) {
    for (let offset = a; offset < BAND_COUNT * count; offset += count) {
      const length = bucketSize[offset];
      if (length < 2) continue;
      let from = 0;
      let to = length;
      if (length > BUCKET_ALL_PAIRS) {
        from = Math.max(0, position[offset] - BUCKET_WINDOW);
        to = Math.min(length, position[offset] + BUCKET_WINDOW + 1);
      }
      const base = offset - a + bucketStart[offset];
      for (let place = from; place < to; place++) {
        const b = members[base + place];
        if (b <= a || stamp[b] === a) continue;
        stamp[b] = a;
        visit(a, b);
      }
    }
  }
}

interface Component {
  /** The operations of all its formulations, as operationBits. */
  operations: number;
  numbers: readonly string[];
  quantitative: boolean;
  /** The heaviest formulation: the one a newcomer must still resemble. */
  anchor: number;
  weight: number;
  /** The object words of its formulations, and all their words: ids, ascending. */
  objects: Int32Array;
  words: Int32Array;
}

function containsSorted(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle];
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

function unionSorted(left: Int32Array, right: Int32Array): Int32Array {
  if (right.length === 0) return left;
  if (left.length === 0) return right;
  const result = new Int32Array(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    const a = left[i];
    const b = right[j];
    if (a === b) {
      result[k++] = a;
      i++;
      j++;
    } else if (a < b) {
      result[k++] = a;
      i++;
    } else {
      result[k++] = b;
      j++;
    }
  }
  while (i < left.length) result[k++] = left[i++];
  while (j < right.length) result[k++] = right[j++];
  return result.subarray(0, k);
}

/**
 * True when some object word is neither among `words` nor a typo of one of them: the side with
 * these objects names something the other side does not.
 */
function namesAnotherObject(vocabulary: BlockVocabulary, objects: Int32Array, words: Int32Array): boolean {
  if (objects.length === 0) return false;
  const { start, targets } = vocabulary.typos();
  for (let index = 0; index < objects.length; index++) {
    const object = objects[index];
    if (containsSorted(words, object)) continue;
    let typo = false;
    for (let t = start[object]; t < start[object + 1] && !typo; t++) typo = containsSorted(words, targets[t]);
    if (!typo) return true;
  }
  return false;
}

/**
 * The object guard: two groups of comments that each name an object the other lacks ask for
 * different things, however many words they share ("đầu tư vào hạ tầng giao thông vùng cao" /
 * "đầu tư vào trường học vùng cao").
 */
function differentObjects(vocabulary: BlockVocabulary, left: Component, right: Component): boolean {
  return namesAnotherObject(vocabulary, left.objects, right.words) && namesAnotherObject(vocabulary, right.objects, left.words);
}

function clusterFamily(comments: readonly PreparedComment[], family: CommentFamily): Cluster[] {
  if (comments.length === 0) return [];
  const { entries, vocabulary } = buildEntries(comments);
  const formulations = new FormulationSet(vocabulary, entries);
  const edges: Array<{ similarity: number; a: number; b: number }> = [];
  forEachCandidatePair(entries, (a, b) => {
    const similarity = formulations.mergeSimilarity(a, b);
    if (similarity >= MERGE_THRESHOLD) edges.push({ similarity, a, b });
  });
  edges.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);

  const sets = new UnionFind(entries.length);
  const components = entries.map(
    (entry, index): Component => ({
      operations: entry.operationBits,
      numbers: entry.numbers,
      quantitative: entry.quantitative,
      anchor: index,
      weight: entry.members.length,
      objects: entry.objects,
      words: entry.tokens,
    }),
  );
  for (const { a, b } of edges) {
    const rootA = sets.find(a);
    const rootB = sets.find(b);
    if (rootA === rootB) continue;
    const left = components[rootA];
    const right = components[rootB];
    if (operationBitsConflict(left.operations, right.operations) || numbersConflict(left, right)) continue;
    const anchorsAreThePair = (left.anchor === a && right.anchor === b) || (left.anchor === b && right.anchor === a);
    if (!anchorsAreThePair && formulations.compare(left.anchor, right.anchor) < ANCHOR_THRESHOLD) {
      continue;
    }
    if (differentObjects(vocabulary, left, right)) continue;
    const root = sets.union(rootA, rootB);
    const heavier = isHeavier(entries, left.anchor, right.anchor) ? left.anchor : right.anchor;
    components[root] = {
      operations: left.operations | right.operations,
      numbers: left.numbers.length > 0 ? left.numbers : right.numbers,
      quantitative: left.quantitative || right.quantitative,
      anchor: heavier,
      weight: left.weight + right.weight,
      objects: unionSorted(left.objects, right.objects),
      words: unionSorted(left.words, right.words),
    };
  }

  const byRoot = new Map<number, number[]>();
  for (let index = 0; index < entries.length; index++) {
    const root = sets.find(index);
    const list = byRoot.get(root);
    if (list) list.push(index);
    else byRoot.set(root, [index]);
  }
  const clusters: Cluster[] = [];
  for (const members of byRoot.values()) {
    const central = mostCentral(formulations, entries, members);
    const comments: PreparedComment[] = [];
    for (const index of members) for (const comment of entries[index].members) comments.push(comment);
    clusters.push(buildCluster(comments, family, entries[central].first));
  }
  return clusters;
}

function isHeavier(entries: readonly Entry[], candidate: number, incumbent: number): boolean {
  const difference = entries[candidate].members.length - entries[incumbent].members.length;
  return difference > 0 || (difference === 0 && candidate < incumbent);
}

/** The formulation with the greatest similarity to the rest, weighted by how many share each. */
function mostCentral(formulations: FormulationSet, entries: readonly Entry[], members: readonly number[]): number {
  if (members.length === 1) return members[0];
  const reference = [...members]
    .sort((x, y) => entries[y].members.length - entries[x].members.length || x - y)
    .slice(0, CENTRALITY_SAMPLE);
  let best = members[0];
  let bestScore = -1;
  for (const candidate of members) {
    let score = 0;
    for (const other of reference) {
      const similarity = candidate === other ? 1 : formulations.compare(candidate, other);
      if (similarity > 0) score += similarity * entries[other].members.length;
    }
    // Ties go to the more frequent formulation, then to the first in key order.
    const better =
      score > bestScore + 1e-9 ||
      (Math.abs(score - bestScore) <= 1e-9 && isHeavier(entries, candidate, best));
    if (better) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The most central member of a set of comments (used when corrections change a cluster's
 * members): IDF and similarities are computed over these comments alone.
 */
export function pickRepresentative(members: readonly PreparedComment[]): PreparedComment {
  if (members.length === 0) throw new RangeError('a cluster needs at least one member');
  if (members.every((member) => member.family === 'agreement')) return mostCommonText(members);
  const { entries, vocabulary } = buildEntries(members);
  const central = mostCentral(new FormulationSet(vocabulary, entries), entries, entries.map((_, index) => index));
  return entries[central].first;
}

function mostCommonText(comments: readonly PreparedComment[]): PreparedComment {
  const counts = new Map<string, { count: number; first: PreparedComment }>();
  for (const comment of comments) {
    const current = counts.get(comment.normalized);
    if (!current) counts.set(comment.normalized, { count: 1, first: comment });
    else {
      current.count++;
      if (compareIds(comment.id, current.first.id) < 0) current.first = comment;
    }
  }
  let best: { count: number; first: PreparedComment } | undefined;
  for (const candidate of counts.values()) {
    if (!best || candidate.count > best.count || (candidate.count === best.count && compareIds(candidate.first.id, best.first.id) < 0)) {
      best = candidate;
    }
  }
  return (best ?? { first: comments[0] }).first;
}

/** A key derived from the smallest member id: 64 bits, so collisions stay negligible at millions. */
export function defaultClusterKey(smallestId: string): string {
  return `k${hashHex(smallestId)}${hashHex(`\u0001${smallestId}`)}`;
}

/** Counts and representative of a set of comments; the only place where clusters are built. */
export function buildCluster(
  members: readonly PreparedComment[],
  family: CommentFamily,
  representative: PreparedComment,
): Cluster {
  // The default sort compares UTF-16 code units, as compareIds does, without a call per comparison.
  const commentIds = members.map((comment) => comment.id).sort();
  // unit → bit set of the source types it spoke through, and CONTRIBUTOR_BIT when it spoke as a
  // person: one map operation per comment.
  const unitSources = new Map<string, number>();
  const commentsPerSource = new Array<number>(SOURCE_TYPES.length).fill(0);
  const kinds = new Array<number>(COMMENT_KINDS.length).fill(0);
  let supporters = 0;
  let statedSupporters = 0;
  for (const comment of members) {
    const source = SOURCE_INDEX[comment.sourceType];
    unitSources.set(comment.unit, (unitSources.get(comment.unit) ?? 0) | (1 << source) | (comment.contributor ? CONTRIBUTOR_BIT : 0));
    const stated = comment.supporters;
    if (stated !== undefined) statedSupporters += stated;
    supporters += stated ?? 1;
    commentsPerSource[source]++;
    kinds[KIND_INDEX[comment.kind]]++;
  }
  const unitsPerSource = new Array<number>(SOURCE_TYPES.length).fill(0);
  const contributorsPerSource = new Array<number>(SOURCE_TYPES.length).fill(0);
  let contributors = 0;
  for (const sources of unitSources.values()) {
    const person = (sources & CONTRIBUTOR_BIT) !== 0;
    if (person) contributors++;
    for (let source = 0; source < SOURCE_TYPES.length; source++) {
      if (sources & (1 << source)) {
        unitsPerSource[source]++;
        if (person) contributorsPerSource[source]++;
      }
    }
  }
  const bySource: SourceCounts = {};
  const unitsBySource: SourceCounts = {};
  const contributorsBySource: SourceCounts = {};
  SOURCE_TYPES.forEach((sourceType, source) => {
    if (commentsPerSource[source] === 0) return;
    bySource[sourceType] = commentsPerSource[source];
    unitsBySource[sourceType] = unitsPerSource[source];
    if (contributorsPerSource[source] > 0) contributorsBySource[sourceType] = contributorsPerSource[source];
  });
  let kind: CommentKind = representative.kind;
  let kindCount = 0;
  COMMENT_KINDS.forEach((candidate, index) => {
    if (kinds[index] > kindCount) {
      kind = candidate;
      kindCount = kinds[index];
    }
  });
  const first = members[0];
  return {
    key: defaultClusterKey(commentIds[0]),
    ...(first.documentId !== undefined ? { documentId: first.documentId } : {}),
    blockId: first.blockId,
    family,
    agreement: family === 'agreement',
    kind,
    // what the comment says, without the bullet and spacing it was typed with (the comment keeps them)
    representative: cleanRepresentativeText(representative.text),
    representativeId: representative.id,
    commentIds,
    units: unitSources.size,
    supporters,
    bySource,
    unitsBySource,
    statedSupporters,
    contributors,
    commentsBySource: bySource,
    contributorsBySource,
  };
}
