import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface OutboxMessage {
  id: string | number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  status: string;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The local mail outbox, newest first whatever order the server uses. */
export function useOutbox(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: async () => {
      const { messages } = await api.get<{ messages: OutboxMessage[] }>('/api/v1/admin/outbox');
      return [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    enabled,
  });
}
