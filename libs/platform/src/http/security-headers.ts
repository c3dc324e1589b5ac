import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

// a Host header is the client's word: only a plain host[:port] goes into the policy
const plainHost = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The collaboration socket's origin: 'self' covers ws: and wss: of the same host only in CSP 3. */
function ownWebSocketOrigins(request: IncomingMessage): string {
  const host = request.headers.host;
  return host && plainHost.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Helmet with a Content-Security-Policy that the web interface (a Vite/React build served from
 * the same origin) and swagger-ui at /docs live with: scripts and everything else from the
 * origin only, no inline script. Styles allow 'unsafe-inline' because Mantine and swagger-ui
 * write style attributes and <style> elements at run time; data: and blob: images are icons
 * and previews. No plugins, no framing (clickjacking), no <base> at all (ASVS 5.0 3.4.3 asks
 * for object-src and base-uri 'none'; neither page uses one), forms post home.
 * `useDefaults: false`: helmet's default upgrade-insecure-requests would break a plain-HTTP
 * installation on one machine.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        connectSrc: ["'self'", (request) => ownWebSocketOrigins(request)],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
    },
  }) as RequestHandler;
}
