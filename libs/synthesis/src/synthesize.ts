// From a stream of comments to a report, block by block: comments are kept in their compact input
// form, grouped by block; each block is prepared and clustered in turn and its working data
// released, so memory holds one block's shingles and signatures at a time.
import { clusterBlock, compareIds } from './cluster-block';
import { CommentPreparer } from './prepare';
import { buildReport, type BlockRef, type ReportOptions } from './report';
import type { Cluster, CommentInput, Report } from './types';

export interface ClusteredBlock {
  readonly block: BlockRef;
  readonly clusters: Cluster[];
  /** Comments of the block that were typed in TCVN3 or VNI and converted. */
  readonly legacyConverted: number;
}

export class BlockCollector {
  // documentId ('' when absent) → blockId → comments: no key string built per line.
  private readonly blocks = new Map<string, Map<string, CommentInput[]>>();
  private blocksSeen = 0;
  // Units, documents and blocks repeat on many lines; each parsed line brings its own copy of
  // the string. Keeping one copy cuts the memory of a million-line round by a good part.
  private readonly strings = new Map<string, string>();
  private total = 0;

  /** One shared copy of a repeated string (pass to validateCommentInput). */
  readonly intern = (value: string): string => {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  };

  /** Keeps a comment (copied with shared strings unless `compact` says it already has them). */
  add(comment: CommentInput, compact = false): void {
    if (!compact) {
      comment = {
        id: comment.id,
        unit: this.intern(comment.unit),
        sourceType: comment.sourceType,
        documentId: comment.documentId === undefined ? undefined : this.intern(comment.documentId),
        blockId: this.intern(comment.blockId),
        kind: comment.kind,
        text: comment.text,
        supporters: comment.supporters,
        supportersTotal: comment.supportersTotal,
        contributor: comment.contributor,
      };
    }
    const documentId = comment.documentId ?? '';
    let document = this.blocks.get(documentId);
    if (!document) {
      document = new Map();
      this.blocks.set(documentId, document);
    }
    const block = document.get(comment.blockId);
    if (block) block.push(comment);
    else {
      document.set(comment.blockId, [comment]);
      this.blocksSeen++;
    }
    this.total++;
  }

  get comments(): number {
    return this.total;
  }

  get blockCount(): number {
    return this.blocksSeen;
  }

  /** Clusters the blocks in documentId then blockId order; each block is released once done. */
  *clusterBlocks(): Generator<ClusteredBlock> {
    for (const comments of this.takeBlocks()) yield clusterCollectedBlock(comments);
  }

  /** Hands over the blocks (documentId then blockId order), forgetting them here. */
  *takeBlocks(): Generator<CommentInput[]> {
    for (const documentId of [...this.blocks.keys()].sort(compareIds)) {
      const document = this.blocks.get(documentId) ?? new Map<string, CommentInput[]>();
      for (const blockId of [...document.keys()].sort(compareIds)) {
        const comments = document.get(blockId) ?? [];
        document.delete(blockId);
        this.blocksSeen--;
        yield comments;
      }
      this.blocks.delete(documentId);
    }
  }
}

/** Prepares and clusters the comments of one block (all of the same document and block). */
export function clusterCollectedBlock(comments: readonly CommentInput[]): ClusteredBlock {
  let legacyConverted = 0;
  const preparer = new CommentPreparer();
  const prepared = comments.map((comment) => {
    const result = preparer.prepare(comment);
    if (result.legacyEncoding !== undefined) legacyConverted++;
    return result;
  });
  const first = comments[0];
  return {
    block: { ...(first.documentId !== undefined ? { documentId: first.documentId } : {}), blockId: first.blockId },
    clusters: clusterBlock(prepared),
    legacyConverted,
  };
}

export interface SynthesisProgress {
  readonly phase: 'reading' | 'clustering' | 'done';
  readonly comments: number;
  readonly blocksDone: number;
  readonly blocks: number;
  readonly clusters: number;
}

export interface SynthesisOptions extends ReportOptions {
  readonly onProgress?: (progress: SynthesisProgress) => void;
}

/**
 * Synthesises a whole set of comments (an array, a generator or an async stream such as rows
 * read from the database) into one report. Comment ids must be unique.
 */
export async function synthesizeComments(
  inputs: Iterable<CommentInput> | AsyncIterable<CommentInput>,
  options: SynthesisOptions = {},
): Promise<Report> {
  const collector = new BlockCollector();
  const ids = new Set<string>();
  for await (const comment of inputs) {
    if (ids.has(comment.id)) throw new RangeError(`comment id ${comment.id} appears twice`);
    ids.add(comment.id);
    collector.add(comment);
    if (collector.comments % 100_000 === 0) options.onProgress?.(progress('reading', collector, 0, 0));
  }
  ids.clear();
  const blocks = collector.blockCount;
  const clusters: Cluster[] = [];
  let legacyConverted = 0;
  let done = 0;
  for (const block of collector.clusterBlocks()) {
    clusters.push(...block.clusters);
    legacyConverted += block.legacyConverted;
    done++;
    options.onProgress?.({ phase: 'clustering', comments: collector.comments, blocksDone: done, blocks, clusters: clusters.length });
  }
  const report = buildReport(clusters, { ...options, legacyConverted: (options.legacyConverted ?? 0) + legacyConverted });
  options.onProgress?.({ phase: 'done', comments: report.comments, blocksDone: done, blocks, clusters: clusters.length });
  return report;
}

function progress(phase: SynthesisProgress['phase'], collector: BlockCollector, blocksDone: number, clusters: number): SynthesisProgress {
  return { phase, comments: collector.comments, blocksDone, blocks: collector.blockCount, clusters };
}
