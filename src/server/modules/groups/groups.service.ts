import { randomBytes, randomUUID } from 'node:crypto';
import type { Delivery, Leadership } from '../../../shared/limits.ts';
import { toSlug } from '../../../shared/slug.ts';
import type { Locale } from '../../../shared/locale.ts';
import { parseStringList } from '../../platform/db/json-list.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound, type Issue } from '../../platform/http/app-error.ts';
import { translate, type MessageKey } from '../../platform/i18n/messages.ts';
import { createGroupAccess } from './group-access.ts';
import * as policy from './groups.policy.ts';
import * as repo from './groups.repository.ts';
import * as memberships from './memberships.repository.ts';
import type { FoundGroupInput, Group, GroupPlace, GroupSummary, UpdateGroupInput } from '../../../shared/api/groups.schemas.ts';

const PAGE_SIZE = 20;
/** Slugs the web app uses for its own pages under /groups/. */
const RESERVED_SLUGS = new Set(['new', 'edit', 'search']);

/** The parts a founder must think through before the group can be published, in guide order. */
const REQUIRED_PARTS = ['purpose', 'reasons', 'structure', 'charter', 'leadership', 'modes', 'languages', 'timeZone', 'visibility'] as const;
type RequiredPart = (typeof REQUIRED_PARTS)[number];

/** What is still missing before publication, as field names. */
export function missingParts(g: repo.GroupRow): RequiredPart[] {
  const filled: Record<RequiredPart, boolean> = {
    purpose: Boolean(g.purpose),
    reasons: Boolean(g.reasons),
    structure: Boolean(g.membership_policy && g.format),
    charter: Boolean(g.charter),
    leadership: Boolean(g.leadership),
    modes: parseStringList(g.modes).length > 0,
    languages: parseStringList(g.languages).length > 0,
    timeZone: Boolean(g.time_zone),
    visibility: Boolean(g.visibility),
  };
  return REQUIRED_PARTS.filter((p) => !filled[p]);
}

function missingIssues(parts: RequiredPart[]): Issue[] {
  return parts.map((p) => ({ path: p, key: `missing.${p}` as MessageKey }));
}

/** A URL-friendly name: accents folded, anything else turned into dashes. */
export function slugify(name: string): string {
  return toSlug(name, 'group');
}

/** Column changes for the founding fields present in `input` (absent fields stay as they are). */
function foundingChanges(input: UpdateGroupInput): Partial<repo.GroupRow> {
  const c: Partial<repo.GroupRow> = {};
  if (input.name !== undefined) c.name = input.name;
  if (input.purpose !== undefined) c.purpose = input.purpose;
  if (input.reasons !== undefined) c.reasons = input.reasons;
  if (input.charter !== undefined) c.charter = input.charter;
  if (input.leadership !== undefined) c.leadership = input.leadership;
  if (input.structure?.membership !== undefined) c.membership_policy = input.structure.membership;
  if (input.structure?.format !== undefined) c.format = input.structure.format;
  if (input.structure?.maxMembers !== undefined) c.max_members = input.structure.maxMembers;
  if (input.structure?.rhythm !== undefined) c.rhythm = input.structure.rhythm;
  if (input.modes !== undefined) c.modes = JSON.stringify(input.modes);
  if (input.languages !== undefined) c.languages = JSON.stringify(input.languages);
  if (input.timeZone !== undefined) c.time_zone = input.timeZone;
  if (input.visibility !== undefined) c.visibility = input.visibility;
  if (input.topics !== undefined) c.topics = JSON.stringify(input.topics);
  if (input.place !== undefined) {
    c.place_name = input.place?.name ?? null;
    c.place_country_code = input.place?.countryCode ?? null;
    c.place_admin1 = input.place?.admin1 ?? null;
    c.place_latitude = input.place?.latitude ?? null;
    c.place_longitude = input.place?.longitude ?? null;
  }
  return c;
}

/** The group's place, when it has a complete one. */
function placeOf(g: repo.GroupRow): GroupPlace | null {
  if (g.place_name == null || g.place_country_code == null || g.place_latitude == null || g.place_longitude == null) return null;
  return {
    name: g.place_name,
    countryCode: g.place_country_code,
    ...(g.place_admin1 != null ? { admin1: g.place_admin1 } : {}),
    latitude: g.place_latitude,
    longitude: g.place_longitude,
  };
}

export function toGroupSummary(g: repo.GroupRow, memberCount: number): GroupSummary {
  return {
    slug: g.slug,
    name: g.name,
    purpose: g.purpose,
    leadership: g.leadership as Leadership | null,
    modes: parseStringList(g.modes),
    languages: parseStringList(g.languages),
    timeZone: g.time_zone,
    visibility: g.visibility as GroupSummary['visibility'],
    topics: parseStringList(g.topics),
    status: g.status === 'active' ? 'active' : 'draft',
    memberCount,
  };
}

export function createGroupsService(deps: ServiceDeps) {
  const { db } = deps;

  async function uniqueSlug(db: ServiceDeps['db'], name: string): Promise<string> {
    const base = slugify(name);
    if (!RESERVED_SLUGS.has(base) && !(await repo.isSlugTaken(db, base))) return base;
    for (;;) {
      const candidate = `${base.slice(0, 55)}-${randomBytes(3).toString('hex')}`;
      if (!(await repo.isSlugTaken(db, candidate))) return candidate;
    }
  }

  const { loadGroupFor } = createGroupAccess(db);

  async function present(group: repo.GroupRow, membership: repo.MembershipRow | null, locale: Locale): Promise<Group> {
    const [memberCount, leaders] = await Promise.all([repo.countActiveMembers(db, group.id), repo.listLeaders(db, group.id)]);
    const leading = policy.isLeader(membership);
    const viewerMembership =
      membership && (membership.status === 'active' || membership.status === 'pending')
        ? {
            status: membership.status as 'active' | 'pending',
            role: membership.role as 'leader' | 'member',
            charterVersion: membership.charter_version,
            needsCharterAcceptance: membership.status === 'active' && membership.charter_version < group.charter_version,
            delivery: membership.delivery as Delivery,
          }
        : null;
    return {
      ...toGroupSummary(group, memberCount),
      id: group.id,
      reasons: group.reasons,
      charter: group.charter,
      charterVersion: group.charter_version,
      structure: {
        membership: group.membership_policy as Group['structure']['membership'],
        format: group.format as Group['structure']['format'],
        ...(group.max_members != null ? { maxMembers: group.max_members } : {}),
        ...(group.rhythm != null ? { rhythm: group.rhythm } : {}),
      },
      leaders: leaders.map((l) => ({
        userId: l.user_id,
        displayName: l.display_name,
        leaderType: (l.leader_type ?? group.leadership ?? 'peer') as Leadership,
        ...(l.profession ? { profession: l.profession } : {}),
      })),
      place: placeOf(group),
      createdAt: group.created_at,
      updatedAt: group.updated_at,
      publishedAt: group.published_at,
      missing: leading ? missingParts(group).map((p) => ({ field: p, message: translate(locale, `missing.${p}`) })) : [],
      viewer: { membership: viewerMembership, canEdit: policy.canEditGroup(membership) },
    };
  }

  return {
    /** The one access check every module loads a group through (see group-access.ts). */
    loadGroupFor,

    /** A group's name and slug, for jobs that already checked membership (mail subjects). */
    async describeGroup(id: string): Promise<{ name: string; slug: string } | null> {
      const group = await repo.findGroupById(db, id);
      return group ? { name: group.name, slug: group.slug } : null;
    },

    /** The kinds of its active leaders (a leader without one leads as the group says). */
    async leaderTypesOf(groupId: string): Promise<Leadership[]> {
      const group = await repo.findGroupById(db, groupId);
      if (!group) return [];
      const leaders = await repo.listLeaders(db, groupId);
      return [...new Set(leaders.map((l) => (l.leader_type ?? group.leadership ?? 'peer') as Leadership))];
    },

    /**
     * Summaries (with place) of groups another module has already found listable, such as the
     * directory's search hits; by id.
     */
    async summariesOf(groupIds: string[]): Promise<Map<string, GroupSummary & { place: GroupPlace | null }>> {
      const [rows, counts] = await Promise.all([repo.findGroupsByIds(db, groupIds), repo.countActiveMembersOf(db, groupIds)]);
      return new Map(rows.map((r) => [r.id, { ...toGroupSummary(r, counts.get(r.id) ?? 0), place: placeOf(r) }]));
    },

    /** The actor's membership of a group, if any (for policies of other modules). */
    membershipOf: (groupId: string, userId: string) => repo.findMembership(db, groupId, userId),

    /** Which of these people are active members of the group. */
    async activeMembersAmong(groupId: string, userIds: string[]): Promise<Set<string>> {
      return new Set(await memberships.listActiveMemberIdsAmong(db, groupId, userIds));
    },

    /** The groups in which the person is an active member. */
    activeGroupIdsOf: (userId: string) => memberships.listActiveGroupIdsOf(db, userId),

    /**
     * Founds a group; the founder becomes its first leader. With every founding part filled
     * in it is published at once, otherwise it is a draft only its leaders see.
     */
    async foundGroup(actor: Actor, input: FoundGroupInput, locale: Locale): Promise<Group> {
      const now = deps.clock.now().toISOString();
      const id = randomUUID();
      const row = await db.transaction().execute(async (trx) => {
        const draft: repo.GroupRow = {
          id,
          slug: await uniqueSlug(trx, input.name),
          founder_id: actor.id,
          name: input.name,
          purpose: null,
          reasons: null,
          charter: null,
          charter_version: input.charter ? 1 : 0,
          leadership: null,
          membership_policy: null,
          format: null,
          max_members: null,
          rhythm: null,
          modes: '[]',
          languages: '[]',
          time_zone: null,
          visibility: null,
          topics: '[]',
          status: 'draft',
          created_at: now,
          updated_at: now,
          published_at: null,
          place_name: null,
          place_country_code: null,
          place_admin1: null,
          place_latitude: null,
          place_longitude: null,
          ...foundingChanges(input),
        };
        if (missingParts(draft).length === 0) {
          draft.status = 'active';
          draft.published_at = now;
        }
        await repo.insertGroup(trx, draft);
        if (input.charter) await repo.insertCharterVersion(trx, { group_id: id, version: 1, text: input.charter, created_at: now });
        await memberships.insertMembership(trx, {
          group_id: id,
          user_id: actor.id,
          role: 'leader',
          status: 'active',
          leader_type: null,
          profession: input.profession ?? null,
          charter_version: draft.charter_version,
          charter_accepted_at: now,
          created_at: now,
          joined_at: now,
        });
        return draft;
      });
      await deps.events.emit('group.founded', { groupId: row.id });
      const membership = await repo.findMembership(db, row.id, actor.id);
      return present(row, membership ?? null, locale);
    },

    /** The group page as this actor may see it. */
    async viewGroup(actor: Actor | null, slug: string, locale: Locale): Promise<Group> {
      const { group, membership } = await loadGroupFor(actor, { slug }, 'view');
      return present(group, membership, locale);
    },

    /**
     * Leaders change founding fields. A changed charter gets a new version that members
     * are asked to accept again; a published group may not become incomplete.
     */
    async updateGroup(actor: Actor, slug: string, input: UpdateGroupInput, locale: Locale): Promise<Group> {
      const { group } = await loadGroupFor(actor, { slug }, 'lead');
      const now = deps.clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const current = await repo.findGroupById(trx, group.id);
        if (!current) throw notFound();
        const changes: Partial<repo.GroupRow> = { ...foundingChanges(input), updated_at: now };
        const charterChanged = input.charter !== undefined && input.charter !== current.charter;
        if (charterChanged) {
          changes.charter_version = current.charter_version + 1;
          await repo.insertCharterVersion(trx, { group_id: group.id, version: changes.charter_version, text: input.charter!, created_at: now });
        }
        const next = { ...current, ...changes };
        if (current.status === 'active') {
          const missing = missingParts(next);
          if (missing.length > 0) throw new AppError('VALIDATION', { issues: missingIssues(missing) });
        }
        await repo.updateGroup(trx, group.id, changes);
        const own: Partial<repo.MembershipRow> = {};
        if (charterChanged) Object.assign(own, { charter_version: changes.charter_version, charter_accepted_at: now });
        if (input.profession !== undefined) own.profession = input.profession;
        if (Object.keys(own).length > 0) {
          await memberships.updateMembership(trx, group.id, actor.id, own);
        }
      });
      await deps.events.emit('group.updated', { groupId: group.id });
      return this.viewGroup(actor, slug, locale);
    },

    /** Publishes a complete draft; otherwise a 400 naming every missing part. */
    async publishGroup(actor: Actor, slug: string, locale: Locale): Promise<Group> {
      const { group } = await loadGroupFor(actor, { slug }, 'lead');
      if (group.status !== 'active') {
        const missing = missingParts(group);
        if (missing.length > 0) throw new AppError('NOT_PUBLISHABLE', { issues: missingIssues(missing) });
        const now = deps.clock.now().toISOString();
        await repo.updateGroup(db, group.id, { status: 'active', published_at: now, updated_at: now });
        await deps.events.emit('group.published', { groupId: group.id });
      }
      return this.viewGroup(actor, slug, locale);
    },

    /** Published public groups, newest first. Unlisted and private groups never appear. */
    async listPublicGroups(page: number): Promise<{ groups: GroupSummary[]; total: number }> {
      const { rows, total } = await repo.listPublicGroups(db, PAGE_SIZE, (page - 1) * PAGE_SIZE);
      const counts = await repo.countActiveMembersOf(
        db,
        rows.map((r) => r.id),
      );
      return { groups: rows.map((r) => toGroupSummary(r, counts.get(r.id) ?? 0)), total };
    },

    /** The actor's groups (drafts and pending requests included). */
    async listMyGroups(actor: Actor) {
      const rows = await repo.listGroupsOfUser(db, actor.id);
      const counts = await repo.countActiveMembersOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        ...toGroupSummary(r, counts.get(r.id) ?? 0),
        membership: { status: r.membership_status as 'active' | 'pending', role: r.membership_role as 'leader' | 'member' },
      }));
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
