import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditEvent, roundSectionCatalogue } from '@vankien/database';
import { CommentImport, type CommentImportFormat } from '@vankien/domain';
import { buildCommentTemplate, type CommentTableResult } from '@vankien/office';
import { AppError } from '@vankien/platform';
import { JobProducer } from '@vankien/queue';
import { DataSource } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import type { CommentInput } from './dto/submission.dto';
import type { ImportConfirmedView, ImportView } from './dto/submission-views.dto';
import { SubmissionErrors } from './submission-errors';
import { SubmissionsService } from './submissions.service';

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format from the name, checked against the bytes (both are ZIP: the worker tells them apart). */
export function uploadFormat(filename: string, content: Buffer): CommentImportFormat {
  const extension = filename.toLowerCase().split('.').pop();
  if ((extension !== 'xlsx' && extension !== 'docx') || !content.subarray(0, 4).equals(zipSignature)) {
    throw new AppError(SubmissionErrors.UNSUPPORTED_FILE, { filename });
  }
  return extension;
}

/** Word and Excel tables of comments: uploaded, read by the worker, previewed, confirmed. */
@Injectable()
export class CommentImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
    private readonly rounds: RoundsService,
    private readonly producer: JobProducer,
  ) {}

  async upload(userId: string, submissionId: string, filename: string, content: Buffer): Promise<ImportView> {
    await this.submissions.authorize(userId, 'submission.write', submissionId);
    const format = uploadFormat(filename, content);
    const upload = this.dataSource.getRepository(CommentImport).create({ submissionId, format, filename: filename.slice(0, 255), file: content, status: 'queued', progress: 0, result: null, error: null, createdById: userId });
    await this.dataSource.getRepository(CommentImport).save(upload);
    await this.producer.enqueue('imports.comment-table', { importId: upload.id });
    return this.view(upload);
  }

  async get(userId: string, submissionId: string, importId: string): Promise<ImportView> {
    await this.submissions.authorize(userId, 'submission.read', submissionId);
    return this.view(await this.find(submissionId, importId));
  }

  /** Adds the rows that resolved and have no problem, all together; the others are reported. */
  async confirm(userId: string, submissionId: string, importId: string): Promise<ImportConfirmedView> {
    await this.submissions.authorize(userId, 'submission.write', submissionId);
    const upload = await this.find(submissionId, importId);
    if (upload.status !== 'preview' || !upload.result) throw new AppError(SubmissionErrors.IMPORT_NOT_READY, { status: upload.status });
    const rows = (upload.result as CommentTableResult).rows;
    const ready = rows.filter((row) => row.resolved && row.problems.length === 0);
    const inputs: CommentInput[] = ready.map((row) => ({
      documentVersionId: row.resolved?.documentVersionId,
      blockId: row.resolved?.blockId ?? '',
      kind: row.kind,
      text: row.text,
      ...(row.supporters ? { supporters: row.supporters } : {}),
      ...(row.supportersTotal ? { supportersTotal: row.supportersTotal } : {}),
    }));
    // the key makes a double confirmation harmless: the second gets the first's answer
    const answer = inputs.length ? await this.submissions.addComments(userId, submissionId, inputs, `import-${importId}`) : null;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CommentImport).update({ id: importId }, { status: 'confirmed' });
      await appendAuditEvent(manager, { actorId: userId, action: 'submission.imported', subjectType: 'submission', subjectId: submissionId, payload: { importId, filename: upload.filename, added: inputs.length } });
    });
    return { added: answer?.body.added ?? 0, skippedRows: rows.filter((row) => !ready.includes(row)).map((row) => row.rowNumber) };
  }

  /** An XLSX a unit fills in, pre-filled with the sections of the round's documents. */
  async template(userId: string, roundId: string): Promise<{ filename: string; content: Buffer }> {
    const { round } = await this.rounds.authorize(userId, 'round.read', roundId);
    const documents = await roundSectionCatalogue(this.dataSource.manager, roundId);
    return { filename: 'mau-gop-y.xlsx', content: await buildCommentTemplate({ title: round.title, documents }) };
  }

  private async find(submissionId: string, importId: string): Promise<CommentImport> {
    const upload = await this.dataSource.getRepository(CommentImport).findOne({ where: { id: importId, submissionId } });
    if (!upload) throw new AppError(SubmissionErrors.IMPORT_NOT_FOUND, { importId });
    return upload;
  }

  private view(upload: CommentImport): ImportView {
    const preview = (upload.result as CommentTableResult | null) ?? null;
    const ready = preview ? preview.rows.filter((row) => row.resolved && row.problems.length === 0).length : 0;
    return {
      id: upload.id,
      filename: upload.filename,
      format: upload.format,
      status: upload.status,
      progress: upload.progress,
      ready,
      unresolved: preview ? preview.rows.length - ready : 0,
      preview,
      error: upload.error,
    };
  }
}
