import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobProducer, jobRegistry } from '@vankien/queue';
import type { DataSource, EntityManager } from 'typeorm';

/** How long a burst of changes is waited out before its revision starts (the job's debounce). */
const debounceMs = jobRegistry['synthesis.round'].debounceMs ?? 0;

/**
 * A changed submission means its round needs a new synthesis. The need is recorded in
 * PostgreSQL with the change (so it survives a Redis that lost the job), then a per-round job is
 * queued; the worker re-fills the queue from the recorded needs at start.
 */
@Injectable()
export class SynthesisRequests {
  private readonly logger = new Logger(SynthesisRequests.name);

  constructor(
    private readonly producer: JobProducer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async record(manager: EntityManager, roundId: string): Promise<void> {
    await manager.query('UPDATE comment_rounds SET synthesis_requested_at = now() WHERE id = $1', [roundId]);
  }

  enqueue(roundId: string): void {
    this.queue(roundId).catch((error: Error) => this.logger.warn(`synthesis of round ${roundId} recorded but not queued yet: ${error.message}`));
  }

  /**
   * A quiet round's revision starts at once: the submission that nobody else's follows gets its
   * revision without waiting out a debounce. A round whose last revision completed within the
   * debounce delay is in a burst of changes, and its job waits the delay so that one run serves
   * the burst. (Changes made while a revision is written are served by the run the worker queues
   * when that job completes; a change that meets a queued job adds nothing to the queue.)
   */
  private async queue(roundId: string): Promise<void> {
    const [{ busy }]: { busy: boolean }[] = await this.dataSource.query(
      `SELECT coalesce(max(completed_at) > now() - make_interval(secs => $2), false) AS busy FROM syntheses WHERE round_id = $1`,
      [roundId, debounceMs / 1000],
    );
    await this.producer.enqueue('synthesis.round', { roundId }, busy ? {} : { delay: 0 });
  }
}
