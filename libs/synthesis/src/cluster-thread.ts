// Worker thread of ClusterThreads (cluster-threads.ts): prepares comments, or clusters the stored
// prepared forms of one block, for a process that keeps them as JSON (the synthesis worker); keeps
// the parsed forms of the blocks it is sent by name (ResidentBlocks) until told to forget them.
import { parentPort } from 'node:worker_threads';
import { ResidentBlocks, preparedJson, type ThreadReply, type ThreadRequest } from './cluster-threads';

const resident = new ResidentBlocks();

parentPort?.on('message', (request: ThreadRequest) => {
  if (request.type === 'forget') {
    resident.forget(request.blocks);
    return;
  }
  let reply: ThreadReply;
  try {
    if (request.type === 'prepare') reply = { sequence: request.sequence, prepared: preparedJson(request.comments) };
    else reply = { sequence: request.sequence, ...resident.cluster(request) };
  } catch (error: unknown) {
    reply = { sequence: request.sequence, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
