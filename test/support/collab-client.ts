import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

// the v4 provider needs a global WebSocket in Node (it ignores the old WebSocketPolyfill option)
Object.assign(globalThis, { WebSocket: (globalThis as { WebSocket?: unknown }).WebSocket ?? WebSocket });

export interface CollabClient {
  provider: HocuspocusProvider;
  ydoc: Y.Doc;
  readOnly(): boolean;
  /** The close events the provider saw (code and reason), oldest first. */
  closes: { code: number; reason: string }[];
  close(): void;
}

/** A token, or a function the provider calls for one on each (re)connection and when the server asks. */
export type TokenSource = string | (() => string) | (() => Promise<string>);

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Connects a real Hocuspocus provider over WebSocket and waits for the first sync (or refusal). */
export async function connectClient(baseUrl: string, documentId: string, token: TokenSource, timeoutMs = 15_000): Promise<CollabClient> {
  const ydoc = new Y.Doc();
  let failure: string | undefined;
  let readOnly = false;
  const closes: CollabClient['closes'] = [];
  const provider = new HocuspocusProvider({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    name: documentId,
    token,
    document: ydoc,
    onAuthenticationFailed: ({ reason }) => {
      failure = `authentication failed: ${reason}`;
    },
    onAuthenticated: ({ scope }) => {
      readOnly = scope === 'readonly';
    },
    onClose: ({ event }) => {
      closes.push({ code: event.code, reason: event.reason });
    },
  });
  try {
    await waitUntil(() => provider.isSynced || failure !== undefined, timeoutMs, `the first sync of ${documentId}`);
  } catch (error) {
    provider.destroy();
    throw error;
  }
  if (failure) {
    provider.destroy();
    throw new Error(failure);
  }
  return { provider, ydoc, readOnly: () => readOnly, closes, close: () => provider.destroy() };
}

/** Waits until the server has acknowledged every local change (its SyncStatus replies). */
export function allSaved(client: CollabClient, timeoutMs = 15_000): Promise<void> {
  return waitUntil(() => !client.provider.hasUnsyncedChanges, timeoutMs, 'the server to acknowledge every change');
}

/** The text of the paragraph (or heading) with this block id, as Yjs holds it. */
export function blockText(ydoc: Y.Doc, blockId: string): string {
  const element = findBlock(ydoc, blockId);
  return element ? element.toArray().map((child) => (child instanceof Y.XmlText ? child.toString().replace(/<[^>]+>/g, '') : '')).join('') : '';
}

export function findBlock(ydoc: Y.Doc, blockId: string): Y.XmlElement | undefined {
  const fragment = ydoc.getXmlFragment('prosemirror');
  const walker = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.getAttribute('blockId') === blockId);
  const found = walker.next();
  return found.done ? undefined : (found.value as Y.XmlElement);
}

/** Types `text` at `offset` of a block's first text node, as a user in the editor would. */
export function typeInto(ydoc: Y.Doc, blockId: string, offset: number, text: string): void {
  const element = findBlock(ydoc, blockId);
  if (!element) throw new Error(`no block ${blockId}`);
  let textNode = element.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  ydoc.transact(() => {
    if (!textNode) {
      textNode = new Y.XmlText();
      element.insert(0, [textNode]);
    }
    textNode.insert(Math.min(offset, textNode.length), text);
  });
}
