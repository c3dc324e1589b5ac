// npm run migration:generate -- Name | migration:run | migration:revert
// Uses DATABASE_URL when set; otherwise the embedded PostgreSQL of `npm start` (.data/postgres),
// started for the occasion when it is not running.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureBuilt, repoRoot } from './lib/ensure-built.mjs';
import { embeddedDefaults } from './lib/defaults.mjs';
import { ensureDependencies, log, portIsFree, startPostgres } from './lib/services.mjs';

const [command, name] = process.argv.slice(2);
if (!['generate', 'run', 'revert'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
  console.error('usage: npm run migration:generate -- PascalCaseName | npm run migration:run | npm run migration:revert');
  process.exit(1);
}
ensureDependencies();
ensureBuilt();
const require = createRequire(import.meta.url);
const database = require(join(repoRoot, 'dist/libs/database/src/migrate.js'));

let url = process.env.DATABASE_URL;
let server;
if (!url) {
  const defaults = embeddedDefaults();
  if (await portIsFree(defaults.postgresPort)) {
    server = await startPostgres({ dataDir: defaults.postgresDir, port: defaults.postgresPort, database: 'vankien' });
    url = server.url;
  } else {
    url = defaults.databaseUrl;
  }
}

const migrationsDir = join(repoRoot, 'libs/database/src/migrations');
try {
  if (command === 'run') {
    const applied = await database.runMigrations(url);
    log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.');
  } else if (command === 'revert') {
    const count = await database.revertMigrations(url, 1);
    log(count ? 'Reverted the last migration.' : 'Nothing to revert.');
  } else {
    await database.runMigrations(url);
    const before = new Set(readdirSync(migrationsDir));
    execFileSync(
      process.execPath,
      [require.resolve('typeorm/cli.js'), 'migration:generate', '--pretty', '-d', join(repoRoot, 'dist/libs/database/src/data-source.js'), join(migrationsDir, name)],
      { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } },
    );
    const created = readdirSync(migrationsDir).find((file) => !before.has(file));
    if (created) {
      const source = readFileSync(join(migrationsDir, created), 'utf8');
      const className = source.match(/export class (\w+)/)[1];
      const indexFile = join(migrationsDir, 'index.ts');
      const index = readFileSync(indexFile, 'utf8')
        .replace(/^(\/\/[^\n]*\n)*/, (header) => `${header}import { ${className} } from './${created.replace(/\.ts$/, '')}';\n`)
        .replace(/(export const migrations.*? = \[)([^\]]*)(\];)/, (_, start, list, end) => {
          const names = list.split(',').map((s) => s.trim()).filter(Boolean);
          return `${start}${[...names, className].join(', ')}${end}`;
        });
      writeFileSync(indexFile, index);
      log(`Created ${created} and registered it in migrations/index.ts`);
    }
  }
} finally {
  await server?.stop();
}
