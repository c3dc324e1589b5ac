import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/config.module';

export const REDIS = Symbol('REDIS');

/**
 * The app's Redis client for commands issued on a request path. No offline queue and one
 * retry: while Redis is down a command fails at once (the request gets 503) instead of
 * waiting; ioredis keeps reconnecting in the background, so service resumes by itself.
 */
export function createRedisClient(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [AppConfig], useFactory: (config: AppConfig) => createRedisClient(config.get('REDIS_URL'), 'vankien') },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
