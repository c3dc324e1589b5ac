/** Roles a user holds in an organisation (a membership). */
export const roles = ['drafter', 'clerk', 'contributor', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];
