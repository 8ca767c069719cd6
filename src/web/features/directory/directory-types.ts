import type { Sort } from '../../../shared/directory.ts';
import type { GroupPlace, GroupSummary } from '../groups/group-types.ts';

/** A group as the directory lists it (GET /api/v1/search/groups). */
export interface DirectoryGroup extends GroupSummary {
  place: GroupPlace | null;
  /** From the `near` point, rounded to 0.1 km; only when searching near somewhere. */
  distanceKm?: number;
  /** The next occurrence's start (UTC), when one is known. */
  nextSessionAt: string | null;
  /** The same on the search's clock, `YYYY-MM-DDTHH:MM`. */
  nextSessionLocal: string | null;
  /** With a day or time filter: the first occurrences that fit, on the search's clock. */
  matches?: { startsAt: string; localStart: string }[];
}

export interface DirectoryResult {
  groups: DirectoryGroup[];
  total: number;
  page: number;
  pageSize: number;
  /** The order actually used (relevance needs words, distance needs a place). */
  sort: Sort;
  /** The zone local times are given in. */
  timeZone: string;
}

export interface ImportSkip {
  /** Position in the feed, from 0. */
  index: number;
  name: string | null;
  slug: string | null;
  /** Worded by the server in our language. */
  reason: string;
}

export interface ImportReport {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: ImportSkip[];
  groups: { index: number; slug: string; groupSlug: string; outcome: 'created' | 'updated' | 'unchanged' }[];
}

/** POST /api/v1/admin/imports/meeting-guide: a URL for the server to fetch, or the feed itself. */
export type ImportInput = ({ url: string } | { feed: unknown[]; source?: string }) & {
  defaultTimeZone?: string;
  defaultLanguage?: string;
};
