import { entities } from '@vankien/domain';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from './migrations';

/**
 * The one description of the database: snake_case names, entities of libs/domain, schema only
 * through migrations (synchronize stays off). Connection and statement timeouts make a request
 * fail fast with 503 while PostgreSQL is down, instead of hanging.
 */
export function dataSourceOptions(url: string, overrides: Partial<{ applicationName: string; poolSize: number }> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // failed queries reach the error filter, which logs the unexpected ones with the request id;
    // expected failures (a unique violation turned into 409) are not errors of the server
    logging: ['warn', 'migration'],
    applicationName: overrides.applicationName ?? 'vankien',
    poolSize: overrides.poolSize ?? 20,
    connectTimeoutMS: 5000,
    extra: {
      statement_timeout: 60_000,
      idle_in_transaction_session_timeout: 120_000,
      // keep idle connections short-lived so a pool recovers quickly after a database restart
      idleTimeoutMillis: 10_000,
      // a server that stops answering (rather than refusing) must not hang a request either
      query_timeout: 65_000,
      keepAlive: true,
    },
  };
}
