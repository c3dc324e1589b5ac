import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS } from '@vankien/platform';
import type Redis from 'ioredis';

/**
 * The Redis channel on which a change to someone's rights is announced to every instance of
 * every app (the editor closes or downgrades the collaboration connections it holds for them),
 * in the same way as document locks are announced on `vankien:documents:locked`.
 */
export const sessionEventsChannel = 'vankien:sessions:changed';

/**
 * - `logout`: the sessions and the access token named are over;
 * - `roles-changed`: a role of the user was granted or revoked: what they may do must be asked again.
 */
export type SessionEvent =
  | { type: 'logout'; userId: string; sessionIds: string[]; tokenId: string }
  | { type: 'roles-changed'; userId: string };

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads a published event; anything else (another version's shape, garbage) answers null. */
export function parseSessionEvent(text: string): SessionEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (typeof event.userId !== 'string') return null;
  if (event.type === 'roles-changed') return { type: 'roles-changed', userId: event.userId };
  if (event.type === 'logout' && isStringArray(event.sessionIds) && typeof event.tokenId === 'string') {
    return { type: 'logout', userId: event.userId, sessionIds: event.sessionIds, tokenId: event.tokenId };
  }
  return null;
}

/** Publishes session events (after the change they announce is committed). */
@Injectable()
export class SessionEvents {
  private readonly logger = new Logger(SessionEvents.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Never throws: the change is already committed, and a lost announcement is caught up by the
   * collaboration server itself, which asks again for the rights when the connection's access
   * token expires (JWT_ACCESS_TTL_SECONDS at most).
   */
  async publish(event: SessionEvent): Promise<void> {
    await this.redis.publish(sessionEventsChannel, JSON.stringify(event)).catch((error: Error) => {
      this.logger.warn(`session event ${event.type} of ${event.userId} not published: ${error.message}`);
    });
  }
}
