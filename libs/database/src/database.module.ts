import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@vankien/platform';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM connection of an app; `service` names it in pg_stat_activity. */
@Module({})
export class DatabaseModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.get('DATABASE_URL'), { applicationName: `vankien-${service}` }),
            // start-up already checked the server (preflight); do not retry for minutes
            retryAttempts: 1,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
