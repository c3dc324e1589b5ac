import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Membership, Organization, User } from '@vankien/domain';
import { AppError, CommonErrors } from '@vankien/platform';
import { DataSource } from 'typeorm';
import { decide, type Action, type Actor, type DocumentSubject, type OrganizationRef, type RoundSubject, type Subject } from './policy';

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

  /** A document as the policy sees it: its owner and the committees asked to approve one of its versions. */
  async documentSubject(documentId: string): Promise<DocumentSubject | null> {
    const rows: { id: string; path: string; committees: string[] }[] = await this.dataSource.query(
      `SELECT o.id, o.path,
              coalesce((SELECT array_agg(DISTINCT r.committee_id::text) FROM approval_requests r
                         JOIN document_versions v ON v.id = r.document_version_id WHERE v.document_id = d.id), '{}') AS committees
         FROM documents d JOIN organizations o ON o.id = d.organization_id
        WHERE d.id = $1`,
      [documentId],
    );
    if (rows.length === 0) return null;
    return { type: 'document', owner: { id: rows[0].id, path: rows[0].path }, reviewingCommitteeIds: rows[0].committees };
  }

  /**
   * A frozen version as the policy sees it: its document, and every round that carries it, so
   * that what a round shared for comment is readable by that round's readers and nothing more.
   */
  async versionSubject(documentVersionId: string): Promise<(Subject & { type: 'document_version' }) | null> {
    const versions: { documentId: string }[] = await this.dataSource.query('SELECT document_id AS "documentId" FROM document_versions WHERE id = $1', [documentVersionId]);
    if (versions.length === 0) return null;
    const document = await this.documentSubject(versions[0].documentId);
    if (!document) return null;
    const rounds: { ownerId: string; ownerPath: string; status: string; invited: string[] }[] = await this.dataSource.query(
      `SELECT o.id AS "ownerId", o.path AS "ownerPath", r.status,
              coalesce((SELECT array_agg(i.organization_id::text) FROM invitations i WHERE i.round_id = r.id AND i.withdrawn_at IS NULL), '{}') AS invited
         FROM round_documents rd
         JOIN comment_rounds r ON r.id = rd.round_id
         JOIN organizations o ON o.id = r.organization_id
        WHERE rd.document_version_id = $1`,
      [documentVersionId],
    );
    const carriedBy: RoundSubject[] = rounds.map((round) => ({ type: 'round', owner: { id: round.ownerId, path: round.ownerPath }, invitedOrganizationIds: round.invited, opened: round.status !== 'draft' }));
    return { type: 'document_version', document, carriedBy };
  }

  /** Whether the user may read this frozen version's content (text, block places, its id in a response). */
  async mayReadVersion(actor: Actor, documentVersionId: string): Promise<boolean> {
    const subject = await this.versionSubject(documentVersionId);
    return subject !== null && decide(actor, 'document.read', subject).allowed;
  }

  async organizationRef(organizationId: string): Promise<OrganizationRef> {
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: organizationId }, select: { id: true, path: true } });
    if (!organization) throw new AppError(CommonErrors.NOT_FOUND, { organizationId });
    return { id: organization.id, path: organization.path };
  }
}
