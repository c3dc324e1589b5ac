import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decide, PasswordHasher, PolicyService, sensitiveRoles, SessionEvents } from '@vankien/auth';
import { appendAuditEvent } from '@vankien/database';
import { Membership, Organization, User } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { AccountPageView, AccountSearchQuery, AccountView, CreateOrganizationRequest, CreateUserRequest, GrantRoleRequest, MembershipEntryView, OrganizationView, UserView } from './dto/organization.dto';
import { OrganizationErrors } from './organization-errors';

function toView(organization: Organization): OrganizationView {
  const { id, parentId, code, name, level, kind, depth } = organization;
  return { id, parentId, code, name, level, kind, depth };
}

/**
 * A name or e-mail as a search compares it: NFC, lower case, without tone marks or other
 * diacritics (đ → d), spaces collapsed: "nguyen van", "NGUYỄN VĂN" and an NFD "Nguyễn" find
 * "Nguyễn Văn An".
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

function isUniqueViolation(error: unknown, constraintHint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string; detail?: string };
  return driverError.code === '23505' && `${driverError.constraint ?? ''} ${driverError.detail ?? ''}`.includes(constraintHint);
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly passwords: PasswordHasher,
    private readonly sessionEvents: SessionEvents,
  ) {}

  async get(userId: string, organizationId: string): Promise<OrganizationView> {
    const organization = await this.find(organizationId);
    await this.policy.authorize(userId, 'organization.read', { type: 'organization', organization });
    return toView(organization);
  }

  /** The organisation and everything below it (to `depth` levels), in one statement, level by level. */
  async subtree(userId: string, organizationId: string, depth?: number): Promise<OrganizationView[]> {
    const root = await this.find(organizationId);
    const actor = await this.policy.authorize(userId, 'organization.read', { type: 'organization', organization: root });
    const query = this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('organization')
      .where('organization.path LIKE :prefix', { prefix: `${root.path}%` })
      .orderBy('organization.depth')
      .addOrderBy('organization.code');
    if (depth !== undefined) query.andWhere('organization.depth <= :maxDepth', { maxDepth: root.depth + depth });
    // the root may be read by someone below it, who sees only their own branch of what is under it
    return (await query.getMany()).filter((organization) => decide(actor, 'organization.read', { type: 'organization', organization }).allowed).map(toView);
  }

  async create(userId: string, request: CreateOrganizationRequest): Promise<OrganizationView> {
    const parent = await this.find(request.parentId);
    await this.policy.authorize(userId, 'organization.manage', { type: 'organization', organization: parent });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { decidingRolesGrantedBy, ...fields } = request;
        const organization = await createOrganization(manager, { ...fields, parent, settings: decidingRolesGrantedBy ? { decidingRolesGrantedBy } : {} });
        await appendAuditEvent(manager, {
          actorId: userId,
          action: 'organization.created',
          subjectType: 'organization',
          subjectId: organization.id,
          organizationId: parent.id,
          payload: { name: organization.name, code: organization.code, level: organization.level, kind: organization.kind, settings: organization.settings },
        });
        return toView(organization);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'code')) throw new AppError(OrganizationErrors.ORGANIZATION_CODE_TAKEN, { code: request.code });
      throw error;
    }
  }

  async memberships(userId: string, organizationId: string): Promise<MembershipEntryView[]> {
    const organization = await this.find(organizationId);
    await this.policy.authorize(userId, 'membership.manage', { type: 'organization', organization });
    return this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoin(User, 'user', 'user.id = membership.user_id')
      .select(['membership.id AS id', 'user.id AS "userId"', 'user.email AS email', 'user.full_name AS "fullName"', 'membership.role AS role'])
      .where('membership.organization_id = :organizationId', { organizationId })
      .orderBy('user.email')
      .addOrderBy('membership.role')
      .getRawMany<MembershipEntryView>();
  }

  /**
   * The accounts an admin may manage from this organisation: those holding a role in its
   * subtree (the organisation is inside the admin's subtree, or the policy refuses), matched by
   * name or e-mail without tone marks, each with its roles in that subtree only; paged.
   */
  async accounts(userId: string, organizationId: string, query: AccountSearchQuery): Promise<AccountPageView> {
    const organization = await this.find(organizationId);
    await this.policy.authorize(userId, 'membership.manage', { type: 'organization', organization });
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoin(User, 'user', 'user.id = membership.user_id')
      .innerJoin(Organization, 'organization', 'organization.id = membership.organization_id')
      .select(['user.id AS id', 'user.email AS email', 'user.full_name AS "fullName"', 'membership.role AS role', 'organization.id AS "organizationId"', 'organization.name AS "organizationName"'])
      .where('organization.path LIKE :prefix', { prefix: `${organization.path}%` })
      .orderBy('organization.depth')
      .addOrderBy('organization.code')
      .addOrderBy('membership.role')
      .getRawMany<{ id: string; email: string; fullName: string; role: Membership['role']; organizationId: string; organizationName: string }>();
    const accounts = new Map<string, AccountView & { folded: string }>();
    for (const row of rows) {
      let account = accounts.get(row.id);
      if (!account) {
        account = { id: row.id, email: row.email, fullName: row.fullName, roles: [], folded: `${foldForSearch(row.fullName)} ${foldForSearch(row.email)}` };
        accounts.set(row.id, account);
      }
      account.roles.push({ organizationId: row.organizationId, organizationName: row.organizationName, role: row.role });
    }
    const words = foldForSearch(query.query ?? '').split(' ').filter(Boolean);
    const matching = [...accounts.values()]
      .filter((account) => words.every((word) => account.folded.includes(word)))
      .sort((a, b) => a.folded.localeCompare(b.folded) || a.id.localeCompare(b.id));
    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    return { total: matching.length, limit, offset, items: matching.slice(offset, offset + limit).map(({ folded: _folded, ...account }) => account) };
  }

  async grant(actorId: string, organizationId: string, request: GrantRoleRequest): Promise<MembershipEntryView> {
    const organization = await this.find(organizationId);
    await this.policy.authorize(actorId, 'membership.manage', { type: 'organization', organization });
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: request.userId } });
    if (!user) throw new AppError(OrganizationErrors.USER_NOT_FOUND, { userId: request.userId });
    await this.authorizeGrant(actorId, organization, request.role, user.id);
    try {
      const membership = await this.dataSource.transaction((manager) => grantRole(manager, actorId, user.id, organization.id, request.role));
      await this.sessionEvents.publish({ type: 'roles-changed', userId: user.id });
      return { id: membership.id, userId: user.id, email: user.email, fullName: user.fullName, role: membership.role };
    } catch (error) {
      if (isUniqueViolation(error, 'memberships_user_organization_role_key')) throw new AppError(OrganizationErrors.ROLE_ALREADY_HELD, { role: request.role });
      throw error;
    }
  }

  async revoke(actorId: string, organizationId: string, membershipId: string): Promise<void> {
    const organization = await this.find(organizationId);
    await this.policy.authorize(actorId, 'membership.manage', { type: 'organization', organization });
    const userId = await this.dataSource.transaction(async (manager) => {
      const membership = await manager.getRepository(Membership).findOne({ where: { id: membershipId, organizationId } });
      if (!membership) throw new AppError(OrganizationErrors.MEMBERSHIP_NOT_FOUND, { membershipId });
      await manager.getRepository(Membership).delete({ id: membership.id });
      await appendAuditEvent(manager, {
        actorId,
        action: 'membership.revoked',
        subjectType: 'user',
        subjectId: membership.userId,
        organizationId,
        payload: { role: membership.role },
      });
      return membership.userId;
    });
    // after the commit: the editor instances re-check this user's open collaboration connections
    await this.sessionEvents.publish({ type: 'roles-changed', userId });
  }

  async createUser(actorId: string, request: CreateUserRequest): Promise<UserView> {
    const organization = await this.find(request.organizationId);
    await this.policy.authorize(actorId, 'membership.manage', { type: 'organization', organization });
    // a new account is someone else by construction; the settings may still reserve the role
    await this.authorizeGrant(actorId, organization, request.role, null);
    const passwordHash = await this.passwords.hash(request.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await createUser(manager, { email: request.email, fullName: request.fullName, passwordHash });
        await appendAuditEvent(manager, { actorId, action: 'user.created', subjectType: 'user', subjectId: user.id, organizationId: organization.id, payload: { email: user.email } });
        await grantRole(manager, actorId, user.id, organization.id, request.role);
        return { id: user.id, email: user.email, fullName: user.fullName };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw new AppError(OrganizationErrors.EMAIL_TAKEN, { email: request.email });
      throw error;
    }
  }

  /**
   * Separation of duties: approval is the standing committee's act, so whoever administers
   * accounts may not make themselves (or, when the settings say so, anyone) an approver or a
   * drafter of the organisation: that grant is another admin's, or a higher level's. Refused
   * with GRANT_TO_SELF or GRANT_RESERVED_TO_UPPER_LEVEL, so the client can say which.
   */
  private async authorizeGrant(actorId: string, organization: Organization, role: Membership['role'], granteeId: string | null): Promise<void> {
    const actor = await this.policy.actor(actorId);
    const decision = decide(actor, 'membership.grant', {
      type: 'role_grant',
      organization,
      role,
      granteeId: granteeId ?? 'a new account',
      upperLevelOnly: organization.settings.decidingRolesGrantedBy === 'upper_level',
    });
    if (decision.allowed) return;
    // the client says which rule refused it (its message and what to do next follow the code)
    const upperLevelOnly = organization.settings.decidingRolesGrantedBy === 'upper_level' && sensitiveRoles.includes(role);
    const refusal = granteeId === actorId ? OrganizationErrors.GRANT_TO_SELF : upperLevelOnly ? OrganizationErrors.GRANT_RESERVED_TO_UPPER_LEVEL : OrganizationErrors.GRANT_NOT_ALLOWED;
    throw new AppError(refusal, { role, reason: decision.reason });
  }

  private async find(organizationId: string): Promise<Organization> {
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: organizationId } });
    if (!organization) throw new AppError(OrganizationErrors.ORGANIZATION_NOT_FOUND, { organizationId });
    return organization;
  }
}

/** Inserts an organisation below `parent` (or as a root), computing its path and depth. */
export async function createOrganization(
  manager: EntityManager,
  input: { parent: Organization | null; name: string; code: string; level: string; kind: Organization['kind']; settings?: Organization['settings'] },
): Promise<Organization> {
  const repository = manager.getRepository(Organization);
  const id = (await manager.query('SELECT gen_random_uuid() AS id'))[0].id as string;
  const path = `${input.parent?.path ?? '/'}${id}/`;
  const organization = repository.create({
    id,
    parentId: input.parent?.id ?? null,
    path,
    depth: input.parent ? input.parent.depth + 1 : 0,
    name: input.name,
    code: input.code,
    level: input.level,
    kind: input.kind,
    settings: input.settings ?? {},
  });
  await repository.insert(organization);
  return organization;
}

export async function createUser(manager: EntityManager, input: { email: string; fullName: string; passwordHash: string }): Promise<User> {
  const repository = manager.getRepository(User);
  const user = repository.create({ email: input.email.trim().toLowerCase(), fullName: input.fullName, passwordHash: input.passwordHash, active: true });
  await repository.insert(user);
  return user;
}

/** Grants a role and records it in the audit chain, in the caller's transaction. */
export async function grantRole(manager: EntityManager, actorId: string | null, userId: string, organizationId: string, role: Membership['role']): Promise<Membership> {
  const repository = manager.getRepository(Membership);
  const membership = repository.create({ userId, organizationId, role, grantedById: actorId });
  await repository.insert(membership);
  await appendAuditEvent(manager, { actorId, action: 'membership.granted', subjectType: 'user', subjectId: userId, organizationId, payload: { role } });
  return membership;
}
