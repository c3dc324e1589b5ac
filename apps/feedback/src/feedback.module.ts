import { Module } from '@nestjs/common';
import { AuthApiModule, AuthCoreModule } from '@vankien/auth';
import { AuditModule, DatabaseModule } from '@vankien/database';
import { AppConfigModule, createLoggerModule, HealthModule, RedisModule } from '@vankien/platform';
import { QueueModule } from '@vankien/queue';
import { OrganizationsModule } from './organizations/organizations.module';

/** The feedback service: accounts, the organisation tree, rounds, submissions, syntheses. */
@Module({
  imports: [
    AppConfigModule,
    createLoggerModule('feedback'),
    DatabaseModule.forRoot('feedback'),
    RedisModule,
    AuditModule,
    QueueModule,
    AuthCoreModule,
    AuthApiModule,
    HealthModule.forRoot({ workers: true }),
    OrganizationsModule,
  ],
})
export class FeedbackModule {}
