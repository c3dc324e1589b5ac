// Preparation and clustering on worker threads, for a process that stores prepared forms as JSON
// (the synthesis worker). Blocks are independent: each thread takes one block (or one batch of
// comments to prepare) at a time and runs the very functions the calling thread would, so the
// results do not depend on where they were computed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';
import type { Cluster, CommentInput, PreparedComment } from './types';

export type ThreadRequest =
  | { readonly sequence: number; readonly type: 'prepare'; readonly comments: readonly CommentInput[] }
  | { readonly sequence: number; readonly type: 'cluster'; readonly prepared: readonly string[] };

export type ThreadReply =
  | { readonly sequence: number; readonly prepared: string[] }
  | { readonly sequence: number; readonly clusters: Cluster[]; readonly json: string }
  | { readonly sequence: number; readonly error: string };

export interface ClusteredJson {
  readonly clusters: Cluster[];
  /** JSON.stringify(clusters), made on the thread that clustered them. */
  readonly json: string;
}

/** The prepared form of each comment (prepareComment) as the JSON text that is stored. */
export function preparedJson(comments: readonly CommentInput[]): string[] {
  return comments.map((comment) => JSON.stringify(prepareComment(comment)));
}

/** clusterBlock of comments given as their stored prepared forms (JSON text). */
export function clusterPreparedJson(prepared: readonly string[]): ClusteredJson {
  const clusters = clusterBlock(prepared.map((text) => JSON.parse(text) as PreparedComment));
  return { clusters, json: JSON.stringify(clusters) };
}

interface Task {
  readonly request: ThreadRequest;
  readonly resolve: (reply: ThreadReply) => void;
  readonly reject: (error: Error) => void;
}

export class ClusterThreads {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private readonly running = new Map<Worker, Task>();
  private sequence = 0;
  private failure: Error | undefined;
  private closing = false;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: ThreadReply) => {
        const task = this.running.get(worker);
        this.running.delete(worker);
        this.idle.push(worker);
        if (task) {
          if ('error' in reply) task.reject(new Error(`clustering thread: ${reply.error}`));
          else task.resolve(reply);
        }
        this.dispatch();
      });
      worker.on('error', (error: Error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`clustering thread stopped (exit code ${code})`));
      });
      this.idle.push(worker);
    }
  }

  /**
   * `count` threads, or undefined when there are none to start: count 0, or the library running
   * from its TypeScript sources (under ts-jest there is no compiled thread file). The caller then
   * does the same work on its own thread (preparedJson, clusterPreparedJson).
   */
  static start(count: number): ClusterThreads | undefined {
    const file = join(__dirname, 'cluster-thread.js');
    if (count < 1 || !existsSync(file)) return undefined;
    // A larger young generation: clustering allocates many short-lived objects.
    return new ClusterThreads(Array.from({ length: count }, () => new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 64 } })));
  }

  get size(): number {
    return this.workers.length;
  }

  /** preparedJson, on a thread. */
  async prepare(comments: readonly CommentInput[]): Promise<string[]> {
    const reply = await this.run({ sequence: this.sequence++, type: 'prepare', comments });
    if (!('prepared' in reply)) throw new Error('clustering thread: unexpected reply');
    return reply.prepared;
  }

  /** clusterPreparedJson, on a thread. */
  async cluster(prepared: readonly string[]): Promise<ClusteredJson> {
    const reply = await this.run({ sequence: this.sequence++, type: 'cluster', prepared });
    if (!('clusters' in reply)) throw new Error('clustering thread: unexpected reply');
    return { clusters: reply.clusters, json: reply.json };
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('clustering threads closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private run(request: ThreadRequest): Promise<ThreadReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<ThreadReply>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const task = this.queue.shift() as Task;
      this.running.set(worker, task);
      worker.postMessage(task.request);
    }
  }

  /** A thread failed (or the pool closed): every task waiting or running fails with it. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of [...this.queue, ...this.running.values()]) task.reject(this.failure);
    this.queue.length = 0;
    this.running.clear();
  }
}
