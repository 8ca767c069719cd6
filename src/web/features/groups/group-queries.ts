import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client.ts';
import type { UpdateGroupRequest as FoundingInput, Group, GroupResponse, GroupSummary, MyGroup } from '../../../shared/api/groups.schemas.ts';

export const groupKeys = {
  all: ['groups'] as const,
  public: ['groups', 'public'] as const,
  mine: ['groups', 'mine'] as const,
  detail: (slug: string) => ['groups', 'detail', slug] as const,
};

/** Public active groups, newest first, one page at a time ("Show more"). */
export function usePublicGroups() {
  return useInfiniteQuery({
    queryKey: groupKeys.public,
    initialPageParam: 1,
    queryFn: ({ pageParam }) => api.get<{ groups: GroupSummary[]; total: number }>(`/api/v1/groups?page=${pageParam}`),
    getNextPageParam: (last, pages) => {
      const seen = pages.reduce((n, page) => n + page.groups.length, 0);
      return last.groups.length > 0 && seen < last.total ? pages.length + 1 : undefined;
    },
  });
}

/** The viewer's groups, drafts and pending requests included. */
export function useMyGroups(enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.mine,
    queryFn: async () => (await api.get<{ groups: MyGroup[] }>('/api/v1/me/groups')).groups,
    enabled,
  });
}

export function useGroup(slug: string) {
  return useQuery({
    queryKey: groupKeys.detail(slug),
    queryFn: async () => (await api.get<GroupResponse>(apiPath`/api/v1/groups/${slug}`)).group,
  });
}

/** After any change to a group: cache the fresh copy, refresh the lists it appears in. */
function rememberGroup(queryClient: QueryClient, group: Group): void {
  queryClient.setQueryData(groupKeys.detail(group.slug), group);
  void queryClient.invalidateQueries({ queryKey: groupKeys.mine });
  void queryClient.invalidateQueries({ queryKey: groupKeys.public });
}

export function useFoundGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: FoundingInput & { name: string }) => (await api.post<GroupResponse>('/api/v1/groups', input)).group,
    onSuccess: (group) => rememberGroup(queryClient, group),
  });
}

export function useUpdateGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: FoundingInput) => (await api.patch<GroupResponse>(apiPath`/api/v1/groups/${slug}`, input)).group,
    onSuccess: (group) => rememberGroup(queryClient, group),
  });
}

export function usePublishGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<GroupResponse>(apiPath`/api/v1/groups/${slug}/publish`)).group,
    onSuccess: (group) => rememberGroup(queryClient, group),
    // Refused as incomplete: our copy of what is missing may be stale, so fetch it again.
    onError: () => void queryClient.invalidateQueries({ queryKey: groupKeys.detail(slug) }),
  });
}
