// npm run audit:verify — checks the hash chain of audit_events and reports the first broken link.
// Uses DATABASE_URL when set; otherwise the embedded PostgreSQL of `npm start` (.data/postgres).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, repoRoot } from './lib/ensure-built.mjs';
import { embeddedDefaults } from './lib/defaults.mjs';
import { ensureDependencies, portIsFree, startPostgres } from './lib/services.mjs';

ensureDependencies();
ensureBuilt();
let url = process.env.DATABASE_URL;
let server;
if (!url) {
  const defaults = embeddedDefaults();
  if (await portIsFree(defaults.postgresPort)) {
    server = await startPostgres({ dataDir: defaults.postgresDir, port: defaults.postgresPort, database: 'vankien' });
    url = server.url;
  } else url = defaults.databaseUrl;
}
const result = spawnSync(process.execPath, [join(repoRoot, 'dist/libs/database/src/audit/verify-cli.js')], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
await server?.stop();
process.exit(result.status ?? 2);
