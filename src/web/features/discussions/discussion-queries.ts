import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Delivery } from '../../../shared/limits.ts';
import { api, apiPath } from '../../api/client.ts';
import { groupKeys } from '../groups/group-queries.ts';
import type { Group, ViewerMembership as MembershipWithDelivery } from '../../../shared/api/groups.schemas.ts';
import type {
  CommentView as Comment,
  RecapCommentsResponse as RecapComments,
  ThreadView as Thread,
  ThreadDetailResponse as ThreadDetail,
  NewThreadInput as ThreadInput,
  ThreadsResponse as ThreadPage,
} from '../../../shared/api/discussions.schemas.ts';

export const discussionKeys = {
  all: ['discussions'] as const,
  threads: (slug: string) => ['discussions', 'threads', slug] as const,
  thread: (id: string) => ['discussions', 'thread', id] as const,
  recap: (sessionId: string, startsAt: string) => ['discussions', 'recap', sessionId, startsAt] as const,
};

/**
 * A post or a comment changes a thread, its list's order and counts, and maybe a recap:
 * refreshing everything discussions-related is cheap and never leaves a stale count.
 */
function refreshDiscussions(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: discussionKeys.all });
  // A new post is someone else's notification, but one's own unread count may move too.
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
}

/** The group's threads, most recent activity first, a page at a time (members only). */
export function useThreads(slug: string) {
  return useInfiniteQuery({
    queryKey: discussionKeys.threads(slug),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<ThreadPage>(`${apiPath`/api/v1/groups/${slug}/threads`}${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** The few most active threads, for the group page. */
export function useLatestThreads(slug: string, count: number) {
  return useQuery({
    queryKey: [...discussionKeys.threads(slug), 'latest', count],
    queryFn: async () => (await api.get<ThreadPage>(`${apiPath`/api/v1/groups/${slug}/threads`}?limit=${count}`)).threads,
  });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: discussionKeys.thread(id),
    queryFn: () => api.get<ThreadDetail>(apiPath`/api/v1/threads/${id}`),
  });
}

export function useStartThread(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ThreadInput) => (await api.post<{ thread: Thread }>(apiPath`/api/v1/groups/${slug}/threads`, input)).thread,
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

export function usePostComment(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => (await api.post<{ comment: Comment }>(apiPath`/api/v1/threads/${threadId}/comments`, { body })).comment,
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

export function useEditThread(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Partial<ThreadInput>) => (await api.patch<{ thread: Thread }>(apiPath`/api/v1/threads/${id}`, input)).thread,
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

export function useDeleteThread(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(apiPath`/api/v1/threads/${id}`),
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

export function useEditComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: string }) =>
      (await api.patch<{ comment: Comment }>(apiPath`/api/v1/comments/${id}`, { body })).comment,
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

export function useDeleteComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(apiPath`/api/v1/comments/${id}`),
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

/** The comments on one occurrence's recap (members only); `thread` is null until the first. */
export function useRecapComments(sessionId: string, startsAt: string) {
  return useQuery({
    queryKey: discussionKeys.recap(sessionId, startsAt),
    queryFn: () => api.get<RecapComments>(apiPath`/api/v1/sessions/${sessionId}/occurrences/${startsAt}/comments`),
  });
}

export function usePostRecapComment(sessionId: string, startsAt: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) =>
      (await api.post<{ comment: Comment }>(apiPath`/api/v1/sessions/${sessionId}/occurrences/${startsAt}/comments`, { body })).comment,
    onSuccess: () => refreshDiscussions(queryClient),
  });
}

/** How I follow this group (web, e-mail each post, daily digest, post). */
export function useSetDelivery(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (delivery: Delivery) =>
      (await api.patch<{ membership: { delivery: Delivery } }>(apiPath`/api/v1/groups/${slug}/membership`, { delivery })).membership.delivery,
    // The answer is the saved choice: the group page keeps it without asking again.
    onSuccess: (delivery) =>
      queryClient.setQueryData<Group>(groupKeys.detail(slug), (group) => {
        if (!group?.viewer.membership) return group;
        const membership: MembershipWithDelivery = { ...group.viewer.membership, delivery };
        return { ...group, viewer: { ...group.viewer, membership } };
      }),
  });
}
