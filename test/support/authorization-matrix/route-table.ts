import type { Action } from '../../../libs/auth/src/policy/policy';

/**
 * The authorization matrix's table: one entry per HTTP route the editor and feedback apps serve
 * (read from their Express routers, see served-routes.ts). A route the apps serve and this table
 * does not name fails the suite, so a new route cannot ship without saying who may call it.
 *
 * Pure data and small functions (no I/O): libs/auth/src/policy/policy.spec.ts reads it too, to
 * prove every action × object type a route uses has a rule in the policy.
 */

/** The kinds of fixture objects the matrix builds, in the province's branch and in a district's. */
export type ObjectKind = 'organization' | 'document' | 'round' | 'submission' | 'approval_request' | 'notification';

/**
 * Policy subject types (objects the policy knows); notifications are the recipient's own. A
 * frozen version is a subject of its own: read through its document or a round that carries it.
 */
export type PolicySubjectKind = Exclude<ObjectKind, 'notification'> | 'document_version';

/** The values a fixture object offers to fill a route's path parameters and bodies. */
export interface Target {
  /** e.g. "LC document", "LC-TD round". */
  name: string;
  kind: ObjectKind;
  /** The object's id (the subject the policy is asked about). */
  id: string;
  /** Path parameters by name (`:id`, `:roundId`, `:key` …). */
  params: Record<string, string>;
  /** Anything else a body needs (version ids, block ids, an invited organisation …). */
  extra: Record<string, string>;
}

export interface Caller {
  /** Local part of the demo account's e-mail, or "anonymous". */
  name: string;
  userId: string | null;
  /** Organisations (ids) where the caller is clerk or contributor. */
  clerkOrContributorOf: string[];
  /** A session of the matrix's own (login → refresh → logout), apart from the caller's token. */
  session?: { accessToken: string; refreshToken: string };
}

export interface RequestSpec {
  body?: unknown;
  /** multipart/form-data with one file field "file" (and text fields). */
  file?: { name: string; content: Buffer; fields?: Record<string, string> };
  /** Another bearer token than the caller's (a session made for this call). */
  token?: string;
}

/** How the subject the policy is asked about is found; by default the target object itself. */
export type SubjectRule =
  | { of: 'target' }
  /** The caller's own submission for an invited organisation (POST /api/rounds/:roundId/submissions). */
  | { of: 'callers-submission-in-round' }
  /** The frozen version named by the path parameter `versionId` of the target document. */
  | { of: 'version' };

interface CaseBase {
  /** Query string variants (each is called); `{name}` is replaced from the target's extra values. */
  queries?: string[];
  /** Statuses an allowed caller may get beyond 2xx, each about the body or the object's state. */
  stateStatuses?: number[];
  /** Writes run after every read, in the table's order, so that reads see the fixtures as built. */
  write?: boolean;
  /** A write that ends what the others need (closing a round): after every other write. */
  runsLast?: boolean;
  request?: (target: Target, caller: Caller) => RequestSpec;
  /** The answer's token pair becomes the caller's matrix session (login, refresh). */
  keepsSession?: boolean;
  /** Why the entry is as it is, when it is not obvious. */
  note?: string;
}

export interface ListRule {
  kind: PolicySubjectKind;
  action: Action;
  idField: string;
}

export interface PublicCase extends CaseBase {
  access: 'public';
}

/** Any signed-in account; what it answers is the caller's own (me, inbox, notifications, lists). */
export interface AuthenticatedCase extends CaseBase {
  access: 'authenticated';
  /** A list whose every item must be an object the caller may `action`. */
  listOf?: ListRule;
}

export interface PolicyCase extends CaseBase {
  access: 'policy';
  action: Action;
  /** The fixture object whose ids fill the path (the subject itself unless `subject` says otherwise). */
  object: Exclude<ObjectKind, 'notification'>;
  subject?: SubjectRule;
  /** What a caller the policy denies gets: 403, or 404 where the service hides the object. */
  denied?: 403 | 404;
  /** The answer is a list whose every item must be an object the caller may `action` itself. */
  listOf?: ListRule;
  /** The response carries a document's text: its content is checked against document.read. */
  readsDocumentContent?: boolean;
  /**
   * The answer shows the live drafts of the round's documents: a caller the policy allows on
   * the round who may not read one of those documents is refused (403).
   */
  readsLiveDraftsOfRound?: boolean;
  /**
   * The request names an object of another organisation that the target may not use (the
   * fixtures make sure of it): a caller the policy allows on the target is refused with one of
   * `refusals`; a caller it denies gets the denied status as usual.
   */
  crossObject?: { rule: string; refusals: number[] };
}

/** The recipient's own object: anyone else gets 404 (the service does not say it exists). */
export interface OwnCase extends CaseBase {
  access: 'own';
  object: 'notification';
}

export type RouteCase = PublicCase | AuthenticatedCase | PolicyCase | OwnCase;

const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Bytes that are not an Office file: an import is refused for what it is, after the check of the right. */
const notAnOfficeFile = Buffer.from('this is not a DOCX or XLSX file, only a matrix probe\n');

/** A round of the target organisation on one version, open now, inviting its children. */
const newRound = (target: Target, versionId: string) => ({
  organizationId: target.id,
  title: 'Đợt lấy ý kiến của ma trận',
  opensAt: new Date(Date.now() - 60_000).toISOString(),
  deadline: new Date(Date.now() + 86_400_000).toISOString(),
  documentVersionIds: [versionId],
  invitations: { childrenOf: [{ organizationId: target.id, depth: 1 }] },
});

const comment = (target: Target) => ({ blockId: target.extra.blockId, documentVersionId: target.extra.versionId, kind: 'general', text: 'Ý kiến thử của ma trận phân quyền.' });

export const routeTable: Record<string, RouteCase | RouteCase[]> = {
  // ---- public: no token needed ----
  'GET /health': { access: 'public', stateStatuses: [503], note: '503 names what is down: the matrix stops the worker once its fixtures are built' },
  'GET /docs': { access: 'public' },
  'GET /docs-json': { access: 'public' },
  'GET /docs-yaml': { access: 'public' },
  // swagger-ui's page and assets
  'GET /docs/': { access: 'public' },
  'GET /docs/index.html': { access: 'public' },
  'GET /docs/LICENSE': { access: 'public', stateStatuses: [404], note: 'registered by swagger-ui-express; the file is not in the package: 404 to everyone' },
  'GET /docs/swagger-ui-init.js': { access: 'public' },
  'GET /docs/docs/swagger-ui-init.js': { access: 'public' },
  'POST /api/auth/login': {
    access: 'public',
    keepsSession: true,
    note: 'the caller’s own account (anonymous: a contributor’s); a second session, kept for refresh and logout',
    request: (_target, caller) => ({ body: { email: `${caller.userId ? caller.name : 'nghihuu2'}@vankien.local`, password: 'vankien-demo-2025' } }),
  },
  'POST /api/auth/refresh': {
    access: 'public',
    keepsSession: true,
    request: (_target, caller) => ({ body: { refreshToken: caller.session?.refreshToken ?? 'no-session' } }),
  },

  // ---- the caller's own ----
  'GET /api/me': { access: 'authenticated' },
  'POST /api/auth/logout': {
    access: 'authenticated',
    write: true,
    note: 'ends the matrix’s own session of the caller (from login and refresh), so the caller’s token stays valid',
    request: (_target, caller) => ({ body: { refreshToken: caller.session?.refreshToken ?? 'no-session' }, token: caller.session?.accessToken }),
  },
  'GET /api/templates': { access: 'authenticated' },
  'GET /api/templates/:kind': { access: 'authenticated' },
  'GET /api/documents': { access: 'authenticated', listOf: { kind: 'document', action: 'document.read', idField: 'id' } },
  'GET /api/rounds': { access: 'authenticated', listOf: { kind: 'round', action: 'round.read', idField: 'id' } },
  'GET /api/approvals/inbox': { access: 'authenticated', listOf: { kind: 'approval_request', action: 'approval.decide', idField: 'id' } },
  'GET /api/approvals': [
    { access: 'authenticated', listOf: { kind: 'approval_request', action: 'approval.decide', idField: 'id' }, note: 'without documentId: the inbox' },
    { access: 'policy', action: 'document.read', object: 'document', queries: ['?documentId={documentId}'] },
  ],
  'GET /api/notifications': { access: 'authenticated' },
  'POST /api/notifications/read-all': { access: 'authenticated', write: true },
  'POST /api/notifications/:id/read': { access: 'own', object: 'notification', write: true },

  // ---- organisations ----
  'GET /api/organizations/:id': { access: 'policy', action: 'organization.read', object: 'organization' },
  'GET /api/organizations/:id/subtree': {
    access: 'policy',
    action: 'organization.read',
    object: 'organization',
    listOf: { kind: 'organization', action: 'organization.read', idField: 'id' },
    note: 'each organisation listed must be one the caller may read by itself (GET /api/organizations/:id)',
  },
  'GET /api/organizations/:id/memberships': { access: 'policy', action: 'membership.manage', object: 'organization' },
  'GET /api/organizations/:id/accounts': {
    access: 'policy',
    action: 'membership.manage',
    object: 'organization',
    queries: ['?query=nguyen&limit=5'],
    note: 'accounts holding a role in the organisation’s subtree only (a district admin never sees the province’s accounts)',
  },
  'POST /api/organizations': {
    access: 'policy',
    action: 'organization.manage',
    object: 'organization',
    write: true,
    stateStatuses: [409],
    request: (target) => ({ body: { parentId: target.id, name: 'Tổ chức thử của ma trận', code: `MX-${uniqueSuffix()}`, level: 'cell', kind: 'party_organization' } }),
  },
  'POST /api/organizations/:id/memberships': {
    access: 'policy',
    action: 'membership.manage',
    object: 'organization',
    write: true,
    stateStatuses: [409],
    request: (target) => ({ body: { userId: target.extra.spareUserId, role: 'contributor' } }),
  },
  'DELETE /api/organizations/:id/memberships/:membershipId': {
    access: 'policy',
    action: 'membership.manage',
    object: 'organization',
    write: true,
    stateStatuses: [404],
    note: 'the spare account’s role: once revoked, a later allowed caller gets 404',
  },
  'POST /api/users': {
    access: 'policy',
    action: 'membership.manage',
    object: 'organization',
    write: true,
    request: (target) => ({ body: { email: `mx-${uniqueSuffix()}@vankien.local`, fullName: 'Tài khoản thử', password: 'mat-khau-du-dai-cua-ma-tran', organizationId: target.id, role: 'contributor' } }),
  },

  // ---- documents ----
  'POST /api/documents': {
    access: 'policy',
    action: 'document.create',
    object: 'organization',
    write: true,
    request: (target) => ({ body: { organizationId: target.id, kind: 'resolution', title: 'Dự thảo Nghị quyết (ma trận)', term: '2025–2030' } }),
  },
  'POST /api/documents/import': {
    access: 'policy',
    action: 'document.create',
    object: 'organization',
    write: true,
    stateStatuses: [422],
    request: (target) => ({ file: { name: 'khong-phai-docx.docx', content: notAnOfficeFile, fields: { organizationId: target.id, kind: 'resolution', title: 'Nhập thử', term: '2025–2030' } } }),
  },
  'GET /api/documents/:id': { access: 'policy', action: 'document.read', object: 'document', readsDocumentContent: true },
  'GET /api/documents/:id/versions': { access: 'policy', action: 'document.read', object: 'document' },
  'GET /api/documents/:id/diff': { access: 'policy', action: 'document.read', object: 'document', readsDocumentContent: true, queries: ['?from={firstVersionId}&to=live'] },
  'GET /api/documents/:id/metrics': { access: 'policy', action: 'document.read', object: 'document', readsDocumentContent: true, queries: ['', '?version={firstVersionId}'] },
  'GET /api/documents/:id/history': { access: 'policy', action: 'document.read', object: 'document' },
  'GET /api/documents/:id/export.docx': { access: 'policy', action: 'document.read', object: 'document', readsDocumentContent: true, queries: ['', '?version={latestVersionId}'] },
  'GET /api/versions/:versionId': { access: 'policy', action: 'document.read', object: 'document', subject: { of: 'version' }, readsDocumentContent: true },
  'POST /api/documents/:id/versions': {
    access: 'policy',
    action: 'version.freeze',
    object: 'document',
    write: true,
    stateStatuses: [409],
    note: '409 once the document is before a committee or approved',
    request: () => ({ body: { label: 'Bản đông kết của ma trận' } }),
  },
  'POST /api/documents/:id/import': {
    access: 'policy',
    action: 'document.edit',
    object: 'document',
    write: true,
    stateStatuses: [409, 422],
    request: () => ({ file: { name: 'khong-phai-docx.docx', content: notAnOfficeFile } }),
  },

  // ---- approvals ----
  'POST /api/approvals': {
    access: 'policy',
    action: 'approval.request',
    object: 'document',
    write: true,
    stateStatuses: [409],
    note: 'the latest version is already before a committee: 409 for its drafters',
    request: (target) => ({ body: { versionId: target.extra.latestVersionId } }),
  },
  'GET /api/approvals/:id': { access: 'policy', action: 'document.read', object: 'approval_request' },
  'POST /api/approvals/:id/decisions': {
    access: 'policy',
    action: 'approval.decide',
    object: 'approval_request',
    write: true,
    stateStatuses: [409],
    request: () => ({ body: { decision: 'request_changes', remarks: 'Đề nghị bổ sung (ma trận).' } }),
  },
  'POST /api/approvals/:id/decisions/withdraw': { access: 'policy', action: 'approval.decide', object: 'approval_request', write: true, stateStatuses: [409] },
  'POST /api/approvals/:id/withdraw': {
    access: 'policy',
    action: 'approval.request',
    object: 'approval_request',
    write: true,
    stateStatuses: [409],
    note: 'the service asks approval.request of the document; the approval_request rule asks the same of its owner',
  },

  // ---- rounds ----
  'POST /api/rounds': [
    {
      access: 'policy',
      action: 'round.manage',
      object: 'organization',
      write: true,
      stateStatuses: [422],
      request: (target) => ({ body: newRound(target, target.extra.ownVersionId) }),
    },
    {
      access: 'policy',
      action: 'round.manage',
      object: 'organization',
      write: true,
      crossObject: { rule: 'a round is opened only on versions its organisation may read (its own, or one a round inviting it carries)', refusals: [403, 422] },
      note: 'the other organisation’s latest version, which no round carries (issue 12, finding 1)',
      request: (target) => ({ body: newRound(target, target.extra.unsharedForeignVersionId) }),
    },
  ],
  'GET /api/rounds/:id': { access: 'policy', action: 'round.read', object: 'round' },
  'GET /api/rounds/:id/coverage': { access: 'policy', action: 'synthesis.read', object: 'round' },
  'GET /api/rounds/:id/reminders': { access: 'policy', action: 'synthesis.read', object: 'round' },
  'GET /api/rounds/:roundId/template.xlsx': { access: 'policy', action: 'round.read', object: 'round' },
  'POST /api/rounds/:id/open': { access: 'policy', action: 'round.manage', object: 'round', write: true, stateStatuses: [409] },
  'POST /api/rounds/:id/close': { access: 'policy', action: 'round.manage', object: 'round', write: true, runsLast: true, stateStatuses: [409], note: 'after every other write: a closed round takes no submission' },

  // ---- submissions ----
  'POST /api/rounds/:roundId/submissions': {
    access: 'policy',
    action: 'submission.write',
    object: 'round',
    subject: { of: 'callers-submission-in-round' },
    write: true,
    stateStatuses: [409],
    note: 'for the caller’s own invited organisation, or else the first invited one',
    request: (target, caller) => ({ body: { organizationId: target.extra.invitedIds.split(',').find((id) => caller.clerkOrContributorOf.includes(id)) ?? target.extra.invitedIds.split(',')[0] } }),
  },
  'GET /api/submissions/:id': { access: 'policy', action: 'submission.read', object: 'submission' },
  'GET /api/submissions/:id/comments': { access: 'policy', action: 'submission.read', object: 'submission' },
  'GET /api/submissions/:id/imports/:importId': { access: 'policy', action: 'submission.read', object: 'submission', stateStatuses: [404], note: 'an import exists only on the draft submission; 404 elsewhere' },
  'POST /api/submissions/:id/comments': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [409, 422], request: (target) => ({ body: comment(target) }) },
  'POST /api/submissions/:id/comments/bulk': {
    access: 'policy',
    action: 'submission.write',
    object: 'submission',
    write: true,
    stateStatuses: [409, 422],
    request: (target) => ({ body: { comments: [comment(target)] } }),
  },
  'DELETE /api/submissions/:id/comments/:commentId': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [409] },
  'POST /api/submissions/:id/imports': {
    access: 'policy',
    action: 'submission.write',
    object: 'submission',
    write: true,
    stateStatuses: [409, 415, 422],
    note: '415: the file is not an XLSX or DOCX (checked after the right)',
    request: () => ({ file: { name: 'khong-phai.xlsx', content: notAnOfficeFile } }),
  },
  'GET /api/submissions/:id/imports/:importId/sections': { access: 'policy', action: 'submission.read', object: 'submission', readsDocumentContent: true, stateStatuses: [404], note: 'the outline of the round’s versions, to choose a row’s section; 404 where the submission has no such import' },
  'POST /api/submissions/:id/imports/:importId/confirm': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [404, 409, 422] },
  // after confirm in the table's order: the confirmed import is 409, elsewhere 404
  'DELETE /api/submissions/:id/imports/:importId': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [404, 409] },
  'POST /api/submissions/:id/submit': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [409, 422] },
  'POST /api/submissions/:id/withdraw': { access: 'policy', action: 'submission.write', object: 'submission', write: true, stateStatuses: [409] },

  // ---- syntheses ----
  'GET /api/rounds/:roundId/synthesis': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/synthesis/progress': { access: 'policy', action: 'synthesis.read', object: 'round' },
  'GET /api/rounds/:roundId/synthesis/export.xlsx': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/synthesis/export.docx': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/synthesis/clusters/:key': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/synthesis/corrections': { access: 'policy', action: 'synthesis.read', object: 'round' },
  'POST /api/rounds/:roundId/synthesis/corrections': {
    access: 'policy',
    action: 'synthesis.correct',
    object: 'round',
    write: true,
    stateStatuses: [422],
    request: (target) => ({ body: { type: 'representative', target: { key: target.params.key }, text: 'Cách diễn đạt của ma trận.' } }),
  },
  'POST /api/rounds/:roundId/synthesis/forward': {
    access: 'policy',
    action: 'round.manage',
    object: 'round',
    write: true,
    stateStatuses: [409, 422],
    note: 'upward to the round that invites the organisation (the district’s to the province’s); the province’s is invited nowhere',
    request: (target) => ({ body: { targetRoundId: target.extra.upperRoundId } }),
  },

  // ---- dispositions ----
  'GET /api/rounds/:roundId/dispositions': [
    { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true, queries: ['', '?against=next'] },
    {
    access: 'policy',
    action: 'synthesis.read',
    object: 'round',
    readsDocumentContent: true,
    queries: ['?against=live'],
    readsLiveDraftsOfRound: true,
  },
  ],
  'GET /api/rounds/:roundId/dispositions/export.xlsx': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/dispositions/export.docx': { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true },
  'GET /api/rounds/:roundId/dispositions/:key': [
    { access: 'policy', action: 'synthesis.read', object: 'round', readsDocumentContent: true, queries: ['', '?against=next'] },
    {
    access: 'policy',
    action: 'synthesis.read',
    object: 'round',
    readsDocumentContent: true,
    queries: ['?against=live'],
    readsLiveDraftsOfRound: true,
  },
  ],
  'PUT /api/rounds/:roundId/dispositions/:key': [
    {
      access: 'policy',
      action: 'disposition.write',
      object: 'round',
      write: true,
      stateStatuses: [409, 422],
      request: () => ({ body: { state: 'explained', explanation: 'Giải trình của ma trận.', expectedVersion: 0, expectedComments: 1 } }),
    },
    {
      access: 'policy',
      action: 'disposition.write',
      object: 'round',
      write: true,
      crossObject: { rule: 'a disposition targets only blocks of the documents the round’s organisation drafts', refusals: [403, 422] },
      note: 'targets checked before the expected version: a refusal is 422, an acceptance the 409 of a stale version (issue 12, finding 1)',
      request: (target) => ({ body: { state: 'accepted', targetBlockIds: [target.extra.foreignBlockId], expectedVersion: 0, expectedComments: 1 } }),
    },
  ],
  'POST /api/rounds/:roundId/dispositions/bulk': {
    access: 'policy',
    action: 'disposition.write',
    object: 'round',
    write: true,
    stateStatuses: [409, 422],
    request: (target) => ({ body: { state: 'explained', explanation: 'Giải trình của ma trận.', items: [{ clusterKey: target.params.key, expectedVersion: 0, expectedComments: 1 }] } }),
  },
};

/**
 * Leaks the matrix finds on the current code and that are being fixed elsewhere: reported, not
 * failing. A mark whose leak no longer happens fails the suite, so that it is removed.
 */
export interface KnownLeak {
  route: string;
  query?: string;
  caller: string;
  target: string;
  why: string;
}

const districtRoundOnProvinceVersion = 'LC-TD round (on LC’s version 1)';

/** A leak the matrix finds on the current code and that is being fixed elsewhere (none now). */
export const knownLeaks: KnownLeak[] = [];

/** A disagreement the matrix finds on the current code and that is being fixed elsewhere. */
export interface KnownHole {
  route: string;
  caller: string;
  target: string;
  why: string;
}

/** Disagreements the matrix finds on the current code and that are being fixed elsewhere (none now). */
export const knownHoles: KnownHole[] = [];

/** The type of the subject the policy is asked about for a case (the object, or what the rule derives from it). */
export function subjectType(routeCase: PolicyCase): PolicySubjectKind {
  if (routeCase.subject?.of === 'callers-submission-in-round') return 'submission';
  if (routeCase.subject?.of === 'version') return 'document_version';
  return routeCase.object;
}

const rank = (routeCase: RouteCase): number => (routeCase.runsLast ? 2 : routeCase.write ? 1 : 0);

/** Every case of the table with its route, in the order the matrix runs them: reads, then writes. */
export function cases(): { route: string; method: string; path: string; routeCase: RouteCase; index: number }[] {
  const all = Object.entries(routeTable).flatMap(([route, entry]) => (Array.isArray(entry) ? entry : [entry]).map((routeCase) => ({ route, routeCase })));
  return all
    .map((item, index) => ({ ...item, index, method: item.route.split(' ')[0], path: item.route.split(' ')[1] }))
    .sort((a, b) => rank(a.routeCase) - rank(b.routeCase) || a.index - b.index);
}
