import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditEvent, roundSectionCatalogue } from '@vankien/database';
import { CommentImport, type CommentImportFormat } from '@vankien/domain';
import { buildCommentTemplate, type CommentTableResult, type CommentTableRow } from '@vankien/office';
import { AppError } from '@vankien/platform';
import { JobProducer } from '@vankien/queue';
import { DataSource } from 'typeorm';
import { RoundsService } from '../rounds/rounds.service';
import type { ConfirmImportView, ImportDocumentOutline, ImportRowOverride } from './dto/comment-import.dto';
import type { CommentInput } from './dto/submission.dto';
import type { ImportView } from './dto/submission-views.dto';
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

/**
 * What confirming does with a row: its section (the clerk's choice, else the one resolved), or
 * why it is left out. A row is ready when it resolved surely and has no problem; choosing its
 * section clears the problem that was about the section, nothing else.
 */
export function decideRow(row: CommentTableRow, change: ImportRowOverride | undefined): { documentVersionId: string; blockId: string } | { reason: string } {
  if (change?.leaveOut === true) return { reason: 'Bỏ qua theo lựa chọn của người nhập / left out by the clerk' };
  const chosen = change?.blockId !== undefined && change.documentVersionId !== undefined ? { documentVersionId: change.documentVersionId, blockId: change.blockId } : null;
  const problems = chosen === null ? row.problems : row.problems.filter((problem) => problem !== row.sectionProblem);
  if (problems.length > 0) return { reason: problems.join('; ') };
  if (chosen !== null) return chosen;
  // (a preview stored before rows said how sure they were counts a resolved row as sure)
  if (row.resolved === null || row.confidence === 'unsure') return { reason: 'Chưa xác định được mục; hãy chọn mục / no section: choose one' };
  return { documentVersionId: row.resolved.documentVersionId, blockId: row.resolved.blockId };
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

  /**
   * Adds the rows that are ready, all together, with the clerk's changes: a row's section (a
   * block of the round's documents, e.g. one of an unsure row's candidates), its kind, or leaving
   * it out. Rows still not ready are left out, each with why.
   */
  async confirm(userId: string, submissionId: string, importId: string, overrides: readonly ImportRowOverride[] = []): Promise<ConfirmImportView> {
    const { submission } = await this.submissions.authorize(userId, 'submission.write', submissionId);
    const upload = await this.find(submissionId, importId);
    if (upload.status !== 'preview' || !upload.result) throw new AppError(SubmissionErrors.IMPORT_NOT_READY, { status: upload.status });
    const rows = (upload.result as CommentTableResult).rows;
    const documents = await roundSectionCatalogue(this.dataSource.manager, submission.roundId);
    const byRow = new Map(rows.map((row) => [row.rowNumber, row]));
    const changes = new Map<number, ImportRowOverride>();
    const invalid: { field: string; reasons: string[] }[] = [];
    overrides.forEach((override, index) => {
      const field = `rows.${index}`;
      if (!byRow.has(override.rowNumber)) invalid.push({ field: `${field}.rowNumber`, reasons: [`row ${override.rowNumber} is not in the preview`] });
      else if (changes.has(override.rowNumber)) invalid.push({ field: `${field}.rowNumber`, reasons: [`row ${override.rowNumber} is named twice`] });
      if (override.blockId !== undefined) {
        const holders = documents.filter((document) => (override.documentVersionId === undefined || document.documentVersionId === override.documentVersionId) && document.blocks.some((block) => block.blockId === override.blockId));
        if (holders.length === 0) invalid.push({ field: `${field}.blockId`, reasons: [`block ${override.blockId} is not in the round's documents`] });
        else if (holders.length > 1) invalid.push({ field: `${field}.documentVersionId`, reasons: ['the block is in several documents: name the document version'] });
        else override.documentVersionId = holders[0].documentVersionId;
      } else if (override.documentVersionId !== undefined) invalid.push({ field: `${field}.blockId`, reasons: ['a document version is given with a block id'] });
      changes.set(override.rowNumber, override);
    });
    if (invalid.length) throw new AppError(SubmissionErrors.INVALID_IMPORT_CHOICES, invalid);
    const inputs: CommentInput[] = [];
    const leftOut: ConfirmImportView['leftOut'] = [];
    for (const row of rows) {
      const change = changes.get(row.rowNumber);
      const decided = decideRow(row, change);
      if ('reason' in decided) {
        leftOut.push({ rowNumber: row.rowNumber, reason: decided.reason });
        continue;
      }
      inputs.push({
        documentVersionId: decided.documentVersionId,
        blockId: decided.blockId,
        kind: change?.kind ?? row.kind,
        text: row.text,
        ...(row.supporters ? { supporters: row.supporters } : {}),
        ...(row.supportersTotal ? { supportersTotal: row.supportersTotal } : {}),
      });
    }
    // the key makes a double confirmation harmless: the second gets the first's answer
    const answer = inputs.length ? await this.submissions.addComments(userId, submissionId, inputs, `import-${importId}`) : null;
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CommentImport).update({ id: importId }, { status: 'confirmed' });
      await appendAuditEvent(manager, {
        actorId: userId,
        action: 'submission.imported',
        subjectType: 'submission',
        subjectId: submissionId,
        payload: { importId, filename: upload.filename, added: inputs.length, leftOut: leftOut.length, changed: changes.size },
      });
    });
    return { added: answer?.body.added ?? 0, skippedRows: leftOut.map((row) => row.rowNumber), leftOut };
  }

  /** Cancels an import not yet confirmed: the file and its preview are deleted, nothing is added. */
  async cancel(userId: string, submissionId: string, importId: string): Promise<void> {
    await this.submissions.authorize(userId, 'submission.write', submissionId);
    const upload = await this.find(submissionId, importId);
    if (upload.status === 'confirmed') throw new AppError(SubmissionErrors.IMPORT_NOT_READY, { status: upload.status });
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CommentImport).delete({ id: importId, submissionId });
      await appendAuditEvent(manager, { actorId: userId, action: 'submission.import_cancelled', subjectType: 'submission', subjectId: submissionId, payload: { importId, filename: upload.filename } });
    });
  }

  /** The sections of the round's documents a row may be given: each document's outline. */
  async sections(userId: string, submissionId: string, importId: string): Promise<ImportDocumentOutline[]> {
    const { submission } = await this.submissions.authorize(userId, 'submission.read', submissionId);
    await this.find(submissionId, importId);
    const documents = await roundSectionCatalogue(this.dataSource.manager, submission.roundId);
    return documents.map((document) => ({
      documentVersionId: document.documentVersionId,
      title: document.title,
      sections: document.blocks
        .filter((block) => block.type === 'heading' || block.type === 'title' || block.sectionNumber === '')
        .map((block) => ({ blockId: block.blockId, sectionNumber: block.sectionNumber, heading: block.text.slice(0, 300) })),
    }));
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
    const ready = preview ? preview.rows.filter((row) => !('reason' in decideRow(row, undefined))).length : 0;
    return {
      id: upload.id,
      filename: upload.filename,
      format: upload.format,
      status: upload.status,
      progress: upload.progress,
      ready,
      unresolved: preview ? preview.rows.length - ready : 0,
      unsure: preview ? preview.rows.filter((row) => row.confidence === 'unsure').length : 0,
      preview,
      error: upload.error,
    };
  }
}
