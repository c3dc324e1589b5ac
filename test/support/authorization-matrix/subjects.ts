import type { Actor, Subject } from '../../../libs/auth/src/policy/policy';
import type { Role } from '@vankien/domain';
import type { DataSource } from 'typeorm';
import type { PolicySubjectKind } from './route-table';

/**
 * What the policy is asked about, loaded from the database as it is at the moment of the call
 * (an approval request opened by an earlier write makes the reviewing committee a reader): the
 * test's own reading of the tables, not the services' loaders, so a service that builds the
 * wrong subject shows as a disagreement.
 */
export class SubjectLoader {
  /** Subjects as read since the last write: reads change nothing, so they share one reading. */
  private readonly cache = new Map<string, Promise<Subject>>();

  constructor(private readonly dataSource: DataSource) {}

  /** After a write: the next subjects are read again. */
  forget(): void {
    this.cache.clear();
  }

  async actor(userId: string): Promise<Actor> {
    const rows: { role: Role; id: string; path: string }[] = await this.dataSource.query(
      'SELECT m.role, o.id, o.path FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1',
      [userId],
    );
    return { userId, memberships: rows.map((row) => ({ role: row.role, organization: { id: row.id, path: row.path } })) };
  }

  private async organization(id: string): Promise<{ id: string; path: string }> {
    const [row] = await this.dataSource.query('SELECT id, path FROM organizations WHERE id = $1', [id]);
    if (!row) throw new Error(`no organisation ${id}`);
    return { id: row.id, path: row.path };
  }

  subject(kind: PolicySubjectKind, id: string): Promise<Subject> {
    const key = `${kind}:${id}`;
    let subject = this.cache.get(key);
    if (!subject) {
      subject = this.read(kind, id);
      this.cache.set(key, subject);
      subject.catch(() => this.cache.delete(key));
    }
    return subject;
  }

  private async read(kind: PolicySubjectKind, id: string): Promise<Subject> {
    switch (kind) {
      case 'organization':
        return { type: 'organization', organization: await this.organization(id) };
      case 'document': {
        const [document] = await this.dataSource.query('SELECT organization_id AS "organizationId" FROM documents WHERE id = $1', [id]);
        if (!document) throw new Error(`no document ${id}`);
        const committees: { committeeId: string }[] = await this.dataSource.query(
          `SELECT DISTINCT r.committee_id AS "committeeId" FROM approval_requests r JOIN document_versions v ON v.id = r.document_version_id WHERE v.document_id = $1`,
          [id],
        );
        return { type: 'document', owner: await this.organization(document.organizationId), reviewingCommitteeIds: committees.map((c) => c.committeeId) };
      }
      case 'round': {
        const [round] = await this.dataSource.query('SELECT organization_id AS "organizationId", status FROM comment_rounds WHERE id = $1', [id]);
        if (!round) throw new Error(`no round ${id}`);
        const invited: { organizationId: string }[] = await this.dataSource.query(
          'SELECT organization_id AS "organizationId" FROM invitations WHERE round_id = $1 AND withdrawn_at IS NULL',
          [id],
        );
        return { type: 'round', owner: await this.organization(round.organizationId), invitedOrganizationIds: invited.map((i) => i.organizationId), opened: round.status !== 'draft' };
      }
      case 'document_version': {
        const [version] = await this.dataSource.query('SELECT document_id AS "documentId" FROM document_versions WHERE id = $1', [id]);
        if (!version) throw new Error(`no version ${id}`);
        const rounds: { roundId: string }[] = await this.dataSource.query('SELECT round_id AS "roundId" FROM round_documents WHERE document_version_id = $1', [id]);
        const document = (await this.subject('document', version.documentId)) as Subject & { type: 'document' };
        const carriedBy = await Promise.all(rounds.map(async (r) => (await this.subject('round', r.roundId)) as Subject & { type: 'round' }));
        return { type: 'document_version', document, carriedBy };
      }
      case 'submission': {
        const [submission] = await this.dataSource.query(
          `SELECT s.organization_id AS "organizationId", s.contributor_id AS "contributorId", r.organization_id AS "roundOwnerId"
             FROM submissions s JOIN comment_rounds r ON r.id = s.round_id WHERE s.id = $1`,
          [id],
        );
        if (!submission) throw new Error(`no submission ${id}`);
        return {
          type: 'submission',
          roundOwner: await this.organization(submission.roundOwnerId),
          submitter: await this.organization(submission.organizationId),
          contributorId: submission.contributorId,
        };
      }
      case 'approval_request': {
        const [request] = await this.dataSource.query(
          'SELECT r.committee_id AS "committeeId", d.organization_id AS "ownerId" FROM approval_requests r JOIN documents d ON d.id = r.document_id WHERE r.id = $1',
          [id],
        );
        if (!request) throw new Error(`no approval request ${id}`);
        return { type: 'approval_request', committee: await this.organization(request.committeeId), documentOwner: await this.organization(request.ownerId) };
      }
    }
  }

  /** The documents whose versions a round carries. */
  async documentsOfRound(roundId: string): Promise<string[]> {
    const rows: { documentId: string }[] = await this.dataSource.query(
      'SELECT DISTINCT v.document_id AS "documentId" FROM round_documents rd JOIN document_versions v ON v.id = rd.document_version_id WHERE rd.round_id = $1',
      [roundId],
    );
    return rows.map((row) => row.documentId);
  }

  /** The recipient of a notification. */
  async notificationRecipient(id: string): Promise<string> {
    const [row] = await this.dataSource.query('SELECT user_id AS "userId" FROM notifications WHERE id = $1', [id]);
    if (!row) throw new Error(`no notification ${id}`);
    return row.userId;
  }
}
