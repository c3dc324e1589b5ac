import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One dependency's state (PostgreSQL, Redis, the worker, a service), with what its check adds. */
export class HealthComponentView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) message?: string;
}

const components = { type: 'object', additionalProperties: { $ref: getSchemaPath(HealthComponentView) } } as const;

/** A service's /health (Terminus's answer): 200 when everything is up, 503 otherwise. */
@ApiExtraModels(HealthComponentView)
export class HealthView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional({ ...components, description: 'The components that are up' }) info?: Record<string, HealthComponentView>;
  @ApiPropertyOptional({ ...components, description: 'The components that are down' }) error?: Record<string, HealthComponentView>;
  @ApiProperty({ ...components, description: 'Every component' }) details!: Record<string, HealthComponentView>;
}

/** The gateway's /health of the whole system. */
@ApiExtraModels(HealthComponentView)
export class SystemHealthView {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ ...components, description: 'database, redis, worker, editor, feedback' }) components!: Record<string, HealthComponentView>;
}
