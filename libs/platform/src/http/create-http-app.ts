import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/config.module';
import { trustedProxies } from '../config/environment';
import { AppError, CommonErrors } from '../errors/app-error';
import { ErrorFilter, errorBody, toAppError } from '../errors/error.filter';
import { exceedsJsonDepth, maxJsonDepth } from './json-depth';
import { createOpenApiDocument, openApiDocumentPath, openApiJsonPath, setApiPrefix, type ApiDescription } from './openapi';
import { LARGE_BODY_ADMISSION, type LargeBodyAdmission } from './large-body-admission';
import { requestId } from './logging';
import { securityHeaders } from './security-headers';
import { createValidationPipe } from './validation';

export interface HttpAppOptions extends ApiDescription {
  bodyLimit: string;
  /**
   * Larger limits for the routes that need them (bulk uploads), matched on the path. Only a
   * request the LargeBodyAdmission provider admits (from its headers) gets its body read.
   */
  largeBodyRoutes?: { path: RegExp; limit: string }[];
}

type RequestWithId = Request & { id?: unknown };

function idOf(request: RequestWithId): string | undefined {
  return typeof request.id === 'string' ? request.id : undefined;
}

function sendError(request: RequestWithId, response: Response, error: AppError): void {
  response.status(error.status).json(errorBody(error, request.headers['accept-language'], idOf(request)));
}

/** Body-parser failures (bad JSON, too deep, too large) get the same error shape as everything else. */
function bodyParserErrors(error: Error & { type?: string; status?: number }, request: Request, response: Response, next: NextFunction): void {
  const definition =
    error.type === 'entity.too.large'
      ? CommonErrors.PAYLOAD_TOO_LARGE
      : error.type === 'entity.parse.failed'
        ? CommonErrors.MALFORMED_JSON
        : error.type === jsonTooDeep
          ? CommonErrors.JSON_TOO_DEEP
          : error.type === 'encoding.unsupported' || error.type === 'charset.unsupported'
            ? CommonErrors.UNSUPPORTED_MEDIA_TYPE
            : undefined;
  if (!definition) return next(error);
  sendError(request, response, new AppError(definition, definition === CommonErrors.JSON_TOO_DEEP ? { maxDepth: maxJsonDepth } : undefined));
}

const jsonTooDeep = 'entity.too.deep';

/** express.json, refusing a text nested deeper than maxJsonDepth before JSON.parse sees it. */
function jsonParser(limit: string): express.RequestHandler {
  return express.json({
    limit,
    verify: (_request, _response, buffer) => {
      if (exceedsJsonDepth(buffer, maxJsonDepth)) throw Object.assign(new Error('JSON nested too deeply'), { type: jsonTooDeep, status: 400 });
    },
  });
}

/**
 * Answers a refused large body without reading it: the connection is closed after the answer,
 * so the client's bytes are never buffered, parsed, or even drained.
 */
function refuseUnread(request: RequestWithId, response: Response, exception: unknown): void {
  response.setHeader('Connection', 'close');
  sendError(request, response, toAppError(exception));
}

/**
 * Creates an HTTP app the same way for every service: structured logs with a request id,
 * helmet with a Content-Security-Policy, a JSON body limit and depth limit, the validation pipe
 * that rejects unknown fields and normalises texts, the one error filter, OpenAPI at /docs
 * (JSON at /docs-json), routes under /api, graceful shutdown.
 */
export async function createHttpApp(rootModule: Type<unknown>, options: HttpAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the configured proxies (the gateway): from anyone
  // else, a client could name any address and escape the per-address login limit
  app.set('trust proxy', trustedProxies(app.get(AppConfig).get('TRUST_PROXY')));
  // the id is given before any body is read, so that a 400 or 413 of the body parser carries it
  // (pino-http, later, keeps the id a request already has)
  app.use((request: RequestWithId, response: Response, next: NextFunction) => {
    request.id = requestId(request, response);
    next();
  });
  app.use(securityHeaders());
  const largeBodyRoutes = options.largeBodyRoutes ?? [];
  if (largeBodyRoutes.length > 0) {
    const admission = app.get<symbol, LargeBodyAdmission>(LARGE_BODY_ADMISSION, { strict: false });
    for (const route of largeBodyRoutes) {
      const parser = jsonParser(route.limit);
      app.use((request: Request, response: Response, next: NextFunction) => {
        if (!route.path.test(request.path)) return next();
        admission.admit(request).then(
          () => parser(request, response, next),
          (exception: unknown) => refuseUnread(request, response, exception),
        );
      });
    }
  }
  // a body already parsed by a route-specific parser is left alone
  app.use(jsonParser(options.bodyLimit));
  app.use(bodyParserErrors);
  setApiPrefix(app, options);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // exit 0 after a clean shutdown (by default Nest re-raises the signal, and the exit looks like a kill)
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  // the same document `npm run openapi` commits (openapi/<service>.json), built the same way
  const document = createOpenApiDocument(app, options);
  // the address /docs links to, as on the gateway (/docs-json stays: the gateway reads it)
  app.use(openApiDocumentPath(options.service), (request: Request, response: Response, next: NextFunction) => (request.method === 'GET' && request.path === '/' ? response.json(document) : next()));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: openApiJsonPath, customSiteTitle: options.title });
  return app;
}
