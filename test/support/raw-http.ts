import { connect } from 'node:net';

/**
 * Sends the headers of a request announcing a body of `declaredBytes` and only its first
 * kilobyte, then waits for an answer: a service that reads the body before answering (or
 * buffers it) never answers until the timeout.
 */
export function answerBeforeBody(url: string, path: string, declaredBytes: number, headers: Record<string, string> = {}): Promise<{ status: number; head: string; elapsedMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s (the body is being waited for); got ${JSON.stringify(received.slice(0, 200))}`));
    }, 5000);
    socket.on('connect', () => {
      const lines = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Content-Type: application/json', `Content-Length: ${declaredBytes}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n{"comments":[${'{"blockId":"b","kind":"add","text":"x"},'.repeat(25)}`);
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0 && received.length > end + 4) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: Number(received.slice(9, 12)), head: received.slice(0, end), elapsedMs: Date.now() - started });
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (received) resolve({ status: Number(received.slice(9, 12)), head: received, elapsedMs: Date.now() - started });
      else reject(error);
    });
  });
}
