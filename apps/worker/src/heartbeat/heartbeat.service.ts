import { hostname } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { REDIS, workerHeartbeatIntervalMs, workerHeartbeatKey } from '@vankien/platform';
import type Redis from 'ioredis';

/**
 * Tells the HTTP apps' /health that this worker is alive: a timestamp per worker instance in
 * a Redis hash, refreshed every few seconds and removed on a clean shutdown.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly instance = `${hostname()}:${process.pid}`;
  private timer?: NodeJS.Timeout;

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationBootstrap(): void {
    const beat = (): void => {
      this.redis.hset(workerHeartbeatKey, this.instance, String(Date.now())).catch((error: Error) => this.logger.warn(`heartbeat failed: ${error.message}`));
    };
    beat();
    this.timer = setInterval(beat, workerHeartbeatIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.hdel(workerHeartbeatKey, this.instance).catch(() => undefined);
  }
}
