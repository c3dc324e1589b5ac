import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, errorBody } from '@vankien/platform';
import { CollaborationErrors } from './collaboration-errors';

/**
 * Whether a WebSocket upgrade may proceed, from its Origin header (ASVS 4.4.2: cross-site
 * WebSocket hijacking). A request without Origin is allowed: every browser sends Origin on a
 * WebSocket handshake, and the attack needs a victim's browser on a hostile page; clients that
 * send none (the Node provider, the tests, command-line tools) act for whoever holds the token
 * they send anyway. `Origin: null` (sandboxed frames, file: pages) is an origin, and refused.
 */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  // "null" parses as nothing, and URL's origin of an opaque URL is the string "null" too
  return normalised !== 'null' && allowed.has(normalised);
}

/** Answers the upgrade with 403 and the usual error body, and closes the socket. */
export function refuseUpgrade(request: IncomingMessage, socket: Duplex): void {
  const body = JSON.stringify(errorBody(new AppError(CollaborationErrors.ORIGIN_NOT_ALLOWED), request.headers['accept-language']));
  socket.end(
    `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
