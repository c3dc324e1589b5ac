import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobProducer } from '@vankien/queue';

/** Schedules the recurring maintenance jobs (idempotent: one scheduler per job, whatever the number of workers). */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceScheduler.name);

  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.producer
        .queue('maintenance')
        .upsertJobScheduler('purge-refresh-tokens-daily', { pattern: '17 3 * * *' }, { name: 'maintenance.purge-refresh-tokens', data: { graceDays: 7 } });
    } catch (error) {
      this.logger.warn(`could not schedule maintenance jobs: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
