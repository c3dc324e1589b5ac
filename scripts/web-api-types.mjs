// `npm run web:api-types`: rewrites the web client's API types from the committed OpenAPI
// documents (`npm run openapi` does this too, after writing the documents).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/ensure-built.mjs';
import { webApiServices, webApiTypes, webApiTypesPath } from './lib/web-api-types.mjs';

for (const service of webApiServices) {
  writeFileSync(join(repoRoot, webApiTypesPath(service)), await webApiTypes(repoRoot, service));
  process.stdout.write(`${webApiTypesPath(service)}\n`);
}
