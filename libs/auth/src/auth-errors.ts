import { defineErrors } from '@vankien/platform';

export const AuthErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  ACCOUNT_DISABLED: { status: 403, vi: 'Tài khoản đã bị khóa.', en: 'This account is disabled.' },
  REFRESH_TOKEN_INVALID: { status: 401, vi: 'Mã làm mới phiên không hợp lệ hoặc đã hết hạn.', en: 'The refresh token is not valid or has expired.' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    vi: 'Mã làm mới phiên đã được dùng trước đó; mọi phiên liên quan đã bị thu hồi. Hãy đăng nhập lại.',
    en: 'This refresh token was already used; every session of its family has been revoked. Sign in again.',
  },
  SESSION_ENDED: { status: 401, vi: 'Phiên đăng nhập đã kết thúc (đã đăng xuất). Hãy đăng nhập lại.', en: 'This session has ended (signed out). Sign in again.' },
  LOGIN_RATE_LIMITED: { status: 429, vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.', en: 'Too many login attempts. Try again in a few minutes.' },
});
