import { defineErrors } from '@vankien/platform';

export const OrganizationErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  ORGANIZATION_CODE_TAKEN: { status: 409, vi: 'Mã tổ chức đã được dùng.', en: 'This organisation code is already used.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  EMAIL_TAKEN: { status: 409, vi: 'Email đã được dùng cho tài khoản khác.', en: 'This email is already used by another account.' },
  ROLE_ALREADY_HELD: { status: 409, vi: 'Tài khoản đã có vai trò này trong tổ chức.', en: 'The account already holds this role here.' },
  MEMBERSHIP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vai trò.', en: 'Membership not found.' },
});
