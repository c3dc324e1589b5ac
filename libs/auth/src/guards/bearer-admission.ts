import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AppError, CommonErrors, type LargeBodyAdmission } from '@vankien/platform';
import { AccessTokens } from '../tokens/access-tokens';

/** The access token of an Authorization: Bearer header; UNAUTHENTICATED or TOKEN_INVALID otherwise. */
export function bearerToken(request: IncomingMessage): string {
  const header = request.headers.authorization;
  if (!header) throw new AppError(CommonErrors.UNAUTHENTICATED);
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) throw new AppError(CommonErrors.TOKEN_INVALID);
  return token;
}

/**
 * Admits a large body (a bulk upload) only from a caller with a valid access token, checked on
 * the headers before a byte of the body is read: the route itself needs one anyway, and an
 * anonymous 60 MB body must cost the service nothing. What the caller may do with the
 * submission is the route's business, once the body is read.
 */
@Injectable()
export class BearerAdmission implements LargeBodyAdmission {
  constructor(private readonly tokens: AccessTokens) {}

  async admit(request: IncomingMessage): Promise<void> {
    await this.tokens.verify(bearerToken(request));
  }
}
