import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, markAllRead, markRead } from '../services/notifications-service';

export const notificationsKey = ['notifications'] as const;

export const useNotifications = (unread = false) =>
  useQuery({ queryKey: [...notificationsKey, { unread }], queryFn: () => fetchNotifications(unread), refetchInterval: 30_000 });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string | 'all') => (id === 'all' ? markAllRead() : markRead(id)), onSettled: () => client.invalidateQueries({ queryKey: notificationsKey }) });
}
