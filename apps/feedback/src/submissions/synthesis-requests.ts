import { Injectable, Logger } from '@nestjs/common';
import { JobProducer } from '@vankien/queue';
import type { EntityManager } from 'typeorm';

/**
 * A changed submission means its round needs a new synthesis. The need is recorded in
 * PostgreSQL with the change (so it survives a Redis that lost the job), then a debounced,
 * per-round job is queued; the worker re-fills the queue from the recorded needs at start.
 */
@Injectable()
export class SynthesisRequests {
  private readonly logger = new Logger(SynthesisRequests.name);

  constructor(private readonly producer: JobProducer) {}

  async record(manager: EntityManager, roundId: string): Promise<void> {
    await manager.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [roundId]);
  }

  enqueue(roundId: string): void {
    this.producer.enqueue('synthesis.round', { roundId }).catch((error: Error) => this.logger.warn(`synthesis of round ${roundId} recorded but not queued yet: ${error.message}`));
  }
}
