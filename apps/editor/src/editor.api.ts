import type { ApiDescription } from '@vankien/platform';

/** The editor's OpenAPI title and description: served at /docs, committed as openapi/editor.json. */
export const editorApi: ApiDescription = {
  service: 'editor',
  title: 'Vankien — editor API',
  description: 'Văn kiện, phiên bản, soạn thảo cộng tác, phê duyệt. Documents, versions, collaborative drafting, approvals.',
};
