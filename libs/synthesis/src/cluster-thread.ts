// Worker thread of ClusterThreads (cluster-threads.ts): prepares comments, or clusters the stored
// prepared forms of one block, for a process that keeps them as JSON (the synthesis worker).
import { parentPort } from 'node:worker_threads';
import { clusterPreparedJson, preparedJson, type ThreadReply, type ThreadRequest } from './cluster-threads';

parentPort?.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply =
      request.type === 'prepare'
        ? { sequence: request.sequence, prepared: preparedJson(request.comments) }
        : { sequence: request.sequence, ...clusterPreparedJson(request.prepared) };
  } catch (error: unknown) {
    reply = { sequence: request.sequence, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
