/**
 * What other modules' jobs read of a group when no viewer asks (the e-mail fan-out and
 * digests, the inbound gateway): its names, status and clock. A request made by someone goes
 * through the groups service's `loadGroupFor` instead, which decides what they may see.
 */
import type { Db } from '../../platform/db/database.ts';
import * as repo from './groups.repository.ts';

/** A group's id, slug, name, status and time zone, by id. */
export function findGroupSummary(db: Db, id: string) {
  return repo.findGroupSummary(db, id);
}

/** The published group with this slug (drafts and archived groups: none), by its names only. */
export function findActiveGroupBySlug(db: Db, slug: string) {
  return repo.findActiveGroupSummaryBySlug(db, slug);
}
