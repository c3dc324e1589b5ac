import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppError, CommonErrors } from '@vankien/platform';

export interface AuthenticatedUser {
  userId: string;
  email: string;
}

interface AccessTokenClaims {
  sub: string;
  email: string;
  typ: 'access';
}

/** Short-lived signed access tokens (HS256). Also used by the collaboration server on connect. */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(user: AuthenticatedUser): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.userId, email: user.email, typ: 'access' };
    return this.jwt.signAsync(claims);
  }

  /** Throws TOKEN_EXPIRED or TOKEN_INVALID. */
  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (claims.typ !== 'access' || typeof claims.sub !== 'string') throw new AppError(CommonErrors.TOKEN_INVALID);
      return { userId: claims.sub, email: claims.email };
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AppError(CommonErrors.TOKEN_EXPIRED);
      throw new AppError(CommonErrors.TOKEN_INVALID);
    }
  }
}
