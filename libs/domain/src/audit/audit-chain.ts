import { createHash } from 'node:crypto';

/** The hash that starts the chain (no previous event). */
export const genesisHash = '0'.repeat(64);

export interface AuditEventContent {
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  organizationId: string | null;
  payload: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an event: its content fields only (not its id or stored hashes) after the previous hash. */
export function auditEventHash(previousHash: string, event: AuditEventContent): string {
  const content: AuditEventContent = {
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    organizationId: event.organizationId,
    payload: event.payload,
  };
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface StoredAuditEvent extends AuditEventContent {
  id: string;
  previousHash: string;
  hash: string;
}

export type ChainBreak =
  | { kind: 'edited'; eventId: string; reason: string }
  | { kind: 'missing_before'; eventId: string; reason: string }
  | { kind: 'tail_missing'; eventId: string | null; reason: string };

/**
 * Walks events in id order and returns the first broken link: an event whose content no
 * longer matches its hash (edited), or whose previous hash is not its predecessor's (a row
 * before it was deleted or reordered). `head` is the recorded newest event, which reveals a
 * deleted last event.
 */
export class AuditChainVerifier {
  private previous = genesisHash;
  private lastId: string | null = null;
  private checked = 0;

  /** Returns the break this event reveals, or null. */
  next(event: StoredAuditEvent): ChainBreak | null {
    if (event.previousHash !== this.previous) {
      return {
        kind: 'missing_before',
        eventId: event.id,
        reason: `event ${event.id} points to a previous hash that is not event ${this.lastId ?? '(start)'}'s: an event before it was deleted or altered`,
      };
    }
    const recomputed = auditEventHash(event.previousHash, event);
    if (recomputed !== event.hash) {
      return { kind: 'edited', eventId: event.id, reason: `event ${event.id} was changed after it was written` };
    }
    this.previous = event.hash;
    this.lastId = event.id;
    this.checked += 1;
    return null;
  }

  finish(head: { lastEventId: string | null; lastHash: string } | null): ChainBreak | null {
    const expectedHash = head?.lastHash ?? genesisHash;
    if (expectedHash !== this.previous || (head?.lastEventId ?? null) !== this.lastId) {
      return {
        kind: 'tail_missing',
        eventId: head?.lastEventId ?? null,
        reason: `the chain ends at event ${this.lastId ?? '(none)'} but the head records event ${head?.lastEventId ?? '(none)'}: the newest events were deleted`,
      };
    }
    return null;
  }

  get count(): number {
    return this.checked;
  }
}
