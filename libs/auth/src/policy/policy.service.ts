import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Membership, Organization, User } from '@vankien/domain';
import { AppError, CommonErrors } from '@vankien/platform';
import { DataSource } from 'typeorm';
import { decide, type Action, type Actor, type OrganizationRef, type Subject } from './policy';

/**
 * Loads who the user is in the organisation tree and asks the pure policy. Services call
 * `authorize` before acting; no controller checks roles by hand.
 */
@Injectable()
export class PolicyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async actor(userId: string): Promise<Actor> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, select: { id: true, active: true } });
    if (!user || !user.active) throw new AppError(CommonErrors.TOKEN_INVALID);
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoin(Organization, 'organization', 'organization.id = membership.organization_id')
      .select(['membership.role AS role', 'organization.id AS id', 'organization.path AS path'])
      .where('membership.user_id = :userId', { userId })
      .getRawMany<{ role: Actor['memberships'][number]['role']; id: string; path: string }>();
    return { userId, memberships: rows.map((row) => ({ role: row.role, organization: { id: row.id, path: row.path } })) };
  }

  /** Throws FORBIDDEN (with the policy's reason) unless the user may do `action` to `subject`. */
  async authorize(userId: string, action: Action, subject: Subject): Promise<Actor> {
    const actor = await this.actor(userId);
    const decision = decide(actor, action, subject);
    if (!decision.allowed) throw new AppError(CommonErrors.FORBIDDEN, { action, reason: decision.reason });
    return actor;
  }

  async organizationRef(organizationId: string): Promise<OrganizationRef> {
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: organizationId }, select: { id: true, path: true } });
    if (!organization) throw new AppError(CommonErrors.NOT_FOUND, { organizationId });
    return { id: organization.id, path: organization.path };
  }
}
