import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessTokens, decide, PolicyService, type Action, type AuthenticatedUser, type Subject } from '@vankien/auth';
import { CongressDocument, User } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { DocumentErrors } from './document-errors';

export type CollaborationGrant = 'write' | 'read';

export interface LoadedDocument {
  document: CongressDocument;
  subject: Subject;
}

/**
 * Throws unless the document's text may change: an approved document is final, and one whose
 * version is before a committee is locked until the request is withdrawn or sent back.
 */
export function assertEditable(document: Pick<CongressDocument, 'approvedVersionId' | 'lockedVersionId'>): void {
  if (document.approvedVersionId) throw new AppError(DocumentErrors.DOCUMENT_APPROVED, { approvedVersionId: document.approvedVersionId });
  if (document.lockedVersionId) throw new AppError(DocumentErrors.DOCUMENT_UNDER_APPROVAL, { lockedVersionId: document.lockedVersionId });
}

/** The database's own guard (a trigger) refused a change to a locked document: say so as a 409. */
export function isLockViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23001';
}

/** Loads a document with what the policy needs to know about it, and asks the policy. */
@Injectable()
export class DocumentAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly tokens: AccessTokens,
  ) {}

  async load(documentId: string): Promise<LoadedDocument> {
    const document = await this.dataSource.getRepository(CongressDocument).findOne({ where: { id: documentId } });
    if (!document) throw new AppError(DocumentErrors.DOCUMENT_NOT_FOUND, { documentId });
    const subject = await this.policy.documentSubject(documentId);
    if (!subject) throw new AppError(DocumentErrors.DOCUMENT_NOT_FOUND, { documentId });
    return { document, subject };
  }

  /** Loads the document and throws FORBIDDEN unless the user may do `action` to it. */
  async authorize(userId: string, action: Action, documentId: string): Promise<LoadedDocument> {
    const loaded = await this.load(documentId);
    await this.policy.authorize(userId, action, loaded.subject);
    return loaded;
  }

  /**
   * What a collaboration connection may do: drafters of the owning organisation edit, readers
   * (approvers, reviewing committees) connect read-only, anyone else is refused. An approved
   * document, or one under approval, is read-only for everyone. Also answers who the user is
   * (the name their presence shows) and the token's session, so the connection can be ended
   * with it.
   */
  async collaborationGrant(token: string, documentId: string): Promise<{ user: AuthenticatedUser; fullName: string; grant: CollaborationGrant }> {
    const user = await this.tokens.verify(token);
    const grant = await this.collaborationGrantFor(user.userId, documentId);
    if (!grant) throw new AppError(DocumentErrors.DOCUMENT_NOT_FOUND, { documentId });
    const { fullName } = await this.dataSource.getRepository(User).findOneOrFail({ where: { id: user.userId }, select: { id: true, fullName: true } });
    return { user, fullName, grant };
  }

  /** The grant of a user on a document now (asked again when their roles change); null: none. */
  async collaborationGrantFor(userId: string, documentId: string): Promise<CollaborationGrant | null> {
    const { document, subject } = await this.load(documentId);
    const actor = await this.policy.actor(userId);
    const mayEdit = decide(actor, 'document.edit', subject).allowed;
    if (mayEdit && !document.approvedVersionId && !document.lockedVersionId) return 'write';
    if (decide(actor, 'document.read', subject).allowed || mayEdit) return 'read';
    return null;
  }
}
