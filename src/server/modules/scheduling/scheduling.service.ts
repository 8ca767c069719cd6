import { isValidTimeZone } from '../../../shared/time-zone.ts';
import { instantToLocal, offsetAt } from '../../../shared/zoned-time.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, type Issue } from '../../platform/http/app-error.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { planRotation, type RotationCandidate } from './rotation.ts';
import * as repo from './scheduling.repository.ts';
import {
  SCHEDULING_LIMITS,
  type ApplyInput,
  type Availability,
  type AvailabilityInput,
  type TimeFinderOptions,
  type TimeFinderResult,
} from '../../../shared/api/scheduling.schemas.ts';
import { scoreMembers, slotBit, slotsInsideEveryWeek } from './time-finder.ts';
import { planWeeks, weekdayOf } from './week-plan.ts';
import { parseDate } from '../../../shared/calendar-date.ts';
import { formatDay, nextWeekday, todayIn } from './week-days.ts';
import { dailyMask, MASK_WORDS, maskToWindows, SLOTS_PER_WEEK, windowsToMask, type WeeklyWindow } from './weekly-windows.ts';
import { formatClock } from '../../../shared/clock-time.ts';

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * "Good hours" on anyone's own clock. A slot is a bad hour for a member when some part of
 * the session falls outside them in some evaluated week: before 08:00 or after 21:00.
 */
const GOOD_HOURS = { start: 8 * 60, end: 21 * 60 } as const;
const GOOD_HOURS_MASK = dailyMask(GOOD_HOURS.start, GOOD_HOURS.end);

function parseJson<T>(json: string | null, fallback: T): T {
  if (json === null) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

function presentAvailability(row: repo.AvailabilityRow): Availability {
  return {
    timeZone: row.time_zone,
    windows: parseJson<WeeklyWindow[]>(row.windows, []),
    languages: parseJson<string[]>(row.languages, []),
    modes: parseJson<Availability['modes']>(row.modes, null),
    updatedAt: row.updated_at,
  };
}

const slotDay = (s: number) => Math.floor(s / 96);
const slotStart = (s: number) => formatClock((s % 96) * 15);

/** Whether someone who follows `languages` (none listed: anything) follows `wanted`. */
function followsLanguage(languages: string[], wanted: string): boolean {
  if (languages.length === 0) return true;
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return languages.some((l) => primary(l) === primary(wanted));
}

interface StatedMember {
  userId: string;
  displayName: string;
  zone: string;
  windows: WeeklyWindow[];
  languages: string[];
  modes: ('in-person' | 'online')[] | null;
}

/** Adds one per slot for every set bit of a 21-word slot set. */
function tally(counts: Uint32Array, bits: Uint32Array, at: number): void {
  for (let i = 0; i < MASK_WORDS; i++) {
    let x = bits[at + i]! >>> 0;
    while (x !== 0) {
      const low = x & -x;
      const s = i * 32 + 31 - Math.clz32(low);
      counts[s] = counts[s]! + 1;
      x = (x ^ low) >>> 0;
    }
  }
}

/**
 * `planWeeks`, with its refusal of a week no real zone has had since 2000 (a clock jumping
 * back by days) reported against `from` rather than as a server error.
 */
function planGroupWeeks(period: Parameters<typeof planWeeks>[0]) {
  try {
    return planWeeks(period);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('VALIDATION', { issues: [{ path: 'query.from', key: 'issue.date' }] });
    throw error;
  }
}

/** Availability, the time finder and "apply": the scheduling use cases. */
export function createSchedulingService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { db, groups, sessions } = deps;

  async function loadPublishedGroupAsLeader(slug: string, actor: Actor) {
    const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
    if (group.status !== 'active' || !group.time_zone) throw new AppError('NOT_PUBLISHED');
    return { group, zone: group.time_zone };
  }

  return {
    /** The actor's own availability, or null when they have not stated it. */
    async getAvailability(actor: Actor): Promise<Availability | null> {
      const row = await repo.findAvailability(db, actor.id);
      return row ? presentAvailability(row) : null;
    },

    /**
     * States when the actor can take part, in their own zone. Windows are stored merged
     * and sorted; languages and modes left out keep what was saved before.
     */
    async setAvailability(actor: Actor, input: AvailabilityInput): Promise<Availability> {
      const existing = await repo.findAvailability(db, actor.id);
      const now = deps.clock.now().toISOString();
      const row: repo.AvailabilityRow = {
        user_id: actor.id,
        time_zone: input.timeZone,
        windows: JSON.stringify(maskToWindows(windowsToMask(input.windows))),
        languages: input.languages !== undefined ? JSON.stringify(input.languages) : (existing?.languages ?? '[]'),
        modes: input.modes !== undefined ? (input.modes === null ? null : JSON.stringify(input.modes)) : (existing?.modes ?? null),
        created_at: existing?.created_at ?? now,
        updated_at: now,
      };
      await repo.upsertAvailability(db, row);
      return presentAvailability(row);
    },

    /** Withdraws the actor's availability: they no longer count in any time finder. */
    async deleteAvailability(actor: Actor): Promise<void> {
      await repo.deleteAvailability(db, actor.id);
    },

    /**
     * The time finder (leaders only): every weekly slot of the group scored by how many
     * members can attend the whole session on every evaluated week, the best first with
     * who each leaves out, a heat map of the week, and a fair rotation. Other members'
     * availability reaches nobody but the group's leaders, and only through here.
     */
    async findTimes(actor: Actor, slug: string, options: TimeFinderOptions): Promise<TimeFinderResult> {
      const { group, zone } = await loadPublishedGroupAsLeader(slug, actor);
      const viewerZone = options.zone ?? actor.timeZone;
      const from = options.from ?? todayIn(zone, deps.clock.now().getTime());
      const rows = await repo.listMembersWithAvailability(db, group.id);

      const memberIds = new Set(rows.map((r) => r.user_id));
      const requested = options.mustHave ?? [];
      const issues: Issue[] = requested.flatMap((id, i) => (memberIds.has(id) ? [] : [{ path: `query.mustHave.${i}`, key: 'issue.notMember' as const }]));
      if (issues.length > 0) throw new AppError('VALIDATION', { issues });
      const mustHaveIds = new Set(requested);

      const person = (r: { user_id: string; display_name: string }) => ({ userId: r.user_id, displayName: r.display_name });
      const stated: StatedMember[] = [];
      const without: { userId: string; displayName: string }[] = [];
      for (const r of rows) {
        // A zone the runtime no longer knows (tz data change) counts as not stated.
        if (r.time_zone === null || r.windows === null || !isValidTimeZone(r.time_zone)) {
          without.push(person(r));
          continue;
        }
        stated.push({
          ...person(r),
          zone: r.time_zone,
          windows: parseJson<WeeklyWindow[]>(r.windows, []),
          languages: parseJson<string[]>(r.languages, []),
          modes: parseJson<StatedMember['modes']>(r.modes, null),
        });
      }
      const members = stated.filter(
        (m) =>
          (options.onlineOnly !== 'true' || m.modes === null || m.modes.includes('online')) &&
          (!options.language || followsLanguage(m.languages, options.language)),
      );
      const mustHave = stated.filter((m) => mustHaveIds.has(m.userId));

      const plan = planGroupWeeks({ groupZone: zone, from, weeks: options.weeks, durationMinutes: options.durationMinutes });
      const maskOf = (m: StatedMember) => ({ zone: m.zone, mask: windowsToMask(m.windows) });
      const scores = scoreMembers(plan, members.map(maskOf));
      const mustHaveScores = scoreMembers(plan, mustHave.map(maskOf));
      const mustHaveMissing = Array.from(mustHaveScores.available, (n) => mustHave.length - n);

      const goodHours = new Map<string, Uint32Array>();
      for (const m of members) if (!goodHours.has(m.zone)) goodHours.set(m.zone, slotsInsideEveryWeek(plan, m.zone, GOOD_HOURS_MASK));
      const isGoodFor = (m: number, s: number) => slotBit(goodHours.get(members[m]!.zone)!, 0, s);
      const atBadHours = new Uint32Array(SLOTS_PER_WEEK);
      const bad = new Uint32Array(MASK_WORDS);
      for (let m = 0; m < members.length; m++) {
        const good = goodHours.get(members[m]!.zone)!;
        for (let i = 0; i < MASK_WORDS; i++) bad[i] = scores.allWeeks[m * MASK_WORDS + i]! & ~good[i]!;
        tally(atBadHours, bad, 0);
      }

      const startsAt = (s: number) => plan.startsAt[s]!;
      const place = (s: number) => ({
        startsAt: new Date(startsAt(s)).toISOString(),
        localStart: instantToLocal(startsAt(s), zone),
        day: slotDay(s),
        start: slotStart(s),
        viewerLocalStart: instantToLocal(startsAt(s), viewerZone),
      });
      const canAttend = (m: number, s: number) => slotBit(scores.allWeeks, m * MASK_WORDS, s);

      const eligible = Array.from({ length: SLOTS_PER_WEEK }, (_, s) => s).filter((s) => mustHaveMissing[s] === 0);
      // Best first: most members every week, then most in some weeks, then fewest at bad
      // hours, then the earliest first occurrence.
      const ranked =
        members.length === 0
          ? []
          : [...eligible].sort(
              (a, b) =>
                scores.available[b]! - scores.available[a]! ||
                scores.partial[b]! - scores.partial[a]! ||
                atBadHours[a]! - atBadHours[b]! ||
                startsAt(a) - startsAt(b),
            );
      const slots = ranked.slice(0, options.limit).map((s) => {
        const excluded = members
          .map((m, i) => ({ m, i, weeks: canAttend(i, s) ? -1 : scores.weeksAvailable(i, s) }))
          .filter((e) => e.weeks >= 0)
          .sort((a, b) => b.weeks - a.weeks || a.m.displayName.localeCompare(b.m.displayName) || a.m.userId.localeCompare(b.m.userId));
        return {
          ...place(s),
          available: scores.available[s]!,
          total: members.length,
          partial: scores.partial[s]!,
          atBadHours: atBadHours[s]!,
          excluded: excluded.slice(0, SCHEDULING_LIMITS.excludedPerSlot).map((e) => ({
            userId: e.m.userId,
            displayName: e.m.displayName,
            timeZone: e.m.zone,
            localTime: instantToLocal(startsAt(s), e.m.zone),
            weeksAvailable: e.weeks,
          })),
          excludedCount: excluded.length,
        };
      });

      // Rotation candidates: every slot the must-have people can attend that someone can.
      const covers: number[][] = Array.from({ length: SLOTS_PER_WEEK }, () => []);
      const eligibleSet = new Uint8Array(SLOTS_PER_WEEK);
      for (const s of eligible) eligibleSet[s] = 1;
      for (let m = 0; m < members.length; m++) {
        for (let i = 0; i < MASK_WORDS; i++) {
          let x = scores.allWeeks[m * MASK_WORDS + i]! >>> 0;
          while (x !== 0) {
            const low = x & -x;
            const s = i * 32 + 31 - Math.clz32(low);
            if (eligibleSet[s]) covers[s]!.push(m);
            x = (x ^ low) >>> 0;
          }
        }
      }
      const candidates: RotationCandidate[] = eligible
        .filter((s) => covers[s]!.length > 0)
        .map((s) => ({ id: s, covers: covers[s]!, bad: covers[s]!.filter((m) => !isGoodFor(m, s)) }));
      const rotationPlan = planRotation(members.length, candidates);
      const rotation = [...rotationPlan.chosen]
        .sort((a, b) => startsAt(a) - startsAt(b))
        .map((s) => ({
          ...place(s),
          covers: covers[s]!.map((m) => members[m]!.userId),
          badHoursFor: covers[s]!.filter((m) => !isGoodFor(m, s)).map((m) => members[m]!.userId),
        }));

      // The viewer's heat map is the group's turned by the offset between the two clocks at
      // the start of `from` (a clock change later in the week shifts a few slots by an hour;
      // each slot's `viewerLocalStart` stays exact).
      const reference = startsAt(weekdayOf(parseDate(from)!) * 96);
      const shiftMinutes = offsetAt(viewerZone, reference) - offsetAt(zone, reference);
      const turn = (values: ArrayLike<number>) => {
        const out = new Array<number>(SLOTS_PER_WEEK);
        const shift = Math.round(shiftMinutes / 15);
        for (let s = 0; s < SLOTS_PER_WEEK; s++) out[(((s + shift) % SLOTS_PER_WEEK) + SLOTS_PER_WEEK) % SLOTS_PER_WEEK] = values[s]!;
        return out;
      };

      return {
        period: { timeZone: zone, from, weeks: options.weeks, durationMinutes: options.durationMinutes },
        slots,
        rotation,
        fairness: {
          badHours: { before: formatClock(GOOD_HOURS.start), after: formatClock(GOOD_HOURS.end) },
          optimal: rotationPlan.optimal,
          uncovered: rotationPlan.uncovered.map((m) => ({ userId: members[m]!.userId, displayName: members[m]!.displayName })),
          shares: members.map((m, i) => {
            const usable = rotationPlan.usable[i]!;
            const badCount = rotationPlan.badHours[i]!;
            return {
              userId: m.userId,
              displayName: m.displayName,
              timeZone: m.zone,
              sessions: usable,
              badHours: badCount,
              badHourShare: usable > 0 ? badCount / usable : null,
            };
          }),
        },
        total: members.length,
        withoutAvailability: without,
        mustHave: { userIds: [...mustHaveIds], withoutAvailability: without.filter((p) => mustHaveIds.has(p.userId)) },
        heatmap: {
          timeZone: zone,
          stepMinutes: 15,
          available: Array.from(scores.available),
          partial: Array.from(scores.partial),
          mustHaveMissing,
          viewer: {
            timeZone: viewerZone,
            shiftMinutes,
            available: turn(scores.available),
            partial: turn(scores.partial),
            mustHaveMissing: turn(mustHaveMissing),
          },
        },
      };
    },

    /**
     * Creates the chosen weekly time(s) as recurring sessions, through the sessions module.
     * Without `rotation`, each slot becomes a session every week. With it, the k slots take
     * turns: slot i starts in week i (counted from `startDate`) and repeats every k weeks
     * (`FREQ=WEEKLY;INTERVAL=k`), so the group meets once a week at each time in turn.
     */
    async applyTimes(actor: Actor, slug: string, input: ApplyInput) {
      const { group, zone } = await loadPublishedGroupAsLeader(slug, actor);
      const startDay = parseDate(input.startDate ?? todayIn(zone, deps.clock.now().getTime()))!;
      const { slots, startDate: _startDate, rotation, ...fields } = input;
      const turns = rotation ? slots.length : 1;
      const created = [];
      for (const [i, slot] of slots.entries()) {
        const day = nextWeekday(startDay + (rotation ? 7 * i : 0), slot.day);
        created.push(
          await sessions.scheduleSession(actor, group.slug, {
            ...fields,
            start: `${formatDay(day)}T${slot.start}`,
            timeZone: zone,
            recurrence: `FREQ=WEEKLY${turns > 1 ? `;INTERVAL=${turns}` : ''};BYDAY=${DAY_CODES[slot.day]}`,
          }),
        );
      }
      return created;
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
