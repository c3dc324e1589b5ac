import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppError, CommonErrors } from '../errors/app-error';
import { errorBody } from '../errors/error.filter';
import { ErrorFilter } from '../errors/error.filter';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  service: string;
  title: string;
  description: string;
  bodyLimit: string;
  /** Larger limits for the routes that need them (bulk uploads), matched on the path. */
  largeBodyRoutes?: { path: RegExp; limit: string }[];
  /** Extra prefixes served outside /api (e.g. /health). */
  excludeFromApiPrefix?: string[];
}

/** Body-parser failures (bad JSON, too large) get the same error shape as everything else. */
function bodyParserErrors(error: Error & { type?: string; status?: number }, request: Request, response: Response, next: NextFunction): void {
  const definition =
    error.type === 'entity.too.large'
      ? CommonErrors.PAYLOAD_TOO_LARGE
      : error.type === 'entity.parse.failed'
        ? CommonErrors.MALFORMED_JSON
        : error.type === 'encoding.unsupported' || error.type === 'charset.unsupported'
          ? CommonErrors.UNSUPPORTED_MEDIA_TYPE
          : undefined;
  if (!definition) return next(error);
  const requestId = (request as Request & { id?: unknown }).id;
  response.status(definition.status).json(errorBody(new AppError(definition), request.headers['accept-language'], typeof requestId === 'string' ? requestId : undefined));
}

/**
 * Creates an HTTP app the same way for every service: structured logs with a request id,
 * helmet, a JSON body limit, the validation pipe that rejects unknown fields, the one error
 * filter, OpenAPI at /docs (JSON at /docs-json), routes under /api, graceful shutdown.
 */
export async function createHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: false }));
  for (const route of options.largeBodyRoutes ?? []) {
    const parser = express.json({ limit: route.limit });
    app.use((request: Request, response: Response, next: NextFunction) => (route.path.test(request.path) ? parser(request, response, next) : next()));
  }
  // a body already parsed by a route-specific parser is left alone
  app.use(express.json({ limit: options.bodyLimit }));
  app.use(bodyParserErrors);
  app.setGlobalPrefix('api', { exclude: ['health', ...(options.excludeFromApiPrefix ?? [])] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // exit 0 after a clean shutdown (by default Nest re-raises the signal, and the exit looks like a kill)
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  const openApi = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: options.title });
  return app;
}
