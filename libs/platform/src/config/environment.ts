import { plainToInstance, Type } from 'class-transformer';
import { isIP } from 'node:net';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, Validate, ValidatorConstraint, validateSync, type ValidatorConstraintInterface } from 'class-validator';

const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];

/** The proxies a TRUST_PROXY-like variable names, as Express's `trust proxy` takes them ([] for none). */
export function trustedProxies(value: string): string[] {
  return value.trim() === 'none' ? [] : value.split(',').map((entry) => entry.trim());
}

function isProxyEntry(entry: string): boolean {
  if (proxyNames.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

@ValidatorConstraint({ name: 'isProxyList' })
class IsProxyList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && (value.trim() === 'none' || value.split(',').every((entry) => isProxyEntry(entry.trim())));
  }
}

/** One origin as browsers send it in the Origin header: scheme://host[:port], nothing after. */
const origin = String.raw`https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?`;
const originList = new RegExp(`^${origin}(\\s*,\\s*${origin})*$`);

/**
 * Every environment variable Vankien reads, with its rule and default. `process.env` is read
 * nowhere else: the apps get a validated, typed `Environment` from the ConfigModule.
 */
export class Environment {
  /** development, test or production. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** PostgreSQL, e.g. postgres://user:password@host:5432/vankien */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Redis, e.g. redis://host:6379 */
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  /** Secret that signs access tokens (HS256); at least 32 characters. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  /** Lifetime of an access token, seconds (default 15 minutes). */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Lifetime of a refresh token, days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Login attempts allowed per client and account per minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** The one public address (gateway). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /**
   * The origins (scheme://host[:port], comma-separated) of the pages allowed to open the
   * collaboration WebSocket; a browser upgrade from any other origin gets 403. Defaults to the
   * public address on this machine: http://localhost:PORT and http://127.0.0.1:PORT.
   */
  @IsOptional()
  @Matches(originList, { message: 'PUBLIC_ORIGINS must be a comma-separated list of origins such as https://vankien.example.vn,http://localhost:3000 (scheme, host and port only)' })
  PUBLIC_ORIGINS?: string;

  /** Address the apps listen on: loopback on one machine, 0.0.0.0 in containers. */
  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EDITOR_PORT = 3101;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  FEEDBACK_PORT = 3102;

  /** Where the gateway finds the apps (defaults to this machine). */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'EDITOR_URL must be an http(s):// URL' })
  EDITOR_URL?: string;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'FEEDBACK_URL must be an http(s):// URL' })
  FEEDBACK_URL?: string;

  /** Largest JSON body a request may carry (body-parser syntax, e.g. 1mb). */
  @Matches(/^\d+(kb|mb)$/, { message: 'BODY_LIMIT must look like 512kb or 1mb' })
  BODY_LIMIT = '1mb';

  /**
   * Whether the editor relays collaborative edits to other editor instances through Redis
   * (Hocuspocus's Redis extension). `off` only when a single editor instance serves /collab:
   * it saves a Redis PUBLISH, and reading it back, per batch of edits.
   */
  @IsIn(['on', 'off'], { message: 'COLLAB_REDIS must be on or off' })
  COLLAB_REDIS: 'on' | 'off' = 'on';

  /**
   * Memory (MB) the synthesis worker may keep comments' prepared forms in between revisions, so
   * that a revision after a submission reads from PostgreSQL only the new ones; 0 keeps none.
   * 512 holds a round of about 200,000 comments (a form is about 1,300 characters, two bytes each).
   */
  @Type(() => Number)
  @IsInt({ message: 'SYNTHESIS_CACHE_MB must be a whole number of megabytes' })
  @Min(0, { message: 'SYNTHESIS_CACHE_MB must be 0 or more' })
  SYNTHESIS_CACHE_MB = 512;

  /**
   * How often (seconds) each worker compares the synthesis queue with the needs recorded in
   * PostgreSQL, and queues a job for a need no job will serve: after Redis lost its jobs, or a job
   * failed for good. A need recorded while its round's job ran is queued when that job completes.
   */
  @Type(() => Number)
  @IsInt({ message: 'SYNTHESIS_REFILL_SECONDS must be a whole number of seconds' })
  @Min(1, { message: 'SYNTHESIS_REFILL_SECONDS must be at least 1' })
  @Max(86_400, { message: 'SYNTHESIS_REFILL_SECONDS must be at most 86400 (a day)' })
  SYNTHESIS_REFILL_SECONDS = 15;

  /**
   * Which peers of the editor and feedback services may tell them the client's address
   * (X-Forwarded-For): the gateway in front of them. On one machine it connects from loopback;
   * in containers, name its address or network (e.g. 10.0.0.0/8). `none` trusts no one.
   * Comma-separated addresses, CIDR ranges, or Express's names loopback, linklocal, uniquelocal.
   */
  @Validate(IsProxyList, { message: 'TRUST_PROXY must be none, or addresses, CIDR ranges or loopback/linklocal/uniquelocal, separated by commas' })
  TRUST_PROXY = 'loopback';

  /**
   * Which peers of the gateway may tell it the client's address: a TLS terminator or load
   * balancer in front of it. By default none: the gateway is the edge, replaces whatever
   * X-Forwarded-For a client sent with the address it sees, and the services count login
   * attempts per that address.
   */
  @Validate(IsProxyList, { message: 'GATEWAY_TRUST_PROXY must be none, or addresses, CIDR ranges or loopback/linklocal/uniquelocal, separated by commas' })
  GATEWAY_TRUST_PROXY = 'none';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
}

/**
 * The allowed WebSocket origins, normalised as `new URL(...).origin` writes them (lower-case
 * host, no default port), which is how they are compared with a request's Origin header.
 */
export function publicOrigins(environment: Pick<Environment, 'PUBLIC_ORIGINS' | 'PORT'>): string[] {
  const listed = environment.PUBLIC_ORIGINS?.split(',').map((entry) => entry.trim()) ?? [`http://localhost:${environment.PORT}`, `http://127.0.0.1:${environment.PORT}`];
  return [...new Set(listed.map((entry) => new URL(entry).origin))];
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment / Biến môi trường không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates raw variables; throws an EnvironmentError naming every missing or malformed one. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const environment = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) => {
      const messages = Object.values(error.constraints ?? {});
      if (error.value === undefined || error.value === '') return [`${error.property} is missing (${messages.join('; ')})`];
      return messages.map((message) => `${error.property}: ${message}`);
    });
    throw new EnvironmentError(problems);
  }
  return environment;
}
