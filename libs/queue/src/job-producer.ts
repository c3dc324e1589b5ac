import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type Redis from 'ioredis';
import { REDIS } from '@vankien/platform';
import { jobRegistry, queuePrefix, validatePayload, type JobName, type JobPayloads, type QueueName } from './job-registry';

/** Retention: keep recent outcomes for inspection, not forever. */
export const retention = { removeOnComplete: { age: 86_400, count: 1000 }, removeOnFail: { age: 7 * 86_400 } } as const;

/**
 * Enqueues registered jobs. Uses the app's fail-fast Redis client, so a request that needs
 * to enqueue while Redis is down gets 503 at once; anything that must not be lost is recorded
 * in PostgreSQL first and re-enqueued from there.
 */
@Injectable()
export class JobProducer implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: queuePrefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string> {
    const definition = jobRegistry[name];
    validatePayload(name, payload);
    const queue = this.queue(definition.queue);
    if (definition.jobId && definition.replaceFailed) {
      const failed = await queue.getJob(definition.jobId(payload));
      if (failed && (await failed.isFailed())) await failed.remove();
    }
    const job = await queue.add(name, payload, {
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: definition.backoffMs },
      ...retention,
      ...(definition.jobId ? { jobId: definition.jobId(payload), removeOnComplete: true } : {}),
      ...(definition.debounceMs ? { delay: definition.debounceMs } : {}),
      ...options,
    });
    return job.id ?? '';
  }

  async onApplicationShutdown(): Promise<void> {
    // the connection belongs to RedisModule; close only the queues' own resources
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => undefined)));
  }
}
