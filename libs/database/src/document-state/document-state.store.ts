import { CongressDocument, DocumentSnapshot, DocumentUpdate } from '@vankien/domain';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';

export interface StoredDocumentState {
  /** Yjs updates to apply in order: the snapshot (if any), then the log after it. */
  updates: Uint8Array[];
  /** Highest id of the updates included, in the snapshot or the log (null when nothing is stored). */
  lastUpdateId: string | null;
  /** Total stored bytes (snapshot + log), to enforce the document size limit. */
  bytes: number;
}

/**
 * The latest snapshot of a document and the updates not folded into it, in order. That is every
 * row of the log: a compaction deletes exactly the rows it folded, in the transaction that
 * writes the snapshot. A row with an id below the snapshot's lastUpdateId can remain: an append
 * that took its id before the compaction read the log and committed after it. Skipping the ids
 * up to lastUpdateId would lose it.
 */
async function readSnapshotAndLog(manager: EntityManager, documentId: string): Promise<{ snapshot: DocumentSnapshot | null; log: DocumentUpdate[] }> {
  const snapshot = await manager.getRepository(DocumentSnapshot).findOne({ where: { documentId }, order: { lastUpdateId: 'DESC' } });
  const log = await manager
    .getRepository(DocumentUpdate)
    .createQueryBuilder('u')
    .select(['u.id', 'u.update'])
    .where('u.document_id = :documentId', { documentId })
    .orderBy('u.id', 'ASC')
    .getMany();
  return { snapshot, log };
}

/** The highest update id in the snapshot or the log (ids are bigint, as strings). */
function highestUpdateId(snapshot: DocumentSnapshot | null, log: DocumentUpdate[]): string | null {
  let highest = snapshot?.lastUpdateId ?? null;
  for (const row of log) if (highest === null || BigInt(row.id) > BigInt(highest)) highest = row.id;
  return highest;
}

/**
 * Reads a document's state: the latest snapshot plus the updates not folded into it, in one
 * REPEATABLE READ transaction, so a compaction committing in between can never make the two
 * reads disagree (and lose the updates it folded away).
 */
export async function loadDocumentState(dataSource: DataSource, documentId: string): Promise<StoredDocumentState> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const { snapshot, log } = await readSnapshotAndLog(manager, documentId);
    const updates = [...(snapshot ? [new Uint8Array(snapshot.state)] : []), ...log.map((row) => new Uint8Array(row.update))];
    return {
      updates,
      lastUpdateId: highestUpdateId(snapshot, log),
      bytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
    };
  });
}

/** The document's current Y.Doc, built from PostgreSQL (what every acknowledged client edit reached). */
export async function loadYDoc(dataSource: DataSource, documentId: string): Promise<{ ydoc: Y.Doc; state: StoredDocumentState }> {
  const state = await loadDocumentState(dataSource, documentId);
  const ydoc = new Y.Doc();
  Y.transact(ydoc, () => state.updates.forEach((update) => Y.applyUpdate(ydoc, update)));
  return { ydoc, state };
}

/** Appends updates of many documents in one multi-row INSERT. */
export async function appendDocumentUpdates(manager: EntityManager, rows: { documentId: string; update: Uint8Array }[]): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const placeholders = rows.map((row, index) => {
    values.push(row.documentId, Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength));
    return `($${2 * index + 1}, $${2 * index + 2})`;
  });
  await manager.query(`INSERT INTO document_updates (document_id, update) VALUES ${placeholders.join(', ')}`, values);
}

export interface CompactionResult {
  compacted: boolean;
  foldedUpdates: number;
  snapshotBytes: number;
}

export interface CompactionOptions {
  /** Fewer updates after the snapshot than this: nothing is written. */
  minimumUpdates?: number;
  /**
   * An empty Y.Doc to build the state in (the document being loaded), instead of a throwaway
   * one: a load that compacts first then applies the log once, not the log and then the new
   * snapshot. It receives the stored state even when nothing is compacted.
   */
  into?: Y.Doc;
  /**
   * Builds the folded state elsewhere (buildStateInThread) instead of on the calling thread,
   * which then only applies the result to `into`: the log's seconds of CPU leave its event loop.
   */
  build?: (updates: readonly Uint8Array[]) => Promise<Uint8Array>;
}

/** Rows of the document's update log not folded into its snapshot: all of them (an index-only count). */
export async function countUnfoldedUpdates(dataSource: DataSource, documentId: string): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM document_updates WHERE document_id = $1', [documentId]);
  return Number(row.n);
}

/**
 * Folds the update log into a new snapshot, under a per-document advisory lock so two
 * compactions never race. Reads only from the database (never a live in-memory document; an
 * `into` document must be empty), so a failed load elsewhere can never be written over the
 * real state; a failure rolls everything back.
 */
export async function compactDocument(dataSource: DataSource, documentId: string, options: CompactionOptions = {}): Promise<CompactionResult> {
  const { minimumUpdates = 1, into, build } = options;
  if (into && into.store.clients.size > 0) throw new Error('compactDocument: the document to build the state in is not empty');
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('vankien:compact'), hashtext($1))`, [documentId]);
    const exists = await manager.getRepository(CongressDocument).exists({ where: { id: documentId } });
    if (!exists) return { compacted: false, foldedUpdates: 0, snapshotBytes: 0 };
    const { snapshot, log } = await readSnapshotAndLog(manager, documentId);
    const fold = log.length >= minimumUpdates;
    let state: Uint8Array | undefined;
    if (fold && build) {
      state = await build([...(snapshot ? [snapshot.state] : []), ...log.map((row) => row.update)]);
      if (into) Y.applyUpdate(into, state);
    } else if (fold || into) {
      const ydoc = into ?? new Y.Doc();
      // one transaction for the whole log: Yjs cleans up (merges, observers) once, not per update
      Y.transact(ydoc, () => {
        if (snapshot) Y.applyUpdate(ydoc, new Uint8Array(snapshot.state));
        for (const row of log) Y.applyUpdate(ydoc, new Uint8Array(row.update));
      });
      if (fold) state = Y.encodeStateAsUpdate(ydoc);
      if (!into) ydoc.destroy();
    }
    if (!fold || !state) return { compacted: false, foldedUpdates: 0, snapshotBytes: snapshot?.state.byteLength ?? 0 };
    // the highest id folded, directly or through the previous snapshot (a late row can be lower)
    const lastUpdateId = highestUpdateId(snapshot, log) ?? '0';
    // the new snapshot replaces every earlier one (it holds them), and exactly the rows folded
    // go: a row that took a lower id but committed after the log was read stays in the log
    await manager.query('DELETE FROM document_snapshots WHERE document_id = $1', [documentId]);
    await manager.getRepository(DocumentSnapshot).insert({ documentId, state: Buffer.from(state), lastUpdateId });
    await manager.query('DELETE FROM document_updates WHERE document_id = $1 AND id = ANY($2::bigint[])', [documentId, log.map((row) => row.id)]);
    return { compacted: true, foldedUpdates: log.length, snapshotBytes: state.byteLength };
  });
}
