// One in-process measurement, in a fresh process (run with --expose-gc) so its memory is its own.
// usage: node --expose-gc dist/bench/collab/load-state.js MODE ARG   (DATABASE_URL set)
//   store DOCUMENT_ID    loadDocumentState + Y.applyUpdate of every update in one Yjs transaction
//                        (what the editor does with a log up to collaborationLimits.compactOnLoadAbove)
//   store-each DOC_ID    the same with one Yjs transaction per update
//   compact-into DOC_ID  compactDocument into an empty Y.Doc, kept (what the editor did with a longer log)
//   compact-into-thread DOC_ID   the same, the state built by buildStateInThread (what the editor does now)
// Every database mode also reports maxStallMs: the longest the event loop was blocked meanwhile
// (what every other document of an editor would wait).
//   select-log DOC_ID    one raw SELECT of the document's log rows (pg, no TypeORM)
//   select-blob NAME     one raw SELECT of a stored state (the floor: the bytes only)
//   parse FILE           Y.applyUpdate of a state already in memory (the floor: parse only)
//   compact DOCUMENT_ID  compactDocument
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { buildStateInThread, compactDocument, dataSourceOptions, loadDocumentState } from '../../libs/database/src';
import { mb, now } from './common';

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function memory(): { rss: number; heap: number } {
  gc();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external + usage.arrayBuffers };
}

async function main(): Promise<void> {
  const [mode, argument] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? '';
  const result: Record<string, number> = {};
  let keep: unknown;
  if (mode === 'parse') {
    const bytes = new Uint8Array(readFileSync(argument));
    const before = memory();
    const started = now();
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, bytes);
    result.ms = now() - started;
    keep = ydoc;
    const after = memory();
    Object.assign(result, { bytes: bytes.byteLength, rssDeltaMb: mb(after.rss - before.rss), heapDeltaMb: mb(after.heap - before.heap), rssMb: mb(after.rss) });
  } else if (mode === 'select-log' || mode === 'select-blob') {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('SELECT 1');
    const before = memory();
    const started = now();
    const rows =
      mode === 'select-log'
        ? (await client.query('SELECT id, update FROM document_updates WHERE document_id = $1 ORDER BY id', [argument])).rows
        : (await client.query('SELECT bytes FROM bench_blobs WHERE name = $1', [argument])).rows;
    result.ms = now() - started;
    keep = rows;
    const after = memory();
    Object.assign(result, { rows: rows.length, rssDeltaMb: mb(after.rss - before.rss), heapDeltaMb: mb(after.heap - before.heap), rssMb: mb(after.rss) });
    await client.end();
  } else {
    const dataSource = new DataSource(dataSourceOptions(url, { applicationName: 'bench-collab', poolSize: 2 }));
    await dataSource.initialize();
    await dataSource.query('SELECT 1');
    const before = memory();
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const started = now();
    if (mode === 'store' || mode === 'store-each') {
      const state = await loadDocumentState(dataSource, argument);
      result.readMs = now() - started;
      const ydoc = new Y.Doc();
      if (mode === 'store') Y.transact(ydoc, () => state.updates.forEach((update) => Y.applyUpdate(ydoc, update)));
      else state.updates.forEach((update) => Y.applyUpdate(ydoc, update));
      result.ms = now() - started;
      result.applyMs = result.ms - result.readMs;
      result.updates = state.updates.length;
      result.bytes = state.bytes;
      keep = ydoc;
    } else if (mode === 'compact' || mode === 'compact-into' || mode === 'compact-into-thread') {
      const ydoc = mode === 'compact' ? undefined : new Y.Doc();
      const outcome = await compactDocument(dataSource, argument, { into: ydoc, ...(mode === 'compact-into-thread' ? { build: buildStateInThread } : {}) });
      keep = ydoc;
      result.ms = now() - started;
      result.foldedUpdates = outcome.foldedUpdates;
      result.snapshotBytes = outcome.snapshotBytes;
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
    // one timer turn more: a block that just ended is recorded when the loop comes back to it
    await new Promise((resolve) => setTimeout(resolve, 20));
    stalls.disable();
    result.maxStallMs = Math.round(stalls.max / 1e6);
    const after = memory();
    Object.assign(result, { rssDeltaMb: mb(after.rss - before.rss), heapDeltaMb: mb(after.heap - before.heap), rssMb: mb(after.rss), peakRssMb: mb(process.resourceUsage().maxRSS * 1024) });
    await dataSource.destroy();
  }
  result.peakRssMb ??= mb(process.resourceUsage().maxRSS * 1024);
  void keep;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`load-state: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
