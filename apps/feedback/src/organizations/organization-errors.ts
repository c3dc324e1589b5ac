import { defineErrors } from '@vankien/platform';

export const OrganizationErrors = defineErrors({
  ORGANIZATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' },
  ORGANIZATION_CODE_TAKEN: { status: 409, vi: 'Mã tổ chức đã được dùng.', en: 'This organisation code is already used.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  EMAIL_TAKEN: { status: 409, vi: 'Email đã được dùng cho tài khoản khác.', en: 'This email is already used by another account.' },
  ROLE_ALREADY_HELD: { status: 409, vi: 'Tài khoản đã có vai trò này trong tổ chức.', en: 'The account already holds this role here.' },
  GRANT_NOT_ALLOWED: {
    status: 403,
    vi: 'Không được tự giao vai trò cho chính mình; vai trò phê duyệt, soạn thảo do quản trị viên khác (hoặc cấp trên, theo thiết lập của tổ chức) giao.',
    en: 'Nobody grants a role to themselves; the approver and drafter roles are granted by another admin (or a higher level, per the organisation’s settings).',
  },
  MEMBERSHIP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vai trò.', en: 'Membership not found.' },
});
