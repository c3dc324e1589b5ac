import { HocuspocusProvider, type AuthorizedScope } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { DOCUMENT_FRAGMENT_NAME } from '@vankien/document-schema';
import { accessToken, refreshSession, readSession } from '../../../lib/session';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface CollabState {
  status: ConnectionStatus;
  /** changes not yet acknowledged by the server (stored in PostgreSQL before it acknowledges) */
  unsynced: number;
  synced: boolean;
  scope: AuthorizedScope | undefined;
  /** the local copy (IndexedDB) has been read */
  localLoaded: boolean;
  /** the browser says it has a network */
  online: boolean;
  /** connected once at least: a later disconnection is a lost connection, not a slow start */
  wasConnected: boolean;
}

export interface CollabSession {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  provider: HocuspocusProvider;
  local: IndexeddbPersistence;
  state(): CollabState;
  subscribe(listener: (state: CollabState) => void): () => void;
  destroy(): void;
}

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * One collaboration session per open document, destroyed with it: the Y.Doc, its local copy in
 * IndexedDB (edits made offline survive a closed tab and merge when the connection returns), and
 * the Hocuspocus provider on /collab with the access token (fresh on every reconnect).
 */
export function openCollabSession(documentId: string, user: { id: string; name: string; color: string }): CollabSession {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment(DOCUMENT_FRAGMENT_NAME);
  // the local copy is per account, so two accounts on one computer never mix their offline edits
  const local = new IndexeddbPersistence(`vankien:${user.id}:${documentId}`, ydoc);
  let state: CollabState = { status: 'connecting', unsynced: 0, synced: false, scope: undefined, localLoaded: false, online: navigator.onLine, wasConnected: false };
  const listeners = new Set<(state: CollabState) => void>();
  const set = (patch: Partial<CollabState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };
  void local.whenSynced.then(() => set({ localLoaded: true }));

  const provider = new HocuspocusProvider({
    url: collabUrl(),
    name: documentId,
    document: ydoc,
    token: async () => (await accessToken()) ?? '',
    onStatus: ({ status }) => set({ status: status as ConnectionStatus, wasConnected: state.wasConnected || status === 'connected' }),
    onSynced: () => set({ synced: true }),
    onUnsyncedChanges: ({ number }) => set({ unsynced: number }),
    onAuthenticated: ({ scope }) => set({ scope }),
    onAuthenticationFailed: () => {
      // an expired access token: refresh it, and the provider's next attempt sends the new one
      const session = readSession();
      if (session) void refreshSession(session.accessToken);
    },
  });
  provider.setAwarenessField('user', { id: user.id, name: user.name, color: user.color });
  // the browser knows at once when the network goes (a socket can look open for a long time):
  // stop, keep editing locally, and reconnect when it returns
  const offline = () => {
    set({ online: false });
    provider.disconnect();
  };
  const online = () => {
    set({ online: true });
    void provider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  return {
    ydoc,
    fragment,
    provider,
    local,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      listeners.clear();
      provider.destroy();
      void local.destroy();
      ydoc.destroy();
    },
  };
}
