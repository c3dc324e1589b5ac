// What GET /api/notifications answers, from the editor's OpenAPI document (generated, never copied).
import type { components } from '../../../lib/api-schema/editor';

export type NotificationItem = components['schemas']['NotificationView'];
export type NotificationList = components['schemas']['NotificationListView'];
