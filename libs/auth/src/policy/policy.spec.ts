import { actions, decide, type Action, type Actor, type OrganizationRef, type Subject } from './policy';
import { roles } from '../../../domain/src/user/role';
import type { Role } from '@vankien/domain';
// the authorization matrix's route table (pure data): which action × object each route asks about
import { routeTable, subjectType, type PolicyCase } from '../../../../test/support/authorization-matrix/route-table';

// A small tree: province P with districts A and B, a cell A1 under A, the Front F and the
// retired leaders' group R under P; and a second province Q.
const org = (path: string[]): OrganizationRef => ({ id: path[path.length - 1], path: `/${path.join('/')}/` });
const P = org(['P']);
const A = org(['P', 'A']);
const A1 = org(['P', 'A', 'A1']);
const B = org(['P', 'B']);
const F = org(['P', 'F']);
const R = org(['P', 'R']);
const Q = org(['Q']);

const actor = (userId: string, ...memberships: [OrganizationRef, Role][]): Actor => ({
  userId,
  memberships: memberships.map(([organization, role]) => ({ organization, role })),
});

const provinceDrafter = actor('u-drafter-P', [P, 'drafter']);
const provinceApprover = actor('u-approver-P', [P, 'approver']);
const provinceAdmin = actor('u-admin-P', [P, 'admin']);
const districtAdmin = actor('u-admin-A', [A, 'admin']);
const clerkA = actor('u-clerk-A', [A, 'clerk']);
const clerkB = actor('u-clerk-B', [B, 'clerk']);
const districtDrafterA = actor('u-drafter-A', [A, 'drafter']);
const districtApproverA = actor('u-approver-A', [A, 'approver']);
const retiredLeader = actor('u-retired-1', [R, 'contributor']);
const otherRetiredLeader = actor('u-retired-2', [R, 'contributor']);
const frontClerk = actor('u-clerk-F', [F, 'clerk']);
const outsider = actor('u-outsider', [Q, 'drafter'], [Q, 'admin'], [Q, 'approver']);

const provinceDocument: Subject = { type: 'document', owner: P };
const districtDocument: Subject = { type: 'document', owner: A, reviewingCommitteeIds: ['P'] };
const provinceRound: Subject = { type: 'round', owner: P, invitedOrganizationIds: ['A', 'B', 'F', 'R'], opened: true };
const roundNotInvitingB: Subject = { type: 'round', owner: P, invitedOrganizationIds: ['A'], opened: true };
const unopenedProvinceRound: Subject = { type: 'round', owner: P, invitedOrganizationIds: ['A', 'B', 'F', 'R'], opened: false };
// a district's own round on the province's version, and the version as each round carries it
const districtRoundOnProvinceVersion = { type: 'round' as const, owner: A, invitedOrganizationIds: ['A1'], opened: true };
const provinceVersionSharedForComment: Subject = { type: 'document_version', document: { type: 'document', owner: P }, carriedBy: [{ type: 'round', owner: P, invitedOrganizationIds: ['A'], opened: true }, districtRoundOnProvinceVersion] };
const provinceVersionNeverShared: Subject = { type: 'document_version', document: { type: 'document', owner: P }, carriedBy: [] };
const provinceVersionInUnopenedRound: Subject = { type: 'document_version', document: { type: 'document', owner: P }, carriedBy: [{ type: 'round', owner: P, invitedOrganizationIds: ['A'], opened: false }] };
const grant = (organization: OrganizationRef, role: Role, granteeId: string, upperLevelOnly = false): Subject => ({ type: 'role_grant', organization, role, granteeId, upperLevelOnly });
const submissionOfA: Subject = { type: 'submission', roundOwner: P, submitter: A, contributorId: null };
const submissionOfB: Subject = { type: 'submission', roundOwner: P, submitter: B, contributorId: null };
const retiredLeaderSubmission: Subject = { type: 'submission', roundOwner: P, submitter: R, contributorId: 'u-retired-1' };
const districtApprovalAtProvince: Subject = { type: 'approval_request', committee: P, documentOwner: A };
const districtApprovalAtDistrict: Subject = { type: 'approval_request', committee: A, documentOwner: A };

type Row = [who: string, subject: Actor, action: Action, object: Subject, objectName: string, allowed: boolean];

const table: Row[] = [
  // drafters write their own organisation's documents and rounds, nobody else's
  ['province drafter', provinceDrafter, 'document.create', { type: 'organization', organization: P }, 'province', true],
  ['province drafter', provinceDrafter, 'document.create', { type: 'organization', organization: A }, 'district A', false],
  ['province drafter', provinceDrafter, 'document.edit', provinceDocument, 'province document', true],
  ['province drafter', provinceDrafter, 'version.freeze', provinceDocument, 'province document', true],
  ['province drafter', provinceDrafter, 'document.edit', districtDocument, 'district document', false],
  ['district drafter A', districtDrafterA, 'document.edit', districtDocument, 'own district document', true],
  ['district drafter A', districtDrafterA, 'document.edit', provinceDocument, 'province document', false],
  ['province drafter', provinceDrafter, 'round.manage', provinceRound, 'province round', true],
  ['province drafter', provinceDrafter, 'submission.read', submissionOfA, 'any submission in its round', true],
  ['province drafter', provinceDrafter, 'submission.write', submissionOfA, 'a unit’s submission', false],
  ['province drafter', provinceDrafter, 'disposition.write', provinceRound, 'province round', true],
  ['province drafter', provinceDrafter, 'synthesis.correct', provinceRound, 'province round', true],
  ['province drafter', provinceDrafter, 'approval.request', provinceDocument, 'province document', true],
  ['outsider (other province, every role)', outsider, 'document.read', provinceDocument, 'province document', false],
  ['outsider (other province, every role)', outsider, 'round.manage', provinceRound, 'province round', false],
  ['outsider (other province, every role)', outsider, 'organization.manage', { type: 'organization', organization: A }, 'district A', false],

  // clerks act only for their own organisation
  ['clerk of A', clerkA, 'submission.write', submissionOfA, 'A’s submission', true],
  ['clerk of A', clerkA, 'submission.read', submissionOfA, 'A’s submission', true],
  ['clerk of A', clerkA, 'submission.write', submissionOfB, 'B’s submission', false],
  ['clerk of A', clerkA, 'submission.read', submissionOfB, 'B’s submission', false],
  ['clerk of A', clerkA, 'round.read', provinceRound, 'a round inviting A', true],
  ['clerk of B', clerkB, 'round.read', roundNotInvitingB, 'a round not inviting B', false],
  ['clerk of A', clerkA, 'round.manage', provinceRound, 'province round', false],
  ['clerk of A', clerkA, 'document.edit', districtDocument, 'A’s document', false],
  ['clerk of A', clerkA, 'synthesis.read', provinceRound, 'province round', false],
  ['Front clerk', frontClerk, 'round.read', provinceRound, 'a round inviting the Front', true],

  // contributors see only their own
  ['retired leader 1', retiredLeader, 'submission.write', retiredLeaderSubmission, 'own submission', true],
  ['retired leader 1', retiredLeader, 'submission.read', retiredLeaderSubmission, 'own submission', true],
  ['retired leader 2', otherRetiredLeader, 'submission.read', retiredLeaderSubmission, 'another leader’s submission', false],
  ['retired leader 2', otherRetiredLeader, 'submission.write', retiredLeaderSubmission, 'another leader’s submission', false],
  ['retired leader 1', retiredLeader, 'submission.read', submissionOfA, 'a unit’s submission', false],
  ['retired leader 1', retiredLeader, 'round.read', provinceRound, 'a round inviting the group', true],

  // approvers read and decide, never edit
  ['province approver', provinceApprover, 'document.read', provinceDocument, 'province document', true],
  ['province approver', provinceApprover, 'document.edit', provinceDocument, 'province document', false],
  ['province approver', provinceApprover, 'version.freeze', provinceDocument, 'province document', false],
  ['province approver', provinceApprover, 'document.read', districtDocument, 'a district document under its review', true],
  ['province approver', provinceApprover, 'approval.decide', districtApprovalAtProvince, 'request addressed to P', true],
  ['province approver', provinceApprover, 'approval.decide', districtApprovalAtDistrict, 'request addressed to A', false],
  ['district approver A', districtApproverA, 'approval.decide', districtApprovalAtDistrict, 'request addressed to A', true],
  ['district approver A', districtApproverA, 'approval.decide', districtApprovalAtProvince, 'request addressed to P', false],
  ['province approver', provinceApprover, 'synthesis.read', provinceRound, 'province round', true],
  ['province approver', provinceApprover, 'disposition.write', provinceRound, 'province round', false],
  ['district drafter A', districtDrafterA, 'disposition.write', provinceRound, 'province round', false],
  ['clerk of A', clerkA, 'disposition.write', provinceRound, 'province round', false],
  ['province drafter', provinceDrafter, 'approval.decide', districtApprovalAtProvince, 'request addressed to P', false],
  ['district drafter A', districtDrafterA, 'approval.request', districtDocument, 'district document', true],
  ['province drafter', provinceDrafter, 'approval.request', districtDocument, 'district document', false],
  ['province approver', provinceApprover, 'document.edit', districtDocument, 'district document under review', false],
  ['clerk of A', clerkA, 'approval.decide', districtApprovalAtDistrict, 'request addressed to A', false],

  // admins manage their subtree (organisations and roles), and nothing else
  ['province admin', provinceAdmin, 'organization.manage', { type: 'organization', organization: A1 }, 'a cell below', true],
  ['province admin', provinceAdmin, 'membership.manage', { type: 'organization', organization: B }, 'district B', true],
  ['district admin A', districtAdmin, 'membership.manage', { type: 'organization', organization: A1 }, 'its cell A1', true],
  ['district admin A', districtAdmin, 'membership.manage', { type: 'organization', organization: B }, 'sibling district B', false],
  ['district admin A', districtAdmin, 'organization.manage', { type: 'organization', organization: P }, 'its parent P', false],
  ['province admin', provinceAdmin, 'organization.manage', { type: 'organization', organization: Q }, 'another province', false],
  ['province admin', provinceAdmin, 'document.edit', provinceDocument, 'province document', false],
  ['province admin', provinceAdmin, 'submission.write', submissionOfA, 'A’s submission', false],
  ['province admin', provinceAdmin, 'approval.decide', districtApprovalAtProvince, 'request addressed to P', false],

  // reading the tree: own branch only
  ['clerk of A', clerkA, 'organization.read', { type: 'organization', organization: A1 }, 'its cell', true],
  ['clerk of A', clerkA, 'organization.read', { type: 'organization', organization: P }, 'its parent', true],
  ['clerk of A', clerkA, 'organization.read', { type: 'organization', organization: B }, 'sibling district', false],
  ['outsider', outsider, 'organization.read', { type: 'organization', organization: P }, 'another province', false],
  ['retired leader 1', retiredLeader, 'organization.read', { type: 'organization', organization: R }, 'its own group', true],
  ['retired leader 1', retiredLeader, 'organization.read', { type: 'organization', organization: P }, 'the province above it', true],
  ['retired leader 1', retiredLeader, 'organization.read', { type: 'organization', organization: A }, 'a district (the rest of the tree)', false],
  ['retired leader 1', retiredLeader, 'organization.read', { type: 'organization', organization: F }, 'the Front, a sibling', false],
  ['province drafter', provinceDrafter, 'organization.read', { type: 'organization', organization: A1 }, 'a cell below (to invite)', true],

  // a round is seen by its invitees once it is opened, by its own drafters and approvers always
  ['clerk of A', clerkA, 'round.read', unopenedProvinceRound, 'an unopened round inviting A', false],
  ['retired leader 1', retiredLeader, 'round.read', unopenedProvinceRound, 'an unopened round inviting the group', false],
  ['province drafter', provinceDrafter, 'round.read', unopenedProvinceRound, 'its own unopened round', true],

  // a frozen version: the document's readers, and the readers of rounds carrying it
  ['district drafter A', districtDrafterA, 'document.read', provinceVersionSharedForComment, 'a province version its own round carries', true],
  ['district approver A', districtApproverA, 'document.read', provinceVersionSharedForComment, 'a province version its own round carries', true],
  ['clerk of A', clerkA, 'document.read', provinceVersionSharedForComment, 'a province version A is invited to comment on', true],
  ['district drafter A', districtDrafterA, 'document.read', provinceVersionNeverShared, 'a province version never shared', false],
  ['clerk of A', clerkA, 'document.read', provinceVersionInUnopenedRound, 'a province version in an unopened round', false],
  ['district drafter A', districtDrafterA, 'document.read', provinceDocument, 'the province document itself (live draft, later versions)', false],
  ['clerk of B', clerkB, 'document.read', provinceVersionSharedForComment, 'a province version shared with A only', false],
  ['province approver', provinceApprover, 'document.read', provinceVersionNeverShared, 'its own organisation’s version', true],

  // roles that decide are granted by someone else, from above when the settings say so
  ['province admin', provinceAdmin, 'membership.grant', grant(P, 'approver', 'u-admin-P'), 'approver of P to itself', false],
  ['province admin', provinceAdmin, 'membership.grant', grant(P, 'clerk', 'u-admin-P'), 'any role of P to itself', false],
  ['province admin', provinceAdmin, 'membership.grant', grant(P, 'approver', 'u-someone'), 'approver of P to someone else', true],
  ['province admin', provinceAdmin, 'membership.grant', grant(P, 'approver', 'u-someone', true), 'approver of P, reserved to a higher level', false],
  ['province admin', provinceAdmin, 'membership.grant', grant(A, 'approver', 'u-someone', true), 'approver of A, reserved to a higher level', true],
  ['district admin A', districtAdmin, 'membership.grant', grant(A, 'drafter', 'u-someone', true), 'drafter of A, reserved to a higher level', false],
  ['district admin A', districtAdmin, 'membership.grant', grant(A, 'clerk', 'u-someone', true), 'clerk of A (not reserved)', true],
  ['district admin A', districtAdmin, 'membership.grant', grant(B, 'clerk', 'u-someone'), 'a role in sibling B', false],
];

describe('authorization policy', () => {
  it.each(table)('%s → %s on %s (%s): allowed=%s', (_who, subjectActor, action, object, _name, allowed) => {
    const decision = decide(subjectActor, action, object);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it('denies every action to a user with no membership, on every kind of object', () => {
    const nobody = actor('u-nobody');
    const objects: Subject[] = [
      { type: 'organization', organization: P },
      provinceDocument,
      provinceRound,
      submissionOfA,
      retiredLeaderSubmission,
      districtApprovalAtProvince,
    ];
    for (const action of actions) for (const object of objects) expect(decide(nobody, action, object).allowed).toBe(false);
  });

  it('a role held in a child organisation gives nothing in the parent (roles do not climb the tree)', () => {
    for (const action of actions) {
      expect(decide(districtDrafterA, action, provinceDocument).allowed).toBe(false);
      expect(decide(districtApproverA, action, provinceRound).allowed).toBe(false);
    }
  });
});

describe('a rule for every action × object type a route asks about', () => {
  // someone who holds every role in every organisation of P's tree, and is the contributor of
  // the submission: if even they meet "does not apply", the policy has no rule for the pair
  const everyone = actor('u-everything', ...[P, A, A1, B, F, R].flatMap((organization) => roles.map((role): [OrganizationRef, Role] => [organization, role])));
  const subjects: Record<Subject['type'], Subject> = {
    organization: { type: 'organization', organization: A },
    document: districtDocument,
    round: provinceRound,
    submission: { ...retiredLeaderSubmission, contributorId: 'u-everything' },
    approval_request: districtApprovalAtProvince,
    document_version: provinceVersionSharedForComment,
    role_grant: grant(A1, 'approver', 'u-someone-else'),
  };
  const types = Object.keys(subjects) as Subject['type'][];
  const applies = (action: Action, type: Subject['type']): boolean => !/does not apply/.test(decide(everyone, action, subjects[type]).reason);

  const used = [
    ...new Map(
      Object.entries(routeTable)
        .flatMap(([route, entry]) => (Array.isArray(entry) ? entry : [entry]).map((routeCase) => ({ route, routeCase })))
        .filter((item): item is { route: string; routeCase: PolicyCase } => item.routeCase.access === 'policy')
        .map(({ route, routeCase }) => [`${routeCase.action} ${subjectType(routeCase)}`, [routeCase.action, subjectType(routeCase), route] as const]),
    ).values(),
  ];

  it('the route table asks about some combinations', () => {
    expect(used.length).toBeGreaterThan(10);
  });

  it.each(used)('%s on a %s (asked by %s, among others) has a rule, and someone may do it', (action, type) => {
    const decision = decide(everyone, action, subjects[type]);
    expect(decision.reason).not.toMatch(/does not apply/);
    expect(decision.allowed).toBe(true);
  });

  it('every action has a rule for at least one object type', () => {
    expect(actions.filter((action) => !types.some((type) => applies(action, type)))).toEqual([]);
  });

  it('the policy has rules for exactly these combinations, and no route asks about another', () => {
    const withRule = Object.fromEntries(types.map((type) => [type, actions.filter((action) => applies(action, type))]));
    // a rule added or removed shows here first: update this with the route table in mind
    expect(withRule).toEqual({
      organization: ['organization.read', 'organization.manage', 'membership.manage', 'document.create', 'round.manage'],
      document: ['document.read', 'document.edit', 'version.freeze', 'approval.request'],
      round: ['round.manage', 'round.read', 'synthesis.read', 'synthesis.correct', 'disposition.write'],
      submission: ['submission.read', 'submission.write'],
      approval_request: ['document.read', 'approval.request', 'approval.decide'],
      document_version: ['document.read'],
      role_grant: ['membership.grant'],
    });
    expect(used.filter(([action, type]) => !withRule[type].includes(action)).map(([action, type, route]) => `${route}: ${action} on a ${type}`)).toEqual([]);
  });
});
