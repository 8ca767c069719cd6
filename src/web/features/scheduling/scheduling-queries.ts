import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client.ts';
import type { SessionOut as Session, ScheduleSessionRequest as SessionInput } from '../../../shared/api/sessions.schemas.ts';
import type { Availability, AvailabilityInput, Poll, PollInput, TimeFinderResult, WeeklySlot } from '../../../shared/api/scheduling.schemas.ts';
import type { VoteAnswer } from '../../../shared/scheduling.ts';

/** What the time finder page asks for; sent as the query string of GET …/time-finder. */
export interface TimeFinderOptions {
  durationMinutes: number;
  from: string;
  weeks: number;
  zone: string;
  mustHave: string[];
  onlineOnly: boolean;
}

const schedulingKeys = {
  all: ['scheduling'] as const,
  availability: ['scheduling', 'availability'] as const,
  finder: (slug: string, options: TimeFinderOptions) => ['scheduling', 'finder', slug, options] as const,
};

/** My availability, or `null` until I have stated it. */
export function useMyAvailability() {
  return useQuery({
    queryKey: schedulingKeys.availability,
    queryFn: async () => (await api.get<{ availability: Availability | null }>('/api/v1/me/availability')).availability,
  });
}

export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: AvailabilityInput) => (await api.put<{ availability: Availability }>('/api/v1/me/availability', input)).availability,
    onSuccess: (saved) => {
      queryClient.setQueryData(schedulingKeys.availability, saved);
      void queryClient.invalidateQueries({ queryKey: ['scheduling', 'finder'] });
    },
  });
}

function finderQuery(options: TimeFinderOptions): string {
  const params = new URLSearchParams({
    durationMinutes: String(options.durationMinutes),
    weeks: String(options.weeks),
    zone: options.zone,
    limit: '20',
  });
  if (options.from) params.set('from', options.from);
  if (options.mustHave.length > 0) params.set('mustHave', options.mustHave.join(','));
  if (options.onlineOnly) params.set('onlineOnly', 'true');
  return params.toString();
}

/** The time finder's answer for these options (leaders only). */
export function useTimeFinder(slug: string, options: TimeFinderOptions | null) {
  return useQuery({
    queryKey: schedulingKeys.finder(slug, options ?? ({} as TimeFinderOptions)),
    queryFn: () => api.get<TimeFinderResult>(`${apiPath`/api/v1/groups/${slug}/time-finder`}?${finderQuery(options!)}`),
    enabled: options !== null,
    staleTime: 60_000,
  });
}

export type ApplyInput = Partial<Omit<SessionInput, 'start' | 'timeZone' | 'recurrence'>> &
  Pick<SessionInput, 'title' | 'durationMinutes' | 'mode'> & {
    slots: WeeklySlot[];
    startDate?: string;
    rotation?: boolean;
  };

export function useApplyTimes(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApplyInput) => (await api.post<{ sessions: Session[] }>(apiPath`/api/v1/groups/${slug}/time-finder/apply`, input)).sessions,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}

const pollKeys = (slug: string) => ['scheduling', 'polls', slug] as const;

/** The group's slot polls, re-fetched every 10 s while the page is open: results are live. */
export function useGroupPolls(slug: string) {
  return useQuery({
    queryKey: pollKeys(slug),
    queryFn: async () => (await api.get<{ polls: Poll[] }>(apiPath`/api/v1/groups/${slug}/polls`)).polls,
    refetchInterval: 10_000,
  });
}

export function useCreatePoll(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: PollInput) => (await api.post<{ poll: Poll }>(apiPath`/api/v1/groups/${slug}/polls`, input)).poll,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pollKeys(slug) }),
  });
}

export function useVote(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, answers }: { id: string; answers: VoteAnswer[] }) =>
      (await api.put<{ poll: Poll }>(apiPath`/api/v1/polls/${id}/vote`, { answers })).poll,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pollKeys(slug) }),
  });
}

export function useClosePoll(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await api.post<{ poll: Poll }>(apiPath`/api/v1/polls/${id}/close`)).poll,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pollKeys(slug) }),
  });
}
