import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OutboxStatus } from '../../../shared/outbox.ts';
import { api } from '../../api/client.ts';

export interface OutboxMessage {
  id: string | number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  status: string;
  /** Why it failed or was revoked; for a queued message, its last temporary failure. */
  error: string | null;
  attempts?: number;
  createdAt: string;
  sentAt: string | null;
}

export interface Outbox {
  messages: OutboxMessage[];
  counts: Partial<Record<OutboxStatus, number>>;
}

/** The mail outbox, newest first whatever order the server uses; `status` null shows all. */
export function useOutbox(enabled: boolean, status: OutboxStatus | null) {
  return useQuery({
    queryKey: ['admin', 'outbox', status ?? 'all'],
    queryFn: async (): Promise<Outbox> => {
      const query = status ? `?status=${encodeURIComponent(status)}` : '';
      const { messages, counts } = await api.get<{ messages: OutboxMessage[]; counts?: Outbox['counts'] }>(`/api/v1/admin/outbox${query}`);
      return { messages: [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), counts: counts ?? {} };
    },
    // Switching the filter keeps the old list on screen until the new one arrives.
    placeholderData: keepPreviousData,
    enabled,
  });
}
