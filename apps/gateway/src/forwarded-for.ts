import type { IncomingMessage } from 'node:http';

const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-real-ip'];

/**
 * Replaces whatever forwarding headers a client sent with what the gateway knows: the client's
 * address, the protocol and the host. Appending instead (http-proxy's xfwd) would pass a forged
 * X-Forwarded-For on to the services, which trust the gateway's word (TRUST_PROXY), and the
 * forger would escape the per-address login limit.
 */
export function setForwardingHeaders(request: IncomingMessage, client: { address: string | undefined; protocol: string }): void {
  const host = request.headers.host;
  for (const name of forwardingHeaders) delete request.headers[name];
  if (client.address) request.headers['x-forwarded-for'] = client.address;
  request.headers['x-forwarded-proto'] = client.protocol;
  if (host) request.headers['x-forwarded-host'] = host;
}
