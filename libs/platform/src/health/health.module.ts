import { Controller, DynamicModule, Get, Inject, Module, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/public';
import { HealthView } from './health.dto';
import { RedisHealthIndicator } from './redis.health';

export interface HealthOptions {
  /** Report whether worker processes are alive (from their Redis heartbeats). */
  workers: boolean;
}

const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');

/**
 * GET /health: 200 when PostgreSQL and Redis answer, 503 naming what is down.
 */
@ApiTags('health')
@Controller('health')
@Public()
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tình trạng dịch vụ / Service health' })
  @ApiOkResponse({ type: HealthView, description: 'PostgreSQL, Redis (and the worker) answer' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Names what is down' })
  async check(@Res() response: Response): Promise<void> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
        ...(this.options.workers ? [() => this.redis.workersAlive('worker')] : []),
      ]);
      response.status(200).json(result);
    } catch (error) {
      // Terminus reports "something is down" as a 503 carrying the details: answer it as is,
      // rather than letting the error filter turn it into a bare error body
      if (error instanceof ServiceUnavailableException) response.status(503).json(error.getResponse());
      else throw error;
    }
  }
}

@Module({})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
      controllers: [HealthController],
      providers: [RedisHealthIndicator, { provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
