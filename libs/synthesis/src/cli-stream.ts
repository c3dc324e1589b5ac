// The command line's worker threads, as pure pieces (no threads, no I/O here, so that they can be
// tested on one thread): the main thread validates the lines and hands each comment over at once,
// in batches, to the thread that owns its block; that thread prepares it (text analysis,
// signatures) while the file is still being read, and clusters its blocks when the file is done.
// Each thread sends back the report's JSON text of each of its blocks, so the main thread only
// orders the blocks and writes them.
import { compareIds } from './cluster-block';
import { CommentPreparer } from './prepare';
import { COMMENT_KINDS, SOURCE_TYPES, type Cluster, type CommentInput, type CommentKind, type PreparedComment, type SourceType } from './types';
import { clusterBlock } from './cluster-block';

/** Numbers per comment in CommentBatch.numbers. */
const FIELDS = 6;

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
  /** Per comment: block, unit, sourceType, kind (indexes), supporters, supportersTotal (0: absent). */
  readonly numbers: Float64Array;
}

/** The report's part for one block: its clusters as report lines, and what the stats count. */
export interface BlockJson {
  readonly documentId?: string;
  readonly blockId: string;
  /** The block's clusters in report order, each JSON.stringify'd, joined by ",\n". */
  readonly json: string;
  readonly comments: number;
  readonly clusters: number;
  readonly proposalClusters: number;
  readonly agreementComments: number;
  readonly agreementClusters: number;
  readonly questionClusters: number;
  readonly singletons: number;
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
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly threads: number,
    private readonly send: (thread: number, batch: CommentBatch) => void,
    private readonly sample = 20_000,
    private readonly batchSize = 4096,
  ) {
    this.load = new Array<number>(threads).fill(0);
    this.pending = this.emptyBatches();
  }

  /** One shared copy of a repeated string (for validateCommentInput). */
  readonly intern = (value: string): string => {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  };

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

  private lightest(): number {
    let best = 0;
    for (let thread = 1; thread < this.threads; thread++) if (this.load[thread] < this.load[best]) best = thread;
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

interface StoredBlock {
  readonly documentId?: string;
  readonly blockId: string;
  readonly preparer: CommentPreparer;
  readonly prepared: PreparedComment[];
  legacyConverted: number;
}

/**
 * Thread side: keeps the blocks this thread owns, prepares each comment as it arrives, and
 * clusters the blocks at the end.
 */
export class BlockStore {
  private readonly units: string[] = [];
  private readonly blocks: Array<{ documentId?: string; blockId: string }> = [];
  private readonly owned = new Map<number, StoredBlock>();

  receive(batch: CommentBatch): void {
    for (const unit of batch.units) this.units.push(unit);
    for (const block of batch.blocks) this.blocks.push(block);
    const { ids, texts, numbers } = batch;
    for (let index = 0; index < ids.length; index++) {
      const offset = index * FIELDS;
      const blockNumber = numbers[offset];
      let block = this.owned.get(blockNumber);
      if (!block) {
        const { documentId, blockId } = this.blocks[blockNumber];
        block = { documentId, blockId, preparer: new CommentPreparer(), prepared: [], legacyConverted: 0 };
        this.owned.set(blockNumber, block);
      }
      const supporters = numbers[offset + 4];
      const supportersTotal = numbers[offset + 5];
      // The very object validateCommentInput makes.
      const comment: CommentInput = {
        id: ids[index],
        unit: this.units[numbers[offset + 1]],
        sourceType: SOURCE_TYPES[numbers[offset + 2]] as SourceType,
        documentId: block.documentId,
        blockId: block.blockId,
        kind: COMMENT_KINDS[numbers[offset + 3]] as CommentKind,
        text: texts[index],
        supporters: supporters === 0 ? undefined : supporters,
        supportersTotal: supportersTotal === 0 ? undefined : supportersTotal,
      };
      const prepared = block.preparer.prepare(comment);
      if (prepared.legacyEncoding !== undefined) block.legacyConverted++;
      block.prepared.push(prepared);
    }
  }

  /** Clusters the blocks, largest first, each released once done. */
  *cluster(): Generator<BlockJson> {
    const blocks = [...this.owned.values()].sort((a, b) => b.prepared.length - a.prepared.length);
    this.owned.clear();
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      blocks[index] = undefined as unknown as StoredBlock;
      yield blockJson(block.documentId, block.blockId, clusterBlock(block.prepared), block.legacyConverted);
    }
  }
}

/** One block's clusters (in clusterBlock's order, which is the report's) as its report part. */
export function blockJson(documentId: string | undefined, blockId: string, clusters: readonly Cluster[], legacyConverted: number): BlockJson {
  let comments = 0;
  let proposalClusters = 0;
  let agreementComments = 0;
  let agreementClusters = 0;
  let questionClusters = 0;
  let singletons = 0;
  const lines: string[] = [];
  for (const cluster of clusters) {
    lines.push(JSON.stringify(cluster));
    comments += cluster.commentIds.length;
    if (cluster.agreement) {
      agreementClusters++;
      agreementComments += cluster.commentIds.length;
    } else if (cluster.family === 'question') questionClusters++;
    else proposalClusters++;
    if (cluster.commentIds.length === 1 && !cluster.agreement) singletons++;
  }
  return {
    documentId,
    blockId,
    json: lines.join(',\n'),
    comments,
    clusters: clusters.length,
    proposalClusters,
    agreementComments,
    agreementClusters,
    questionClusters,
    singletons,
    legacyConverted,
  };
}

/**
 * The report's JSON text from its blocks' parts, in pieces: exactly what reportJsonChunks gives
 * for buildReport of all the clusters (no block order given: documentId, then blockId).
 */
export function* blocksReportJsonChunks(
  parts: BlockJson[],
  options: { rejectedLines: number; extraStats: Readonly<Record<string, number>> },
): Generator<string> {
  const blocks = parts.filter((part) => part.clusters > 0).sort((a, b) => compareIds(a.documentId ?? '', b.documentId ?? '') || compareIds(a.blockId, b.blockId));
  let comments = 0;
  let clusters = 0;
  let proposalClusters = 0;
  let agreementComments = 0;
  let agreementClusters = 0;
  let questionClusters = 0;
  let singletons = 0;
  let legacyConverted = 0;
  const documents = new Set<string>();
  for (const block of parts) legacyConverted += block.legacyConverted;
  for (const block of blocks) {
    comments += block.comments;
    clusters += block.clusters;
    proposalClusters += block.proposalClusters;
    agreementComments += block.agreementComments;
    agreementClusters += block.agreementClusters;
    questionClusters += block.questionClusters;
    singletons += block.singletons;
    documents.add(block.documentId ?? '');
  }
  yield `{"comments":${comments},"clusters":[`;
  for (let index = 0; index < blocks.length; index++) yield `${index === 0 ? '\n' : ',\n'}${blocks[index].json}`;
  // The keys in computeStats' order.
  const stats = {
    comments,
    clusters,
    proposalClusters,
    agreementComments,
    agreementClusters,
    questionClusters,
    singletons,
    documents: documents.size,
    blocks: blocks.length,
    legacyConverted,
    rejectedLines: options.rejectedLines,
    ...options.extraStats,
  };
  yield `\n],"stats":${JSON.stringify(stats)}}\n`;
}
