// The command line's worker threads, as pure pieces (no threads, no I/O here, so that they can be
// tested on one thread): the main thread validates the lines and hands each comment over at once,
// in batches, to the thread that owns its block; that thread analyses its text (normalisation,
// features, signature) while the file is still being read, and clusters its blocks when the file
// is done (taking over blocks another thread has not started when it runs out). Each thread sends
// back the report's JSON text of each of its blocks, so the main thread only orders the blocks
// and writes them. Also the line splitter of the command line.
import { clusterBlock, compareIds } from './cluster-block';
import { CommentPreparer, prepareAnalysed, type TextAnalysis } from './prepare';
import { emptyTallies, reportStats, tallyCluster } from './report';
import { COMMENT_KINDS, SOURCE_TYPES, type Cluster, type CommentInput, type CommentKind, type PreparedComment, type SourceType } from './types';

/** Numbers per comment in CommentBatch.numbers. */
const FIELDS = 7;

/**
 * Comments for one thread, column by column: cloning a few arrays of strings costs much less than
 * cloning as many objects (each of which repeats its property names), and the numbers travel in
 * one transferred buffer. Units and blocks are numbered once for all threads: every batch of one
 * flush carries the ones numbered since the previous flush, to every thread.
 */
export interface CommentBatch {
  readonly type: 'batch';
  readonly units: string[];
  readonly blocks: Array<{ documentId?: string; blockId: string }>;
  readonly ids: string[];
  readonly texts: string[];
  /** Per comment: block, unit, sourceType, kind (indexes), supporters, supportersTotal (0: absent), contributor (1 or 0). */
  readonly numbers: Float64Array;
}

/** The report's part for one block: its clusters as report lines, and what the stats count. */
export interface BlockJson {
  readonly documentId?: string;
  readonly blockId: string;
  /** The block's clusters in report order, each JSON.stringify'd, joined by ",\n" (as text or UTF-8). */
  readonly json: string | Uint8Array;
  readonly comments: number;
  readonly clusters: number;
  readonly proposalClusters: number;
  readonly agreementComments: number;
  readonly agreementClusters: number;
  readonly questionClusters: number;
  readonly singletons: number;
  readonly statedSupporters: number;
  readonly legacyConverted: number;
}

const SOURCE_INDEX = new Map<string, number>(SOURCE_TYPES.map((type, index) => [type, index]));
const KIND_INDEX = new Map<string, number>(COMMENT_KINDS.map((kind, index) => [kind, index]));

interface PendingBatch {
  ids: string[];
  texts: string[];
  numbers: number[];
}

/**
 * Main thread side: numbers blocks and units, decides which thread owns each block, and cuts the
 * comments into batches. The first `sample` comments are held back, so that blocks are given to
 * threads by their share of that sample (largest first, to the least loaded thread): the
 * clustering at the end is then about even. Blocks first seen later go to the least loaded
 * thread. Which thread clusters a block never changes its clusters.
 */
export class BatchEncoder {
  private readonly blockIndex = new Map<string, Map<string, number>>();
  private readonly blockOwner: number[] = [];
  private readonly blockCounts: number[] = [];
  private readonly unitIndex = new Map<string, number>();
  private newUnits: string[] = [];
  private newBlocks: Array<{ documentId?: string; blockId: string }> = [];
  private readonly load: number[];
  private pending: PendingBatch[];
  private held: PendingBatch | undefined = { ids: [], texts: [], numbers: [] };
  private heldBlocks: number[] = [];
  private buffered = 0;
  private total = 0;

  /**
   * `weights`: what a comment costs each store, relative to the others (default 1 each); the main
   * thread's own store analyses its comments only once the file is read, so that each of its
   * comments costs it more than a thread's, which analysed them during the read.
   */
  constructor(
    private readonly threads: number,
    private readonly send: (thread: number, batch: CommentBatch) => void,
    private readonly sample = 10_000,
    private readonly batchSize = 4096,
    private readonly weights: readonly number[] = new Array<number>(threads).fill(1),
  ) {
    this.load = new Array<number>(threads).fill(0);
    this.pending = this.emptyBatches();
  }

  /**
   * For validateCommentInput: nothing to share, the comments are not kept here (units and blocks
   * are numbered, and the threads keep one copy of each).
   */
  readonly intern = (value: string): string => value;

  get comments(): number {
    return this.total;
  }

  get blockCount(): number {
    return this.blockOwner.length;
  }

  add(comment: CommentInput): void {
    const documentId = comment.documentId ?? '';
    let document = this.blockIndex.get(documentId);
    if (!document) {
      document = new Map();
      this.blockIndex.set(documentId, document);
    }
    let block = document.get(comment.blockId);
    if (block === undefined) {
      block = this.blockOwner.length;
      document.set(comment.blockId, block);
      this.blockOwner.push(this.held ? -1 : this.lightest());
      this.blockCounts.push(0);
      this.newBlocks.push(comment.documentId === undefined ? { blockId: comment.blockId } : { documentId: comment.documentId, blockId: comment.blockId });
    }
    let unit = this.unitIndex.get(comment.unit);
    if (unit === undefined) {
      unit = this.unitIndex.size;
      this.unitIndex.set(comment.unit, unit);
      this.newUnits.push(comment.unit);
    }
    this.total++;
    this.blockCounts[block]++;
    const owner = this.blockOwner[block];
    const batch = owner < 0 ? (this.held as PendingBatch) : this.pending[owner];
    if (owner >= 0) this.load[owner]++;
    else this.heldBlocks.push(block);
    batch.ids.push(comment.id);
    batch.texts.push(comment.text);
    batch.numbers.push(
      block,
      unit,
      SOURCE_INDEX.get(comment.sourceType) as number,
      KIND_INDEX.get(comment.kind) as number,
      comment.supporters ?? 0,
      comment.supportersTotal ?? 0,
      comment.contributor ? 1 : 0,
    );
    if (this.held) {
      if (this.total >= this.sample) this.assignSample();
    } else if (++this.buffered >= this.batchSize) this.flush();
  }

  /** Sends whatever is buffered (call once the input is read). */
  finish(): void {
    if (this.held) this.assignSample();
    this.flush();
  }

  /** The store with the least work so far (the first such, so that the choice is deterministic). */
  private lightest(): number {
    let best = 0;
    for (let thread = 1; thread < this.threads; thread++) if (this.load[thread] * this.weights[thread] < this.load[best] * this.weights[best]) best = thread;
    return best;
  }

  /** Gives the sample's blocks to threads, largest first, and moves the held comments over. */
  private assignSample(): void {
    const held = this.held as PendingBatch;
    this.held = undefined;
    const blocks = this.blockOwner.map((_, block) => block).sort((a, b) => this.blockCounts[b] - this.blockCounts[a] || a - b);
    for (const block of blocks) {
      const owner = this.lightest();
      this.blockOwner[block] = owner;
      this.load[owner] += this.blockCounts[block];
    }
    for (let index = 0; index < held.ids.length; index++) {
      const batch = this.pending[this.blockOwner[this.heldBlocks[index]]];
      batch.ids.push(held.ids[index]);
      batch.texts.push(held.texts[index]);
      for (let field = 0; field < FIELDS; field++) batch.numbers.push(held.numbers[index * FIELDS + field]);
    }
    this.heldBlocks = [];
    this.flush();
  }

  private flush(): void {
    const batches = this.pending;
    this.pending = this.emptyBatches();
    const units = this.newUnits;
    const blocks = this.newBlocks;
    this.newUnits = [];
    this.newBlocks = [];
    this.buffered = 0;
    for (let thread = 0; thread < this.threads; thread++) {
      const batch = batches[thread];
      this.send(thread, { type: 'batch', units, blocks, ids: batch.ids, texts: batch.texts, numbers: Float64Array.from(batch.numbers) });
    }
  }

  private emptyBatches(): PendingBatch[] {
    return Array.from({ length: this.threads }, () => ({ ids: [], texts: [], numbers: [] }));
  }
}

export interface StoredBlock {
  readonly documentId?: string;
  readonly blockId: string;
  /** Per comment: its id, its text's analysis, and unit, sourceType, kind, supporters, supportersTotal, contributor. */
  readonly ids: string[];
  readonly analyses: TextAnalysis[];
  readonly numbers: number[];
  legacyConverted: number;
}

/**
 * Thread side: keeps the blocks this thread owns and analyses each comment's text as it arrives
 * (once per distinct text of the thread); at the end, makes each block's prepared comments and
 * clusters them. Only the analyses and a few columns are kept meanwhile, not an object per comment.
 */
export class BlockStore {
  private readonly units: string[] = [];
  private readonly blocks: Array<{ documentId?: string; blockId: string }> = [];
  private readonly owned = new Map<number, StoredBlock>();
  // One for all the thread's blocks: a text analysis depends on the text alone, and many texts
  // (agreement lines, common wordings) recur from block to block: about a third fewer analyses
  // on the benchmark's rounds than one preparer per block.
  private readonly preparer = new CommentPreparer();
  /** Batches kept as they came until the file is read (deferAnalysis), then analysed in order. */
  private deferred: CommentBatch[] | undefined;

  /**
   * deferAnalysis: keep the batches as they come and analyse them only once asked for a block.
   * The main thread's store: it reads the file meanwhile, which is what everything waits for.
   */
  constructor(options: { deferAnalysis?: boolean } = {}) {
    if (options.deferAnalysis) this.deferred = [];
  }

  receive(batch: CommentBatch): void {
    if (this.deferred) this.deferred.push(batch);
    else this.analyse(batch);
  }

  /** Analyses the deferred batches (once the file is read: the store is asked for a block). */
  private analyseDeferred(): void {
    const batches = this.deferred;
    if (!batches) return;
    this.deferred = undefined;
    for (const batch of batches) this.analyse(batch);
  }

  private analyse(batch: CommentBatch): void {
    for (const unit of batch.units) this.units.push(unit);
    for (const block of batch.blocks) this.blocks.push(block);
    const { ids, texts, numbers } = batch;
    let blockNumber = -1;
    let block: StoredBlock | undefined;
    for (let index = 0; index < ids.length; index++) {
      const offset = index * FIELDS;
      if (numbers[offset] !== blockNumber || !block) {
        blockNumber = numbers[offset];
        block = this.owned.get(blockNumber);
        if (!block) {
          const { documentId, blockId } = this.blocks[blockNumber];
          block = { documentId, blockId, ids: [], analyses: [], numbers: [], legacyConverted: 0 };
          this.owned.set(blockNumber, block);
        }
      }
      const analysis = this.preparer.analyse(texts[index]);
      if (analysis.legacyEncoding !== null) block.legacyConverted++;
      block.ids.push(ids[index]);
      block.analyses.push(analysis);
      block.numbers.push(numbers[offset + 1], numbers[offset + 2], numbers[offset + 3], numbers[offset + 4], numbers[offset + 5], numbers[offset + 6]);
    }
  }

  /** Clusters the blocks, largest first, each released once done. */
  *cluster(): Generator<BlockJson> {
    for (let part = this.clusterNext(); part !== undefined; part = this.clusterNext()) yield part;
  }

  /** Clusters the largest block left (and forgets it), or undefined when none is left. */
  clusterNext(): BlockJson | undefined {
    const block = this.takeLargest();
    return block === undefined ? undefined : blockJson(block.documentId, block.blockId, clusterBlock(this.prepared(block)), block.legacyConverted);
  }

  /**
   * Gives up the largest block not clustered yet (to a thread that has run out of blocks), or
   * undefined. Its comments travel with their analyses: the receiving thread adopts it as it is.
   */
  give(): StoredBlock | undefined {
    return this.takeLargest();
  }

  /** A block another thread gave up (give), with the units it refers to numbered the same here. */
  adopt(block: StoredBlock): void {
    // (its units are numbered by the batches: a deferring store needs them first)
    this.analyseDeferred();
    this.owned.set(-1 - this.adopted++, block);
  }

  private adopted = 0;

  private takeLargest(): StoredBlock | undefined {
    this.analyseDeferred();
    let largest: number | undefined;
    let size = -1;
    for (const [key, block] of this.owned) {
      if (block.ids.length > size) {
        largest = key;
        size = block.ids.length;
      }
    }
    if (largest === undefined) return undefined;
    const block = this.owned.get(largest);
    this.owned.delete(largest);
    return block;
  }

  private prepared(block: StoredBlock): PreparedComment[] {
    const { ids, analyses, numbers, documentId, blockId } = block;
    const prepared = new Array<PreparedComment>(ids.length);
    for (let index = 0; index < ids.length; index++) {
      const offset = index * (FIELDS - 1);
      const supporters = numbers[offset + 3];
      const supportersTotal = numbers[offset + 4];
      const analysis = analyses[index];
      // The very object validateCommentInput makes (its text was analysed already).
      const comment: CommentInput = {
        id: ids[index],
        unit: this.units[numbers[offset]],
        sourceType: SOURCE_TYPES[numbers[offset + 1]] as SourceType,
        documentId,
        blockId,
        kind: COMMENT_KINDS[numbers[offset + 2]] as CommentKind,
        text: analysis.text,
        supporters: supporters === 0 ? undefined : supporters,
        supportersTotal: supportersTotal === 0 ? undefined : supportersTotal,
        contributor: numbers[offset + 5] === 1 ? true : undefined,
      };
      prepared[index] = prepareAnalysed(comment, analysis);
    }
    return prepared;
  }
}

/** What the main thread asks of a store (a worker thread's, or its own). */
export type StoreRequest =
  | CommentBatch
  /** Cluster the blocks (then reply done). */
  | { readonly type: 'finish' }
  /** Give up the largest block not started yet (reply given). */
  | { readonly type: 'give' }
  /** Cluster this block, given up by another store (then reply done). */
  | { readonly type: 'take'; readonly block: StoredBlock };
export type StoreReply =
  | { readonly type: 'block'; readonly block: BlockJson }
  | { readonly type: 'done' }
  | { readonly type: 'given'; readonly block: StoredBlock | undefined }
  | { readonly type: 'error'; readonly message: string };

/**
 * Answers the main thread's requests to one store, the same in a worker thread and on the main
 * thread: blocks are clustered one per turn of the event loop (`later`), so that a request to give
 * one up is answered between blocks.
 */
export class StoreRunner {
  /**
   * reply: how an answer reaches the main thread (with the buffers it may hand over); utf8: send
   * each block's JSON as UTF-8 in a buffer of its own, which a thread hands over for nothing.
   */
  constructor(
    private readonly store: BlockStore,
    private readonly reply: (reply: StoreReply, transfer?: ArrayBuffer[]) => void,
    private readonly options: { readonly utf8: boolean; readonly later: (task: () => void) => void },
  ) {}

  private readonly encoder = new TextEncoder();

  handle(request: StoreRequest): void {
    try {
      if (request.type === 'batch') this.store.receive(request);
      else if (request.type === 'give') this.reply({ type: 'given', block: this.store.give() });
      else {
        if (request.type === 'take') this.store.adopt(request.block);
        this.clusterNext();
      }
    } catch (error: unknown) {
      this.fail(error);
    }
  }

  private clusterNext(): void {
    try {
      const block = this.store.clusterNext();
      if (block === undefined) return this.reply({ type: 'done' });
      if (this.options.utf8 && typeof block.json === 'string') {
        const json = this.encoder.encode(block.json);
        this.reply({ type: 'block', block: { ...block, json } }, [json.buffer as ArrayBuffer]);
      } else this.reply({ type: 'block', block });
      this.options.later(() => this.clusterNext());
    } catch (error: unknown) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    this.reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

/** One block's clusters (in clusterBlock's order, which is the report's) as its report part. */
export function blockJson(documentId: string | undefined, blockId: string, clusters: readonly Cluster[], legacyConverted: number): BlockJson {
  let comments = 0;
  const tallies = emptyTallies();
  const lines: string[] = [];
  for (const cluster of clusters) {
    lines.push(JSON.stringify(cluster));
    comments += cluster.commentIds.length;
    tallyCluster(tallies, cluster);
  }
  return { documentId, blockId, json: lines.join(',\n'), comments, clusters: clusters.length, ...tallies, legacyConverted };
}

/**
 * The report's JSON text from its blocks' parts, in pieces: exactly what reportJsonChunks gives
 * for buildReport of all the clusters (no block order given: documentId, then blockId).
 */
export function* blocksReportJsonChunks(
  parts: BlockJson[],
  options: { rejectedLines: number; extraStats: Readonly<Record<string, number>> },
): Generator<string | Uint8Array> {
  const blocks = parts.filter((part) => part.clusters > 0).sort((a, b) => compareIds(a.documentId ?? '', b.documentId ?? '') || compareIds(a.blockId, b.blockId));
  let comments = 0;
  let clusters = 0;
  let legacyConverted = 0;
  const tallies = emptyTallies();
  const documents = new Set<string>();
  for (const block of parts) legacyConverted += block.legacyConverted;
  for (const block of blocks) {
    comments += block.comments;
    clusters += block.clusters;
    tallies.proposalClusters += block.proposalClusters;
    tallies.agreementComments += block.agreementComments;
    tallies.agreementClusters += block.agreementClusters;
    tallies.questionClusters += block.questionClusters;
    tallies.singletons += block.singletons;
    tallies.statedSupporters += block.statedSupporters;
    documents.add(block.documentId ?? '');
  }
  yield `{"comments":${comments},"clusters":[`;
  for (let index = 0; index < blocks.length; index++) {
    yield index === 0 ? '\n' : ',\n';
    yield blocks[index].json;
  }
  const stats = reportStats(
    { comments, clusters, tallies, documents: documents.size, blocks: blocks.length },
    { legacyConverted, rejectedLines: options.rejectedLines, extraStats: options.extraStats },
  );
  yield `\n],"stats":${JSON.stringify(stats)}}\n`;
}

/**
 * Cuts a file's bytes into lines exactly as node:readline does over a UTF-8 stream with
 * crlfDelay: Infinity ("\n", "\r\n" and a lone "\r" end a line; what follows the last line end is
 * a last line unless empty), a chunk at a time, without an event and a promise per line. Each line
 * is decoded on its own (a line end is never inside a UTF-8 sequence), which gives flat strings.
 */
export class LineSplitter {
  private rest: Buffer | undefined;

  /** The lines that this chunk completes. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    let end = chunk.indexOf(10);
    if (end < 0) {
      this.rest = this.rest === undefined ? chunk : Buffer.concat([this.rest, chunk]);
      return lines;
    }
    if (this.rest !== undefined) {
      this.cut(lines, Buffer.concat([this.rest, chunk.subarray(0, end)]), 0, this.rest.length + end);
      this.rest = undefined;
      start = end + 1;
      end = chunk.indexOf(10, start);
    }
    while (end >= 0) {
      this.cut(lines, chunk, start, end);
      start = end + 1;
      end = chunk.indexOf(10, start);
    }
    if (start < chunk.length) this.rest = chunk.subarray(start);
    return lines;
  }

  /** The last line, if the bytes did not end with a line end. */
  end(): string[] {
    const lines: string[] = [];
    if (this.rest !== undefined && this.rest.length > 0) this.cut(lines, this.rest, 0, this.rest.length);
    this.rest = undefined;
    return lines;
  }

  /** bytes[start, end) ended by "\n" (or by the end of the file); "\r" before it is part of the line end. */
  private cut(lines: string[], bytes: Buffer, start: number, end: number): void {
    if (end > start && bytes[end - 1] === 13) end--;
    const line = bytes.toString('utf8', start, end);
    if (line.indexOf('\r') < 0) lines.push(line);
    else for (const part of line.split('\r')) lines.push(part);
  }
}
