import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ReportReason, ReportStatus } from '../../../shared/moderation.ts';
import { api, apiPath } from '../../api/client.ts';
import { discussionKeys } from '../discussions/discussion-queries.ts';
import { membershipKeys } from '../memberships/membership-queries.ts';
import type { Ban, LogResponse as LogPage, PostKind, ReportsResponse as ReportPage } from '../../../shared/api/moderation.schemas.ts';

const moderationKeys = {
  all: ['moderation'] as const,
  reports: (slug: string | null, status: ReportStatus) => ['moderation', 'reports', slug ?? '*', status] as const,
  log: (slug: string | null) => ['moderation', 'log', slug ?? '*'] as const,
  bans: (slug: string) => ['moderation', 'bans', slug] as const,
};

/** A moderation step changes the queue, the log and what members see in the discussions. */
function refreshAfterModeration(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: moderationKeys.all });
  void queryClient.invalidateQueries({ queryKey: discussionKeys.all });
}

const postPath = (kind: PostKind, id: string) => (kind === 'thread' ? apiPath`/api/v1/threads/${id}` : apiPath`/api/v1/comments/${id}`);

function pageQuery(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** One group's reports (its leaders), or every group's (`slug` null: platform moderators). */
export function useReports(slug: string | null, status: ReportStatus) {
  return useInfiniteQuery({
    queryKey: moderationKeys.reports(slug, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<ReportPage>(
        `${slug ? apiPath`/api/v1/groups/${slug}/moderation/reports` : '/api/v1/moderation/reports'}${pageQuery({ status, before: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** The audit log, newest first. */
export function useModerationLog(slug: string | null) {
  return useInfiniteQuery({
    queryKey: moderationKeys.log(slug),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<LogPage>(`${slug ? apiPath`/api/v1/groups/${slug}/moderation/log` : '/api/v1/moderation/log'}${pageQuery({ before: pageParam })}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useBans(slug: string) {
  return useQuery({
    queryKey: moderationKeys.bans(slug),
    queryFn: async () => (await api.get<{ bans: Ban[] }>(apiPath`/api/v1/groups/${slug}/bans`)).bans,
  });
}

/** Any member reports a post to the group's moderators. */
export function useReportPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, reason, note }: { kind: PostKind; id: string; reason: ReportReason; note: string | null }) =>
      api.post<unknown>(`${postPath(kind, id)}/reports`, { reason, ...(note ? { note } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: moderationKeys.all }),
  });
}

export type PostAction = 'hide' | 'unhide' | 'lock' | 'unlock';

export function useModeratePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, action }: { kind: PostKind; id: string; action: PostAction }) => api.post<unknown>(`${postPath(kind, id)}/${action}`),
    onSuccess: () => refreshAfterModeration(queryClient),
  });
}

/** Closes a report: `resolve` (dealt with) or `dismiss` (nothing to do). */
export function useDecideReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'resolve' | 'dismiss' }) => api.post<unknown>(apiPath`/api/v1/reports/${id}/${decision}`),
    onSuccess: () => refreshAfterModeration(queryClient),
  });
}

export function useBanMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string | null }) =>
      api.post<{ ban: Ban }>(apiPath`/api/v1/groups/${slug}/bans`, { userId, ...(reason ? { reason } : {}) }),
    onSuccess: () => {
      refreshAfterModeration(queryClient);
      void queryClient.invalidateQueries({ queryKey: membershipKeys.members(slug) });
    },
  });
}

export function useUnbanMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete<void>(apiPath`/api/v1/groups/${slug}/bans/${userId}`),
    onSuccess: () => refreshAfterModeration(queryClient),
  });
}
