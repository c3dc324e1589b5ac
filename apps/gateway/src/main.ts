import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppError, CommonErrors, errorBody, loadEnvironmentOrExit, requestId, runMain } from '@vankien/platform';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import { Logger } from 'nestjs-pino';
import swaggerUi from 'swagger-ui-express';
import { GatewayModule } from './gateway.module';
import { isWebRoute, serviceFor, type Service } from './routes';
import { Upstreams } from './upstreams';
import { webPlaceholder } from './web-placeholder';

/** The answer when a service does not respond: 503 with the usual error body. */
function unavailable(_error: Error, request: IncomingMessage, response: ServerResponse | Duplex): void {
  if (!('setHeader' in response)) {
    response.destroy();
    return;
  }
  if (response.headersSent) {
    response.end();
    return;
  }
  response.statusCode = 503;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Retry-After', '5');
  response.end(JSON.stringify(errorBody(new AppError(CommonErrors.SERVICE_UNAVAILABLE), request.headers['accept-language'])));
}

runMain('gateway', async () => {
  const environment = loadEnvironmentOrExit('gateway');
  // no body parser: request bodies stream through to the services untouched
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // exit 0 after a clean shutdown (by default Nest re-raises the signal, and the exit looks like a kill)
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  const upstreams = app.get(Upstreams);

  const proxies: Record<Service, RequestHandler> = {
    editor: createProxyMiddleware({ target: upstreams.url('editor'), ws: true, xfwd: true, on: { error: unavailable } }),
    feedback: createProxyMiddleware({ target: upstreams.url('feedback'), xfwd: true, on: { error: unavailable } }),
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    const service = serviceFor(request.originalUrl);
    if (!service) return next();
    // one request id from the edge to every service's logs
    request.headers['x-request-id'] = requestId(request, response);
    return proxies[service](request, response, next);
  });

  app.use(helmet({ contentSecurityPolicy: false }));
  for (const service of ['editor', 'feedback'] as const) {
    app.use(`/docs/${service}.json`, async (_request: Request, response: Response) => {
      try {
        const answer = await fetch(`${upstreams.url(service)}/docs-json`, { signal: AbortSignal.timeout(5000) });
        response.status(answer.status).type('application/json').send(await answer.text());
      } catch (error) {
        unavailable(error as Error, _request, response);
      }
    });
  }
  app.use(
    '/docs',
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Vankien API',
      explorer: true,
      swaggerOptions: { urls: [{ url: '/docs/feedback.json', name: 'feedback' }, { url: '/docs/editor.json', name: 'editor' }] },
    }),
  );

  const webDist = join(__dirname, '../../../../apps/web/dist');
  if (existsSync(webDist)) {
    // hashed file names under /assets never change: cache them for good; index.html never
    app.use(
      express.static(webDist, {
        index: 'index.html',
        setHeaders: (response, path) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    // the single-page application's own URLs (/documents/:id/versions/:v …) load index.html
    app.use((request: Request, response: Response, next: NextFunction) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || !isWebRoute(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(webDist, 'index.html'));
    });
  } else app.use((request: Request, response: Response, next: NextFunction) => (request.method === 'GET' && request.path === '/' ? response.type('html').send(webPlaceholder) : next()));

  await app.init();
  const server = app.getHttpServer();
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const upgrade = proxies.editor.upgrade;
    if (serviceFor(request.url ?? '') === 'editor' && upgrade) upgrade(request, socket as never, head);
    else socket.destroy();
  });
  await app.listen(environment.PORT, environment.HOST);
});
