import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, spawnApp, type AppProcess } from '../support/processes';
import { seededSystem, type SeededSystem } from '../support/seeded-system';
import { apiClient } from '../support/test-app';
import { blockText, cspViolations, horizontalOverflow, launchBrowser, newContext, seriousAccessibilityViolations, shot, signIn } from './browser';

// The web interface in Debian's chromium, against the real system: editor and feedback on this
// file's database, and the gateway process (the built JavaScript) serving apps/web/dist and
// proxying /api and /collab, as `npm start` runs it.

jest.setTimeout(180_000);

interface NodeJson {
  type: string;
  attrs?: Record<string, unknown>;
  content?: NodeJson[];
  text?: string;
}

const textOf = (node: NodeJson): string => (node.type === 'footnote' ? '' : (node.text ?? '') + (node.content ?? []).map(textOf).join(''));

function findBlock(doc: NodeJson, test: (node: NodeJson) => boolean): NodeJson | undefined {
  if (test(doc)) return doc;
  for (const child of doc.content ?? []) {
    const found = findBlock(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The first paragraph after the heading whose text starts with `heading`. */
function paragraphAfter(doc: NodeJson, heading: string): NodeJson {
  const blocks = doc.content ?? [];
  const at = blocks.findIndex((b) => b.type === 'heading' && textOf(b).startsWith(heading));
  const paragraph = blocks.slice(at + 1).find((b) => b.type === 'paragraph');
  if (at < 0 || !paragraph) throw new Error(`no paragraph after "${heading}"`);
  return paragraph;
}

describe('the web interface', () => {
  let system: SeededSystem;
  let gateway: AppProcess;
  let base: string;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};

  const context = async (): Promise<BrowserContext> => {
    const created = await newContext(browser);
    contexts.push(created);
    return created;
  };
  const token = async (who: string): Promise<string> => {
    if (!tokens[who]) {
      const answer = await api.post<{ accessToken: string }>('/api/auth/login', { email: `${who}@vankien.local`, password: 'vankien-demo-2025' });
      tokens[who] = answer.body.accessToken;
    }
    return tokens[who];
  };
  const createDocument = async (title: string, organization = 'LC'): Promise<string> => {
    const answer = await api.post<{ id: string }>('/api/documents', { organizationId: system.org[organization], kind: 'political_report', title, term: '2025–2030' }, await token('tieuban'));
    expect(answer.status).toBe(201);
    return answer.body.id;
  };
  const liveContent = async (documentId: string): Promise<NodeJson> => (await api.get<{ content: NodeJson }>(`/api/documents/${documentId}`, await token('tieuban'))).body.content;
  const openEditor = async (page: Page, documentId: string, saved = 'Đã lưu'): Promise<void> => {
    await page.goto(`${base}/documents/${documentId}`);
    await page.getByTestId('save-state').filter({ hasText: saved }).waitFor();
  };
  const typeAtEnd = async (page: Page, blockId: string, text: string, where: 'End' | 'Home' = 'End'): Promise<void> => {
    // the caret must be in the editor before typing: a click while the editor is still becoming
    // editable (authentication, first sync) places none, and the keys would go nowhere
    for (let attempt = 0; ; attempt++) {
      await page.locator(`[data-testid=editor] [data-block-id="${blockId}"]`).click();
      const focused = await page.evaluate(`(() => { const active = document.activeElement; return !!active && active.getAttribute('contenteditable') === 'true' && !!active.closest('[data-testid=editor]'); })()`);
      if (focused) break;
      if (attempt === 20) throw new Error('the editor never took the caret');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await page.keyboard.press(where);
    await page.keyboard.type(text, { delay: 15 });
  };

  beforeAll(async () => {
    // the browser's pages come from the gateway's address: the editor accepts /collab from it
    const port = await freePort();
    system = await seededSystem(['quantri'], { PUBLIC_ORIGINS: `http://127.0.0.1:${port}` });
    gateway = spawnApp('gateway', {
      NODE_ENV: 'production',
      DATABASE_URL: system.database.url,
      REDIS_URL: process.env.REDIS_URL ?? '',
      JWT_SECRET: process.env.JWT_SECRET ?? 'a-test-secret-that-is-long-enough-for-hs256',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      EDITOR_URL: system.editor.url,
      FEEDBACK_URL: system.feedback.url,
    });
    base = `http://127.0.0.1:${port}`;
    api = apiClient(base);
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/login`).then((r) => r.status, () => 0);
      if (up === 200) break;
      if (i > 100 || gateway.hasExited()) throw new Error(`the gateway did not start: ${gateway.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // a second drafter of the province, made by its admin
    const made = await api.post('/api/users', { email: 'tieuban2@vankien.local', fullName: 'Lê Thị Bình', password: 'vankien-demo-2025', role: 'drafter', organizationId: system.org['LC'] }, system.tokens.quantri);
    expect(made.status).toBe(201);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const created of contexts) await created.close().catch(() => undefined);
    await browser?.close();
    await gateway?.stop();
    await system?.closeAll();
  });

  it('serves deep links, signs in, refreshes silently and shows an expired session plainly', async () => {
    const deep = await fetch(`${base}/documents/00000000-0000-4000-8000-000000000000/versions/00000000-0000-4000-8000-000000000001`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);

    const page = await (await context()).newPage();
    await page.goto(`${base}/documents`);
    await page.waitForURL(`${base}/login`);
    // back where the user was going once signed in
    await signIn(page, base, 'tieuban', 'vi', '/documents');
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await shot(page, '01-home-drafter');
    // an access token that has expired: the next request refreshes it without a visible interruption
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('vankien.session'));
      localStorage.setItem('vankien.session', JSON.stringify({ ...session, accessToken: 'expired.token.value', expiresAt: Date.now() + 3600000 }));
    })()`);
    await page.goto(`${base}/documents`);
    await page.getByRole('heading', { name: 'Văn kiện', exact: true }).waitFor();
    await expectCount(page.getByRole('alert'), 0);
    // the refresh has stored its new pair (else, slow under load, it would overwrite what follows)
    const storedAccessToken = () => page.evaluate(`JSON.parse(localStorage.getItem('vankien.session')).accessToken`);
    for (let i = 0; i < 150 && (await storedAccessToken()) === 'expired.token.value'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await storedAccessToken()).not.toBe('expired.token.value');
    // a refused refresh token: the expired-session page
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('vankien.session'));
      localStorage.setItem('vankien.session', JSON.stringify({ ...session, accessToken: 'expired.token.value', refreshToken: 'revoked', expiresAt: Date.now() + 3600000 }));
    })()`);
    await page.goto(`${base}/notifications`);
    // a client-side redirect: polled from here (no script evaluated in the page, which the CSP forbids)
    for (let i = 0; i < 150 && !page.url().endsWith('/session-expired'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(page.url()).toBe(`${base}/session-expired`);
    await page.getByRole('heading', { name: 'Phiên làm việc đã kết thúc' }).waitFor();
    await shot(page, '02-session-expired');
    await page.close();
  });

  it('two drafters edit the same section at once: each sees the other’s text and named cursor, and the server stores the same text', async () => {
    const documentId = await createDocument('Báo cáo chính trị — soạn thảo chung');
    const target = String(paragraphAfter(await liveContent(documentId), '1. Về phát triển kinh tế').attrs!.blockId);
    const [a, b] = [await (await context()).newPage(), await (await context()).newPage()];
    await signIn(a, base, 'tieuban');
    await signIn(b, base, 'tieuban2');
    await Promise.all([openEditor(a, documentId), openEditor(b, documentId)]);
    await Promise.all([typeAtEnd(a, target, ' Tăng trưởng GRDP bình quân 7,5%/năm.'), typeAtEnd(b, target, 'Thu ngân sách vượt dự toán. ', 'Home')]);
    for (const page of [a, b]) {
      const both = (text: string) => text.includes('GRDP bình quân 7,5%/năm.') && text.includes('Thu ngân sách vượt dự toán. ');
      for (let i = 0; i < 150 && !both(await blockText(page, target)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      const text = await blockText(page, target);
      expect(text).toContain('GRDP bình quân 7,5%/năm.');
      expect(text).toContain('Thu ngân sách vượt dự toán. ');
    }
    // each sees the other's cursor with the other's name
    await a.locator('.ProseMirror-yjs-cursor', { hasText: 'Lê Thị Bình' }).waitFor();
    await b.locator('.ProseMirror-yjs-cursor', { hasText: 'Nguyễn Văn An' }).waitFor();
    await a.getByTestId('presence').locator('[data-presence-name="Lê Thị Bình"]').waitFor();
    await Promise.all([a.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor(), b.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor()]);
    await shot(a, '03-editor-two-drafters-a');
    await shot(b, '04-editor-two-drafters-b');
    const [textA, textB] = [await blockText(a, target), await blockText(b, target)];
    expect(textA).toBe(textB);
    const [allA, allB] = [await blockText(a), await blockText(b)];
    expect(allA).toBe(allB);
    await Promise.all([a.close(), b.close()]);
    const stored = findBlock(await liveContent(documentId), (n) => n.attrs?.blockId === target)!;
    expect(textOf(stored)).toBe(textA);
  });

  it('keeps what a drafter typed offline through a closed tab, and sends it when the connection returns', async () => {
    const documentId = await createDocument('Báo cáo chính trị — soạn thảo ngoại tuyến');
    const target = String(paragraphAfter(await liveContent(documentId), '2. Về văn hóa, xã hội').attrs!.blockId);
    const drafter = await context();
    const page = await drafter.newPage();
    await signIn(page, base, 'tieuban');
    await openEditor(page, documentId);
    await drafter.setOffline(true);
    await page.getByTestId('offline-warning').waitFor();
    await typeAtEnd(page, target, ' Viết khi mất mạng ở vùng cao.');
    await shot(page, '05-editor-offline');
    // the local copy (IndexedDB) is written asynchronously; then the tab is closed, still offline
    await page.waitForTimeout(500);
    await page.close();
    expect(textOf(findBlock(await liveContent(documentId), (n) => n.attrs?.blockId === target)!)).not.toContain('mất mạng');
    await drafter.setOffline(false);
    const again = await drafter.newPage();
    await openEditor(again, documentId);
    expect(await blockText(again, target)).toContain('Viết khi mất mạng ở vùng cao.');
    await again.close();
    expect(textOf(findBlock(await liveContent(documentId), (n) => n.attrs?.blockId === target)!)).toContain('Viết khi mất mạng ở vùng cao.');
  });

  let approvalDocument = '';

  it('imports a DOCX with its report and outline, freezes, edits, freezes again, diffs and exports', async () => {
    // a DOCX in the layout of Party documents: the export of a template document
    const source = await createDocument('Nguồn để nhập');
    const exported = await fetch(`${base}/api/documents/${source}/export.docx`, { headers: { authorization: `Bearer ${await token('tieuban')}` } });
    expect(exported.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'vankien-web-')), 'bao-cao-chinh-tri.docx');
    writeFileSync(file, Buffer.from(await exported.arrayBuffer()));

    const page = await (await context()).newPage();
    await signIn(page, base, 'tieuban');
    await page.goto(`${base}/documents`);
    await page.getByRole('link', { name: 'Nhập từ DOCX' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByLabel('Tên văn kiện').fill('Báo cáo chính trị nhập từ Word');
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.getByTestId('import-report').waitFor();
    await shot(page, '06-import-report');
    await page.getByRole('link', { name: 'Mở văn kiện' }).click();
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    const outline = page.getByTestId('outline');
    await outline.locator('[data-section="P2"]').waitFor();
    expect(await outline.locator('[data-section]').count()).toBeGreaterThan(5);
    await shot(page, '07-imported-outline');
    approvalDocument = page.url().split('/').pop()!;

    // freeze, edit, freeze again
    await page.getByRole('link', { name: 'Phiên bản' }).click();
    await page.getByRole('button', { name: 'Chốt phiên bản' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt phiên bản' }).click();
    await page.getByTestId('version-row').filter({ hasText: 'Dự thảo lần 1' }).waitFor();
    await page.getByRole('link', { name: /Báo cáo chính trị nhập từ Word/ }).click();
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    const target = String(paragraphAfter(await liveContent(approvalDocument), '1. Về phát triển kinh tế').attrs!.blockId);
    await typeAtEnd(page, target, ' Sửa sau lần chốt thứ nhất.');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    await page.getByRole('link', { name: 'Phiên bản' }).click();
    await page.getByRole('button', { name: 'Chốt phiên bản' }).click();
    await page.getByRole('dialog').getByLabel('Tên phiên bản').fill('Dự thảo lần 2 (trình Ban Thường vụ)');
    await page.getByRole('dialog').getByRole('button', { name: 'Chốt phiên bản' }).click();
    await page.getByTestId('version-row').filter({ hasText: 'Dự thảo lần 2 (trình Ban Thường vụ)' }).waitFor();
    await shot(page, '08-versions');

    // the diff of the two shows the change, words marked
    await page.getByLabel('So sánh: Dự thảo lần 1').check();
    await page.getByLabel('So sánh: Dự thảo lần 2 (trình Ban Thường vụ)').check();
    await page.getByRole('button', { name: 'So sánh' }).click();
    const changed = page.locator('[data-kind=changed]');
    await changed.first().waitFor();
    await changed.locator('ins', { hasText: 'Sửa sau lần chốt thứ nhất.' }).first().waitFor();
    await shot(page, '09-diff');

    // DOCX export of the second version, read back
    await page.goBack();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('version-row').filter({ hasText: 'Dự thảo lần 2' }).getByRole('button', { name: 'Xuất DOCX' }).click()]);
    const saved = join(tmpdir(), `vankien-web-export-${Date.now()}.docx`);
    await download.saveAs(saved);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(saved) });
    expect(value).toContain('Sửa sau lần chốt thứ nhất.');
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    await page.close();
  });

  it('an approver reads the version sent, opens the diff and approves; at quorum the drafters’ editor says it is final', async () => {
    expect(approvalDocument).not.toBe('');
    const drafter = await (await context()).newPage();
    await signIn(drafter, base, 'tieuban');
    await openEditor(drafter, approvalDocument);
    // the drafters send the latest version from the approval page
    const sender = await (await context()).newPage();
    await signIn(sender, base, 'tieuban');
    await sender.goto(`${base}/documents/${approvalDocument}/approval`);
    await sender.getByLabel('Nội dung tờ trình').fill('Kính trình Ban Thường vụ cho ý kiến.');
    await sender.getByRole('button', { name: 'Trình Ban Thường vụ' }).click();
    await sender.getByTestId('approval-status').filter({ hasText: 'Đang chờ' }).waitFor();
    // the open editor turns read-only at once, and says why
    await drafter.getByTestId('readonly-reason').filter({ hasText: 'đang trình Ban Thường vụ' }).waitFor();
    expect(await drafter.getByTestId('editor').getAttribute('data-readonly')).toBe('true');
    expect(await drafter.locator('[data-testid=editor] .ProseMirror').getAttribute('contenteditable')).toBe('false');

    const approver = await (await context()).newPage();
    await signIn(approver, base, 'thuongvu1');
    // the document itself is read-only for an approver, said plainly
    await approver.goto(`${base}/documents/${approvalDocument}`);
    await approver.getByTestId('readonly-reason').waitFor();
    await shot(approver, '10-approver-document-readonly');
    await approver.getByRole('link', { name: 'Chờ phê duyệt' }).click();
    await approver.getByRole('link', { name: /Dự thảo lần 2/ }).click();
    await approver.getByTestId('readonly-document').waitFor();
    await approver.getByRole('link', { name: 'Xem thay đổi so với bản trình trước' }).click();
    await approver.locator('[data-kind=changed] ins', { hasText: 'Sửa sau lần chốt thứ nhất.' }).waitFor();
    await shot(approver, '11-approver-diff');
    await approver.goBack();
    await approver.getByLabel('Ý kiến').fill('Đồng ý trình Đại hội.');
    await approver.getByRole('button', { name: 'Đồng ý thông qua' }).click();
    await approver.getByTestId('tally').filter({ hasText: '1/2' }).waitFor();
    await shot(approver, '12-approver-decided');

    const second = await (await context()).newPage();
    await signIn(second, base, 'thuongvu2');
    await second.goto(approver.url());
    await second.getByRole('button', { name: 'Đồng ý thông qua' }).click();
    await second.getByTestId('approval-status').filter({ hasText: 'Đã thông qua' }).waitFor();

    await drafter.getByTestId('readonly-reason').filter({ hasText: 'đã được phê duyệt' }).waitFor({ timeout: 20_000 });
    await shot(drafter, '13-drafter-approved');
    await sender.reload();
    await sender.getByTestId('history').filter({ hasText: 'approval.request_approved' }).waitFor();
    for (const page of [drafter, sender, approver, second]) await page.close();
  });

  it('an admin of a district sees its subtree and not the province’s accounts', async () => {
    const made = await api.post('/api/users', { email: 'quantri.td@vankien.local', fullName: 'Quản trị Tam Đường', password: 'vankien-demo-2025', role: 'admin', organizationId: system.org['LC-TD'] }, system.tokens.quantri);
    expect(made.status).toBe(201);
    const page = await (await context()).newPage();
    await signIn(page, base, 'quantri.td');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    const tree = page.getByTestId('org-tree');
    await tree.getByRole('link').first().waitFor();
    const names = await tree.getByRole('link').allInnerTexts();
    expect(names.some((n) => n.includes('Tam Đường'))).toBe(true);
    expect(names.some((n) => /tỉnh Lai Châu/.test(n))).toBe(false);
    await tree.getByRole('link').first().click();
    await page.getByTestId('accounts').getByRole('row').first().waitFor();
    await shot(page, '14-district-admin');
    expect(await page.getByTestId('accounts').innerText()).not.toContain('tieuban@vankien.local');
    // the province by its address: refused, said in the user's language
    await page.goto(`${base}/admin/organizations/${system.org['LC']}`);
    await page.getByText('Chọn một tổ chức trong cây.').waitFor();
    const province = await fetch(`${base}/api/organizations/${system.org['LC']}/memberships`, {
      headers: { authorization: `Bearer ${(await api.post<{ accessToken: string }>('/api/auth/login', { email: 'quantri.td@vankien.local', password: 'vankien-demo-2025' })).body.accessToken}` },
    });
    expect(province.status).toBe(403);
    await page.close();
  });

  it('an admin grants a role to an existing account found without tone marks; a self-grant is refused with the API’s message', async () => {
    const page = await (await context()).newPage();
    await signIn(page, base, 'quantri.td');
    await page.goto(`${base}/admin/organizations/${system.org['LC-TD']}`);
    await page.getByRole('button', { name: 'Giao vai trò cho tài khoản có sẵn' }).click();
    const dialog = page.getByRole('dialog');
    const results = dialog.getByTestId('account-results');
    // the province's accounts are not the district admin's to find
    await dialog.getByLabel('Tìm theo tên hoặc thư điện tử').fill('tieu ban');
    await dialog.getByText('Không tìm thấy tài khoản nào.').waitFor();
    // oneself: the API refuses, and the dialog says why and what to do
    await dialog.getByLabel('Tìm theo tên hoặc thư điện tử').fill('quan tri tam duong');
    await dialog.getByRole('button', { name: /Chọn: Quản trị Tam Đường/ }).click();
    await dialog.getByRole('button', { name: /^Giao vai trò: Quản trị Tam Đường/ }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Không được tự giao vai trò cho chính mình' });
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-error-code')).toBe('GRANT_TO_SELF');
    expect(await refusal.innerText()).toContain('Đề nghị một quản trị viên khác giao vai trò này.');
    await shot(page, '17-grant-refused-self');
    // a cell's clerk, typed without tone marks, gets a role in the district
    await dialog.getByLabel('Tìm theo tên hoặc thư điện tử').fill('chi bo binh lu');
    await results.getByText('chibo.binhlu@vankien.local').waitFor();
    expect(await results.getByRole('row').count()).toBe(1);
    await dialog.getByRole('button', { name: /Chọn: Chi bộ xã Bình Lư/ }).click();
    // the refusal was about the previous choice
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByLabel('Vai trò', { exact: true }).click();
    await page.getByRole('option', { name: 'Người góp ý' }).click();
    await shot(page, '18-grant-dialog');
    await dialog.getByRole('button', { name: /^Giao vai trò: Chi bộ xã Bình Lư/ }).click();
    await page.getByTestId('granted-note').filter({ hasText: 'Đã giao vai trò Người góp ý cho Chi bộ xã Bình Lư.' }).waitFor();
    await page.getByTestId('accounts').getByRole('row').filter({ hasText: 'chibo.binhlu@vankien.local' }).filter({ hasText: 'Người góp ý' }).waitFor();
    await page.close();
  });

  it('edits tables from the toolbar (rows and columns) and moves along the toolbar with the arrow keys', async () => {
    const documentId = await createDocument('Báo cáo chính trị — bảng');
    const target = String(paragraphAfter(await liveContent(documentId), '1. Về phát triển kinh tế').attrs!.blockId);
    const page = await (await context()).newPage();
    await signIn(page, base, 'tieuban');
    await openEditor(page, documentId);
    await typeAtEnd(page, target, '');
    const toolbar = page.getByRole('toolbar', { name: 'Thanh công cụ' });
    await toolbar.getByRole('button', { name: 'Chèn bảng', exact: true }).click();
    const table = page.locator('[data-testid=editor] table:not(.targets)').first();
    await table.waitFor();
    const columns = () => table.locator('tr').first().locator('th, td').count();
    const rows = () => table.locator('tr').count();
    expect([await rows(), await columns()]).toEqual([3, 3]);
    await table.locator('tr').nth(1).locator('td').first().click();
    const tools = page.getByTestId('table-tools');
    await tools.getByRole('button', { name: 'Thêm cột' }).click();
    expect(await columns()).toBe(4);
    await tools.getByRole('button', { name: 'Thêm dòng' }).click();
    expect(await rows()).toBe(4);
    await tools.getByRole('button', { name: 'Xóa dòng' }).click();
    expect(await rows()).toBe(3);
    await tools.getByRole('button', { name: 'Xóa cột' }).click();
    expect(await columns()).toBe(3);
    await shot(page, '19-table-editing');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    const stored = findBlock(await liveContent(documentId), (n) => n.type === 'table')!;
    expect(stored.content!.map((row) => row.content!.length)).toEqual([3, 3, 3]);

    // one Tab stop; the arrows move inside (WAI-ARIA toolbar), Home and End to the ends
    await toolbar.getByLabel('Kiểu đoạn', { exact: true }).focus();
    const focused = () => page.evaluate<string>('document.activeElement.getAttribute("aria-label") || document.activeElement.textContent');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Đậm');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Nghiêng');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Kiểu đoạn');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Làm lại');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('Kiểu đoạn');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Làm lại');
    expect(await toolbar.locator('[tabindex="0"]').count()).toBe(1);
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core) on the main screens', async () => {
    expect(approvalDocument).not.toBe('');
    const found: Record<string, unknown> = {};
    const check = async (page: Page, name: string) => {
      const violations = await seriousAccessibilityViolations(page);
      if (violations.length > 0) found[name] = violations;
      await shot(page, `20-axe-${name.replace(/[^a-z]+/g, '-')}`);
    };
    const drafter = await (await context()).newPage();
    await drafter.goto(`${base}/login`);
    await drafter.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await check(drafter, 'sign in');
    await signIn(drafter, base, 'tieuban');
    await drafter.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await check(drafter, 'home');
    await drafter.goto(`${base}/documents`);
    await drafter.getByRole('heading', { name: 'Văn kiện', exact: true }).waitFor();
    await drafter.getByRole('link', { name: /Báo cáo chính trị nhập từ Word/ }).first().waitFor();
    await check(drafter, 'documents');
    await drafter.goto(`${base}/documents/${approvalDocument}`);
    await drafter.getByTestId('readonly-reason').waitFor();
    await drafter.getByTestId('outline').locator('[data-section]').first().waitFor();
    await check(drafter, 'editor (read-only: approved)');
    const editable = await createDocument('Báo cáo chính trị — kiểm tra tiếp cận');
    await openEditor(drafter, editable);
    await drafter.getByRole('toolbar').waitFor();
    await check(drafter, 'editor');
    await drafter.goto(`${base}/documents/${approvalDocument}/versions`);
    await drafter.getByTestId('version-row').first().waitFor();
    await check(drafter, 'versions');
    const versions = (await api.get<{ id: string; number: number }[]>(`/api/documents/${approvalDocument}/versions`, await token('tieuban'))).body.sort((a, b) => a.number - b.number);
    await drafter.goto(`${base}/documents/${approvalDocument}/diff?from=${versions[0].id}&to=${versions[versions.length - 1].id}`);
    await drafter.locator('[data-kind=changed]').first().waitFor();
    await check(drafter, 'diff');
    await drafter.goto(`${base}/documents/${approvalDocument}/approval`);
    await drafter.getByTestId('approval-status').first().waitFor();
    await check(drafter, 'approval (drafter)');
    const approver = await (await context()).newPage();
    await signIn(approver, base, 'thuongvu1');
    await approver.goto(`${base}/approvals`);
    await approver.getByRole('heading', { level: 1 }).first().waitFor();
    await check(approver, 'approvals inbox');
    const requests = (await api.get<{ id: string }[]>(`/api/approvals?documentId=${approvalDocument}`, await token('thuongvu1'))).body;
    await approver.goto(`${base}/approvals/${requests[0].id}`);
    await approver.getByTestId('readonly-document').waitFor();
    await approver.getByTestId('tally').waitFor();
    await check(approver, 'approval request');
    const admin = await (await context()).newPage();
    await signIn(admin, base, 'quantri');
    await admin.goto(`${base}/admin/organizations/${system.org['LC']}`);
    await admin.getByTestId('accounts').getByRole('row').first().waitFor();
    await check(admin, 'admin');
    await admin.getByRole('button', { name: 'Giao vai trò cho tài khoản có sẵn' }).click();
    await admin.getByRole('dialog').getByTestId('account-results').getByRole('row').first().waitFor();
    // after the dialog's opening transition (mid-fade, every colour is paler than it will be)
    await admin.waitForTimeout(500);
    await check(admin, 'admin: grant a role');
    expect(found).toEqual({});
    for (const page of [drafter, approver, admin]) await page.close();
  });

  it('works in English, remembered, and fits 1366×768 without horizontal scroll', async () => {
    const documentId = await createDocument('Political report, English check');
    const page = await (await context()).newPage();
    await signIn(page, base, 'tieuban', 'en');
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.reload();
    await page.getByRole('heading', { name: /Hello/ }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    for (const path of ['/documents', `/documents/${documentId}/versions`, `/documents/${documentId}/approval`, '/notifications']) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
    }
    await openEditor(page, documentId, 'Saved');
    await page.getByTestId('outline').getByText('Outline').waitFor();
    await page.getByRole('toolbar', { name: 'Toolbar' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, '15-editor-english-1366');
    // larger text (the browser's font size at 125 %): the interface scales, still no horizontal scroll
    await page.evaluate(`document.documentElement.style.fontSize = '125%'`);
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, '15b-editor-larger-text');
    // an error in English, from the API's code, with what to do next and the request id
    await page.goto(`${base}/documents/new`);
    await page.getByRole('button', { name: 'Create document' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Correct the marked fields and send again.' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Request id: [0-9a-f-]{36}/);
    await shot(page, '16-error-english');
    await page.close();
  });

  it('runs under the Content Security Policy the gateway is to send (no inline script, no eval)', () => {
    expect(cspViolations).toEqual([]);
  });
});

// a tiny `expect` for locators (playwright-core has no test runner's assertions)
async function expectCount(locator: { count(): Promise<number> }, count: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await locator.count()) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await locator.count()).toBe(count);
}
