import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, CommonErrors, publicRouteKey } from '@vankien/platform';
import type { Request } from 'express';
import { AccessTokens, type AuthenticatedUser } from '../tokens/access-tokens';
import { bearerToken } from './bearer-admission';

type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

/** Every route needs a valid Bearer access token unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(publicRouteKey, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.user = await this.tokens.verify(bearerToken(request));
    return true;
  }
}

/** The authenticated user of the request (after AuthenticationGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new AppError(CommonErrors.UNAUTHENTICATED);
  return user;
});
