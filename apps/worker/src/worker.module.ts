import { Module } from '@nestjs/common';
import { AuditModule, DatabaseModule } from '@vankien/database';
import { AppConfigModule, createLoggerModule, RedisModule } from '@vankien/platform';
import { QueueModule } from '@vankien/queue';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { JOB_HANDLERS } from './processors/job-handler';
import { JobRunner } from './processors/job-runner.service';
import { MaintenanceScheduler } from './processors/maintenance-scheduler.service';
import { PurgeRefreshTokensHandler } from './processors/purge-refresh-tokens.handler';
import { CompactDocumentHandler } from './processors/compact-document.handler';
import { SynthesizeRoundHandler } from './processors/synthesize-round.handler';
import { ReadCommentTableHandler } from './processors/read-comment-table.handler';

const handlers = [PurgeRefreshTokensHandler, CompactDocumentHandler, SynthesizeRoundHandler, ReadCommentTableHandler];

/** The worker: BullMQ processors and nothing else (no HTTP server). */
@Module({
  imports: [AppConfigModule, createLoggerModule('worker'), DatabaseModule.forRoot('worker'), RedisModule, AuditModule, QueueModule],
  providers: [
    ...handlers,
    { provide: JOB_HANDLERS, inject: handlers, useFactory: (...instances: InstanceType<(typeof handlers)[number]>[]) => instances },
    JobRunner,
    HeartbeatService,
    MaintenanceScheduler,
  ],
})
export class WorkerModule {}
