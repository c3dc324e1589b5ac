// Worker thread of the command line: prepares the comments of the blocks it owns as they arrive
// (while the main thread is still reading the file), then clusters those blocks, largest first,
// and sends back each block's part of the report (cli-stream.ts). A thread that runs out of
// blocks is given one that another thread has not started (the main thread asks for it), so the
// threads finish at about the same time.
import { parentPort } from 'node:worker_threads';
import { BlockStore, type BlockJson, type CommentBatch, type StoredBlock } from './cli-stream';

export type WorkerRequest =
  | CommentBatch
  /** Cluster the blocks (then reply done). */
  | { readonly type: 'finish' }
  /** Give up the largest block not started yet (reply given). */
  | { readonly type: 'give' }
  /** Cluster this block, given up by another thread (then reply done). */
  | { readonly type: 'take'; readonly block: StoredBlock };
export type WorkerReply =
  | { readonly type: 'block'; readonly block: BlockJson }
  | { readonly type: 'done' }
  | { readonly type: 'given'; readonly block: StoredBlock | undefined }
  | { readonly type: 'error'; readonly message: string };

const store = new BlockStore();
const utf8 = new TextEncoder();

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, transfer);
}

function fail(error: unknown): void {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

/** One block per turn of the event loop, so that a request to give one up is answered between blocks. */
function clusterNext(): void {
  try {
    const block = store.clusterNext();
    if (block === undefined) return post({ type: 'done' });
    // as UTF-8 in a buffer of its own, handed over: the main thread only writes it
    const json = typeof block.json === 'string' ? utf8.encode(block.json) : block.json;
    post({ type: 'block', block: { ...block, json } }, [json.buffer as ArrayBuffer]);
    setImmediate(clusterNext);
  } catch (error: unknown) {
    fail(error);
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'batch') store.receive(request);
    else if (request.type === 'give') post({ type: 'given', block: store.give() });
    else {
      if (request.type === 'take') store.adopt(request.block);
      clusterNext();
    }
  } catch (error: unknown) {
    fail(error);
  }
});
