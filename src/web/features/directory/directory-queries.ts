import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Place } from '../../../shared/directory.ts';
import { api, apiPath } from '../../api/client.ts';
import { apiSearchQuery, type DirectoryFilters } from './directory-params.ts';
import type { SearchGroupsResponse as DirectoryResult } from '../../../shared/api/directory.schemas.ts';
import type { ImportMeetingGuideRequest as ImportInput, ImportReport } from '../../../shared/api/meeting-guide.schemas.ts';

const directoryKeys = {
  all: ['directory'] as const,
  search: (query: string) => ['directory', 'search', query] as const,
  places: (q: string) => ['directory', 'places', q] as const,
  place: (id: number) => ['directory', 'place', id] as const,
};

/** The directory's answer for these filters; the last page stays on screen while the next loads. */
export function useDirectorySearch(filters: DirectoryFilters, zone: string) {
  const query = apiSearchQuery(filters, zone);
  return useQuery({
    queryKey: directoryKeys.search(query),
    queryFn: () => api.get<DirectoryResult>(`/api/v1/search/groups?${query}`),
    placeholderData: keepPreviousData,
  });
}

/** Fewer letters than this match half the world's towns: nothing is asked for. */
export const PLACE_QUERY_MIN = 2;

/** Towns whose name starts with `q`, biggest first. */
export function usePlaces(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: directoryKeys.places(text.toLowerCase()),
    queryFn: async () => (await api.get<{ places: Place[] }>(`/api/v1/places?${new URLSearchParams({ q: text, limit: '8' }).toString()}`)).places,
    enabled: text.length >= PLACE_QUERY_MIN,
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });
}

/** One town by its GeoNames id (a shared search names its town by id). */
export function usePlace(id: number | null) {
  return useQuery({
    queryKey: directoryKeys.place(id ?? 0),
    queryFn: async () => (await api.get<{ place: Place }>(apiPath`/api/v1/places/${id ?? 0}`)).place,
    enabled: id !== null,
    staleTime: 60 * 60_000,
  });
}

/** Platform admins: bring a Meeting Guide feed's meetings into the directory. */
export function useImportMeetingGuide() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ImportInput) => (await api.post<{ report: ImportReport }>('/api/v1/admin/imports/meeting-guide', input)).report,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['groups'] });
    },
  });
}
