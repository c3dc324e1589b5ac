// Opens documents one batch at a time: a provider per document (its own socket), waits until it is
// synced, destroys it. Prints a JSON line after each batch ({"done","elapsedMs"}) and a final one
// with the time to first sync of each document. Used for the cold load of one document and for the
// memory test over thousands.
// usage: node dist/bench/collab/open-close.js '{"url","token","idsFile","batch","deadlineMs"}'
import { HocuspocusProvider } from '@hocuspocus/provider';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { now, percentile, sleep, waitUntil } from './common';

interface Options {
  url: string;
  token: string;
  idsFile: string;
  batch: number;
  deadlineMs: number;
}

async function open(url: string, token: string, documentId: string, timeoutMs: number): Promise<number> {
  const ydoc = new Y.Doc();
  let refused = '';
  const started = now();
  const provider = new HocuspocusProvider({
    url,
    name: documentId,
    token,
    document: ydoc,
    onAuthenticationFailed: ({ reason }) => {
      refused = reason;
    },
  });
  try {
    await waitUntil(() => provider.isSynced || refused !== '', timeoutMs, `the sync of ${documentId}`);
    if (refused) throw new Error(`refused: ${refused}`);
    return now() - started;
  } finally {
    provider.destroy();
    ydoc.destroy();
  }
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as Options;
  const ids = readFileSync(options.idsFile, 'utf8').split('\n').filter(Boolean);
  const deadline = Date.now() + options.deadlineMs;
  const started = Date.now();
  const syncMs: number[] = [];
  let failures = 0;
  let firstError = '';
  for (let index = 0; index < ids.length && Date.now() < deadline; index += options.batch) {
    const batch = ids.slice(index, index + options.batch);
    const results = await Promise.allSettled(batch.map((id) => open(options.url, options.token, id, Math.max(1000, Math.min(120_000, deadline - Date.now())))));
    for (const result of results) {
      if (result.status === 'fulfilled') syncMs.push(result.value);
      else {
        failures += 1;
        firstError ||= String(result.reason);
      }
    }
    process.stdout.write(`${JSON.stringify({ done: syncMs.length + failures, elapsedMs: Date.now() - started })}\n`);
  }
  await sleep(200);
  const sorted = [...syncMs].sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      final: true,
      opened: syncMs.length,
      failures,
      firstError,
      elapsedMs: Date.now() - started,
      syncMs: syncMs.length === 1 ? syncMs[0] : undefined,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
    })}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`open-close: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
