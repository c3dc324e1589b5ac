import { EnvironmentError, publicOrigins, trustedProxies, validateEnvironment } from './environment';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/vankien',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
};

function problems(raw: Record<string, unknown>): string[] {
  try {
    validateEnvironment(raw);
    return [];
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
}

describe('environment', () => {
  it('accepts the required variables and fills the defaults', () => {
    const environment = validateEnvironment(valid);
    expect(environment.PORT).toBe(3000);
    expect(environment.JWT_ACCESS_TTL_SECONDS).toBe(900);
    expect(environment.BODY_LIMIT).toBe('1mb');
    expect(validateEnvironment({ ...valid, PORT: '8080' }).PORT).toBe(8080);
  });

  it('trusts forwarding headers from the gateway on loopback only, and checks the lists', () => {
    expect(trustedProxies(validateEnvironment(valid).TRUST_PROXY)).toEqual(['loopback']);
    expect(trustedProxies(validateEnvironment(valid).GATEWAY_TRUST_PROXY)).toEqual([]);
    expect(trustedProxies(validateEnvironment({ ...valid, TRUST_PROXY: '10.0.0.0/8, ::1, uniquelocal' }).TRUST_PROXY)).toEqual(['10.0.0.0/8', '::1', 'uniquelocal']);
    for (const wrong of ['*', 'true', '1', '10.0.0.0/33', 'gateway', '10.0.0.1,', '']) {
      expect(problems({ ...valid, TRUST_PROXY: wrong })).toEqual([expect.stringContaining('TRUST_PROXY')]);
    }
  });

  it('allows WebSocket upgrades from the public address by default, or from the listed origins', () => {
    expect(publicOrigins(validateEnvironment({ ...valid, PORT: '8080' }))).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
    const listed = validateEnvironment({ ...valid, PUBLIC_ORIGINS: 'https://VanKien.example.vn:443, http://localhost:3000' });
    expect(publicOrigins(listed)).toEqual(['https://vankien.example.vn', 'http://localhost:3000']);
    expect(problems({ ...valid, PUBLIC_ORIGINS: 'https://vankien.example.vn/editor' })[0]).toMatch(/PUBLIC_ORIGINS/);
    expect(problems({ ...valid, PUBLIC_ORIGINS: '*' })[0]).toMatch(/PUBLIC_ORIGINS/);
    expect(problems({ ...valid, PUBLIC_ORIGINS: 'vankien.example.vn' })[0]).toMatch(/PUBLIC_ORIGINS/);
  });

  it('relays collaborative edits through Redis unless COLLAB_REDIS=off', () => {
    expect(validateEnvironment(valid).COLLAB_REDIS).toBe('on');
    expect(validateEnvironment({ ...valid, COLLAB_REDIS: 'off' }).COLLAB_REDIS).toBe('off');
  });

  it('keeps up to 512 MB of prepared forms in the synthesis worker unless SYNTHESIS_CACHE_MB says otherwise', () => {
    expect(validateEnvironment(valid).SYNTHESIS_CACHE_MB).toBe(512);
    expect(validateEnvironment({ ...valid, SYNTHESIS_CACHE_MB: '0' }).SYNTHESIS_CACHE_MB).toBe(0);
  });

  it('re-fills the synthesis queue every 15 s unless SYNTHESIS_REFILL_SECONDS says otherwise', () => {
    expect(validateEnvironment(valid).SYNTHESIS_REFILL_SECONDS).toBe(15);
    expect(validateEnvironment({ ...valid, SYNTHESIS_REFILL_SECONDS: '60' }).SYNTHESIS_REFILL_SECONDS).toBe(60);
  });

  it('names every missing variable', () => {
    const found = problems({});
    expect(found.join('\n')).toMatch(/DATABASE_URL is missing/);
    expect(found.join('\n')).toMatch(/REDIS_URL is missing/);
    expect(found.join('\n')).toMatch(/JWT_SECRET is missing/);
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/x', /DATABASE_URL must be a postgres/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis/],
    ['JWT_SECRET', 'short', /JWT_SECRET must be at least 32/],
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['NODE_ENV', 'staging', /NODE_ENV/],
    ['BODY_LIMIT', 'a lot', /BODY_LIMIT must look like/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['COLLAB_REDIS', 'false', /COLLAB_REDIS must be on or off/],
    ['SYNTHESIS_CACHE_MB', 'lots', /SYNTHESIS_CACHE_MB must be a whole number/],
    ['SYNTHESIS_CACHE_MB', '-1', /SYNTHESIS_CACHE_MB must be 0 or more/],
    ['SYNTHESIS_REFILL_SECONDS', '0', /SYNTHESIS_REFILL_SECONDS must be at least 1/],
    ['SYNTHESIS_REFILL_SECONDS', 'often', /SYNTHESIS_REFILL_SECONDS must be a whole number/],
  ])('rejects a malformed %s', (name, value, message) => {
    const found = problems({ ...valid, [name]: value });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((problem) => problem.startsWith(`${name}:`))).toBe(true);
    expect(found.join('\n')).toMatch(message);
  });
});
