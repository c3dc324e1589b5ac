import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';

/** Keys under which workers record that they are alive (refreshed every few seconds). */
export const workerHeartbeatKey = 'vankien:heartbeat:workers';
export const workerHeartbeatIntervalMs = 5000;
const workerConsideredDeadAfterMs = 3 * workerHeartbeatIntervalMs;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref()),
  ]);
}

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.redis.ping(), 1500, 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Up when at least one worker process has sent a heartbeat recently. */
  async workersAlive(key = 'worker'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const beats = await withTimeout(this.redis.hgetall(workerHeartbeatKey), 1500, 'Redis');
      const now = Date.now();
      const alive = Object.entries(beats).filter(([, at]) => now - Number(at) < workerConsideredDeadAfterMs).map(([id]) => id);
      return alive.length > 0 ? indicator.up({ instances: alive.length }) : indicator.down({ message: 'no worker has reported in the last 15 seconds' });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
