// Worker thread of the command line: clusters the blocks the main thread sends, one at a time.
// Blocks are independent, so the second core halves the clustering phase of a large round.
import { parentPort } from 'node:worker_threads';
import { clusterCollectedBlock } from './synthesize';
import type { CommentInput } from './types';

export interface BlockRequest {
  readonly sequence: number;
  readonly comments: CommentInput[];
}

parentPort?.on('message', (request: BlockRequest) => {
  const result = clusterCollectedBlock(request.comments);
  parentPort?.postMessage({ sequence: request.sequence, clusters: result.clusters, legacyConverted: result.legacyConverted });
});
