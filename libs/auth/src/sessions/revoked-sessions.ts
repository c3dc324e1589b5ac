import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@vankien/platform';
import type Redis from 'ioredis';

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
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

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
   * Whether the token or its session was revoked: one MGET, one round trip per request. Redis
   * errors propagate (the request fails with 503): a deny-list that cannot be read is not
   * taken as empty.
   */
  async isRevoked(tokenId: string, sessionId: string): Promise<boolean> {
    const [token, session] = await this.redis.mget(tokenKey(tokenId), sessionKey(sessionId));
    return token !== null || session !== null;
  }
}
