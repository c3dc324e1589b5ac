import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig, LARGE_BODY_ADMISSION, REDIS } from '@vankien/platform';
import type Redis from 'ioredis';
import { AuthenticationGuard } from './guards/authentication.guard';
import { BearerAdmission } from './guards/bearer-admission';
import { LoginThrottlerGuard } from './guards/login-throttler.guard';
import { AuthController } from './login/auth.controller';
import { AuthService } from './login/auth.service';
import { PolicyService } from './policy/policy.service';
import { RevokedSessions } from './sessions/revoked-sessions';
import { SessionEvents } from './sessions/session-events';
import { AccessTokens } from './tokens/access-tokens';
import { PasswordHasher } from './tokens/password-hasher';

/**
 * Token checking (with the Redis deny-list of logged-out sessions), session events and the
 * policy, in every HTTP app: every route needs a token unless @Public().
 */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.get('JWT_SECRET'),
        signOptions: { algorithm: 'HS256', expiresIn: config.get('JWT_ACCESS_TTL_SECONDS') },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AccessTokens, RevokedSessions, SessionEvents, PolicyService, { provide: APP_GUARD, useClass: AuthenticationGuard }, { provide: LARGE_BODY_ADMISSION, useClass: BearerAdmission }],
  exports: [AccessTokens, RevokedSessions, SessionEvents, PolicyService, LARGE_BODY_ADMISSION],
})
export class AuthCoreModule {}

/** Login, refresh, logout and /api/me (served by the feedback app). */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.get('LOGIN_ATTEMPTS_PER_MINUTE') }],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, LoginThrottlerGuard],
  exports: [PasswordHasher],
})
export class AuthApiModule {}
