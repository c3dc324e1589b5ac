// Worker thread of the command line: prepares the comments of the blocks it owns as they arrive
// (while the main thread is still reading the file), then clusters those blocks, largest first,
// and sends back each block's part of the report (cli-stream.ts). A thread that runs out of
// blocks is given one that another store has not started (the main thread asks for it), so the
// stores finish at about the same time.
import { parentPort } from 'node:worker_threads';
import { BlockStore, StoreRunner, type StoreReply, type StoreRequest } from './cli-stream';

const runner = new StoreRunner(new BlockStore(), (reply: StoreReply, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(reply, transfer), { utf8: true, later: setImmediate });
parentPort?.on('message', (request: StoreRequest) => runner.handle(request));
