import { api } from '../../../lib/http';
import type { NotificationItem, NotificationList } from '../types/notification';

export const fetchNotifications = async (unread = false): Promise<NotificationItem[]> => (await api.get<NotificationList>('/notifications', { unread: unread || undefined })).notifications;
export const markRead = (id: string): Promise<unknown> => api.post(`/notifications/${id}/read`);
export const markAllRead = (): Promise<unknown> => api.post('/notifications/read-all');

/** Where a notification leads: the approval request it is about, or its document. */
export function notificationLink(item: NotificationItem): string {
  if (item.approvalRequestId) return `/approvals/${item.approvalRequestId}`;
  if (item.documentId) return `/documents/${item.documentId}`;
  return '/notifications';
}
