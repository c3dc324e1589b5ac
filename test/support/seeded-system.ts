import { Organization } from '@vankien/domain';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../../apps/feedback/src/seed/demo-seed';
import { login, openDataSource, serviceEnvironment, startApp, type RunningApp } from './test-app';
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

export interface SeededSystem extends SeededDatabase {
  feedback: RunningApp;
  editor: RunningApp;
  /** Access tokens of demo accounts by their e-mail's local part (tieuban, thuongvu1 …). */
  tokens: Record<string, string>;
  /** Logs in another account (one made by the test) and keeps its token under `name`. */
  login(name: string, email: string, password: string): Promise<string>;
  closeAll(): Promise<void>;
}

/**
 * The demo data in a database of this file's own, with the feedback and editor apps started
 * on it and the given demo accounts logged in: the usual start of a test of a whole path.
 */
export async function seededSystem(accounts: string[], extraEnvironment: Record<string, string> = {}): Promise<SeededSystem> {
  await flushWorkerRedis();
  const seeded = await seededDatabase();
  const environment = serviceEnvironment(seeded.database, { LOGIN_ATTEMPTS_PER_MINUTE: '1000', ...extraEnvironment });
  const feedback = await startApp('feedback', environment);
  const editor = await startApp('editor', environment);
  const tokens: Record<string, string> = {};
  for (const who of accounts) tokens[who] = (await login(feedback.url, `${who}@vankien.local`)).accessToken;
  return {
    ...seeded,
    feedback,
    editor,
    tokens,
    login: async (name, email, password) => (tokens[name] = (await login(feedback.url, email, password)).accessToken),
    closeAll: async () => {
      await editor.close();
      await feedback.close();
      await seeded.close();
    },
  };
}
