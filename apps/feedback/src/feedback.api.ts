import type { ApiDescription } from '@vankien/platform';

/** The feedback service's OpenAPI title and description: served at /docs, committed as openapi/feedback.json. */
export const feedbackApi: ApiDescription = {
  service: 'feedback',
  title: 'Vankien — feedback API',
  description:
    'Tài khoản, cây tổ chức, đợt lấy ý kiến, góp ý và tổng hợp. Accounts, organisations, comment rounds, submissions and syntheses.',
};
