// `npm run openapi`: writes openapi/<service>.json from the apps' controllers, with no database
// or Redis (Nest's preview mode reads the modules without instantiating any provider). The
// files are committed, with the web client's types generated from them; test/openapi/openapi.spec.ts
// fails when the code and they differ.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const { ensureBuilt, repoRoot } = await import('./lib/ensure-built.mjs');
ensureBuilt();
const require = createRequire(import.meta.url);
const { generateApiDocuments } = require(join(repoRoot, 'dist/apps/api-documents.js'));
for (const { path, text } of await generateApiDocuments()) {
  mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
  writeFileSync(join(repoRoot, path), text);
  process.stdout.write(`${path}\n`);
}
// the web client's types follow the documents
await import('./web-api-types.mjs');
