import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PolicyService } from '@vankien/auth';
import { appendAuditEvent, appendDocumentUpdates, loadYDoc } from '@vankien/database';
import { congressSchema, documentFragment, writeDocumentToYDoc, type DocumentJson } from '@vankien/document-schema';
import { DocumentVersion, Organization } from '@vankien/domain';
import { exportDocx, importDocx, isOfficeFileError, placeAndDate, placeOfOrganization, type ImportReport } from '@vankien/office';
import { AppError } from '@vankien/platform';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { CollaborationServer } from '../collaboration/collaboration.server';
import { assertEditable, DocumentAccess, isLockViolation } from './document-access';
import { DocumentErrors } from './document-errors';
import { DocumentsService } from './documents.service';
import type { ImportIntoDocumentView, ImportNewDocumentView } from './dto/document-views.dto';
import type { CreateDocumentRequest } from './dto/document.dto';

export interface DocxFile {
  filename: string;
  content: Buffer;
}

/** A refused file becomes a 422 whose code says why (NOT_A_DOCX, TOO_LARGE_UNCOMPRESSED, EXTERNAL_ENTITY …). */
async function readDocx(buffer: Buffer): Promise<{ doc: DocumentJson; report: ImportReport }> {
  try {
    return await importDocx(buffer);
  } catch (error) {
    if (isOfficeFileError(error)) throw new AppError({ code: error.code, status: 422, vi: error.vi, en: error.en }, { entry: error.entryName });
    throw error;
  }
}

function fileName(title: string, suffix: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${ascii || 'van-kien'}-${suffix}.docx`;
}

/** DOCX in and out: export in the layout of Party documents; import as a new document or over the live draft. */
@Injectable()
export class OfficeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly documents: DocumentsService,
    private readonly policy: PolicyService,
    private readonly collaboration: CollaborationServer,
  ) {}

  async exportDocument(userId: string, documentId: string, revision = 'live'): Promise<DocxFile> {
    const { document } = await this.access.authorize(userId, 'document.read', documentId);
    const organization = await this.dataSource.getRepository(Organization).findOneOrFail({ where: { id: document.organizationId } });
    const parent = organization.parentId ? await this.dataSource.getRepository(Organization).findOne({ where: { id: organization.parentId } }) : null;
    // an approved document's text is its approved version, whatever the live log holds
    const versionId = revision === 'live' ? document.approvedVersionId : revision;
    const version = versionId ? await this.dataSource.getRepository(DocumentVersion).findOne({ where: { id: versionId, documentId } }) : null;
    if (revision !== 'live' && !version) throw new AppError(DocumentErrors.VERSION_NOT_FOUND, { versionId: revision });
    const content = version ? (version.content as unknown as DocumentJson) : await this.documents.liveContent(documentId);
    const approvedAt = version && version.id === document.approvedVersionId ? await this.approvalDate(version.id) : null;
    const buffer = await exportDocx(
      content,
      {
        organizationName: organization.name,
        parentOrganizationName: parent?.name,
        title: document.title,
        // the approved text is the official one: no draft label, the date it was approved
        versionLabel: approvedAt ? undefined : (version?.label ?? 'Dự thảo').toLocaleUpperCase('vi'),
        placeAndDate: approvedAt ? placeAndDate(placeOfOrganization(organization.name), approvedAt) : undefined,
      },
      { createdAt: approvedAt ?? version?.frozenAt ?? new Date() },
    );
    const suffix = approvedAt ? 'ban-da-phe-duyet' : version ? `du-thao-lan-${version.number}` : 'ban-dang-soan';
    return { filename: fileName(document.title, suffix), content: buffer };
  }

  /** When the last committee approved this version (the final stage of its approval). */
  private async approvalDate(versionId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(`SELECT max(decided_at) AS "decidedAt" FROM approval_requests WHERE document_version_id = $1 AND status = 'approved'`, [versionId]);
    return row?.decidedAt ? new Date(row.decidedAt) : null;
  }

  /** A new document whose content is the DOCX; what could not be kept is in the report. */
  async importAsNewDocument(userId: string, request: CreateDocumentRequest, file: Buffer): Promise<ImportNewDocumentView> {
    const organization = await this.dataSource.getRepository(Organization).findOne({ where: { id: request.organizationId } });
    if (!organization) throw new AppError(DocumentErrors.ORGANIZATION_NOT_FOUND, { organizationId: request.organizationId });
    await this.policy.authorize(userId, 'document.create', { type: 'organization', organization: { id: organization.id, path: organization.path } });
    const { doc, report } = await readDocx(file);
    const created = await this.documents.insertWithContent(userId, organization.id, request, doc, { action: 'document.imported', payload: { lost: report.lost } });
    return {
      document: { id: created.id, organizationId: created.organizationId, kind: created.kind, title: created.title, term: created.term, approvedVersionId: null, lockedVersionId: null, contentSource: 'live', updatedAt: created.updatedAt.toISOString(), content: doc as unknown as Record<string, unknown> },
      report,
    };
  }

  /**
   * Replaces the live draft with the DOCX's content, as one Yjs update: stored first, then
   * applied to the document if editors have it open (they see the new text at once).
   */
  async importIntoDocument(userId: string, documentId: string, file: Buffer): Promise<ImportIntoDocumentView> {
    const { document } = await this.access.authorize(userId, 'document.edit', documentId);
    assertEditable(document);
    const { doc, report } = await readDocx(file);
    const { ydoc } = await loadYDoc(this.dataSource, documentId);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => updates.push(update));
    ydoc.transact(() => {
      const fragment = documentFragment(ydoc);
      fragment.delete(0, fragment.length);
      writeDocumentToYDoc(ydoc, congressSchema.nodeFromJSON(doc));
    });
    ydoc.destroy();
    const update = Y.mergeUpdates(updates);
    await this.dataSource.transaction(async (manager) => {
      await appendDocumentUpdates(manager, [{ documentId, update }]).catch((error: unknown) => {
        // a request for approval locked the document after the check above
        throw isLockViolation(error) ? new AppError(DocumentErrors.DOCUMENT_UNDER_APPROVAL, { documentId }) : error;
      });
      await appendAuditEvent(manager, {
        actorId: userId,
        action: 'document.imported',
        subjectType: 'document',
        subjectId: documentId,
        organizationId: document.organizationId,
        payload: { replacedLiveDraft: true, lost: report.lost },
      });
    });
    this.collaboration.applyStoredUpdate(documentId, update);
    return { report };
  }
}
