import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL or Redis, to simulate an outage without
 * touching the shared test servers: `pause()` cuts every open connection and stops listening
 * (new connections are refused, as when the server is down), `resume()` listens again on the
 * same port.
 */
export interface TcpProxy {
  readonly port: number;
  /** `target` with its host and port replaced by the proxy's. */
  proxiedUrl(target: string): string;
  /** Number of client connections open now. */
  readonly openConnections: number;
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let paused = false;

  const handle = (client: Socket): void => {
    if (paused) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: targetHost, port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    const drop = (): void => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  let server = createServer(handle);
  await listen(server, 0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
  const port = address.port;

  const cutAll = (): void => {
    // resetAndDestroy sends an RST, as a crashed server or a broken network would
    for (const socket of sockets) {
      if (typeof socket.resetAndDestroy === 'function' && !socket.destroyed) socket.resetAndDestroy();
      else socket.destroy();
    }
    sockets.clear();
  };

  return {
    port,
    get openConnections() {
      return sockets.size / 2;
    },
    proxiedUrl(target: string): string {
      const url = new URL(target);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async pause(): Promise<void> {
      paused = true;
      const closed = closeServer(server);
      cutAll();
      await closed;
    },
    async resume(): Promise<void> {
      if (!paused) return;
      server = createServer(handle);
      // the port was ours a moment ago; another process may grab it in between (rare): retry a little
      for (let attempt = 0; ; attempt += 1) {
        try {
          await listen(server, port);
          break;
        } catch (error) {
          if (attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      paused = false;
    },
    async close(): Promise<void> {
      paused = true;
      const closed = closeServer(server);
      cutAll();
      await closed;
    },
  };
}
