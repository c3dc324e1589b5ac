// Preparation and clustering on worker threads, for a process that stores prepared forms as JSON
// (the synthesis worker). Blocks are independent: each thread takes one block (or one batch of
// comments to prepare) at a time and runs the very functions the calling thread would, so the
// results do not depend on where they were computed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { clusterBlock } from './cluster-block';
import { prepareComment } from './prepare';
import { encodeBlockClustering } from './stored-clustering';
import type { Cluster, CommentInput, PreparedComment } from './types';

export type ThreadRequest =
  | { readonly sequence: number; readonly type: 'prepare'; readonly comments: readonly CommentInput[] }
  | ({ readonly sequence: number; readonly type: 'cluster-resident' } & ResidentRequest)
  /** Drops blocks the thread holds; the only request without a reply. */
  | { readonly type: 'forget'; readonly blocks: readonly string[] };

export type ThreadReply =
  | { readonly sequence: number; readonly prepared: string[] }
  | { readonly sequence: number; readonly clusters: Cluster[]; readonly stored: string }
  | { readonly sequence: number; readonly missing: string[] }
  | { readonly sequence: number; readonly error: string };

/** A block to cluster from the forms a thread holds: its comments, and the forms it may lack. */
export interface ResidentRequest {
  /** Names the block (and its round): the forms held for it are those of earlier requests of the same name. */
  readonly block: string;
  /** The block's comments now, in the order clusterPreparedJson would be given their forms. */
  readonly ids: readonly string[];
  /** Prepared forms (JSON text) of those of `ids` the caller has not sent for this block before. */
  readonly newIds: readonly string[];
  readonly newForms: readonly string[];
}

export interface ClusteredJson {
  readonly clusters: Cluster[];
  /** The clusters as they are stored between revisions (encodeBlockClustering), made on the thread that clustered them. */
  readonly stored: string;
}

/** The prepared form of each comment (prepareComment) as the JSON text that is stored. */
export function preparedJson(comments: readonly CommentInput[]): string[] {
  return comments.map((comment) => JSON.stringify(prepareComment(comment)));
}

/** clusterBlock of comments given as their stored prepared forms (JSON text). */
export function clusterPreparedJson(prepared: readonly string[]): ClusteredJson {
  const comments = prepared.map((text) => JSON.parse(text) as PreparedComment);
  const clusters = clusterBlock(comments);
  return { clusters, stored: encodeBlockClustering(clusters, comments.map((comment) => comment.id)) };
}

/**
 * The parsed prepared forms of the blocks a thread has clustered, kept for the next revision: a
 * block touched by a new submission is then sent only its new comments' forms, instead of all of
 * them cloned to the thread and parsed again (about 40 % of a block's round trip). Parsed forms
 * take about 2.2 KB a comment, less than the JSON text (two bytes per character in V8).
 */
export class ResidentBlocks {
  private readonly blocks = new Map<string, Map<string, PreparedComment>>();

  /** Comments held, over all blocks. */
  get size(): number {
    let size = 0;
    for (const forms of this.blocks.values()) size += forms.size;
    return size;
  }

  /**
   * clusterPreparedJson of the block's comments, from the forms held and the new ones; or the ids
   * whose forms are neither (nothing is clustered then, the new forms are kept). The forms of
   * comments no longer in the block (a withdrawal) are dropped.
   */
  cluster(request: ResidentRequest): ClusteredJson | { missing: string[] } {
    let forms = this.blocks.get(request.block);
    if (!forms) {
      forms = new Map();
      this.blocks.set(request.block, forms);
    }
    request.newIds.forEach((id, index) => {
      const form = JSON.parse(request.newForms[index]) as PreparedComment;
      if (form.id !== id) throw new Error(`the prepared form sent for comment ${id} is that of ${String(form.id)}`);
      forms.set(id, form);
    });
    const prepared: PreparedComment[] = [];
    const missing: string[] = [];
    for (const id of request.ids) {
      const form = forms.get(id);
      if (form) prepared.push(form);
      else missing.push(id);
    }
    if (missing.length > 0) return { missing };
    if (forms.size > prepared.length) this.blocks.set(request.block, new Map(prepared.map((form) => [form.id, form])));
    const clusters = clusterBlock(prepared);
    return { clusters, stored: encodeBlockClustering(clusters, request.ids) };
  }

  forget(blocks: readonly string[]): void {
    for (const block of blocks) this.blocks.delete(block);
  }
}

/** What the calling side knows of a block a thread holds. */
interface Home {
  readonly worker: Worker;
  /** The ids whose forms that thread holds (as of the last reply). */
  ids: ReadonlySet<string>;
  /** What the block counts for in `held`: its comments, from the moment it is placed. */
  counted: number;
  /** Requests for the block not yet answered: it is not forgotten meanwhile. */
  pending: number;
}

/** Parsed forms per comment, for a budget given in megabytes (measured on the worker's texts). */
const RESIDENT_BYTES_PER_COMMENT = 2200;

export interface ClusterThreadOptions {
  /** Memory for the blocks the threads hold, over all threads (0: none kept; the default). */
  readonly residentMegabytes?: number;
}

interface Task {
  readonly request: ThreadRequest;
  /** The thread that must run it (the one holding its block), or any. */
  readonly worker?: Worker;
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
  /** The blocks the threads hold, least recently clustered first. */
  private readonly homes = new Map<string, Home>();
  /** Comments held per thread (as the calling side counts them), to place new blocks. */
  private readonly held = new Map<Worker, number>();
  private readonly residentLimit: number;

  private constructor(
    private readonly workers: readonly Worker[],
    options: ClusterThreadOptions,
  ) {
    this.residentLimit = Math.floor(((options.residentMegabytes ?? 0) * 1024 * 1024) / RESIDENT_BYTES_PER_COMMENT);
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
      this.held.set(worker, 0);
    }
  }

  /**
   * `count` threads, or undefined when there are none to start: count 0, or the library running
   * from its TypeScript sources (under ts-jest there is no compiled thread file). The caller then
   * does the same work on its own thread (preparedJson, clusterPreparedJson).
   */
  static start(count: number, options: ClusterThreadOptions = {}): ClusterThreads | undefined {
    const file = join(__dirname, 'cluster-thread.js');
    if (count < 1 || !existsSync(file)) return undefined;
    // A larger young generation: clustering allocates many short-lived objects.
    return new ClusterThreads(
      Array.from({ length: count }, () => new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 64 } })),
      options,
    );
  }

  get size(): number {
    return this.workers.length;
  }

  /** A thread failed, or the pool was closed: every task is refused from now on. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Comments whose parsed forms the threads hold, as the calling side counts them. */
  get residentComments(): number {
    let count = 0;
    for (const home of this.homes.values()) count += home.counted;
    return count;
  }

  /** preparedJson, on a thread. */
  async prepare(comments: readonly CommentInput[]): Promise<string[]> {
    const reply = await this.run({ sequence: this.sequence++, type: 'prepare', comments });
    if (!('prepared' in reply)) throw new Error('clustering thread: unexpected reply');
    return reply.prepared;
  }

  /**
   * clusterPreparedJson of a block whose forms a thread may hold from an earlier call with the
   * same name: the block always goes to that thread, with only the forms it lacks, which
   * `formsOf` gives (in the order of the ids asked). Blocks are placed on the thread holding
   * fewest comments, and the least recently clustered are dropped beyond the budget.
   */
  async clusterResident(block: string, ids: readonly string[], formsOf: (ids: readonly string[]) => Promise<readonly string[]>): Promise<ClusteredJson> {
    let home = this.homes.get(block);
    if (home) this.homes.delete(block);
    else {
      // counted at once, so that blocks placed before the first reply spread over the threads
      home = { worker: this.lightestWorker(), ids: new Set(), counted: ids.length, pending: 0 };
      this.held.set(home.worker, (this.held.get(home.worker) ?? 0) + ids.length);
    }
    // (re)inserted last: the map's order is the order of use
    this.homes.set(block, home);
    home.pending++;
    try {
      const send = async (newIds: readonly string[]): Promise<ThreadReply> =>
        this.run({ sequence: this.sequence++, type: 'cluster-resident', block, ids, newIds, newForms: await formsOf(newIds) }, home.worker);
      let reply = await send(ids.filter((id) => !home.ids.has(id)));
      // the thread lost forms the calling side thought it held (two calls for one block at once)
      if ('missing' in reply) reply = await send(reply.missing);
      if (!('clusters' in reply)) throw new Error('clustering thread: unexpected reply');
      this.held.set(home.worker, (this.held.get(home.worker) ?? 0) - home.counted + ids.length);
      home.counted = ids.length;
      home.ids = new Set(ids);
      return { clusters: reply.clusters, stored: reply.stored };
    } finally {
      home.pending--;
      this.forgetBeyondBudget();
    }
  }

  private lightestWorker(): Worker {
    let lightest = this.workers[0];
    for (const worker of this.workers) if ((this.held.get(worker) ?? 0) < (this.held.get(lightest) ?? 0)) lightest = worker;
    return lightest;
  }

  private forgetBeyondBudget(): void {
    let count = this.residentComments;
    const forget = new Map<Worker, string[]>();
    for (const [block, home] of this.homes) {
      if (count <= this.residentLimit) break;
      if (home.pending > 0) continue;
      this.homes.delete(block);
      count -= home.counted;
      this.held.set(home.worker, (this.held.get(home.worker) ?? 0) - home.counted);
      forget.set(home.worker, [...(forget.get(home.worker) ?? []), block]);
    }
    if (this.failure) return;
    // a thread takes its messages in order: this arrives after every request already sent to it
    for (const [worker, blocks] of forget) worker.postMessage({ type: 'forget', blocks } satisfies ThreadRequest);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('clustering threads closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private run(request: ThreadRequest, worker?: Worker): Promise<ThreadReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<ThreadReply>((resolve, reject) => {
      this.queue.push({ request, worker, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives each idle thread the first queued task it may run. */
  private dispatch(): void {
    for (let index = 0; index < this.idle.length && this.queue.length > 0; ) {
      const worker = this.idle[index];
      const position = this.queue.findIndex((task) => task.worker === undefined || task.worker === worker);
      if (position < 0) {
        index++;
        continue;
      }
      const [task] = this.queue.splice(position, 1);
      this.idle.splice(index, 1);
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
