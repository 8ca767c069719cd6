import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Leadership } from '../../../shared/limits.ts';
import { api, apiPath } from '../../api/client.ts';
import { groupKeys } from '../groups/group-queries.ts';
import type { CreatedInvitation, InvitationPreview, JoinRequest, Member, Membership } from '../../../shared/api/memberships.schemas.ts';

export const membershipKeys = {
  members: (slug: string) => ['members', slug] as const,
  requests: (slug: string) => ['requests', slug] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** Membership changes move counts, lists and the viewer's own state: refresh them all. */
function refreshGroup(queryClient: QueryClient, slug: string): void {
  void queryClient.invalidateQueries({ queryKey: groupKeys.detail(slug) });
  void queryClient.invalidateQueries({ queryKey: groupKeys.mine });
  void queryClient.invalidateQueries({ queryKey: groupKeys.public });
  void queryClient.invalidateQueries({ queryKey: membershipKeys.members(slug) });
  void queryClient.invalidateQueries({ queryKey: membershipKeys.requests(slug) });
}

export function useMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: membershipKeys.members(slug),
    queryFn: async () => (await api.get<{ members: Member[] }>(apiPath`/api/v1/groups/${slug}/members`)).members,
    enabled,
  });
}

export function useJoinRequests(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: membershipKeys.requests(slug),
    queryFn: async () => (await api.get<{ requests: JoinRequest[] }>(apiPath`/api/v1/groups/${slug}/requests`)).requests,
    enabled,
  });
}

export function useJoinGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<{ membership: Membership }>(apiPath`/api/v1/groups/${slug}/join`, { acceptCharter: true })).membership,
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export function useLeaveGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(apiPath`/api/v1/groups/${slug}/leave`),
    onSuccess: () => {
      // What members see is not for former members: drop it rather than refetch a 403.
      queryClient.removeQueries({ queryKey: membershipKeys.members(slug) });
      queryClient.removeQueries({ queryKey: membershipKeys.requests(slug) });
      refreshGroup(queryClient, slug);
    },
  });
}

export function useAcceptCharter(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<{ membership: Membership }>(apiPath`/api/v1/groups/${slug}/charter/accept`, { acceptCharter: true })).membership,
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

type MemberAction = 'approve' | 'reject' | 'demote';

/** Approve or decline a request, or take a co-leader's role back. */
export function useMemberAction(slug: string, action: MemberAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<unknown>(apiPath`/api/v1/groups/${slug}/members/${userId}/${action}`),
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export function usePromoteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; leaderType: Leadership; profession?: string }) =>
      api.post<{ membership: Membership }>(apiPath`/api/v1/groups/${slug}/members/${input.userId}/promote`, {
        leaderType: input.leaderType,
        ...(input.profession ? { profession: input.profession } : {}),
      }),
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete<void>(apiPath`/api/v1/groups/${slug}/members/${userId}`),
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export function useCreateInvitation(slug: string) {
  return useMutation({
    mutationFn: async (input: { email?: string }) =>
      (await api.post<{ invitation: CreatedInvitation }>(apiPath`/api/v1/groups/${slug}/invitations`, input)).invitation,
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: membershipKeys.invitation(token),
    queryFn: async () => (await api.get<{ invitation: InvitationPreview }>(apiPath`/api/v1/invitations/${token}`)).invitation,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (_slug: string) =>
      (await api.post<{ membership: Membership }>(apiPath`/api/v1/invitations/${token}/accept`, { acceptCharter: true })).membership,
    onSuccess: (_membership, slug) => {
      queryClient.removeQueries({ queryKey: membershipKeys.invitation(token) });
      refreshGroup(queryClient, slug);
    },
  });
}
