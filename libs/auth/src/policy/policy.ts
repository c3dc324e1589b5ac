import type { Role } from '@vankien/domain';

/**
 * The one answer to "may this user do this action to this object", from the user's
 * memberships in the organisation tree. Pure: the caller loads the memberships and describes
 * the object; nothing here touches the database or Nest.
 *
 * Rules:
 * - a role in an organisation applies to what that organisation owns;
 * - an admin of an organisation manages its subtree (organisations and roles), and only that:
 *   administering accounts gives no right to draft, submit or approve;
 * - clerks act for their own organisation only; contributors see only their own submissions;
 * - approvers read and decide; they never edit;
 * - a frozen version of a document is read by those who read the document, and by those who
 *   read a round carrying it (a lower level's drafters and clerks see what was shared with them
 *   for comment, never the live draft or a later version);
 * - the approver and drafter roles are granted by another admin (never to oneself), and by an
 *   admin of a higher level when the organisation's settings say so.
 */
export const actions = [
  'organization.read',
  'organization.manage',
  'membership.manage',
  'membership.grant',
  'document.create',
  'document.read',
  'document.edit',
  'version.freeze',
  'round.manage',
  'round.read',
  'submission.read',
  'submission.write',
  'synthesis.read',
  'synthesis.correct',
  'disposition.write',
  'approval.request',
  'approval.decide',
] as const;
export type Action = (typeof actions)[number];

/** An organisation with its materialised path ("/<root>/…/<id>/"). */
export interface OrganizationRef {
  id: string;
  path: string;
}

export interface Actor {
  userId: string;
  memberships: { organization: OrganizationRef; role: Role }[];
}

export type Subject =
  | { type: 'organization'; organization: OrganizationRef }
  /** A document; `reviewingCommitteeIds`: committees asked to approve one of its versions. */
  | { type: 'document'; owner: OrganizationRef; reviewingCommitteeIds?: string[] }
  /** A round; `opened`: it has been opened (a draft round is its drafters' own business). */
  | { type: 'round'; owner: OrganizationRef; invitedOrganizationIds: string[]; opened: boolean }
  /** A frozen version: its document, and the rounds that carry it (each as a round subject). */
  | { type: 'document_version'; document: DocumentSubject; carriedBy: RoundSubject[] }
  /** Granting `role` in `organization` to `granteeId`; `upperLevelOnly`: the organisation's settings reserve it. */
  | { type: 'role_grant'; organization: OrganizationRef; role: Role; granteeId: string; upperLevelOnly: boolean }
  /** A submission: `submitter` is the invited organisation; `contributorId` set for a contributor's own. */
  | { type: 'submission'; roundOwner: OrganizationRef; submitter: OrganizationRef; contributorId: string | null }
  | { type: 'approval_request'; committee: OrganizationRef; documentOwner: OrganizationRef };

export type DocumentSubject = Extract<Subject, { type: 'document' }>;
export type RoundSubject = Extract<Subject, { type: 'round' }>;

/** Roles whose holders make the organisation's decisions: granting one is separated from holding it. */
export const sensitiveRoles: readonly Role[] = ['approver', 'drafter'];

export interface Decision {
  allowed: boolean;
  reason: string;
}

function isWithin(organization: OrganizationRef, ancestor: OrganizationRef): boolean {
  return organization.path.startsWith(ancestor.path);
}

function holds(actor: Actor, role: Role, organizationId: string): boolean {
  return actor.memberships.some((m) => m.role === role && m.organization.id === organizationId);
}

function holdsAny(actor: Actor, roles: Role[], organizationId: string): boolean {
  return roles.some((role) => holds(actor, role, organizationId));
}

function adminOver(actor: Actor, organization: OrganizationRef): boolean {
  return actor.memberships.some((m) => m.role === 'admin' && isWithin(organization, m.organization));
}

function allow(reason: string): Decision {
  return { allowed: true, reason };
}

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

export function decide(actor: Actor, action: Action, subject: Subject): Decision {
  switch (subject.type) {
    case 'organization': {
      const organization = subject.organization;
      if (action === 'organization.manage' || action === 'membership.manage') {
        return adminOver(actor, organization) ? allow('admin of this subtree') : deny('only an admin of this organisation or above manages it');
      }
      if (action === 'organization.read') {
        if (adminOver(actor, organization)) return allow('admin of this subtree');
        // those who act for an organisation see what is below it (to invite, to submit for it)
        if (actor.memberships.some((m) => m.role !== 'contributor' && isWithin(organization, m.organization))) return allow('drafter, approver or clerk of this organisation or above');
        // everyone sees the organisations they belong to and those above them, never their siblings
        if (actor.memberships.some((m) => isWithin(m.organization, organization))) return allow('own organisation or one above it');
        return deny('not a member of this branch of the tree');
      }
      if (action === 'document.create' || action === 'round.manage') {
        return holds(actor, 'drafter', organization.id) ? allow('drafter of this organisation') : deny('only its drafters create documents and rounds for an organisation');
      }
      return deny(`${action} does not apply to an organisation`);
    }
    case 'document': {
      const owner = subject.owner.id;
      switch (action) {
        case 'document.edit':
        case 'version.freeze':
        case 'approval.request':
          return holds(actor, 'drafter', owner) ? allow('drafter of the owning organisation') : deny('only drafters of the owning organisation edit it');
        case 'document.read':
          if (holdsAny(actor, ['drafter', 'approver'], owner)) return allow('drafter or approver of the owning organisation');
          if ((subject.reviewingCommitteeIds ?? []).some((committee) => holds(actor, 'approver', committee))) {
            return allow('approver of a committee reviewing it');
          }
          return deny('not a drafter or approver of the owning organisation');
        default:
          return deny(`${action} does not apply to a document`);
      }
    }
    case 'document_version': {
      if (action !== 'document.read') return deny(`${action} does not apply to a version`);
      const asDocument = decide(actor, 'document.read', subject.document);
      if (asDocument.allowed) return asDocument;
      if (subject.carriedBy.some((round) => decide(actor, 'round.read', round).allowed)) return allow('reader of a round that carries this version');
      return deny('neither a reader of the document nor of a round that carries this version');
    }
    case 'role_grant': {
      if (action !== 'membership.grant') return deny(`${action} does not apply to a role grant`);
      if (!adminOver(actor, subject.organization)) return deny('only an admin of this organisation or above grants its roles');
      if (subject.granteeId === actor.userId) return deny('nobody grants a role to themselves');
      if (subject.upperLevelOnly && sensitiveRoles.includes(subject.role)) {
        const fromAbove = actor.memberships.some((m) => m.role === 'admin' && m.organization.id !== subject.organization.id && isWithin(subject.organization, m.organization));
        return fromAbove ? allow('admin of a higher level') : deny('the organisation’s settings reserve this role to an admin of a higher level');
      }
      return allow('admin of this subtree, granting to someone else');
    }
    case 'round': {
      const owner = subject.owner.id;
      switch (action) {
        case 'round.manage':
        case 'synthesis.correct':
        case 'disposition.write':
          return holds(actor, 'drafter', owner) ? allow('drafter of the round’s organisation') : deny('only drafters of the round’s organisation do this');
        case 'synthesis.read':
          return holdsAny(actor, ['drafter', 'approver'], owner) ? allow('drafter or approver of the round’s organisation') : deny('the synthesis is for the round’s organisation');
        case 'round.read':
          if (holdsAny(actor, ['drafter', 'approver'], owner)) return allow('drafter or approver of the round’s organisation');
          if (subject.invitedOrganizationIds.some((invited) => holdsAny(actor, ['clerk', 'contributor'], invited))) {
            return subject.opened ? allow('clerk or contributor of an invited organisation') : deny('the round has not been opened yet');
          }
          return deny('not invited to this round');
        default:
          return deny(`${action} does not apply to a round`);
      }
    }
    case 'submission': {
      const ownContribution = subject.contributorId !== null && subject.contributorId === actor.userId;
      const unitClerk = subject.contributorId === null && holds(actor, 'clerk', subject.submitter.id);
      switch (action) {
        case 'submission.write':
          if (unitClerk) return allow('clerk of the submitting organisation');
          if (ownContribution && holds(actor, 'contributor', subject.submitter.id)) return allow('the contributor’s own submission');
          return deny('only the unit’s clerks, or the contributor, write this submission');
        case 'submission.read':
          if (unitClerk || ownContribution) return allow('own submission');
          if (holds(actor, 'drafter', subject.roundOwner.id)) return allow('drafter of the round’s organisation');
          return deny('a submission is seen only by its authors and the round’s drafters');
        default:
          return deny(`${action} does not apply to a submission`);
      }
    }
    case 'approval_request': {
      if (action === 'approval.decide') {
        return holds(actor, 'approver', subject.committee.id) ? allow('approver of the committee') : deny('only approvers of this committee decide');
      }
      if (action === 'document.read') {
        return holds(actor, 'approver', subject.committee.id) || holdsAny(actor, ['drafter', 'approver'], subject.documentOwner.id)
          ? allow('party to the request')
          : deny('not a party to this approval request');
      }
      if (action === 'approval.request') {
        return holds(actor, 'drafter', subject.documentOwner.id) ? allow('drafter of the document’s organisation') : deny('only drafters request approval');
      }
      return deny(`${action} does not apply to an approval request`);
    }
  }
}
