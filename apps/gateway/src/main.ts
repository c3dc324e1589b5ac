import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppError, CommonErrors, errorBody, loadEnvironmentOrExit, openApiDocumentPath, openApiJsonPath, requestId, runMain, securityHeaders, trustedProxies } from '@vankien/platform';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware, type RequestHandler } from 'http-proxy-middleware';
import { Logger } from 'nestjs-pino';
import swaggerUi from 'swagger-ui-express';
import { setForwardingHeaders } from './forwarded-for';
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
  app.disable('x-powered-by');
  // the gateway is the edge: it believes no client's X-Forwarded-For, only a proxy's named here
  app.set('trust proxy', trustedProxies(environment.GATEWAY_TRUST_PROXY));
  // exit 0 after a clean shutdown (by default Nest re-raises the signal, and the exit looks like a kill)
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  const upstreams = app.get(Upstreams);

  const proxies: Record<Service, RequestHandler> = {
    editor: createProxyMiddleware({ target: upstreams.url('editor'), ws: true, on: { error: unavailable } }),
    feedback: createProxyMiddleware({ target: upstreams.url('feedback'), on: { error: unavailable } }),
  };
  app.use((request: Request, response: Response, next: NextFunction) => {
    const service = serviceFor(request.originalUrl);
    if (!service) return next();
    // one request id from the edge to every service's logs
    request.headers['x-request-id'] = requestId(request, response);
    // the address Express found with GATEWAY_TRUST_PROXY: the socket's peer unless a trusted proxy spoke
    setForwardingHeaders(request, { address: request.ip, protocol: request.protocol });
    return proxies[service](request, response, next);
  });

  app.use(securityHeaders());
  for (const service of ['editor', 'feedback'] as const) {
    app.use(openApiDocumentPath(service), async (_request: Request, response: Response) => {
      try {
        const answer = await fetch(`${upstreams.url(service)}/${openApiJsonPath}`, { signal: AbortSignal.timeout(5000) });
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
      // each document's JSON is linked from its description and named in the bar at the top
      swaggerOptions: { urls: (['feedback', 'editor'] as const).map((name) => ({ url: openApiDocumentPath(name), name })) },
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
    if (serviceFor(request.url ?? '') === 'editor' && upgrade) {
      // the gateway itself speaks plain HTTP (TLS ends in front of it); a client's claims are dropped
      setForwardingHeaders(request, { address: request.socket.remoteAddress, protocol: 'http' });
      upgrade(request, socket as never, head);
    } else socket.destroy();
  });
  await app.listen(environment.PORT, environment.HOST);
});
