import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compactDocument, type CompactionResult } from '@vankien/database';
import type { JobPayloads } from '@vankien/queue';
import { DataSource } from 'typeorm';
import type { JobHandler } from './job-handler';

/**
 * Folds a document's update log into a snapshot, so loading reads one snapshot and a short
 * tail. Safe to run twice: a second run finds nothing to fold.
 */
@Injectable()
export class CompactDocumentHandler implements JobHandler<'documents.compact'> {
  readonly name = 'documents.compact' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  handle(payload: JobPayloads['documents.compact']): Promise<CompactionResult> {
    return compactDocument(this.dataSource, payload.documentId);
  }
}
