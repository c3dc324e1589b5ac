import type { JobName, JobPayloads } from '@vankien/queue';
import type { Job } from 'bullmq';

/**
 * A processor of one registered job. Delivery is at least once, so every handler re-reads
 * the state it needs and is safe to run twice.
 */
export interface JobHandler<N extends JobName = JobName> {
  readonly name: N;
  handle(payload: JobPayloads[N], job: Job): Promise<unknown>;
  /**
   * Called once a job of this name has completed and left the queue (BullMQ's completed event):
   * what must wait until a job with the same id may be queued again.
   */
  afterCompleted?(payload: JobPayloads[N]): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
