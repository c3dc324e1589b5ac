import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { parseSessionEvent, sessionEventsChannel } from '@vankien/auth';
import { AppConfig, createRedisClient } from '@vankien/platform';
import type Redis from 'ioredis';
import { CollaborationServer } from './collaboration.server';

/**
 * Hears logouts and role changes published by any app (libs/auth SessionEvents) and has the
 * collaboration server end or downgrade the connections they concern on this instance, as
 * DocumentLockBroadcast does for locked documents. Pub/sub keeps nothing: an event missed while
 * Redis was away is caught up when the connection's token expires and its rights are asked again.
 */
@Injectable()
export class SessionEventsListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionEventsListener.name);
  private subscriber?: Redis;

  constructor(
    private readonly collaboration: CollaborationServer,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // a subscribed connection can do nothing else, so it is a connection of its own
    this.subscriber = createRedisClient(this.config.get('REDIS_URL'), 'vankien-session-events');
    this.subscriber.on('message', (_channel: string, text: string) => {
      const event = parseSessionEvent(text);
      if (!event) {
        this.logger.warn('ignored a session event of unknown shape');
        return;
      }
      this.collaboration.sessionChanged(event).catch((error: Error) => this.logger.error(`session event ${event.type} of ${event.userId} not applied: ${error.message}`));
    });
    this.subscriber.on('error', (error: Error) => this.logger.warn(`session events subscriber: ${error.message}`));
    // subscribe on every (re)connection: without an offline queue a command before it fails
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(sessionEventsChannel).catch((error: Error) => this.logger.warn(`not subscribed to session events: ${error.message}`));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
