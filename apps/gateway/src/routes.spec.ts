import { isWebRoute, serviceFor } from './routes';

describe('the gateway routes', () => {
  it('sends the web application deep links to index.html, never the APIs or files', () => {
    expect(isWebRoute('/')).toBe(true);
    expect(isWebRoute('/documents/3f1c/versions/9a2b')).toBe(true);
    expect(isWebRoute('/approvals/3f1c')).toBe(true);
    expect(isWebRoute('/api/documents')).toBe(false);
    expect(isWebRoute('/collab')).toBe(false);
    expect(isWebRoute('/docs/editor.json')).toBe(false);
    expect(isWebRoute('/health')).toBe(false);
    expect(isWebRoute('/assets/missing.js')).toBe(false);
    expect(serviceFor('/documents/1')).toBeNull();
  });
});
