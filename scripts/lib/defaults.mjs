// Where the embedded default of `npm start` keeps its data and which ports it uses.
import { join } from 'node:path';
import { repoRoot } from './ensure-built.mjs';

export function embeddedDefaults() {
  const dataDir = join(repoRoot, '.data');
  const postgresPort = Number(process.env.VANKIEN_POSTGRES_PORT ?? 55432);
  const redisPort = Number(process.env.VANKIEN_REDIS_PORT ?? 56379);
  return {
    dataDir,
    postgresDir: join(dataDir, 'postgres'),
    redisDir: join(dataDir, 'redis'),
    secretsFile: join(dataDir, 'secrets.json'),
    postgresPort,
    redisPort,
    databaseUrl: `postgres://postgres:vankien@127.0.0.1:${postgresPort}/vankien`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
  };
}
