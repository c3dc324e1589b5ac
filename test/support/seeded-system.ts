import { Organization } from '@vankien/domain';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { openDataSource } from './test-app';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './test-database';

/** Empties this Jest worker's Redis database: queues, rate-limit counters and heartbeats of earlier files. */
export async function flushWorkerRedis(): Promise<void> {
  const redis = new Redis(testRedisUrl());
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export interface SeededDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  /** Organisation ids by code (LC, LC-TD, LC-TD-CB1 …). */
  org: Record<string, string>;
  close(): Promise<void>;
}

/** A database of this file's own with the demo data (see apps/feedback/src/seed/demo-seed.ts). */
export async function seededDatabase(): Promise<SeededDatabase> {
  const database = await createTestDatabase();
  const dataSource = await openDataSource(database);
  await seedDemoData(dataSource);
  const org = Object.fromEntries((await dataSource.getRepository(Organization).find()).map((o) => [o.code, o.id]));
  return {
    database,
    dataSource,
    org,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
