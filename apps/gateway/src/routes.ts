/**
 * Which service answers which path behind the one public address. Anything else under /api
 * goes to feedback, which answers an unknown route with the usual 404 error body.
 */
export type Service = 'editor' | 'feedback';

export const editorPrefixes = ['/api/documents', '/api/templates', '/api/versions', '/api/approvals', '/api/notifications', '/collab'];

export function serviceFor(path: string): Service | null {
  if (editorPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))) return 'editor';
  if (path === '/api' || path.startsWith('/api/')) return 'feedback';
  return null;
}
