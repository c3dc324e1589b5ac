// The floor of the fan-out benchmark: a bare Hocuspocus server, no extensions, no storage, no
// authentication, holding the same initial document in memory.
// usage: node dist/bench/collab/bare-server.js PORT STATE_FILE
import { Server } from '@hocuspocus/server';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';

const port = Number(process.argv[2]);
const state = new Uint8Array(readFileSync(process.argv[3]));
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  onLoadDocument: async ({ document }) => {
    Y.applyUpdate(document, state);
  },
});
void server.listen().then(() => process.stdout.write('ready\n'));
