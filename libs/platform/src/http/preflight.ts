import Redis from 'ioredis';
import { Client } from 'pg';
import type { Environment } from '../config/environment';

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

async function checkPostgres(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/**
 * Checks PostgreSQL and Redis before an app starts, so that a server that is down gives one
 * clear message and a non-zero exit instead of minutes of retries and a stack trace.
 */
export async function preflightOrExit(service: string, environment: Environment): Promise<void> {
  const problems: string[] = [];
  await checkPostgres(environment.DATABASE_URL).catch((error: Error) =>
    problems.push(`Không kết nối được PostgreSQL / Cannot reach PostgreSQL at ${redactUrl(environment.DATABASE_URL)}: ${error.message}`),
  );
  await checkRedis(environment.REDIS_URL).catch((error: Error) =>
    problems.push(`Không kết nối được Redis / Cannot reach Redis at ${redactUrl(environment.REDIS_URL)}: ${error.message || 'connection refused'}`),
  );
  if (problems.length > 0) {
    process.stderr.write(`[${service}] cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(69);
  }
}
