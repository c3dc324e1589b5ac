import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendDocumentUpdates } from '@vankien/database';
import { DataSource } from 'typeorm';

interface PendingAppend {
  documentId: string;
  update: Uint8Array;
  resolve(): void;
  reject(error: unknown): void;
}

const maxRowsPerStatement = 1000;

/**
 * Appends accepted Yjs updates to PostgreSQL before their clients are told they are saved.
 * Group commit: the updates of one event-loop turn (every message read from the sockets in one
 * poll) go in one multi-row statement, sent right after that poll (setImmediate); while it is in
 * flight, updates arriving from every connection queue up and go together in the next one. So
 * many typists cost few round-trips and commits, and Hocuspocus, which broadcasts the updates
 * applied in one turn as one merged message, sends fewer messages too.
 */
@Injectable()
export class UpdateLogWriter {
  private readonly pending: PendingAppend[] = [];
  private flushing = false;
  /** Statements sent and the rows they carried, retries included (for tests and diagnosis). */
  readonly sent = { statements: 0, updates: 0 };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  append(documentId: string, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ documentId, update, resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, maxRowsPerStatement);
        try {
          await this.insert(batch);
          batch.forEach((entry) => entry.resolve());
        } catch (error) {
          // one document's refusal (it was locked for approval) must not fail the others' updates
          // that shared the statement: retry document by document, so only the refused one fails
          if (new Set(batch.map((entry) => entry.documentId)).size > 1) await this.appendPerDocument(batch);
          else batch.forEach((entry) => entry.reject(error));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private insert(rows: PendingAppend[]): Promise<void> {
    this.sent.statements += 1;
    this.sent.updates += rows.length;
    return appendDocumentUpdates(this.dataSource.manager, rows);
  }

  private async appendPerDocument(batch: PendingAppend[]): Promise<void> {
    const byDocument = new Map<string, PendingAppend[]>();
    for (const entry of batch) byDocument.set(entry.documentId, [...(byDocument.get(entry.documentId) ?? []), entry]);
    for (const entries of byDocument.values()) {
      try {
        await this.insert(entries);
        entries.forEach((entry) => entry.resolve());
      } catch (error) {
        entries.forEach((entry) => entry.reject(error));
      }
    }
  }
}
