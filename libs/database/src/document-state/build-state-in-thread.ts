import { Worker } from 'node:worker_threads';

// The thread applies the updates with the same CommonJS build of Yjs the caller uses, in one
// transaction, and answers with the encoded state (its buffer transferred, not copied).
const threadSource = (yjsPath: string): string => `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(${JSON.stringify(yjsPath)});
const { bytes, ends } = workerData;
const ydoc = new Y.Doc();
Y.transact(ydoc, () => {
  let start = 0;
  for (const end of ends) {
    Y.applyUpdate(ydoc, bytes.subarray(start, end));
    start = end;
  }
});
const state = Y.encodeStateAsUpdate(ydoc);
parentPort.postMessage(state, [state.buffer]);`;

/**
 * The state (Y.encodeStateAsUpdate) of a document made of these updates, applied in order, built
 * on a thread of its own: applying a long log of scattered edits costs seconds of CPU (Yjs splits
 * an item per edit), during which the caller's event loop, and every other document it serves,
 * stays free. Rejects when an update cannot be applied.
 */
export function buildStateInThread(updates: readonly Uint8Array[]): Promise<Uint8Array> {
  // one buffer of their own for all the updates (pg's Buffers may share a pool), handed over whole
  const total = updates.reduce((sum, update) => sum + update.byteLength, 0);
  const bytes = new Uint8Array(total);
  const ends = new Int32Array(updates.length);
  let offset = 0;
  updates.forEach((update, index) => {
    bytes.set(update, offset);
    offset += update.byteLength;
    ends[index] = offset;
  });
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadSource(require.resolve('yjs')), { eval: true, workerData: { bytes, ends }, transferList: [bytes.buffer, ends.buffer] });
    let settled = false;
    worker.once('message', (state: Uint8Array) => {
      settled = true;
      resolve(state);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error(`building the document state failed: ${error.message}`));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`building the document state failed: its thread exited with code ${code}`));
    });
  });
}
