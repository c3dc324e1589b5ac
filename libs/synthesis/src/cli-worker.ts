// Worker thread of the command line: prepares the comments of the blocks it owns as they arrive
// (while the main thread is still reading the file), then clusters those blocks and sends back
// each block's part of the report (cli-stream.ts). Blocks are independent, so the second core
// takes half of the preparation and of the clustering of a large round.
import { parentPort } from 'node:worker_threads';
import { BlockStore, type BlockJson, type CommentBatch } from './cli-stream';

export type WorkerRequest = CommentBatch | { readonly type: 'finish' };
export type WorkerReply =
  | { readonly type: 'block'; readonly block: BlockJson }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

const store = new BlockStore();
const utf8 = new TextEncoder();

parentPort?.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'batch') store.receive(request);
    else {
      for (const block of store.cluster()) {
        // as UTF-8 in a buffer of its own, handed over: the main thread only writes it
        const json = typeof block.json === 'string' ? utf8.encode(block.json) : block.json;
        parentPort?.postMessage({ type: 'block', block: { ...block, json } } satisfies WorkerReply, [json.buffer as ArrayBuffer]);
      }
      parentPort?.postMessage({ type: 'done' } satisfies WorkerReply);
    }
  } catch (error: unknown) {
    parentPort?.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
});
