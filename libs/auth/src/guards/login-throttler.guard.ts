import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { AppError } from '@vankien/platform';
import type { Request } from 'express';
import { AuthErrors } from '../auth-errors';

/**
 * Limits login attempts per client address and account, counted in Redis so that every
 * instance of the service shares the count. Guessing one account's password from many
 * addresses is still limited per address; the account key stops one address trying many.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Request): Promise<string> {
    const body: unknown = request.body;
    const email = typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    return `${request.ip ?? 'unknown'}|${email}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new AppError(AuthErrors.LOGIN_RATE_LIMITED, { retryAfterSeconds: Math.ceil(detail.timeToBlockExpire) });
  }
}
