import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
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
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
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
