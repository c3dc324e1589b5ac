// GET /api/notifications answers `unknown` in its OpenAPI document today; what the client reads:
export interface NotificationItem {
  id: string;
  kind: string;
  documentId: string | null;
  approvalRequestId: string | null;
  message: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unread: number;
  notifications: NotificationItem[];
}
