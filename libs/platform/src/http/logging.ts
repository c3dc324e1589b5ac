import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/config.module';

const acceptableRequestId = /^[A-Za-z0-9._-]{8,128}$/;

/** Reuses a sane incoming X-Request-Id (set by the gateway) or makes one, and echoes it back. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs (pino), one line per request with its id; secrets redacted. */
export function createLoggerModule(service: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [AppConfig],
    useFactory: (config: AppConfig) => ({
      // Express 5 route syntax for "every path" (the default '*' triggers a deprecation warning)
      forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      pinoHttp: {
        name: service,
        level: config.get('LOG_LEVEL'),
        genReqId: requestId,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
        // a client's mistake (4xx) is routine; only server failures are errors
        customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
          error || response.statusCode >= 500 ? 'error' : 'info',
        serializers: {
          req: (request: IncomingMessage & { id?: string }) => ({ id: request.id, method: request.method, url: request.url }),
          res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
        },
      },
    }),
  });
}
