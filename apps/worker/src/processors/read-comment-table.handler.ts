import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { roundSectionCatalogue } from '@vankien/database';
import { CommentImport, Submission } from '@vankien/domain';
import { isOfficeFileError, readCommentTable } from '@vankien/office';
import type { JobPayloads } from '@vankien/queue';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type { JobHandler } from './job-handler';

/**
 * Reads an uploaded comment table (off the request path: large files take seconds) into a
 * preview: each row with the section it resolved to and its problems. Nothing is added to the
 * submission here; the clerk confirms the preview. Safe to run twice: a finished import is left alone.
 */
@Injectable()
export class ReadCommentTableHandler implements JobHandler<'imports.comment-table'> {
  readonly name = 'imports.comment-table' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(payload: JobPayloads['imports.comment-table'], job?: Job): Promise<{ rows: number } | { skipped: string }> {
    const imports = this.dataSource.getRepository(CommentImport);
    const upload = await imports.findOne({ where: { id: payload.importId } });
    if (!upload || (upload.status !== 'queued' && upload.status !== 'parsing')) return { skipped: upload?.status ?? 'missing' };
    await imports.update({ id: upload.id }, { status: 'parsing', progress: 0 });
    const submission = await this.dataSource.getRepository(Submission).findOneOrFail({ where: { id: upload.submissionId } });
    const documents = await roundSectionCatalogue(this.dataSource.manager, submission.roundId);
    let lastReported = 0;
    try {
      const result = await readCommentTable(upload.file, upload.format, {
        documents,
        onProgress: (rowsRead) => {
          if (rowsRead - lastReported < 1000 && rowsRead !== 0) return;
          lastReported = rowsRead;
          void imports.update({ id: upload.id }, { progress: rowsRead });
          void job?.updateProgress({ rowsRead });
        },
      });
      await imports.update({ id: upload.id }, { status: 'preview', progress: result.rows.length, result: result as unknown as object });
      return { rows: result.rows.length };
    } catch (error) {
      if (!isOfficeFileError(error)) throw error;
      // a file that is not what it claims will not get better on retry
      await imports.update({ id: upload.id }, { status: 'failed', error: { code: error.code, vi: error.vi, en: error.en } });
      return { rows: 0 };
    }
  }
}
