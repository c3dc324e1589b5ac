import { createTestDatabase, testRedisUrl, type TestDatabase } from '../support/test-database';
import { freePort, runUntilExit, stopAllApps, type AppName } from '../support/processes';

// Start-up faults of the built apps (node dist/apps/<app>/src/main.js), as an operator meets
// them: a bad configuration exits 78 naming the variable; a server that is down exits 69 at
// once with a clear message, instead of retrying for minutes or printing a stack trace.

const configurationError = 78;
const serviceUnavailable = 69;
const services: AppName[] = ['feedback', 'editor', 'worker'];

/** What a failed expectation should show: the exit and the end of stderr. */
function outcome(run: { code: number | null; timedOut: boolean; stderr: string }): { code: number | null; timedOut: boolean; stderr: string } {
  return { code: run.code, timedOut: run.timedOut, stderr: run.stderr.slice(-2000) };
}

jest.setTimeout(60_000);

describe('start-up faults of the built apps', () => {
  let database: TestDatabase;
  let valid: Record<string, string>;
  let closedPort: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    closedPort = await freePort();
    valid = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      // never the defaults (3101/3102): the configuration must fail before anything listens
      EDITOR_PORT: String(await freePort()),
      FEEDBACK_PORT: String(await freePort()),
    };
  });

  afterAll(async () => {
    await stopAllApps(2000);
    await database?.drop();
  });

  function without(name: string): Record<string, string> {
    const environment = { ...valid };
    delete environment[name];
    return environment;
  }

  describe.each(services)('%s', (service) => {
    it('exits 78 naming each missing or malformed variable, without printing the secret', async () => {
      const shortSecret = 'short-secret-9f3a';
      const [missingDatabase, malformedRedis, shortJwtSecret] = await Promise.all([
        runUntilExit(service, without('DATABASE_URL'), 20_000),
        runUntilExit(service, { ...valid, REDIS_URL: 'http://127.0.0.1:6379' }, 20_000),
        runUntilExit(service, { ...valid, JWT_SECRET: shortSecret }, 20_000),
      ]);

      expect(outcome(missingDatabase)).toEqual({ code: configurationError, timedOut: false, stderr: expect.stringMatching(/DATABASE_URL is missing/) });

      expect(outcome(malformedRedis)).toEqual({ code: configurationError, timedOut: false, stderr: expect.stringMatching(/REDIS_URL must be a redis/) });
      expect(malformedRedis.stderr).not.toMatch(/DATABASE_URL|JWT_SECRET/);

      expect(outcome(shortJwtSecret)).toEqual({ code: configurationError, timedOut: false, stderr: expect.stringMatching(/JWT_SECRET.*32 characters/) });
      expect(shortJwtSecret.stderr + shortJwtSecret.stdout).not.toContain(shortSecret);

      // one clear message, not a stack trace
      for (const run of [missingDatabase, malformedRedis, shortJwtSecret]) expect(run.stderr).not.toMatch(/\n\s+at /);
    });

    it('exits 69 within a few seconds when PostgreSQL or Redis cannot be reached', async () => {
      const unreachableDatabase = new URL(valid.DATABASE_URL);
      unreachableDatabase.hostname = '127.0.0.1';
      unreachableDatabase.port = String(closedPort);
      unreachableDatabase.password = 'do-not-print-me';
      const [noPostgres, noRedis] = await Promise.all([
        // "not a hang": the process must exit by itself (timedOut false) well before it is killed
        runUntilExit(service, { ...valid, DATABASE_URL: unreachableDatabase.toString() }, 45_000),
        runUntilExit(service, { ...valid, REDIS_URL: `redis://127.0.0.1:${closedPort}` }, 45_000),
      ]);

      expect(outcome(noPostgres)).toEqual({ code: serviceUnavailable, timedOut: false, stderr: expect.stringMatching(/Cannot reach PostgreSQL/) });
      expect(noPostgres.stderr).not.toMatch(/Cannot reach Redis/);
      expect(noPostgres.stderr + noPostgres.stdout).not.toContain('do-not-print-me');

      expect(outcome(noRedis)).toEqual({ code: serviceUnavailable, timedOut: false, stderr: expect.stringMatching(/Cannot reach Redis/) });
      expect(noRedis.stderr).not.toMatch(/Cannot reach PostgreSQL/);
    });
  });
});
