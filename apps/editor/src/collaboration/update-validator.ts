import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { collaborationLimits } from './collaboration-limits';
import { congressVocabulary, schemaViolation } from './update-schema-check';

/**
 * `empty`: the update changes nothing (no structs, no deletions), so it need not be stored.
 * `schema`: it decodes, but writes what the document schema has no place for.
 */
export type Verdict = { ok: true; empty: boolean } | { ok: false; reason: string; schema?: boolean };

const vocabulary = congressVocabulary();

interface Task {
  id: number;
  update: Uint8Array;
  resolve(verdict: Verdict): void;
}

// The worker decodes with the same CommonJS build of Yjs the server uses, and checks the
// schema with the same function as the main thread (its source text).
const workerSource = (yjsPath: string): string => `
const { parentPort } = require('node:worker_threads');
const Y = require(${JSON.stringify(yjsPath)});
const schemaViolation = ${schemaViolation.toString()};
const vocabulary = ${JSON.stringify(vocabulary)};
parentPort.on('message', ({ id, update }) => {
  try {
    const decoded = Y.decodeUpdate(update);
    const violation = schemaViolation(decoded, Y, vocabulary);
    if (violation) return parentPort.postMessage({ id, ok: false, reason: violation, schema: true });
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
      task.resolve(message.ok ? { ok: true, empty: message.empty } : { ok: false, reason: message.reason, schema: message.schema });
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
    // the update is a copy of its own (see exactCopy): its buffer moves to the thread, nothing is cloned
    this.worker.postMessage({ id: task.id, update: task.update }, [task.update.buffer as ArrayBuffer]);
  }
}

/**
 * A copy of the update in a buffer of exactly its length. Hocuspocus hands over a view into the
 * WebSocket's receive buffer: lib0 bounds some reads (sub-arrays, floats) by the underlying
 * buffer, not by the view, so decoding the view could read bytes past the update that are never
 * stored. Decoding the copy checks exactly the bytes that are stored and loaded again.
 */
function exactCopy(update: Uint8Array): Uint8Array {
  return new Uint8Array(update);
}

/** Reads an unsigned LEB128 varint (lib0's writeVarUint) at `position`; undefined if cut short. */
function readVarUint(bytes: Uint8Array, position: number): { value: number; next: number } | undefined {
  let value = 0;
  let multiplier = 1;
  for (let index = position; index < bytes.length && index < position + 8; index += 1) {
    value += (bytes[index] & 0x7f) * multiplier;
    if (bytes[index] < 0x80) return { value, next: index + 1 };
    multiplier *= 128;
  }
  return undefined;
}

/**
 * The guard before a main-thread decode: the counts a (v1) update starts with must each fit in
 * the bytes that follow them, since every client section and every struct takes at least one
 * byte. An update claiming more (billions of structs in 30 bytes) is corrupt or hostile: it
 * goes to a decoder thread, whose time limit decides, and never reaches the main thread's
 * decoder. What passes is decoded by Yjs's v1 decoder, which reads at least one byte for every
 * section, struct, content element and deletion it loops over, and throws at the end of its
 * input: its work is linear in the update's size (under 1 ms for the worst 4 KiB found, see
 * update-validator.spec.ts), less than Hocuspocus then spends applying the same bytes.
 */
function countsFitLength(update: Uint8Array): boolean {
  const sections = readVarUint(update, 0);
  if (!sections || sections.value > update.length - sections.next) return false;
  // no structs: the rest is the delete set, which starts with its count of clients
  if (sections.value === 0) {
    const clients = readVarUint(update, sections.next);
    return clients !== undefined && clients.value <= update.length - clients.next;
  }
  const structs = readVarUint(update, sections.next);
  return structs !== undefined && structs.value <= update.length - structs.next;
}

function decode(update: Uint8Array): Verdict {
  try {
    const decoded = Y.decodeUpdate(update);
    const violation = schemaViolation(decoded, Y, vocabulary);
    if (violation) return { ok: false, reason: violation, schema: true };
    return { ok: true, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Checks that an untrusted Yjs update decodes before it touches a live document or the update
 * log: one corrupt stored update would block loading the whole document. Small updates (every
 * keystroke) are decoded here, after a guard on their counts: a round trip to a thread costs
 * more than their decode. Large ones, and small ones the guard does not trust, are decoded in
 * worker threads with a time limit, since a crafted update can make a decoder loop for a very
 * long time.
 */
@Injectable()
export class UpdateValidator implements OnApplicationShutdown {
  private readonly logger = new Logger(UpdateValidator.name);
  private readonly threads: DecoderThread[];
  private sequence = 0;
  /** How many updates were decoded where (for tests and diagnosis). */
  readonly decoded = { mainThread: 0, decoderThread: 0 };

  constructor() {
    const timeout = collaborationLimits.decodeTimeoutMs;
    this.threads = [new DecoderThread(timeout, this.logger), new DecoderThread(timeout, this.logger)];
  }

  /** The verdict at once for a small update the guard trusts; otherwise a decoder thread's. */
  validate(update: Uint8Array): Verdict | Promise<Verdict> {
    if (update.byteLength <= collaborationLimits.mainThreadDecodeBytes && countsFitLength(update)) {
      this.decoded.mainThread += 1;
      return decode(exactCopy(update));
    }
    return this.validateOffThread(update);
  }

  /** Decodes in the least busy decoder thread, under the time limit. */
  validateOffThread(update: Uint8Array): Promise<Verdict> {
    this.decoded.decoderThread += 1;
    const thread = this.threads.reduce((best, candidate) => (candidate.load < best.load ? candidate : best));
    return new Promise((resolve) => thread.submit({ id: (this.sequence += 1), update: exactCopy(update), resolve }));
  }

  // after the collaboration server has closed every socket (beforeApplicationShutdown)
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
