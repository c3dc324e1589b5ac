import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyService, type Action, type Actor, type Subject } from '@vankien/auth';
import { appendAuditEvent } from '@vankien/database';
import { CommentRound, CongressDocument, DocumentVersion, Invitation, Organization, RoundDocument, type OrganizationKind, type SourceType } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CoverageEntry, CreateRoundRequest, InvitationView, RoundView } from './dto/round.dto';
import { RoundErrors } from './round-errors';

/** How an invited organisation's comments are counted in the synthesis. */
export const sourceTypeOfKind: Record<OrganizationKind, SourceType> = {
  party_organization: 'lower_organization',
  fatherland_front: 'fatherland_front',
  socio_political: 'socio_political',
  retired_leaders: 'retired_leaders',
  expert_group: 'expert',
  public: 'public',
};

const groupKinds: Record<string, OrganizationKind> = {
  retired_leaders: 'retired_leaders',
  fatherland_front: 'fatherland_front',
  socio_political: 'socio_political',
  expert: 'expert_group',
  public: 'public',
};

/** Submissions are accepted while a round is open, and after its deadline only if it accepts late ones. */
export function acceptingSubmissions(round: CommentRound, now = new Date()): boolean {
  if (round.status !== 'open' || now < round.opensAt) return false;
  return now <= round.deadline || round.latePolicy === 'accept_late';
}

export interface LoadedRound {
  round: CommentRound;
  owner: Organization;
  subject: Subject & { type: 'round' };
  invitations: Invitation[];
  versionIds: string[];
}

@Injectable()
export class RoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
  ) {}

  async load(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<LoadedRound> {
    const round = await manager.getRepository(CommentRound).findOne({ where: { id: roundId } });
    if (!round) throw new AppError(RoundErrors.ROUND_NOT_FOUND, { roundId });
    const owner = await manager.getRepository(Organization).findOneOrFail({ where: { id: round.organizationId } });
    const invitations = await manager.getRepository(Invitation).find({ where: { roundId }, order: { createdAt: 'ASC' } });
    const versions = await manager.getRepository(RoundDocument).find({ where: { roundId }, order: { position: 'ASC' } });
    return {
      round,
      owner,
      invitations,
      versionIds: versions.map((v) => v.documentVersionId),
      subject: { type: 'round', owner: { id: owner.id, path: owner.path }, invitedOrganizationIds: invitations.filter((i) => !i.withdrawnAt).map((i) => i.organizationId), opened: round.status !== 'draft' },
    };
  }

  /** The round, and who the user is (to check what a response carries beyond the round). */
  async authorize(userId: string, action: Action, roundId: string): Promise<LoadedRound & { actor: Actor }> {
    const loaded = await this.load(roundId);
    const actor = await this.policy.authorize(userId, action, loaded.subject);
    return { ...loaded, actor };
  }

  async create(userId: string, request: CreateRoundRequest): Promise<RoundView> {
    const owner = await this.dataSource.getRepository(Organization).findOne({ where: { id: request.organizationId } });
    if (!owner) throw new AppError(RoundErrors.ORGANIZATION_NOT_FOUND, { organizationId: request.organizationId });
    await this.policy.authorize(userId, 'round.manage', { type: 'organization', organization: { id: owner.id, path: owner.path } });
    const opensAt = new Date(request.opensAt);
    const deadline = new Date(request.deadline);
    if (deadline <= opensAt) throw new AppError(RoundErrors.DEADLINE_BEFORE_OPENING, [{ field: 'deadline', reasons: ['deadline must be after opensAt'] }]);

    // a round is on the organisation's own drafts, or on an upper level's version that a round
    // of the upper level sent this organisation for comment (a unit synthesising its members'
    // comments on it, to forward upward): never on a version it was not given to read
    const versions = await this.dataSource
      .getRepository(DocumentVersion)
      .createQueryBuilder('version')
      .innerJoin(CongressDocument, 'document', 'document.id = version.document_id')
      .select(['version.id AS id'])
      .where('version.id IN (:...ids)', { ids: request.documentVersionIds })
      .andWhere(
        `(document.organization_id = :ownerId OR EXISTS (
            SELECT 1 FROM round_documents shared
              JOIN comment_rounds upper ON upper.id = shared.round_id
              JOIN invitations invitation ON invitation.round_id = upper.id
             WHERE shared.document_version_id = version.id AND upper.status <> 'draft'
               AND invitation.organization_id = :ownerId AND invitation.withdrawn_at IS NULL))`,
        { ownerId: owner.id },
      )
      .getRawMany<{ id: string }>();
    const known = new Set(versions.map((v) => v.id));
    const unknown = request.documentVersionIds.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError(RoundErrors.VERSION_NOT_IN_ORGANIZATION, { documentVersionIds: unknown });

    const invitees = await this.resolveInvitees(owner, request);
    if (invitees.length === 0) throw new AppError(RoundErrors.NO_INVITATION);

    const roundId = await this.dataSource.transaction(async (manager) => {
      const round = manager.getRepository(CommentRound).create({
        organizationId: owner.id,
        title: request.title,
        status: 'draft',
        opensAt,
        deadline,
        latePolicy: request.latePolicy ?? 'refuse',
        closedAt: null,
        synthesisRequestedAt: null,
        createdById: userId,
      });
      await manager.getRepository(CommentRound).insert(round);
      await manager.getRepository(RoundDocument).insert(request.documentVersionIds.map((documentVersionId, position) => ({ roundId: round.id, documentVersionId, position })));
      await manager.getRepository(Invitation).insert(invitees.map((organization) => ({ roundId: round.id, organizationId: organization.id, sourceType: sourceTypeOfKind[organization.kind], withdrawnAt: null })));
      await appendAuditEvent(manager, {
        actorId: userId,
        action: 'round.created',
        subjectType: 'comment_round',
        subjectId: round.id,
        organizationId: owner.id,
        payload: { title: round.title, invitations: invitees.length, documentVersionIds: request.documentVersionIds },
      });
      return round.id;
    });
    return this.view(await this.load(roundId));
  }

  /** Lower organisations chosen one by one or as "children of X to depth N", and contributor groups. */
  private async resolveInvitees(owner: Organization, request: CreateRoundRequest): Promise<Organization[]> {
    const repository = this.dataSource.getRepository(Organization);
    const chosen = new Map<string, Organization>();
    const ids = request.invitations.organizationIds ?? [];
    if (ids.length) {
      const found = await repository.find({ where: { id: In(ids) } });
      const outside = ids.filter((id) => !found.some((o) => o.id === id && o.path.startsWith(owner.path) && o.id !== owner.id));
      if (outside.length) throw new AppError(RoundErrors.INVITEE_OUTSIDE_SUBTREE, { organizationIds: outside });
      found.forEach((o) => chosen.set(o.id, o));
    }
    for (const children of request.invitations.childrenOf ?? []) {
      const root = await repository.findOne({ where: { id: children.organizationId } });
      if (!root || !root.path.startsWith(owner.path)) throw new AppError(RoundErrors.INVITEE_OUTSIDE_SUBTREE, { organizationIds: [children.organizationId] });
      const below = await repository
        .createQueryBuilder('o')
        .where('o.path LIKE :prefix', { prefix: `${root.path}%` })
        .andWhere('o.depth BETWEEN :from AND :to', { from: root.depth + 1, to: root.depth + children.depth })
        .andWhere(`o.kind = 'party_organization'`)
        .getMany();
      below.forEach((o) => chosen.set(o.id, o));
    }
    const groups = (request.invitations.groups ?? []).map((group) => groupKinds[group]);
    if (groups.length) {
      const found = await repository
        .createQueryBuilder('o')
        .where('o.path LIKE :prefix', { prefix: `${owner.path}%` })
        .andWhere('o.kind IN (:...kinds)', { kinds: groups })
        .andWhere('o.id <> :owner', { owner: owner.id })
        .getMany();
      found.forEach((o) => chosen.set(o.id, o));
    }
    return [...chosen.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  async get(userId: string, roundId: string): Promise<RoundView> {
    return this.view(await this.authorize(userId, 'round.read', roundId));
  }

  /** Rounds of an organisation (for its drafters and approvers) and rounds the user's units are invited to. */
  async list(userId: string): Promise<RoundView[]> {
    const actor = await this.policy.actor(userId);
    const own = actor.memberships.filter((m) => m.role === 'drafter' || m.role === 'approver').map((m) => m.organization.id);
    const invited = actor.memberships.filter((m) => m.role === 'clerk' || m.role === 'contributor').map((m) => m.organization.id);
    const none = ['00000000-0000-0000-0000-000000000000'];
    const rows = await this.dataSource
      .getRepository(CommentRound)
      .createQueryBuilder('round')
      .select('round.id', 'id')
      .where(`round.organization_id IN (:...own) OR (round.status <> 'draft' AND round.id IN (SELECT round_id FROM invitations WHERE organization_id IN (:...invited) AND withdrawn_at IS NULL))`, {
        own: own.length ? own : none,
        invited: invited.length ? invited : none,
      })
      .orderBy('round.deadline', 'DESC')
      .getRawMany<{ id: string }>();
    return Promise.all(rows.map(async (row) => this.view(await this.load(row.id))));
  }

  async open(userId: string, roundId: string): Promise<RoundView> {
    return this.transition(userId, roundId, 'open');
  }

  async close(userId: string, roundId: string): Promise<RoundView> {
    return this.transition(userId, roundId, 'closed');
  }

  private async transition(userId: string, roundId: string, to: 'open' | 'closed'): Promise<RoundView> {
    const loaded = await this.authorize(userId, 'round.manage', roundId);
    await this.dataSource.transaction(async (manager) => {
      const round = await manager.getRepository(CommentRound).findOneOrFail({ where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
      if (to === 'open' && round.status !== 'draft') throw new AppError(RoundErrors.ROUND_NOT_DRAFT, { status: round.status });
      if (to === 'closed' && round.status === 'closed') throw new AppError(RoundErrors.ROUND_ALREADY_CLOSED);
      if (to === 'closed' && round.status === 'draft') throw new AppError(RoundErrors.ROUND_NOT_OPEN, { status: round.status });
      await manager.getRepository(CommentRound).update({ id: roundId }, to === 'open' ? { status: 'open' } : { status: 'closed', closedAt: new Date() });
      await appendAuditEvent(manager, { actorId: userId, action: to === 'open' ? 'round.opened' : 'round.closed', subjectType: 'comment_round', subjectId: roundId, organizationId: loaded.owner.id });
    });
    return this.view(await this.load(roundId));
  }

  /** For each invitation: not started, draft, submitted, late or withdrawn, since when, and how many comments. */
  async coverage(userId: string, roundId: string): Promise<CoverageEntry[]> {
    await this.authorize(userId, 'synthesis.read', roundId);
    const rows = await this.dataSource.query(
      `SELECT i.id AS "invitationId", i.organization_id AS "organizationId", o.name AS "organizationName", i.source_type AS "sourceType",
              s.status, s.late, s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt", s.comment_count AS comments,
              (SELECT count(*)::int FROM submissions c WHERE c.invitation_id = i.id AND c.contributor_id IS NOT NULL AND c.status = 'submitted') AS "contributorsSubmitted",
              (SELECT coalesce(sum(c.comment_count), 0)::int FROM submissions c WHERE c.invitation_id = i.id AND c.contributor_id IS NOT NULL AND c.status = 'submitted') AS "contributorComments",
              (SELECT min(c.submitted_at) FROM submissions c WHERE c.invitation_id = i.id AND c.contributor_id IS NOT NULL AND c.status = 'submitted') AS "contributorsSince"
         FROM invitations i
         JOIN organizations o ON o.id = i.organization_id
         LEFT JOIN submissions s ON s.invitation_id = i.id AND s.contributor_id IS NULL
        WHERE i.round_id = $1 AND i.withdrawn_at IS NULL
        ORDER BY o.path`,
      [roundId],
    );
    return rows.map((row: Record<string, unknown>) => {
      const contributorsSubmitted = Number(row.contributorsSubmitted);
      let state: CoverageEntry['state'] = 'not_started';
      if (row.status === 'submitted') state = row.late ? 'late' : 'submitted';
      else if (row.status === 'withdrawn') state = 'withdrawn';
      else if (row.status === 'draft') state = 'draft';
      else if (contributorsSubmitted > 0) state = 'submitted';
      // a group's own members submit: it has answered since the first of them who still stands submitted
      const since = (row.status === 'submitted' ? row.submittedAt : row.status ? row.updatedAt : contributorsSubmitted > 0 ? row.contributorsSince : null) as Date | null;
      return {
        invitationId: String(row.invitationId),
        organizationId: String(row.organizationId),
        organizationName: String(row.organizationName),
        sourceType: row.sourceType as SourceType,
        state,
        since: since ? new Date(since).toISOString() : null,
        comments: row.status === 'submitted' ? Number(row.comments) : Number(row.contributorComments),
        contributorsSubmitted,
      };
    });
  }

  /** Who has not answered yet: to remind them. */
  async reminders(userId: string, roundId: string): Promise<CoverageEntry[]> {
    return (await this.coverage(userId, roundId)).filter((entry) => entry.state === 'not_started' || entry.state === 'draft' || entry.state === 'withdrawn');
  }

  private async view(loaded: LoadedRound): Promise<RoundView> {
    const names = new Map(
      (await this.dataSource.getRepository(Organization).find({ where: { id: In(loaded.invitations.map((i) => i.organizationId).concat(['00000000-0000-0000-0000-000000000000'])) }, select: { id: true, name: true } })).map((o) => [o.id, o.name]),
    );
    const { round } = loaded;
    const invitations: InvitationView[] = loaded.invitations
      .filter((i) => !i.withdrawnAt)
      .map((i) => ({ id: i.id, organizationId: i.organizationId, organizationName: names.get(i.organizationId) ?? '', sourceType: i.sourceType }));
    return {
      id: round.id,
      organizationId: round.organizationId,
      title: round.title,
      status: round.status,
      acceptingSubmissions: acceptingSubmissions(round),
      opensAt: round.opensAt.toISOString(),
      deadline: round.deadline.toISOString(),
      latePolicy: round.latePolicy,
      documentVersionIds: loaded.versionIds,
      invitations,
    };
  }
}
