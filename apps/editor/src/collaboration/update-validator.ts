import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { collaborationLimits } from './collaboration-limits';

/** `empty`: the update changes nothing (no structs, no deletions), so it need not be stored. */
export type Verdict = { ok: true; empty: boolean } | { ok: false; reason: string };

interface Task {
  id: number;
  update: Uint8Array;
  resolve(verdict: Verdict): void;
}

// The worker decodes with the same CommonJS build of Yjs the server uses.
const workerSource = (yjsPath: string): string => `
const { parentPort } = require('node:worker_threads');
const Y = require(${JSON.stringify(yjsPath)});
parentPort.on('message', ({ id, update }) => {
  try {
    const decoded = Y.decodeUpdate(update);
    parentPort.postMessage({ id, ok: true, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, reason: String((error && error.message) || error) });
  }
});`;

class DecoderThread {
  private worker: Worker;
  private current?: { task: Task; timer: NodeJS.Timeout };
  private readonly queue: Task[] = [];

  constructor(
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {
    this.worker = this.spawn();
  }

  get load(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  submit(task: Task): void {
    this.queue.push(task);
    this.next();
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource(require.resolve('yjs')), { eval: true });
    worker.unref();
    worker.on('message', (message: { id: number } & Verdict) => {
      if (!this.current || this.current.task.id !== message.id) return;
      clearTimeout(this.current.timer);
      const { task } = this.current;
      this.current = undefined;
      task.resolve(message.ok ? { ok: true, empty: message.empty } : { ok: false, reason: message.reason });
      this.next();
    });
    worker.on('error', (error) => this.logger.error(`update decoder thread failed: ${error.message}`));
    return worker;
  }

  private next(): void {
    if (this.current) return;
    const task = this.queue.shift();
    if (!task) return;
    const timer = setTimeout(() => {
      // a decode that runs this long is an attack (yjs issues 479, 687): kill the thread, refuse the update
      this.logger.warn(`a Yjs update took over ${this.timeoutMs} ms to decode; its connection is closed`);
      this.current = undefined;
      void this.worker.terminate();
      this.worker = this.spawn();
      task.resolve({ ok: false, reason: `decoding took longer than ${this.timeoutMs} ms` });
      this.next();
    }, this.timeoutMs);
    this.current = { task, timer };
    this.worker.postMessage({ id: task.id, update: task.update });
  }
}

/**
 * Checks that an untrusted Yjs update decodes, in worker threads with a time limit, before it
 * touches a live document or the update log: a crafted update can make the decoder loop for a
 * very long time, and one corrupt stored update would block loading the whole document.
 */
@Injectable()
export class UpdateValidator implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateValidator.name);
  private readonly threads: DecoderThread[];
  private sequence = 0;

  constructor() {
    const timeout = collaborationLimits.decodeTimeoutMs;
    this.threads = [new DecoderThread(timeout, this.logger), new DecoderThread(timeout, this.logger)];
  }

  validate(update: Uint8Array): Promise<Verdict> {
    const thread = this.threads.reduce((best, candidate) => (candidate.load < best.load ? candidate : best));
    return new Promise((resolve) => thread.submit({ id: (this.sequence += 1), update, resolve }));
  }

  // after the collaboration server has closed every socket (beforeApplicationShutdown)
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
