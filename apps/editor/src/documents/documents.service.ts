import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyService } from '@vankien/auth';
import { appendAuditEvent, appendDocumentUpdates, loadYDoc } from '@vankien/database';
import {
  buildBlockIndex,
  congressSchema,
  countTargetAssessments,
  createTemplate,
  diffDocuments,
  documentJsonToYDoc,
  documentMetrics,
  plainText,
  validateDocument,
  yDocToDocumentJson,
  type DocumentJson,
} from '@vankien/document-schema';
import { CongressDocument, DocumentVersion, Organization, type BlockIndexEntry } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { DataSource, QueryFailedError } from 'typeorm';
import * as Y from 'yjs';
import { assertEditable, DocumentAccess, isLockViolation } from './document-access';
import { DocumentErrors } from './document-errors';
import type { DocumentDiffView, MetricsView } from './dto/document-views.dto';
import type { CreateDocumentRequest, DocumentSummaryView, DocumentView, HistoryEntryView, VersionSummaryView, VersionView } from './dto/document.dto';

function summary(document: CongressDocument): DocumentSummaryView {
  const { id, organizationId, kind, title, term, approvedVersionId, lockedVersionId } = document;
  return { id, organizationId, kind, title, term, approvedVersionId, lockedVersionId, updatedAt: document.updatedAt.toISOString() };
}

function versionSummary(version: DocumentVersion): VersionSummaryView {
  return { id: version.id, documentId: version.documentId, number: version.number, label: version.label, frozenAt: version.frozenAt.toISOString(), frozenById: version.frozenById };
}

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly policy: PolicyService,
  ) {}

  /** Creates a document from the template of its kind; its first Yjs update is stored with it. */
  async create(userId: string, request: CreateDocumentRequest): Promise<DocumentView> {
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: request.organizationId } });
    if (!organization) throw new AppError(DocumentErrors.ORGANIZATION_NOT_FOUND, { organizationId: request.organizationId });
    await this.policy.authorize(userId, 'document.create', { type: 'organization', organization: { id: organization.id, path: organization.path } });
    const content = createTemplate(request.kind, { organizationName: organization.name, term: request.term.replace(/\s*[-–]\s*/, '–') });
    const document = await this.insertWithContent(userId, organization.id, request, content, { action: 'document.created', payload: {} });
    return { ...summary(document), content: content as unknown as Record<string, unknown>, contentSource: 'live' };
  }

  /**
   * Stores a new document and its first Yjs update (its whole content) in one transaction, with
   * the audit event: a template, or an imported DOCX.
   */
  async insertWithContent(
    userId: string,
    organizationId: string,
    fields: Pick<CongressDocument, 'kind' | 'title' | 'term'>,
    content: DocumentJson,
    audit: { action: string; payload: Record<string, unknown> },
  ): Promise<CongressDocument> {
    const ydoc = documentJsonToYDoc(content);
    const initialState = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    return this.dataSource.transaction(async (manager) => {
      const created = manager.getRepository(CongressDocument).create({ organizationId, kind: fields.kind, title: fields.title, term: fields.term, approvedVersionId: null, createdById: userId });
      await manager.getRepository(CongressDocument).insert(created);
      await appendDocumentUpdates(manager, [{ documentId: created.id, update: initialState }]);
      await appendAuditEvent(manager, {
        actorId: userId,
        action: audit.action,
        subjectType: 'document',
        subjectId: created.id,
        organizationId,
        payload: { kind: fields.kind, title: fields.title, term: fields.term, ...audit.payload },
      });
      return created;
    });
  }

  /** Documents the user may read: those of organisations where they draft or approve, and those under their review. */
  async list(userId: string, organizationId?: string): Promise<DocumentSummaryView[]> {
    const actor = await this.policy.actor(userId);
    const readable = actor.memberships.filter((m) => m.role === 'drafter' || m.role === 'approver').map((m) => m.organization.id);
    const reviewing = actor.memberships.filter((m) => m.role === 'approver').map((m) => m.organization.id);
    const query = this.dataSource
      .getRepository(CongressDocument)
      .createQueryBuilder('document')
      .where(
        `(document.organization_id IN (:...readable) OR document.id IN (
           SELECT version.document_id FROM document_versions version
           JOIN approval_requests request ON request.document_version_id = version.id
           WHERE request.committee_id IN (:...reviewing)))`,
        { readable: readable.length ? readable : ['00000000-0000-0000-0000-000000000000'], reviewing: reviewing.length ? reviewing : ['00000000-0000-0000-0000-000000000000'] },
      )
      .orderBy('document.updated_at', 'DESC');
    if (organizationId) query.andWhere('document.organization_id = :organizationId', { organizationId });
    return (await query.getMany()).map(summary);
  }

  async get(userId: string, documentId: string): Promise<DocumentView> {
    const { document } = await this.access.authorize(userId, 'document.read', documentId);
    if (document.approvedVersionId) {
      // the approved text is the version the committees approved, whatever the live log holds
      const approved = await this.dataSource.getRepository(DocumentVersion).findOneOrFail({ where: { id: document.approvedVersionId }, select: { id: true, content: true } });
      return { ...summary(document), content: approved.content, contentSource: 'approved_version' };
    }
    return { ...summary(document), content: (await this.liveContent(documentId)) as unknown as Record<string, unknown>, contentSource: 'live' };
  }

  /**
   * The document's history: its own events, and those of its versions, approval requests,
   * decisions and the dispositions of comments on it (each carries the document's id), oldest first.
   */
  async history(userId: string, documentId: string): Promise<HistoryEntryView[]> {
    await this.access.authorize(userId, 'document.read', documentId);
    const rows: { id: string; occurredAt: Date; action: string; actorId: string | null; actorName: string | null; subjectType: string; subjectId: string | null; payload: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT e.id, e.occurred_at AS "occurredAt", e.action, e.actor_id AS "actorId", u.full_name AS "actorName",
              e.subject_type AS "subjectType", e.subject_id AS "subjectId", e.payload
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE (e.subject_type = 'document' AND e.subject_id = $1) OR e.payload->>'documentId' = $1::text
        ORDER BY e.id`,
      [documentId],
    );
    return rows.map((row) => ({
      id: String(row.id),
      occurredAt: new Date(row.occurredAt).toISOString(),
      action: row.action,
      actor: row.actorId ? { id: row.actorId, name: row.actorName ?? '' } : null,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      payload: row.payload,
    }));
  }

  /**
   * Freezes the live draft as a numbered version (Dự thảo lần N): the Yjs state, the
   * ProseMirror JSON, the block index and the text, immutable afterwards.
   */
  async freeze(userId: string, documentId: string, label?: string): Promise<VersionView> {
    const { document } = await this.access.authorize(userId, 'version.freeze', documentId);
    assertEditable(document);
    const { ydoc } = await loadYDoc(this.dataSource, documentId);
    const json = yDocToDocumentJson(ydoc);
    const yjsState = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    const validation = validateDocument(json);
    if (!validation.ok) throw new AppError(DocumentErrors.INVALID_DOCUMENT_CONTENT, { errors: validation.errors });
    const blockIndex = buildBlockIndex(validation.doc) as BlockIndexEntry[];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [{ next }] = await manager.query('SELECT coalesce(max(number), 0) + 1 AS next FROM document_versions WHERE document_id = $1', [documentId]);
        const number = Number(next);
        const version = manager.getRepository(DocumentVersion).create({
          documentId,
          number,
          label: label ?? `Dự thảo lần ${number}`,
          yjsState: Buffer.from(yjsState),
          content: validation.json as unknown as Record<string, unknown>,
          blockIndex,
          plainText: plainText(validation.doc),
          frozenById: userId,
        });
        await manager.getRepository(DocumentVersion).save(version);
        await appendAuditEvent(manager, {
          actorId: userId,
          action: 'version.frozen',
          subjectType: 'document_version',
          subjectId: version.id,
          organizationId: document.organizationId,
          payload: { documentId, number, label: version.label, blocks: blockIndex.length },
        });
        return { ...versionSummary(version), content: version.content, blockIndex: version.blockIndex, plainText: version.plainText };
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw new AppError(DocumentErrors.VERSION_NUMBER_TAKEN);
      // the database's own guard: a request for approval locked the document after the check above
      if (isLockViolation(error)) throw new AppError(DocumentErrors.DOCUMENT_UNDER_APPROVAL, { documentId });
      throw error;
    }
  }

  async versions(userId: string, documentId: string): Promise<VersionSummaryView[]> {
    await this.access.authorize(userId, 'document.read', documentId);
    const versions = await this.dataSource.getRepository(DocumentVersion).find({
      where: { documentId },
      order: { number: 'ASC' },
      select: { id: true, documentId: true, number: true, label: true, frozenAt: true, frozenById: true },
    });
    return versions.map(versionSummary);
  }

  async version(userId: string, versionId: string): Promise<VersionView> {
    const version = await this.dataSource.getRepository(DocumentVersion).findOne({ where: { id: versionId } });
    if (!version) throw new AppError(DocumentErrors.VERSION_NOT_FOUND, { versionId });
    // a frozen version is also read by the readers of a round that carries it (the units invited
    // to comment on it, a lower level synthesising comments on it), unlike the live draft
    const subject = await this.policy.versionSubject(versionId);
    if (!subject) throw new AppError(DocumentErrors.VERSION_NOT_FOUND, { versionId });
    await this.policy.authorize(userId, 'document.read', subject);
    return { ...versionSummary(version), content: version.content, blockIndex: version.blockIndex, plainText: version.plainText };
  }

  async diff(userId: string, documentId: string, from: string, to: string): Promise<DocumentDiffView> {
    await this.access.authorize(userId, 'document.read', documentId);
    const [older, newer] = await Promise.all([this.revision(documentId, from), this.revision(documentId, to)]);
    return diffDocuments(older, newer);
  }

  async metrics(userId: string, documentId: string, revision = 'live'): Promise<MetricsView> {
    await this.access.authorize(userId, 'document.read', documentId);
    const doc = await this.revision(documentId, revision);
    return { metrics: documentMetrics(doc), targets: countTargetAssessments(doc) };
  }

  /** ProseMirror JSON of the live draft, from PostgreSQL. */
  async liveContent(documentId: string): Promise<DocumentJson> {
    const { ydoc } = await loadYDoc(this.dataSource, documentId);
    try {
      return yDocToDocumentJson(ydoc);
    } finally {
      ydoc.destroy();
    }
  }

  /** A revision as a ProseMirror node: `live` or a version of this document. */
  async revision(documentId: string, revision: string): Promise<ProseMirrorNode> {
    if (revision === 'live') return congressSchema.nodeFromJSON(await this.liveContent(documentId));
    const version = await this.dataSource.getRepository(DocumentVersion).findOne({ where: { id: revision, documentId }, select: { id: true, content: true } });
    if (!version) throw new AppError(DocumentErrors.VERSION_NOT_FOUND, { versionId: revision });
    return congressSchema.nodeFromJSON(version.content);
  }
}
