import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Membership, Notification, type NotificationKind, type Role } from '@vankien/domain';
import { AppError } from '@vankien/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApprovalErrors } from './approval-errors';
import { MarkedView, NotificationListView, NotificationView } from './dto/approval-views.dto';

// the tests import the view from here
export type { NotificationView } from './dto/approval-views.dto';

export interface NotificationContent {
  kind: NotificationKind;
  documentId: string;
  approvalRequestId: string;
  message: string;
  payload?: Record<string, unknown>;
}

const view = (row: Notification): NotificationView => ({
  id: row.id,
  kind: row.kind,
  documentId: row.documentId,
  approvalRequestId: row.approvalRequestId,
  message: row.message,
  payload: row.payload,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** In-application notifications: written with the event they tell about, read by their user. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who holds `role` in the organisation now. */
  async holders(manager: EntityManager, organizationId: string, role: Role): Promise<string[]> {
    const rows = await manager.getRepository(Membership).find({ where: { organizationId, role }, select: { userId: true }, order: { userId: 'ASC' } });
    return rows.map((row) => row.userId);
  }

  /** Writes one notification per user (each once, the actor excluded), in the caller's transaction. */
  async notify(manager: EntityManager, userIds: readonly string[], content: NotificationContent, exceptUserId?: string): Promise<void> {
    const recipients = [...new Set(userIds)].filter((id) => id !== exceptUserId);
    if (recipients.length === 0) return;
    const rows = recipients.map((userId) => ({ userId, kind: content.kind, documentId: content.documentId, approvalRequestId: content.approvalRequestId, message: content.message, payload: content.payload ?? {} }));
    // TypeORM's deep-partial type cannot express `unknown` JSON values; the shape is the entity's
    await manager.getRepository(Notification).insert(rows as QueryDeepPartialEntity<Notification>[]);
  }

  async list(userId: string, unreadOnly: boolean): Promise<NotificationListView> {
    const repository = this.dataSource.getRepository(Notification);
    const rows = await repository.find({ where: unreadOnly ? { userId, readAt: IsNull() } : { userId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 200 });
    const unread = await repository.count({ where: { userId, readAt: IsNull() } });
    return { unread, notifications: rows.map(view) };
  }

  async markRead(userId: string, id: string): Promise<NotificationView> {
    const repository = this.dataSource.getRepository(Notification);
    const row = await repository.findOne({ where: { id, userId } });
    // another user's notification is not found rather than forbidden: its existence is not theirs to know
    if (!row) throw new AppError(ApprovalErrors.NOTIFICATION_NOT_FOUND, { id });
    if (!row.readAt) {
      row.readAt = new Date();
      await repository.update({ id, userId }, { readAt: row.readAt });
    }
    return view(row);
  }

  async markAllRead(userId: string): Promise<MarkedView> {
    const result = await this.dataSource.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: new Date() });
    return { marked: result.affected ?? 0 };
  }
}
