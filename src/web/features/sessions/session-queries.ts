import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiPath } from '../../api/client.ts';
import type { CalendarFeed } from '../../../shared/api/calendar.schemas.ts';
import type {
  AttendanceResponse,
  MovedOccurrenceResponse,
  RecapResponse,
  OccurrenceOut as Occurrence,
  OccurrenceDetailResponse as OccurrenceDetail,
  Programme,
  ProgrammeRequest as ProgrammeInput,
  RsvpStatus,
  ScheduleProgrammeRequest as ScheduleProgrammeInput,
  SessionOut as Session,
  ScheduleSessionRequest as SessionInput,
} from '../../../shared/api/sessions.schemas.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const sessionKeys = {
  all: ['sessions'] as const,
  groupOccurrences: (slug: string) => ['sessions', 'group-occurrences', slug] as const,
  mine: ['sessions', 'mine'] as const,
  session: (id: string) => ['sessions', 'session', id] as const,
  occurrence: (id: string, startsAt: string) => ['sessions', 'occurrence', id, startsAt] as const,
};

const programmeKeys = {
  all: ['programmes'] as const,
  ofGroup: (slug: string) => ['programmes', 'group', slug] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
};

/**
 * The window of "upcoming" occurrences: from a few hours ago, so that a session under way
 * (and its online link) stays listed until it ends, to `days` ahead.
 */
function upcomingWindow(days: number): string {
  const now = Date.now();
  const from = new Date(now - 12 * HOUR).toISOString();
  const to = new Date(now + days * DAY).toISOString();
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&includeCancelled=true`;
}

function stillUpcoming(occurrences: Occurrence[]): Occurrence[] {
  const now = Date.now();
  return occurrences.filter((o) => Date.parse(o.endsAt) > now);
}

/** Every change to a session can move any list, count or answer: refresh them all. */
function refreshSessions(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
}

/** A group's coming occurrences (half a year ahead), cancelled ones included and marked. */
export function useGroupOccurrences(slug: string, enabled = true) {
  return useQuery({
    queryKey: sessionKeys.groupOccurrences(slug),
    queryFn: async () =>
      stillUpcoming((await api.get<{ occurrences: Occurrence[] }>(`${apiPath`/api/v1/groups/${slug}/occurrences`}?${upcomingWindow(183)}`)).occurrences),
    enabled,
  });
}

/** The viewer's occurrences across all their groups, four months ahead. */
export function useMySessions() {
  return useQuery({
    queryKey: sessionKeys.mine,
    queryFn: async () => stillUpcoming((await api.get<{ occurrences: Occurrence[] }>(`/api/v1/me/sessions?${upcomingWindow(122)}`)).occurrences),
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.session(id),
    queryFn: async () => (await api.get<{ session: Session }>(apiPath`/api/v1/sessions/${id}`)).session,
  });
}

export function useOccurrence(id: string, startsAt: string) {
  return useQuery({
    queryKey: sessionKeys.occurrence(id, startsAt),
    queryFn: () => api.get<OccurrenceDetail>(apiPath`/api/v1/sessions/${id}/occurrences/${startsAt}`),
  });
}

export function useScheduleSession(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SessionInput) => (await api.post<{ session: Session }>(apiPath`/api/v1/groups/${slug}/sessions`, input)).session,
    onSuccess: () => refreshSessions(queryClient),
  });
}

export type SessionChanges = Partial<SessionInput> & { fromOccurrence?: string };

export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: SessionChanges) => (await api.patch<{ session: Session }>(apiPath`/api/v1/sessions/${id}`, changes)).session,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionKeys.session(session.id), session);
      refreshSessions(queryClient);
    },
  });
}

export function useDeleteSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(apiPath`/api/v1/sessions/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: sessionKeys.session(id) });
      refreshSessions(queryClient);
    },
  });
}

export function useRsvp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { occurrenceStart: string; status: 'going' | 'not-going' }) =>
      (await api.post<{ rsvp: { status: RsvpStatus } }>(apiPath`/api/v1/sessions/${id}/rsvp`, input)).rsvp.status,
    onSuccess: () => refreshSessions(queryClient),
  });
}

/** Cancel or restore one occurrence: the rest of the series is untouched. */
export function useOccurrenceAction(id: string, action: 'cancel' | 'restore') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (occurrenceStart: string) => api.post<void>(apiPath`/api/v1/sessions/${id}/occurrences/${action}`, { occurrenceStart }),
    onSuccess: () => refreshSessions(queryClient),
  });
}

export function useMoveOccurrence(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { occurrenceStart: string; start: string; durationMinutes?: number }) =>
      (await api.post<MovedOccurrenceResponse>(apiPath`/api/v1/sessions/${id}/occurrences/move`, input)).occurrence,
    onSuccess: () => refreshSessions(queryClient),
  });
}

export function useRecordAttendance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { occurrenceStart: string; present: string[] }) => api.put<AttendanceResponse>(apiPath`/api/v1/sessions/${id}/attendance`, input),
    onSuccess: () => refreshSessions(queryClient),
  });
}

export function useWriteRecap(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { occurrenceStart: string; body: string }) => api.put<RecapResponse>(apiPath`/api/v1/sessions/${id}/recap`, input),
    onSuccess: () => refreshSessions(queryClient),
  });
}

// ---------- Programmes ----------

export function useProgrammes(slug: string) {
  return useQuery({
    queryKey: programmeKeys.ofGroup(slug),
    queryFn: async () => (await api.get<{ programmes: Programme[] }>(apiPath`/api/v1/groups/${slug}/programmes`)).programmes,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: async () => (await api.get<{ programme: Programme }>(apiPath`/api/v1/programmes/${id}`)).programme,
  });
}

function rememberProgramme(queryClient: QueryClient, programme: Programme): void {
  queryClient.setQueryData(programmeKeys.detail(programme.id), programme);
  void queryClient.invalidateQueries({ queryKey: programmeKeys.ofGroup(programme.groupSlug) });
}

export function useCreateProgramme(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ProgrammeInput) => (await api.post<{ programme: Programme }>(apiPath`/api/v1/groups/${slug}/programmes`, input)).programme,
    onSuccess: (programme) => rememberProgramme(queryClient, programme),
  });
}

export function useUpdateProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ProgrammeInput) => (await api.patch<{ programme: Programme }>(apiPath`/api/v1/programmes/${id}`, input)).programme,
    onSuccess: (programme) => rememberProgramme(queryClient, programme),
  });
}

export function useDeleteProgramme(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(apiPath`/api/v1/programmes/${id}`),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: programmeKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.ofGroup(slug) });
    },
  });
}

export function useScheduleProgramme(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ScheduleProgrammeInput) => (await api.post<{ sessions: Session[] }>(apiPath`/api/v1/programmes/${id}/schedule`, input)).sessions,
    onSuccess: () => refreshSessions(queryClient),
  });
}

// ---------- Personal calendar feed ----------

/** Creates the feed, or replaces it: the previous secret address stops working. */
export function useCreateCalendarFeed() {
  return useMutation({
    mutationFn: async () => (await api.post<{ feed: CalendarFeed }>('/api/v1/me/calendar-feed')).feed,
  });
}

export function useRevokeCalendarFeed() {
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/me/calendar-feed'),
  });
}

/** Download links (plain `<a href>`: the browser saves the file). */
export const calendarLinks = {
  session: (id: string) => apiPath`/api/v1/sessions/${id}/calendar.ics`,
  group: (slug: string) => apiPath`/api/v1/groups/${slug}/calendar.ics`,
};
