import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { RefreshToken, User } from '@vankien/domain';
import { JobProducer } from '@vankien/queue';
import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedDemoData } from '../apps/feedback/src/seed/demo-seed';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { createTestDatabase, testRedisUrl, type TestDatabase } from './support/test-database';
import { openDataSource, serviceEnvironment } from './support/test-app';

describe('worker: registered jobs run through BullMQ', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const redis = new Redis(testRedisUrl());
    await redis.flushdb();
    redis.disconnect();
    database = await createTestDatabase();
    dataSource = await openDataSource(database);
    await seedDemoData(dataSource);
    Object.assign(process.env, serviceEnvironment(database));
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('purges refresh tokens that expired or were revoked long ago, and keeps live and recently used ones', async () => {
    const user = await dataSource.getRepository(User).findOneByOrFail({ email: 'tieuban@vankien.local' });
    const day = 86_400_000;
    const token = (suffix: string, fields: Partial<RefreshToken>) => ({
      userId: user.id,
      familyId: '11111111-1111-4111-8111-111111111111',
      tokenHash: suffix.padStart(64, '0'),
      expiresAt: new Date(Date.now() + 30 * day),
      usedAt: null,
      revokedAt: null,
      ...fields,
    });
    await dataSource.getRepository(RefreshToken).insert([
      token('a', {}),
      token('b', { expiresAt: new Date(Date.now() - 10 * day) }),
      token('c', { revokedAt: new Date(Date.now() - 10 * day) }),
      token('d', { usedAt: new Date(Date.now() - 10 * day) }),
      token('e', { expiresAt: new Date(Date.now() - 1 * day) }),
    ]);
    const producer = worker.get(JobProducer);
    const events = new QueueEvents('maintenance', { connection: { url: testRedisUrl() }, prefix: 'vankien' });
    await events.waitUntilReady();
    const job = await producer.queue('maintenance').add('maintenance.purge-refresh-tokens', { graceDays: 7 });
    const result = await job.waitUntilFinished(events, 20_000);
    await events.close();
    expect(result).toEqual({ deleted: 2 });
    const left = (await dataSource.getRepository(RefreshToken).find()).map((t) => t.tokenHash.replace(/^0+/, '')).sort();
    expect(left).toEqual(['a', 'd', 'e']);
  });

  it('refuses to enqueue a payload that does not match the registry, and fails such a job without retrying', async () => {
    const producer = worker.get(JobProducer);
    await expect(producer.enqueue('maintenance.purge-refresh-tokens', { graceDays: -1 })).rejects.toThrow(/graceDays/);
    const events = new QueueEvents('maintenance', { connection: { url: testRedisUrl() }, prefix: 'vankien' });
    await events.waitUntilReady();
    // written by something that bypassed the producer (an older version, a console)
    const job = await producer.queue('maintenance').add('maintenance.purge-refresh-tokens', { graceDays: 'soon' }, { attempts: 5 });
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/graceDays/);
    await events.close();
    const failed = await producer.queue('maintenance').getJob(job.id ?? '');
    expect(failed?.attemptsMade).toBe(1);
  });

  it('replaces a compaction that failed for good when the next one is asked for', async () => {
    const producer = worker.get(JobProducer);
    const documentId = '22222222-2222-4222-8222-222222222222';
    const events = new QueueEvents('documents', { connection: { url: testRedisUrl() }, prefix: 'vankien' });
    await events.waitUntilReady();
    // a job of the same id that fails for good (its payload is refused by the worker)
    const doomed = await producer.queue('documents').add('documents.compact', { documentId: 'not-a-uuid' }, { jobId: `compact-${documentId}`, attempts: 1 });
    await expect(doomed.waitUntilFinished(events, 20_000)).rejects.toThrow(/documentId/);
    await events.close();
    expect(await (await producer.queue('documents').getJob(`compact-${documentId}`))?.isFailed()).toBe(true);
    // BullMQ would ignore this add (the id exists); the producer removes the failed job first
    await producer.enqueue('documents.compact', { documentId });
    const replaced = await producer.queue('documents').getJob(`compact-${documentId}`);
    expect(replaced?.data).toEqual({ documentId });
    expect(await replaced?.isFailed()).toBe(false);
    await replaced?.remove();
  });

  it('reports its heartbeat for the health checks', async () => {
    const redis = new Redis(testRedisUrl());
    const beats = await redis.hgetall('vankien:heartbeat:workers');
    redis.disconnect();
    expect(Object.keys(beats)).toHaveLength(1);
  });
});
