import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Locale } from '../../../shared/locale.ts';
import { api, isApiError } from '../../api/client.ts';
import type { User, UserResponse } from '../../../shared/api/accounts.schemas.ts';

export const meKey = ['me'] as const;

/** The signed-in account, or `null` when signed out (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<User | null> => {
      try {
        return (await api.get<UserResponse>('/api/v1/me')).user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** What a group page shows depends on who looks: refetch everything but the account. */
function becameSomeoneElse(queryClient: QueryClient, user: User | null): void {
  queryClient.setQueryData(meKey, user);
  if (user) {
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  } else {
    // Signed out: member lists and drafts must not linger in memory for the next person.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  }
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  timeZone?: string;
  locale?: Locale;
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) => api.post<UserResponse>('/api/v1/auth/signup', input),
    onSuccess: ({ user }) => becameSomeoneElse(queryClient, user),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<UserResponse>('/api/v1/auth/signin', input),
    onSuccess: ({ user }) => becameSomeoneElse(queryClient, user),
  });
}

/**
 * `leave` runs before the account is forgotten: the page must be left first, or a page
 * that needs an account would see the sign-out and send the visitor to sign in again.
 */
export function useSignOut(leave: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/signout'),
    onSuccess: () => {
      leave();
      becameSomeoneElse(queryClient, null);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: { email: string }) => api.post<{ ok: true }>('/api/v1/auth/password-reset', input),
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => api.post<UserResponse>('/api/v1/auth/password-reset/confirm', input),
    onSuccess: ({ user }) => becameSomeoneElse(queryClient, user),
  });
}

export interface ProfileInput {
  displayName?: string;
  timeZone?: string;
  locale?: Locale;
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.patch<UserResponse>('/api/v1/me', input),
    onSuccess: ({ user }, input) => {
      queryClient.setQueryData(meKey, user);
      // A new display name shows in member lists; a new zone changes every date shown.
      if (input.displayName !== undefined) void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.put<UserResponse>('/api/v1/me/password', input),
    onSuccess: ({ user }) => queryClient.setQueryData(meKey, user),
  });
}

/** `leave` runs before the account is forgotten, as for signing out. */
export function useDeleteAccount(leave: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string }) => api.delete<void>('/api/v1/me', input),
    onSuccess: () => {
      leave();
      becameSomeoneElse(queryClient, null);
    },
  });
}
