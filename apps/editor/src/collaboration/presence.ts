import { createHash } from 'node:crypto';

/** Who a connection is, as the server knows it (never as the client says). */
export interface PresenceIdentity {
  userId: string;
  name: string;
  readOnly: boolean;
}

/** A cursor is a pair of relative positions (y-prosemirror): a few hundred bytes at most. */
const maxCursorChars = 1_024;

const colours = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#117a65', '#a04000', '#2e4053'];

/** A stable colour per user, so that no client chooses how another user's presence looks. */
export function presenceColour(userId: string): string {
  return colours[createHash('sha256').update(userId).digest()[0] % colours.length];
}

function cursorOf(state: Record<string, unknown>): unknown {
  const cursor = state.cursor;
  if (cursor === null) return null;
  if (typeof cursor !== 'object' || cursor === undefined) return undefined;
  const text = JSON.stringify(cursor);
  return text.length <= maxCursorChars ? cursor : undefined;
}

/**
 * Rewrites an inbound awareness update (Yjs client id → state) before anyone else sees it:
 * - `user` is the authenticated user's id, name and colour, and whether they only read: a
 *   reader (or anyone) cannot appear under another name;
 * - besides it only `cursor` is kept, and only if it is small; any other field is dropped, so
 *   presence carries nothing a client made up, and no large state is fanned out to every editor;
 * - a state for a client id that another connection of this instance owns is dropped: one
 *   connection cannot overwrite or remove another's presence.
 */
export function rewritePresence(
  states: Map<number, Record<string, unknown>>,
  identity: PresenceIdentity,
  ownedByAnother: (clientId: number) => boolean,
): void {
  for (const [clientId, state] of states) {
    if (ownedByAnother(clientId)) {
      states.delete(clientId);
      continue;
    }
    const rewritten: Record<string, unknown> = {
      user: { id: identity.userId, name: identity.name, color: presenceColour(identity.userId), readOnly: identity.readOnly },
    };
    const cursor = typeof state === 'object' && state !== null ? cursorOf(state) : undefined;
    if (cursor !== undefined) rewritten.cursor = cursor;
    states.set(clientId, rewritten);
  }
}
