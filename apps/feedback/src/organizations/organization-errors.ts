import { defineErrors } from '@vankien/platform';

export const OrganizationErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  ORGANIZATION_CODE_TAKEN: { status: 409, vi: 'Mã tổ chức đã được dùng.', en: 'This organisation code is already used.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  EMAIL_TAKEN: { status: 409, vi: 'Email đã được dùng cho tài khoản khác.', en: 'This email is already used by another account.' },
  ROLE_ALREADY_HELD: { status: 409, vi: 'Tài khoản đã có vai trò này trong tổ chức.', en: 'The account already holds this role here.' },
  GRANT_NOT_ALLOWED: {
    status: 403,
    vi: 'Không được giao vai trò này trong tổ chức.',
    en: 'You may not grant this role in this organisation.',
  },
  GRANT_TO_SELF: {
    status: 403,
    vi: 'Không được tự giao vai trò cho chính mình: một quản trị viên khác phải giao vai trò này cho đồng chí.',
    en: 'Nobody grants a role to themselves: another admin must grant it to you.',
  },
  GRANT_RESERVED_TO_UPPER_LEVEL: {
    status: 403,
    vi: 'Theo thiết lập của tổ chức, vai trò phê duyệt và soạn thảo do quản trị viên cấp trên giao.',
    en: 'Per the organisation’s settings, the approver and drafter roles are granted by an admin of a higher level.',
  },
  MEMBERSHIP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vai trò.', en: 'Membership not found.' },
});
