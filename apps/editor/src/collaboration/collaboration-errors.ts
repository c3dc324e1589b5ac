import { defineErrors } from '@vankien/platform';

export const CollaborationErrors = defineErrors({
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    vi: 'Trang web này không được phép mở kết nối soạn thảo cộng tác.',
    en: 'Pages of this origin may not open a collaboration connection.',
  },
});
