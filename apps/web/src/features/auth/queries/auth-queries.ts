import { useQuery } from '@tanstack/react-query';
import type { Me, Role } from '../../../lib/api-types';
import { fetchMe } from '../services/auth-service';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Organisations where the user holds the role. */
export function organizationsWithRole(me: Me | undefined, role: Role): { id: string; name: string; code: string; level: string }[] {
  return (me?.memberships ?? []).filter((m) => m.role === role).map((m) => ({ id: m.organizationId, name: m.organizationName, code: m.organizationCode, level: m.level }));
}

export const hasRole = (me: Me | undefined, role: Role): boolean => (me?.memberships ?? []).some((m) => m.role === role);
