import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobPayloads } from '@vankien/queue';
import { DataSource } from 'typeorm';
import type { JobHandler } from './job-handler';

/**
 * Deletes refresh tokens nobody can use any more: expired or revoked more than `graceDays`
 * ago. A used token is kept until it expires, because presenting it again is how a stolen
 * token is detected.
 */
@Injectable()
export class PurgeRefreshTokensHandler implements JobHandler<'maintenance.purge-refresh-tokens'> {
  readonly name = 'maintenance.purge-refresh-tokens' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: JobPayloads['maintenance.purge-refresh-tokens']): Promise<{ deleted: number }> {
    const result = await this.dataSource.query(
      `DELETE FROM refresh_tokens
        WHERE expires_at < now() - make_interval(days => $1)
           OR revoked_at < now() - make_interval(days => $1)`,
      [payload.graceDays],
    );
    return { deleted: Array.isArray(result) ? Number(result[1] ?? 0) : 0 };
  }
}
