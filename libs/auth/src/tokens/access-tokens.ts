import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppError, CommonErrors } from '@vankien/platform';
import { AuthErrors } from '../auth-errors';
import { RevokedSessions } from '../sessions/revoked-sessions';

export interface AuthenticatedUser {
  userId: string;
  email: string;
  /** The token's own id (jti): a logout deny-lists it. */
  tokenId: string;
  /** The session (the refresh-token family) the token was issued for: a logout deny-lists it too. */
  sessionId: string;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
}

interface AccessTokenClaims {
  sub: string;
  email: string;
  typ: 'access';
  jti: string;
  sid: string;
  exp: number;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short-lived signed access tokens (HS256). Also used by the collaboration server on connect. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedSessions,
  ) {}

  sign(user: { userId: string; email: string }, sessionId: string): Promise<string> {
    const claims: Omit<AccessTokenClaims, 'exp'> = { sub: user.userId, email: user.email, typ: 'access', jti: randomUUID(), sid: sessionId };
    return this.jwt.signAsync(claims);
  }

  /** Throws TOKEN_EXPIRED, TOKEN_INVALID, or SESSION_ENDED for a token of a session that logged out. */
  async verify(token: string): Promise<AuthenticatedUser> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AppError(CommonErrors.TOKEN_EXPIRED);
      throw new AppError(CommonErrors.TOKEN_INVALID);
    }
    // a token without an id could not be deny-listed, so it is not accepted at all
    const wellFormed = claims.typ === 'access' && typeof claims.sub === 'string' && typeof claims.jti === 'string' && uuid.test(claims.jti) && typeof claims.sid === 'string' && uuid.test(claims.sid);
    if (!wellFormed || typeof claims.exp !== 'number') throw new AppError(CommonErrors.TOKEN_INVALID);
    // outside the try: a deny-list that cannot be read is a 503, not an invalid token
    if (await this.revoked.isRevoked(claims.jti, claims.sid)) throw new AppError(AuthErrors.SESSION_ENDED);
    return { userId: claims.sub, email: claims.email, tokenId: claims.jti, sessionId: claims.sid, expiresAt: claims.exp * 1000 };
  }
}
