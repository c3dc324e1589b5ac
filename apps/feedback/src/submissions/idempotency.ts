import { createHash } from 'node:crypto';
import { IdempotencyRecord } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, EntityManager } from 'typeorm';
import { SubmissionErrors } from './submission-errors';

export interface StoredAnswer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `work` at most once per (user, Idempotency-Key): in the same transaction as the work,
 * the key is claimed (a concurrent retry waits on it), and the answer is stored with it. A retry
 * of the same request gets the stored answer; the same key with a different request is refused.
 * A failed request stores nothing, so it may be retried.
 */
export async function onceForKey<T>(
  dataSource: DataSource,
  scope: { userId: string; key: string; name: string; request: unknown },
  work: (manager: EntityManager) => Promise<{ status: number; body: T }>,
): Promise<StoredAnswer<T>> {
  // a retry sends the same body: its parsed form serialises the same (no key sorting needed)
  const requestSha256 = createHash('sha256').update(JSON.stringify(scope.request)).digest('hex');
  return dataSource.transaction(async (manager) => {
    const claimed = await manager.query(
      `INSERT INTO idempotency_records (user_id, key, scope, request_sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [scope.userId, scope.key, scope.name, requestSha256],
    );
    if (claimed.length === 0) {
      const stored = await manager.getRepository(IdempotencyRecord).findOneOrFail({ where: { userId: scope.userId, key: scope.key } });
      if (stored.scope !== scope.name || stored.requestSha256 !== requestSha256) throw new AppError(SubmissionErrors.IDEMPOTENCY_KEY_REUSED, { key: scope.key });
      return { status: stored.statusCode ?? 200, body: stored.response as T, replayed: true };
    }
    const answer = await work(manager);
    await manager.getRepository(IdempotencyRecord).update({ userId: scope.userId, key: scope.key }, { statusCode: answer.status, response: answer.body as object });
    return { ...answer, replayed: false };
  });
}
