/**
 * The one place that answers "what may this actor do with this group": every module loads a
 * group through `loadGroupFor` with what it needs of it, and gets the group, the actor's
 * membership and their abilities (groups.policy.ts), or the error to answer with: a 404
 * identical to a missing group when the actor may not see it, a 403 when they may see it but
 * lack the need.
 */
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { forbidden, notFound } from '../../platform/http/app-error.ts';
import { abilitiesFor, decide, type GroupAbilities } from './groups.policy.ts';
import { type GroupNeed } from '../../../shared/group-needs.ts';
import * as repo from './groups.repository.ts';

/** A group by slug (routes) or by id (things that belong to a group: sessions, threads…). */
export type GroupRef = { slug: string } | { id: string };

/** What access needs of an actor: who they are and their platform role. */
export type AccessActor = Pick<Actor, 'id' | 'isPlatformModerator'>;

export interface GroupAccess {
  group: repo.GroupRow;
  membership: repo.MembershipRow | null;
  can: GroupAbilities;
}

export function createGroupAccess(db: Db) {
  /**
   * The group behind `ref` as `actor` may know it, when they have `need` of it: NOT_FOUND
   * (exactly as for a missing group) when they may not see it, FORBIDDEN when they may see it
   * but `need` is not met.
   */
  async function loadGroupFor(actor: AccessActor | null, ref: GroupRef, need: GroupNeed): Promise<GroupAccess> {
    const group = 'id' in ref ? await repo.findGroupById(db, ref.id) : await repo.findGroupBySlug(db, ref.slug);
    if (!group) throw notFound();
    const membership = (actor ? await repo.findMembership(db, group.id, actor.id) : undefined) ?? null;
    const can = abilitiesFor(group, membership, actor);
    const decision = decide(can, need);
    if (decision === 'hidden') throw notFound();
    if (decision === 'refused') throw forbidden();
    return { group, membership, can };
  }
  return { loadGroupFor };
}
