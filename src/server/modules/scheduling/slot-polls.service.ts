import { randomUUID } from 'node:crypto';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import * as repo from './scheduling.repository.ts';
import type { Poll, PollInput, WeeklySlot } from '../../../shared/api/scheduling.schemas.ts';
import type { VoteAnswer } from '../../../shared/scheduling.ts';
import { nextOccurrence } from './week-days.ts';

type Person = { userId: string; displayName: string };

function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/**
 * Slot polls: a leader proposes a few weekly times (group-zone day and time); members answer
 * yes / if need be / no, each seeing the times on their own clock. Results are counts for
 * everyone and names for leaders; clients refresh by asking again (no push).
 */
export function createSlotPollsService(deps: ServiceDeps & { groups: GroupsService }) {
  const { db, groups } = deps;

  /** The poll and its group as the actor may know them: 404 when they may not see the group. */
  async function loadVisiblePoll(actor: Actor, id: string, need: 'member' | 'lead' = 'member') {
    const poll = await repo.findPoll(db, id);
    if (!poll) throw notFound();
    // What members decide among themselves stays among members, as discussions do.
    const { group, membership } = await groups.loadGroupFor(actor, { id: poll.group_id }, need);
    return { poll, group, membership };
  }

  const loadPollAsLeader = (actor: Actor, id: string) => loadVisiblePoll(actor, id, 'lead');

  async function present(polls: repo.PollRow[], groupSlug: string, actor: Actor, leading: boolean, zone: string | undefined): Promise<Poll[]> {
    const votes = await repo.listVotes(
      db,
      polls.map((p) => p.id),
    );
    const creators = await repo.listDisplayNames(
      db,
      polls.flatMap((p) => (p.created_by ? [p.created_by] : [])),
    );
    const nameOf = new Map(creators.map((c) => [c.id, c.display_name]));
    const viewerZone = zone ?? actor.timeZone;
    const now = deps.clock.now().getTime();
    return polls.map((poll) => {
      const slots = parseJson<WeeklySlot[]>(poll.slots, []);
      const mine = votes.filter((v) => v.poll_id === poll.id);
      const answersOf = (v: (typeof mine)[number]) => parseJson<VoteAnswer[]>(v.answers, []);
      const own = mine.find((v) => v.user_id === actor.id);
      return {
        id: poll.id,
        groupSlug,
        title: poll.title,
        timeZone: poll.time_zone,
        durationMinutes: poll.duration_minutes,
        status: poll.status === 'closed' ? ('closed' as const) : ('open' as const),
        createdBy: poll.created_by ? { userId: poll.created_by, displayName: nameOf.get(poll.created_by) ?? '' } : null,
        createdAt: poll.created_at,
        updatedAt: [poll.updated_at, ...mine.map((v) => v.updated_at)].sort().at(-1)!,
        closedAt: poll.closed_at,
        voterCount: mine.length,
        viewerTimeZone: viewerZone,
        slots: slots.map((slot, index) => {
          const startsAt = nextOccurrence(slot, poll.time_zone, now);
          const by: Record<VoteAnswer, Person[]> = { yes: [], 'if-need-be': [], no: [] };
          for (const v of mine) {
            const answer = answersOf(v)[index];
            if (answer) by[answer].push({ userId: v.user_id, displayName: v.display_name });
          }
          return {
            index,
            day: slot.day,
            start: slot.start,
            startsAt: new Date(startsAt).toISOString(),
            localStart: instantToLocal(startsAt, poll.time_zone),
            yourLocalStart: instantToLocal(startsAt, viewerZone),
            counts: { yes: by.yes.length, ifNeedBe: by['if-need-be'].length, no: by.no.length },
            ...(leading ? { voters: { yes: by.yes, ifNeedBe: by['if-need-be'], no: by.no } } : {}),
          };
        }),
        myAnswers: own ? answersOf(own) : null,
        canManage: leading,
      };
    });
  }

  async function presentOne(poll: repo.PollRow, groupSlug: string, actor: Actor, leading: boolean, zone?: string): Promise<Poll> {
    return (await present([poll], groupSlug, actor, leading, zone))[0]!;
  }

  return {
    /** Proposes weekly times to the group's members (leaders of a published group). */
    async createPoll(actor: Actor, slug: string, input: PollInput, zone?: string): Promise<Poll> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      if (group.status !== 'active' || !group.time_zone) throw new AppError('NOT_PUBLISHED');
      const now = deps.clock.now().toISOString();
      const row: repo.PollRow = {
        id: randomUUID(),
        group_id: group.id,
        title: input.title,
        time_zone: group.time_zone,
        duration_minutes: input.durationMinutes,
        slots: JSON.stringify(input.slots.map((s) => ({ day: s.day, start: s.start }))),
        status: 'open',
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      await repo.insertPoll(db, row);
      return presentOne(row, group.slug, actor, true, zone);
    },

    /** The group's polls, newest first (members only). */
    async listPolls(actor: Actor, slug: string, zone?: string): Promise<Poll[]> {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'member');
      return present(await repo.listPollsOfGroup(db, group.id), group.slug, actor, groupPolicy.isLeader(membership), zone);
    },

    /** One poll with its results (members only; names for leaders). */
    async getPoll(actor: Actor, id: string, zone?: string): Promise<Poll> {
      const { poll, group, membership } = await loadVisiblePoll(actor, id);
      return presentOne(poll, group.slug, actor, groupPolicy.isLeader(membership), zone);
    },

    /** Records the actor's answers, one per proposed time, replacing earlier ones (open polls only). */
    async vote(actor: Actor, id: string, answers: VoteAnswer[], zone?: string): Promise<Poll> {
      const { poll, group, membership } = await loadVisiblePoll(actor, id);
      if (poll.status !== 'open') throw new AppError('CONFLICT', { issues: [{ path: 'poll', key: 'issue.pollClosed' }] });
      const count = parseJson<WeeklySlot[]>(poll.slots, []).length;
      if (answers.length !== count) throw new AppError('VALIDATION', { issues: [{ path: 'answers', key: 'issue.answersLength', params: { count } }] });
      const now = deps.clock.now().toISOString();
      await repo.upsertVote(db, { poll_id: poll.id, user_id: actor.id, answers: JSON.stringify(answers), created_at: now, updated_at: now });
      return presentOne(poll, group.slug, actor, groupPolicy.isLeader(membership), zone);
    },

    /** Closes a poll: answers are kept, no more are taken (leaders only). */
    async closePoll(actor: Actor, id: string, zone?: string): Promise<Poll> {
      const { poll, group } = await loadPollAsLeader(actor, id);
      if (poll.status === 'open') {
        const now = deps.clock.now().toISOString();
        await repo.updatePoll(db, poll.id, { status: 'closed', closed_at: now, updated_at: now });
      }
      return presentOne((await repo.findPoll(db, poll.id))!, group.slug, actor, true, zone);
    },

    /** Deletes a poll and its answers (leaders only). */
    async deletePoll(actor: Actor, id: string): Promise<void> {
      const { poll } = await loadPollAsLeader(actor, id);
      await repo.deletePoll(db, poll.id);
    },
  };
}

export type SlotPollsService = ReturnType<typeof createSlotPollsService>;
