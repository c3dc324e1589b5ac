import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@vankien/auth';
import { AuditModule, DatabaseModule } from '@vankien/database';
import { AppConfigModule, createLoggerModule, HealthModule, RedisModule } from '@vankien/platform';
import { QueueModule } from '@vankien/queue';
import { ApprovalsModule } from './approvals/approvals.module';
import { DocumentsModule } from './documents/documents.module';

/** The editor service: documents, versions, the collaboration endpoint, approvals. */
@Module({
  imports: [
    AppConfigModule,
    createLoggerModule('editor'),
    DatabaseModule.forRoot('editor'),
    RedisModule,
    AuditModule,
    QueueModule,
    AuthCoreModule,
    HealthModule.forRoot({ workers: false }),
    DocumentsModule,
    ApprovalsModule,
  ],
})
export class EditorModule {}
