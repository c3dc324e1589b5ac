// Worker thread of the command line. While the main thread reads the file, it receives the
// comments of the blocks routed to it and prepares each at once (the text analysis needs no other
// comment); when the file is read, it clusters its blocks one by one and sends the clusters back.
import { parentPort } from 'node:worker_threads';
import { clusterBlock } from './cluster-block';
import { CommentPreparer } from './prepare';
import type { Cluster, CommentInput, PreparedComment } from './types';

/** `lines`: JSON lines the main thread has validated already. */
export type WorkerRequest = { readonly type: 'lines'; readonly lines: string[] } | { readonly type: 'cluster' };
export type WorkerReply =
  | { readonly type: 'block'; readonly clusters: Cluster[]; readonly legacyConverted: number }
  | { readonly type: 'done' };

interface PendingBlock {
  readonly preparer: CommentPreparer;
  readonly prepared: PreparedComment[];
  legacyConverted: number;
}

const blocks = new Map<string, PendingBlock>();
// Each message brings its own copies of the repeated strings; keep one.
const strings = new Map<string, string>();
function intern(value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  strings.set(value, value);
  return value;
}

function receive(lines: readonly string[]): void {
  for (const line of lines) {
    const parsed = JSON.parse(line) as CommentInput;
    const comment: CommentInput = {
      id: parsed.id,
      unit: intern(parsed.unit),
      sourceType: parsed.sourceType,
      documentId: parsed.documentId === undefined ? undefined : intern(parsed.documentId),
      blockId: intern(parsed.blockId),
      kind: parsed.kind,
      text: parsed.text.normalize('NFC'),
      supporters: parsed.supporters,
      supportersTotal: parsed.supportersTotal,
    };
    const key = `${comment.documentId ?? ''}\u0000${comment.blockId}`;
    let block = blocks.get(key);
    if (!block) {
      block = { preparer: new CommentPreparer(), prepared: [], legacyConverted: 0 };
      blocks.set(key, block);
    }
    const prepared = block.preparer.prepare(comment);
    if (prepared.legacyEncoding !== undefined) block.legacyConverted++;
    block.prepared.push(prepared);
  }
}

function clusterAll(): void {
  for (const [key, block] of blocks) {
    blocks.delete(key);
    const reply: WorkerReply = { type: 'block', clusters: clusterBlock(block.prepared), legacyConverted: block.legacyConverted };
    parentPort?.postMessage(reply);
  }
  const done: WorkerReply = { type: 'done' };
  parentPort?.postMessage(done);
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'lines') receive(request.lines);
  else clusterAll();
});
