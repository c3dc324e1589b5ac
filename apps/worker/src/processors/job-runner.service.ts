import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vankien/platform';
import { InvalidJobPayload, isJobName, jobRegistry, queueNames, queuePrefix, validatePayload, type JobName } from '@vankien/queue';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import Redis from 'ioredis';
import { JOB_HANDLERS, type JobHandler } from './job-handler';

/** One BullMQ worker per queue, dispatching each job to its registered handler. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private readonly handlers: Map<JobName, JobHandler>;

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    private readonly config: AppConfig,
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.name, handler]));
    for (const name of Object.keys(jobRegistry)) {
      if (!isJobName(name) || !this.handlers.has(name)) throw new Error(`no handler registered for job ${name}`);
    }
  }

  onApplicationBootstrap(): void {
    for (const queue of queueNames) {
      // BullMQ's blocking connection must retry forever (maxRetriesPerRequest: null)
      const connection = new Redis(this.config.get('REDIS_URL'), { maxRetriesPerRequest: null, connectionName: `vankien-worker-${queue}` });
      const worker = new Worker(queue, (job) => this.process(job), { connection, prefix: queuePrefix, concurrency: 2 });
      worker.on('failed', (job, error) => this.logger.warn({ jobId: job?.id, name: job?.name, err: error }, `job failed: ${error.message}`));
      worker.on('completed', (job) => void this.completed(job));
      worker.on('error', (error) => this.logger.error({ err: error }, `worker error on ${queue}`));
      this.workers.push(worker);
    }
    this.logger.log(`processing queues: ${queueNames.join(', ')}`);
  }

  private async process(job: Job): Promise<unknown> {
    if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for ${job.name}`);
    try {
      const payload = validatePayload(job.name, job.data);
      return await handler.handle(payload, job);
    } catch (error) {
      // a payload that does not validate will never succeed: do not retry it
      if (error instanceof InvalidJobPayload) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  private async completed(job: Job): Promise<void> {
    if (!isJobName(job.name)) return;
    const handler = this.handlers.get(job.name);
    try {
      await handler?.afterCompleted?.(validatePayload(job.name, job.data));
    } catch (error) {
      this.logger.warn({ jobId: job.id, name: job.name, err: error }, `after job ${job.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map(async (worker) => {
      await worker.close();
      await worker.disconnect().catch(() => undefined);
    }));
  }
}
