// Recognises failures of the backing services, so that a request fails fast with 503 (and the
// client can retry) instead of a 500 or a hang while PostgreSQL or Redis is down.

const connectionErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown).
const unavailableSqlStates = /^(08|57P0[1-3])/;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  if (typeof candidate.code === 'string') return candidate.code;
  if (typeof candidate.driverError?.code === 'string') return candidate.driverError.code;
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  if (code && (connectionErrorCodes.has(code) || unavailableSqlStates.test(code))) return true;
  const message = errorMessage(error);
  return /Connection terminated|timeout exceeded when trying to connect|Connection refused|the database system is (starting up|shutting down)|Client has encountered a connection error/i.test(
    message,
  );
}

export function isRedisUnavailable(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  if (name === 'MaxRetriesPerRequestError') return true;
  return /enableOfflineQueue|Connection is closed|Stream isn't writeable|Redis (is )?(unavailable|not reachable)/i.test(errorMessage(error));
}
