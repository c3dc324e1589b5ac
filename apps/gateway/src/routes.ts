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

/** Paths of the web application's own screens: everything but the APIs, docs, health and files. */
export function isWebRoute(path: string): boolean {
  if (/^\/(api|collab|docs|health)(\/|$)/.test(path)) return false;
  // a missing file (/assets/x.js, /favicon.ico) is a 404, not the application
  return !/\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '');
}
