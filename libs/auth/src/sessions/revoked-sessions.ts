import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REDIS } from '@vankien/platform';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';

const tokenKey = (tokenId: string): string => `vankien:revoked:token:${tokenId}`;
const sessionKey = (sessionId: string): string => `vankien:revoked:session:${sessionId}`;

/**
 * The deny-list of access tokens whose session ended before they expired (logout). Access
 * tokens are stateless JWTs, so without it a copied token would keep working until its expiry.
 * It lives in Redis, so every instance of every app sees a logout at once, and each entry
 * expires with the last token it can concern, so the list stays as small as the logouts of the
 * last JWT_ACCESS_TTL_SECONDS.
 */
@Injectable()
export class RevokedSessions {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Ends one token (`tokenId` until `tokenExpiresAt`) and every token of the sessions (until
   * `sessionsExpireAt`: no token of a revoked session can be issued any more, so none outlives it).
   */
  async revoke(revocation: { tokenId: string; tokenExpiresAt: number; sessionIds: string[]; sessionsExpireAt: number }): Promise<void> {
    const now = Date.now();
    const transaction = this.redis.multi();
    // PX at least 1: an entry that would already have expired is still written (harmless) rather than refused by Redis
    transaction.set(tokenKey(revocation.tokenId), '1', 'PX', Math.max(1, revocation.tokenExpiresAt - now));
    for (const sessionId of revocation.sessionIds) transaction.set(sessionKey(sessionId), '1', 'PX', Math.max(1, revocation.sessionsExpireAt - now));
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error !== null);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis did not run the revocation');
  }

  /**
   * Whether the token or its session was revoked: one MGET, one round trip per request. While
   * Redis cannot be read, the session's refresh-token family in PostgreSQL answers (a logout
   * and a detected reuse revoke it there first), so what needs no Redis keeps working and a
   * deny-list that cannot be read is never taken as empty.
   */
  async isRevoked(tokenId: string, sessionId: string): Promise<boolean> {
    let answer: (string | null)[];
    try {
      answer = await this.redis.mget(tokenKey(tokenId), sessionKey(sessionId));
    } catch {
      const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1', [sessionId]);
      return rows.length > 0;
    }
    return answer.some((entry) => entry !== null);
  }
}
