import type { AccountPage, CreateOrganizationRequest, CreateUserRequest, GrantRoleRequest, MembershipEntry, Organization } from '../../../lib/api-types';
import { api } from '../../../lib/http';

export const subtree = (organizationId: string): Promise<Organization[]> => api.get(`/organizations/${organizationId}/subtree`);
export const memberships = (organizationId: string): Promise<MembershipEntry[]> => api.get(`/organizations/${organizationId}/memberships`);
/** Accounts holding a role in the organisation's subtree, by name or e-mail (tone marks optional), a page at a time. */
export const searchAccounts = (organizationId: string, query: string, offset = 0, limit = ACCOUNTS_PAGE): Promise<AccountPage> =>
  api.get(`/organizations/${organizationId}/accounts`, { query: query.trim() || undefined, offset, limit });
export const ACCOUNTS_PAGE = 10;
export const createUser = (body: CreateUserRequest): Promise<unknown> => api.post('/users', body);
export const grantRole = (organizationId: string, body: GrantRoleRequest): Promise<MembershipEntry> => api.post(`/organizations/${organizationId}/memberships`, body);
export const revokeRole = (organizationId: string, membershipId: string): Promise<void> => api.delete(`/organizations/${organizationId}/memberships/${membershipId}`);
export const createOrganization = (body: CreateOrganizationRequest): Promise<Organization> => api.post('/organizations', body);

export interface TreeNode extends Organization {
  children: TreeNode[];
}

/** The flat subtree (materialised path order) as a tree, roots first. */
export function toTree(organizations: Organization[]): TreeNode[] {
  const nodes = new Map(organizations.map((o) => [o.id, { ...o, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The organisation among `roots` (the admin's) whose subtree holds `organizationId`: where to look for accounts. */
export function rootHolding(trees: { rootId: string; organizations: Organization[] }[], organizationId: string): string | undefined {
  return trees.find((tree) => tree.organizations.some((o) => o.id === organizationId))?.rootId;
}
