import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditEvent } from '@vankien/database';
import { Membership, Organization, RefreshToken, User } from '@vankien/domain';
import { AppConfig, AppError, CommonErrors } from '@vankien/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuthErrors } from '../auth-errors';
import type { MeView, TokenPair } from '../dto/auth.dto';
import { RevokedSessions } from '../sessions/revoked-sessions';
import { SessionEvents } from '../sessions/session-events';
import { AccessTokens, type AuthenticatedUser } from '../tokens/access-tokens';
import { PasswordHasher } from '../tokens/password-hasher';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokens,
    private readonly config: AppConfig,
    private readonly revoked: RevokedSessions,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<TokenPair> {
    const normalizedEmail = email.trim().toLowerCase();
    const user = await this.dataSource.getRepository(User).findOne({ where: { email: normalizedEmail } });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.dataSource.transaction((manager) =>
        appendAuditEvent(manager, {
          actorId: user?.id ?? null,
          action: 'auth.login_failed',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          payload: { email: normalizedEmail, ip: client.ip ?? null },
        }),
      );
      throw new AppError(AuthErrors.INVALID_CREDENTIALS);
    }
    if (!user.active) throw new AppError(AuthErrors.ACCOUNT_DISABLED);
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.issue(manager, user, randomUUID());
      await appendAuditEvent(manager, {
        actorId: user.id,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        payload: { ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, 200) ?? null },
      });
      return pair;
    });
  }

  /**
   * Rotates a refresh token. A token already used means it was copied: the whole family is
   * revoked (the thief's and the owner's sessions alike) and the caller must sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.getRepository(RefreshToken).findOne({
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' as const };
      if (stored.usedAt) {
        await manager.getRepository(RefreshToken).update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await appendAuditEvent(manager, {
          actorId: stored.userId,
          action: 'auth.refresh_token_reused',
          subjectType: 'user',
          subjectId: stored.userId,
          payload: { familyId: stored.familyId },
        });
        return { kind: 'reused' as const };
      }
      const user = await manager.getRepository(User).findOneOrFail({ where: { id: stored.userId } });
      if (!user.active) return { kind: 'invalid' as const };
      await manager.getRepository(RefreshToken).update({ id: stored.id }, { usedAt: new Date() });
      return { kind: 'rotated' as const, pair: await this.issue(manager, user, stored.familyId) };
    });
    if (outcome.kind === 'reused') throw new AppError(AuthErrors.REFRESH_TOKEN_REUSED);
    if (outcome.kind === 'invalid') throw new AppError(AuthErrors.REFRESH_TOKEN_INVALID);
    return outcome.pair;
  }

  /**
   * Ends the session: revokes the refresh token's family in PostgreSQL, deny-lists the access
   * token presented and every access token of its session in Redis until they would have
   * expired, and announces it so that collaboration connections opened with them are closed.
   * Unknown refresh tokens are ignored (logout is idempotent); the access token ends anyway.
   */
  async logout(user: AuthenticatedUser, refreshToken: string): Promise<void> {
    const familyId = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.getRepository(RefreshToken).findOne({ where: { tokenHash: sha256(refreshToken), userId: user.userId } });
      if (!stored) return null;
      await manager.getRepository(RefreshToken).update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await appendAuditEvent(manager, { actorId: user.userId, action: 'auth.logout', subjectType: 'user', subjectId: user.userId });
      return stored.familyId;
    });
    const sessionIds = [...new Set([user.sessionId, ...(familyId ? [familyId] : [])])];
    // a token issued just before the family was revoked expires at most one lifetime from now
    const sessionsExpireAt = Date.now() + this.config.get('JWT_ACCESS_TTL_SECONDS') * 1000;
    await this.revoked.revoke({ tokenId: user.tokenId, tokenExpiresAt: user.expiresAt, sessionIds, sessionsExpireAt });
    await this.sessionEvents.publish({ type: 'logout', userId: user.userId, sessionIds, tokenId: user.tokenId });
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId } });
    if (!user) throw new AppError(CommonErrors.TOKEN_INVALID);
    const memberships = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoin(Organization, 'organization', 'organization.id = membership.organization_id')
      .select([
        'membership.role AS role',
        'organization.id AS "organizationId"',
        'organization.name AS "organizationName"',
        'organization.code AS "organizationCode"',
        'organization.level AS level',
      ])
      .where('membership.user_id = :userId', { userId })
      .orderBy('organization.path')
      .addOrderBy('membership.role')
      .getRawMany<MeView['memberships'][number]>();
    return { id: user.id, email: user.email, fullName: user.fullName, memberships };
  }

  private async issue(manager: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.get('REFRESH_TOKEN_TTL_DAYS') * 86_400_000);
    await manager.getRepository(RefreshToken).insert({ userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt, usedAt: null, revokedAt: null });
    return {
      accessToken: await this.tokens.sign({ userId: user.id, email: user.email }, familyId),
      expiresIn: this.config.get('JWT_ACCESS_TTL_SECONDS'),
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
    };
  }
}
