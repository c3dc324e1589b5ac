import { Module } from '@nestjs/common';
import { AuthApiModule, AuthCoreModule } from '@vankien/auth';
import { AuditModule, DatabaseModule } from '@vankien/database';
import { AppConfigModule, createLoggerModule, HealthModule, RedisModule } from '@vankien/platform';
import { QueueModule } from '@vankien/queue';
import { OrganizationsModule } from './organizations/organizations.module';
import { RoundsModule } from './rounds/rounds.module';

/** 10,000 comments of up to 5,000 characters each do not fit the default body limit. */
export const bulkRoutes = [{ path: /^\/api\/submissions\/[^/]+\/comments\/bulk$/, limit: '64mb' }];

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
    RoundsModule,
  ],
})
export class FeedbackModule {}
