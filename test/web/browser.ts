import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../support/processes';

// Browser tests drive Debian's chromium through playwright-core (never a browser download);
// scripts/test.mjs installs the package when it is missing and we are root.

export const artifacts = join(repoRoot, 'test-artifacts');

export function chromiumPath(): string {
  const found = process.env.VANKIEN_CHROMIUM || spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!found) throw new Error('chromium is not installed: apt-get install -y chromium (npm test does it when run as root)');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  // A page fulfilled by the tests' route (to add the CSP header) has no known address, so
  // chromium's Local Network Access checks would count it as public and block its WebSocket to
  // 127.0.0.1 (net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS): an artefact of the interception.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-features=LocalNetworkAccessChecks'] });
}

/** The Content Security Policy the gateway is to send: the app must work under it (no inline scripts, no eval). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

/** What chromium refused under that policy, in every context. */
export const cspViolations: string[] = [];

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  // every page is served with the policy (until the gateway sends it itself)
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CONTENT_SECURITY_POLICY } });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return context;
}

/** Saves a screenshot under test-artifacts/ (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Signs in through the login page, in Vietnamese unless told otherwise. */
export async function signIn(page: Page, base: string, who: string, language: 'vi' | 'en' = 'vi', landing = '/'): Promise<void> {
  if (!page.url().endsWith('/login')) await page.goto(`${base}/login`);
  if (language === 'en') await page.getByText('English', { exact: true }).click();
  await page.getByLabel(language === 'en' ? 'E-mail' : 'Thư điện tử').fill(who.includes('@') ? who : `${who}@vankien.local`);
  await page.locator('input[type=password]').fill('vankien-demo-2025');
  await page.getByRole('button', { name: language === 'en' ? 'Sign in' : 'Đăng nhập' }).click();
  await page.waitForURL(`${base}${landing}`);
}

/** No horizontal scroll: the page is no wider than the window. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** The text of one block of the open editor (or the whole text), without the co-editors' cursor labels. */
export const blockText = (page: Page, blockId?: string): Promise<string> =>
  page.evaluate<string>(`(() => {
    const element = document.querySelector('[data-testid=editor] ${blockId ? `[data-block-id="${blockId}"]` : '.ProseMirror'}').cloneNode(true);
    for (const cursor of element.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return element.textContent.replace(/\u2060/g, '');
  })()`);

/** A violation axe-core found: its rule, impact and the elements it names. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core (from node_modules, no network) in the page over WCAG 2.x A and AA and best
 * practice, and answers the serious and critical violations. The script is given to the page by
 * the DevTools protocol (page.evaluate), which the page's Content Security Policy does not
 * govern: no inline script, no eval in the page's own context.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate<void>(axeSource);
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')) }));
  })()`);
}
