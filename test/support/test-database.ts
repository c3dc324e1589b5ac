import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with npm test`);
  return value;
}

async function withAdmin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: required('TEST_POSTGRES_ADMIN_URL') });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from the migrated template (fast: a file
 * copy), so test files never share state.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `vankien_test_${randomBytes(6).toString('hex')}`;
  const template = required('TEST_TEMPLATE_DATABASE');
  for (let attempt = 0; ; attempt += 1) {
    try {
      await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      break;
    } catch (error) {
      // two files cloning at the same instant can collide on the template; try again
      if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 + 100 * attempt));
    }
  }
  const url = new URL(required('TEST_POSTGRES_ADMIN_URL'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** An empty database (no migrations), for migration tests. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `vankien_empty_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(required('TEST_POSTGRES_ADMIN_URL'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A Redis logical database per Jest worker, so parallel test files do not see each other's keys. */
export function testRedisUrl(): string {
  const base = new URL(required('REDIS_URL'));
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  base.pathname = `/${worker % 16}`;
  return base.toString();
}
