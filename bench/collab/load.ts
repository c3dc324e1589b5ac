// Fan-out load generator: N real Hocuspocus providers on one document, each typing one character
// at a random place of a random paragraph `rate` times a second between `startAt` and `endAt`
// (wall clock, shared by every load process of a run, sent on stdin once all are connected). Every edit is identified by its author's
// Yjs client id and the clock it ends at; the first `probes` clients record when each remote edit
// reaches them. Writes sends, receptions and its own CPU to `out` as JSON.
// With `light`, the clients other than the probes are light typists: a WebSocket speaking the
// Hocuspocus protocol that loads the document once, sends its own keystrokes as a provider does
// and counts the acknowledgements, but reads past the others' edits instead of applying them.
// The server's work per message is the same (it cannot tell); the load process is spared
// decoding every edit once per client, which is what saturated it at 200 clients.
// usage: node dist/bench/collab/load.js '{"url","documentId","token","clients","rate","probes","seed","out","light"?}'
//        then one line on stdin: {"startAt","endAt"} (ms since the epoch)
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { now, paragraphTexts, seeded, sleep, waitUntil } from './common';

interface LoadOptions {
  url: string;
  documentId: string;
  token: string;
  clients: number;
  rate: number;
  startAt?: number;
  endAt?: number;
  probes: number;
  seed: number;
  out: string;
  light?: boolean;
}

interface Client {
  ydoc: Y.Doc;
  texts: Y.XmlText[];
  synced(): boolean;
  unsynced(): boolean;
  destroy(): void;
}

// Hocuspocus message types (@hocuspocus/common MessageType, AuthMessageType) and y-protocols' sync steps
const message = { sync: 0, auth: 2, syncStatus: 8 } as const;
const authenticated = 2;
const sync = { step1: 0, step2: 1, update: 2 } as const;
const remote = Symbol('remote');

/** A typist that never applies the others' edits (see the header). */
function lightClient(options: LoadOptions, onRefused: () => void): Client {
  const ydoc = new Y.Doc();
  const socket = new WebSocket(options.url);
  let loaded = false;
  let sent = 0;
  let acknowledged = 0;
  const send = (type: number, write: (encoder: encoding.Encoder) => void): void => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, options.documentId);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    socket.send(encoding.toUint8Array(encoder));
  };
  const sendUpdate = (step: number, update: Uint8Array): void => {
    sent += 1;
    send(message.sync, (encoder) => {
      encoding.writeVarUint(encoder, step);
      encoding.writeVarUint8Array(encoder, update);
    });
  };
  socket.on('open', () =>
    send(message.auth, (encoder) => {
      encoding.writeVarUint(encoder, 0); // token
      encoding.writeVarString(encoder, options.token);
    }),
  );
  socket.on('error', onRefused);
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === message.syncStatus) acknowledged += 1;
    else if (type === message.auth) {
      if (decoding.readVarUint(decoder) !== authenticated) return onRefused();
      send(message.sync, (encoder) => {
        encoding.writeVarUint(encoder, sync.step1);
        encoding.writeVarUint8Array(encoder, Y.encodeStateVector(ydoc));
      });
    } else if (type === message.sync) {
      const step = decoding.readVarUint(decoder);
      // the document once, then answer the server's state vector as a provider does
      if (step === sync.step2 && !loaded) {
        Y.applyUpdate(ydoc, decoding.readVarUint8Array(decoder), remote);
        loaded = true;
      } else if (step === sync.step1) sendUpdate(sync.step2, Y.encodeStateAsUpdate(ydoc, decoding.readVarUint8Array(decoder)));
    }
  });
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== remote) sendUpdate(sync.update, update);
  });
  return { ydoc, texts: [], synced: () => loaded, unsynced: () => acknowledged < sent, destroy: () => socket.close() };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as LoadOptions;
  const next = seeded(options.seed);
  const sends: [string, number][] = [];
  const receptions: [string, number][] = [];
  const clients: Client[] = [];
  let failures = 0;
  // remote transactions seen by the probes while typing: one per message the server sent them
  let remoteTransactions = 0;
  let typing = false;
  const connectStarted = Date.now();
  // connect in batches of 25, each provider on its own socket (as browsers do)
  for (let index = 0; index < options.clients; index += 25) {
    const batch = Array.from({ length: Math.min(25, options.clients - index) }, (_, offset) => {
      if (options.light && index + offset >= options.probes) {
        return lightClient(options, () => {
          failures += 1;
        });
      }
      const ydoc = new Y.Doc();
      const provider = new HocuspocusProvider({
        url: options.url,
        name: options.documentId,
        token: options.token,
        document: ydoc,
        onAuthenticationFailed: () => {
          failures += 1;
        },
      });
      const client: Client = {
        ydoc,
        texts: [],
        synced: () => provider.isSynced,
        unsynced: () => provider.hasUnsyncedChanges,
        destroy: () => provider.destroy(),
      };
      if (index + offset < options.probes) {
        ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
          if (transaction.local) return;
          if (typing) remoteTransactions += 1;
          const at = now();
          transaction.afterState.forEach((clock, clientId) => {
            if (clock > (transaction.beforeState.get(clientId) ?? 0)) receptions.push([`${clientId}:${clock}`, at]);
          });
        });
      }
      return client;
    });
    await waitUntil(() => batch.every((client) => client.synced()) || failures > 0, 60_000, 'the providers to sync');
    if (failures > 0) throw new Error(`${failures} providers were refused`);
    for (const client of batch) client.texts = paragraphTexts(client.ydoc);
    clients.push(...batch);
  }
  const connectMs = Date.now() - connectStarted;
  // the runner answers with the window once every load process is connected
  process.stdout.write('connected\n');
  const window = await new Promise<{ startAt: number; endAt: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no start time within 10 minutes')), 600_000);
    createInterface({ input: process.stdin }).once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { startAt: number; endAt: number });
    });
  });
  Object.assign(options, window);
  await sleep(Math.max(0, (options.startAt ?? 0) - Date.now()));

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const wallBefore = Date.now();
  typing = true;
  const interval = 1000 / options.rate;
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
  const typists = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        const keystroke = (): void => {
          if (Date.now() >= (options.endAt ?? 0)) return resolve();
          const text = client.texts[Math.floor(next() * client.texts.length)];
          text.insert(Math.floor(next() * (text.length + 1)), letters[Math.floor(next() * letters.length)]);
          sends.push([`${client.ydoc.clientID}:${Y.getState(client.ydoc.store, client.ydoc.clientID)}`, now()]);
          // jittered around the rate, as a typist is
          setTimeout(keystroke, interval * (0.5 + next()));
        };
        setTimeout(keystroke, next() * interval);
      }),
  );
  await Promise.all(typists);
  typing = false;
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = Date.now() - wallBefore;
  loop.disable();
  // let the last edits arrive and be acknowledged
  const drainDeadline = Date.now() + 10_000;
  await sleep(2_000);
  while (Date.now() < drainDeadline && clients.some((client) => client.unsynced())) await sleep(50);
  const unsynced = clients.filter((client) => client.unsynced()).length;
  const result = {
    clients: clients.length,
    connectMs,
    sends,
    receptions,
    probes: Math.min(options.probes, clients.length),
    unsyncedAtEnd: unsynced,
    remoteTransactions,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
    eventLoopDelayMaxMs: loop.max / 1e6,
  };
  writeFileSync(options.out, JSON.stringify(result));
  for (const client of clients) client.destroy();
  await sleep(200);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
