import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { NotificationsResponse as NotificationPage } from '../../../shared/api/notifications.schemas.ts';

const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** How often the header asks for the unread count while the page is open. */
const POLL_MS = 30_000;

/** My notifications, newest first, a page at a time. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<NotificationPage>(`/api/v1/me/notifications${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** The header's unread count: every 30 s, and again when the tab comes back into view. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await api.get<{ unreadCount: number }>('/api/v1/me/notifications/unread-count')).unreadCount,
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/** Marks some notifications read, or all of them. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { ids: string[] } | { all: true }) =>
      (await api.post<{ unreadCount: number }>('/api/v1/me/notifications/read', input)).unreadCount,
    onSuccess: (unreadCount) => {
      queryClient.setQueryData(notificationKeys.unread, unreadCount);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    },
  });
}
