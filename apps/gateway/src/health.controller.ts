import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public, SystemHealthView } from '@vankien/platform';
import type { Response } from 'express';
import type { Service } from './routes';
import { Upstreams } from './upstreams';

interface ComponentStatus {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

interface TerminusBody {
  status?: string;
  info?: Record<string, ComponentStatus>;
  error?: Record<string, ComponentStatus>;
}

/**
 * GET /health of the whole system: PostgreSQL, Redis, the worker, and each service, as seen
 * through the services. 200 only when everything is up; 503 names what is down.
 */
@ApiTags('health')
@Controller('health')
@Public()
export class GatewayHealthController {
  constructor(private readonly upstreams: Upstreams) {}

  @Get()
  @ApiOperation({ summary: 'Tình trạng toàn hệ thống / Health of the whole system' })
  @ApiOkResponse({ type: SystemHealthView })
  @ApiServiceUnavailableResponse({ type: SystemHealthView, description: 'Names what is down' })
  async check(@Res() response: Response): Promise<void> {
    const components: Record<string, ComponentStatus> = {};
    const services: Service[] = ['editor', 'feedback'];
    await Promise.all(
      services.map(async (service) => {
        try {
          const answer = await fetch(`${this.upstreams.url(service)}/health`, { signal: AbortSignal.timeout(3000) });
          const body = (await answer.json()) as TerminusBody;
          components[service] = { status: 'up', health: body.status ?? 'unknown' };
          for (const [name, status] of Object.entries({ ...body.info, ...body.error })) {
            // the worst report of a shared dependency wins (one service may see a failure first)
            if (!components[name] || status.status === 'down') components[name] = status;
          }
        } catch (error) {
          components[service] = { status: 'down', message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
    for (const required of ['database', 'redis', 'worker']) {
      components[required] ??= { status: 'down', message: 'no service could report it' };
    }
    const ordered = Object.fromEntries(['database', 'redis', 'worker', 'editor', 'feedback'].map((name) => [name, components[name]]));
    const healthy = Object.values(ordered).every((component) => component.status === 'up');
    response.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'error', components: ordered });
  }
}
