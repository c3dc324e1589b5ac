import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { buildBlockIndex, congressSchema } from '@vankien/document-schema';
import { loadYDoc } from '@vankien/database';
import { DocumentUpdate } from '@vankien/domain';
import { blockText, connectClient, allSaved, typeInto, waitUntil, type CollabClient, type TokenSource } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient, login } from './support/test-app';

// A collaboration connection lives as long as its rights: a role revoked, a logout, or an
// access token that runs out with no fresh one sent ends it, and what it sends afterwards is
// never stored. Each case goes through a real provider over a real socket.

interface DocumentView {
  id: string;
  content: Parameters<typeof congressSchema.nodeFromJSON>[0];
}

describe('collaboration connections end with their rights', () => {
  let system: SeededSystem;
  let feedbackApi: ReturnType<typeof apiClient>;
  let editorApi: ReturnType<typeof apiClient>;
  const clients: CollabClient[] = [];

  const connect = async (documentId: string, token: TokenSource): Promise<CollabClient> => {
    const client = await connectClient(system.editor.url, documentId, token);
    clients.push(client);
    return client;
  };

  const newDocument = async (): Promise<{ id: string; blockId: string }> => {
    const created = await editorApi.post<DocumentView>(
      '/api/documents',
      { organizationId: system.org.LC, kind: 'political_report', title: 'Báo cáo chính trị', term: '2025–2030' },
      system.tokens.tieuban,
    );
    expect(created.status).toBe(201);
    const paragraph = buildBlockIndex(congressSchema.nodeFromJSON(created.body.content)).find((block) => block.type === 'paragraph');
    if (!paragraph) throw new Error('no paragraph');
    return { id: created.body.id, blockId: paragraph.blockId };
  };

  const storedRows = (documentId: string): Promise<number> => system.dataSource.getRepository(DocumentUpdate).countBy({ documentId });
  const storedText = async (documentId: string, blockId: string): Promise<string> => blockText((await loadYDoc(system.dataSource, documentId)).ydoc, blockId);

  /**
   * Types after the connection's rights are gone and gives the server time to store it if it
   * would: the provider sends at once while connected, and again on every reconnection.
   */
  const typeAfterwards = async (client: CollabClient, blockId: string, text: string): Promise<void> => {
    typeInto(client.ydoc, blockId, 0, text);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  };

  /** Waits (bounded, without failing) for the server to close the client's connection. */
  const closedWith = async (client: CollabClient, code: number): Promise<void> => {
    await waitUntil(() => client.closes.some((close) => close.code === code), 5_000, `close ${code}`).catch(() => undefined);
  };

  /** A new account with one role in LC, logged in. */
  const newAccount = async (role: 'drafter' | 'approver'): Promise<{ userId: string; membershipId: string; accessToken: string; refreshToken: string }> => {
    const email = `tam.${randomUUID().slice(0, 8)}@vankien.local`;
    const password = 'mat-khau-du-dai-2025';
    const created = await feedbackApi.post<{ id: string }>(
      '/api/users',
      { email, fullName: 'Nguyễn Văn Tạm', password, organizationId: system.org.LC, role },
      system.tokens.quantri,
    );
    expect(created.status).toBe(201);
    const memberships = await feedbackApi.get<{ id: string; userId: string; role: string }[]>(`/api/organizations/${system.org.LC}/memberships`, system.tokens.quantri);
    const membership = memberships.body.find((entry) => entry.userId === created.body.id && entry.role === role);
    if (!membership) throw new Error('no membership');
    return { userId: created.body.id, membershipId: membership.id, ...(await login(system.feedback.url, email, password)) };
  };

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'quantri']);
    feedbackApi = apiClient(system.feedback.url);
    editorApi = apiClient(system.editor.url);
  });

  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  it('a drafter whose role is revoked is cut off (4403): what they type afterwards is not stored', async () => {
    const document = await newDocument();
    const account = await newAccount('drafter');
    const client = await connect(document.id, account.accessToken);
    expect(client.readOnly()).toBe(false);
    typeInto(client.ydoc, document.blockId, 0, 'Trước khi thu hồi. ');
    await allSaved(client);
    const rows = await storedRows(document.id);

    const revoked = await feedbackApi.delete(`/api/organizations/${system.org.LC}/memberships/${account.membershipId}`, system.tokens.quantri);
    expect(revoked.status).toBe(204);
    await closedWith(client, 4403);
    await typeAfterwards(client, document.blockId, 'Sau khi thu hồi. ');

    expect(await storedRows(document.id)).toBe(rows);
    expect(await storedText(document.id, document.blockId)).not.toContain('Sau khi thu hồi');
    expect(client.closes.map((close) => close.code)).toContain(4403);
  });

  it('a drafter made approver goes on read-only after the change (an approver reads, never edits)', async () => {
    const document = await newDocument();
    const account = await newAccount('drafter');
    const client = await connect(document.id, account.accessToken);
    const grant = await feedbackApi.post(`/api/organizations/${system.org.LC}/memberships`, { userId: account.userId, role: 'approver' }, system.tokens.quantri);
    expect(grant.status).toBe(201);
    // a grant alone takes nothing away: the connection still writes
    typeInto(client.ydoc, document.blockId, 0, 'Vẫn soạn. ');
    await allSaved(client);
    expect(await storedText(document.id, document.blockId)).toContain('Vẫn soạn.');

    await feedbackApi.delete(`/api/organizations/${system.org.LC}/memberships/${account.membershipId}`, system.tokens.quantri);
    await closedWith(client, 4403);
    await waitUntil(() => client.provider.isSynced && client.readOnly(), 10_000, 'the provider to reconnect read-only').catch(() => undefined);
    const rows = await storedRows(document.id);
    await typeAfterwards(client, document.blockId, 'Sửa khi chỉ được đọc. ');
    expect(await storedRows(document.id)).toBe(rows);
    expect(client.readOnly()).toBe(true);
  });

  it('a drafter who logs out is cut off (4410); the access token gets 401 and cannot open /collab again', async () => {
    const document = await newDocument();
    const session = await login(system.feedback.url, 'tieuban@vankien.local');
    const client = await connect(document.id, session.accessToken);
    typeInto(client.ydoc, document.blockId, 0, 'Trước khi đăng xuất. ');
    await allSaved(client);
    const rows = await storedRows(document.id);

    const logout = await feedbackApi.post('/api/auth/logout', { refreshToken: session.refreshToken }, session.accessToken);
    expect(logout.status).toBe(204);
    await closedWith(client, 4410);
    await typeAfterwards(client, document.blockId, 'Sau khi đăng xuất. ');

    expect(await storedRows(document.id)).toBe(rows);
    expect(await storedText(document.id, document.blockId)).not.toContain('Sau khi đăng xuất');
    expect(client.closes.map((close) => close.code)).toContain(4410);
    const rest = await editorApi.get<{ code: string }>(`/api/documents/${document.id}`, session.accessToken);
    expect([rest.status, rest.body.code]).toEqual([401, 'SESSION_ENDED']);
    await expect(connectClient(system.editor.url, document.id, session.accessToken, 5_000)).rejects.toThrow(/authentication failed/);
    // the user's other sessions are untouched
    expect((await editorApi.get(`/api/documents/${document.id}`, system.tokens.tieuban)).status).toBe(200);
  });

  describe('access tokens that expire while the socket stays open', () => {
    let userId: string;
    /** An access token of tieuban that expires in `seconds` (the configured minimum is 30 s). */
    const shortToken = (seconds: number): string =>
      new JwtService({ secret: process.env.JWT_SECRET }).sign(
        { sub: userId, email: 'tieuban@vankien.local', typ: 'access', jti: randomUUID(), sid: randomUUID() },
        { expiresIn: seconds },
      );

    beforeAll(async () => {
      userId = (await feedbackApi.get<{ id: string }>('/api/me', system.tokens.tieuban)).body.id;
    });

    it('a provider that sends no fresh token is cut off at expiry (4419): what it types afterwards is not stored', async () => {
      const document = await newDocument();
      const token = shortToken(3);
      const expiresAt = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
      const client = await connect(document.id, token);
      typeInto(client.ydoc, document.blockId, 0, 'Còn hạn. ');
      await allSaved(client);
      const rows = await storedRows(document.id);

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 200));
      await typeAfterwards(client, document.blockId, 'Hết hạn. ');
      expect(await storedRows(document.id)).toBe(rows);
      expect(await storedText(document.id, document.blockId)).not.toContain('Hết hạn');
      expect(client.closes.map((close) => close.code)).toContain(4419);
    });

    it('a provider that answers the request for a fresh token keeps writing past the first token’s expiry', async () => {
      const document = await newDocument();
      const first = shortToken(3);
      let calls = 0;
      // the first (re)connection gets the short token; the server's request then gets a fresh one
      const client = await connect(document.id, () => (calls++ === 0 ? first : system.tokens.tieuban));
      const expiresAt = (JSON.parse(Buffer.from(first.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 1_200));
      typeInto(client.ydoc, document.blockId, 0, 'Mã mới. ');
      await allSaved(client);
      expect(await storedText(document.id, document.blockId)).toContain('Mã mới.');
      expect(client.closes).toEqual([]);
      expect(calls).toBe(2);
    });
  });
});
