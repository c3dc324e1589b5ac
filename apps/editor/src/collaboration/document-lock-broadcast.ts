import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig, createRedisClient, REDIS } from '@vankien/platform';
import type Redis from 'ioredis';
import { CollaborationServer } from './collaboration.server';

const channel = 'vankien:documents:locked';

/**
 * When a document is locked (sent for approval, approved), every editor instance closes its
 * collaboration connections to it; clients reconnect and are then granted read-only. Redis
 * pub/sub reaches the other instances; this one closes its own at once, Redis or not. The
 * database refuses writes to a locked document anyway: this only spares clients a refusal.
 */
@Injectable()
export class DocumentLockBroadcast implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentLockBroadcast.name);
  private subscriber?: Redis;

  constructor(
    private readonly collaboration: CollaborationServer,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // a subscribed connection can do nothing else, so it is a connection of its own
    this.subscriber = createRedisClient(this.config.get('REDIS_URL'), 'vankien-document-locks');
    this.subscriber.on('message', (_channel: string, documentId: string) => this.collaboration.closeDocument(documentId));
    this.subscriber.on('error', (error: Error) => this.logger.warn(`lock broadcast subscriber: ${error.message}`));
    // subscribe on every (re)connection: without an offline queue a command before it fails
    this.subscriber.on('ready', () => {
      this.subscriber?.subscribe(channel).catch((error: Error) => this.logger.warn(`not subscribed to document locks: ${error.message}`));
    });
  }

  async locked(documentId: string): Promise<void> {
    this.collaboration.closeDocument(documentId);
    await this.redis.publish(channel, documentId).catch((error: Error) => this.logger.warn(`lock of ${documentId} not broadcast: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
