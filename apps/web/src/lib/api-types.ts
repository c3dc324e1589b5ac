// Request and response types of the services, from their committed OpenAPI documents (generated
// by `npm run openapi` into api-schema/; never hand-copied).
import type { components as EditorComponents } from './api-schema/editor';
import type { components as FeedbackComponents } from './api-schema/feedback';

type EditorSchemas = EditorComponents['schemas'];
type FeedbackSchemas = FeedbackComponents['schemas'];

export type DocumentSummary = EditorSchemas['DocumentSummaryView'];
export type DocumentKind = DocumentSummary['kind'];
export type DocumentDetail = Omit<EditorSchemas['DocumentView'], 'content'> & { content: unknown };
export type VersionSummary = EditorSchemas['VersionSummaryView'];
export type VersionDetail = Omit<EditorSchemas['VersionView'], 'content' | 'blockIndex'> & { content: unknown; blockIndex: unknown[] };
export type HistoryEntry = Omit<EditorSchemas['HistoryEntryView'], 'actor' | 'payload'> & { actor: { id: string; name: string } | null; payload: Record<string, unknown> };
export type CreateDocumentRequest = EditorSchemas['CreateDocumentRequest'];
export type DecisionRequest = EditorSchemas['DecisionRequest'];
export type CreateApprovalRequest = EditorSchemas['CreateApprovalRequest'];

export type TokenPair = FeedbackSchemas['TokenPair'];
export type Me = FeedbackSchemas['MeView'];
export type Membership = FeedbackSchemas['MembershipView'];
export type Role = FeedbackSchemas['GrantRoleRequest']['role'];
export type Organization = FeedbackSchemas['OrganizationView'];
export type MembershipEntry = FeedbackSchemas['MembershipEntryView'];
export type CreateUserRequest = FeedbackSchemas['CreateUserRequest'];
export type GrantRoleRequest = FeedbackSchemas['GrantRoleRequest'];
export type CreateOrganizationRequest = FeedbackSchemas['CreateOrganizationRequest'];
export type AccountPage = FeedbackSchemas['AccountPageView'];
export type Account = FeedbackSchemas['AccountView'];

export const DOCUMENT_KINDS: DocumentKind[] = ['political_report', 'political_report_summary', 'review_report', 'action_program', 'resolution'];
export const ROLES: Role[] = ['drafter', 'clerk', 'contributor', 'approver', 'admin'];
