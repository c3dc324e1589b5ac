import { User } from '@vankien/domain';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectClient, waitUntil, type CollabClient } from './support/collab-client';
import { seededSystem, type SeededSystem } from './support/seeded-system';
import { apiClient } from './support/test-app';
import { hocuspocusMessage, openAuthenticated } from './support/raw-collab';

// Presence (Yjs awareness) reaches every drafter of a document: it must say who is really
// there. The server writes the authenticated user's id and name into every state a connection
// sends, keeps only a small cursor besides, and lets no connection overwrite another's presence.

interface PresenceUser {
  id: string;
  name: string;
  color: string;
  readOnly: boolean;
}

describe('presence on /collab carries the server-known identity', () => {
  let system: SeededSystem;
  const clients: CollabClient[] = [];
  let documentId: string;

  const fullName = async (email: string): Promise<{ id: string; fullName: string }> =>
    system.dataSource.getRepository(User).findOneOrFail({ where: { email }, select: { id: true, fullName: true } });

  const presenceOf = (observer: CollabClient, clientId: number): Record<string, unknown> | undefined => observer.provider.awareness?.getStates().get(clientId);

  beforeAll(async () => {
    system = await seededSystem(['tieuban', 'thuongvu1']);
    const created = await apiClient(system.editor.url).post<{ id: string }>(
      '/api/documents',
      { organizationId: system.org.LC, kind: 'resolution', title: 'Nghị quyết', term: '2025–2030' },
      system.tokens.tieuban,
    );
    documentId = created.body.id;
  });

  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
  });

  afterAll(async () => {
    await system?.closeAll();
  });

  it('a read-only connection that claims another name shows up under its own, marked read-only, with nothing else it made up', async () => {
    const drafter = await connectClient(system.editor.url, documentId, system.tokens.tieuban);
    const reader = await connectClient(system.editor.url, documentId, system.tokens.thuongvu1);
    clients.push(drafter, reader);
    expect(reader.readOnly()).toBe(true);

    reader.provider.setAwarenessField('user', { name: 'Bí thư Tỉnh ủy', color: '#000000' });
    reader.provider.setAwarenessField('note', 'x'.repeat(20_000));
    drafter.provider.setAwarenessField('user', { name: 'Tiểu ban', color: '#ffffff' });
    const readerId = reader.ydoc.clientID;
    await waitUntil(() => presenceOf(drafter, readerId)?.user !== undefined, 5_000, 'the reader’s presence to reach the drafter');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const approver = await fullName('thuongvu1@vankien.local');
    const seen = presenceOf(drafter, readerId) as { user: PresenceUser; note?: string };
    expect(seen.user).toEqual({ id: approver.id, name: approver.fullName, color: expect.stringMatching(/^#[0-9a-f]{6}$/), readOnly: true });
    expect(seen.note).toBeUndefined();
    const drafterUser = await fullName('tieuban@vankien.local');
    await waitUntil(() => (presenceOf(reader, drafter.ydoc.clientID)?.user as PresenceUser | undefined)?.id === drafterUser.id, 5_000, 'the drafter’s presence');
    expect((presenceOf(reader, drafter.ydoc.clientID) as { user: PresenceUser }).user).toMatchObject({ name: drafterUser.fullName, readOnly: false });
  });

  it('a connection cannot overwrite or remove the presence of a client id another connection owns', async () => {
    const drafter = await connectClient(system.editor.url, documentId, system.tokens.tieuban);
    const observer = await connectClient(system.editor.url, documentId, system.tokens.tieuban);
    clients.push(drafter, observer);
    drafter.provider.setAwarenessField('user', { name: 'Tiểu ban' });
    const victim = drafter.ydoc.clientID;
    await waitUntil(() => presenceOf(observer, victim)?.user !== undefined, 5_000, 'the drafter’s presence');

    // a reader's socket sends a state for the drafter's client id, with a far higher clock
    const forgedDocument = new Y.Doc();
    forgedDocument.clientID = victim;
    const forged = new Awareness(forgedDocument);
    for (let clock = 0; clock < 50; clock += 1) forged.setLocalState({ user: { name: 'Giả mạo', clock } });
    const update = encodeAwarenessUpdate(forged, [victim]);
    forged.destroy();
    const { socket } = await openAuthenticated(system.editor.url, documentId, system.tokens.thuongvu1);
    socket.send(hocuspocusMessage(documentId, 1, (encoder) => encoding.writeVarUint8Array(encoder, update)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.close();

    const drafterUser = await fullName('tieuban@vankien.local');
    const seen = (presenceOf(observer, victim) as { user: PresenceUser }).user;
    expect(seen.name).not.toBe('Giả mạo');
    expect(seen).toMatchObject({ id: drafterUser.id, name: drafterUser.fullName });
  });
});
