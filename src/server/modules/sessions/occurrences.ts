/**
 * A session's occurrences with its exceptions applied: cancelled ones marked (or dropped),
 * moved ones at their new time. Pure.
 */
import { localToInstant } from '../../../shared/zoned-time.ts';
import { expandSchedule, type Schedule } from './recurrence.ts';

/** The stored fields of a session that make its schedule. */
export interface ScheduleRow {
  start_local: string;
  time_zone: string;
  duration_minutes: number;
  rrule: string | null;
}

/** A session row's schedule, as the recurrence functions take it. */
export function scheduleOf(s: ScheduleRow): Schedule {
  return { start: s.start_local, timeZone: s.time_zone, durationMinutes: s.duration_minutes, rule: s.rrule };
}

export interface ExceptionLike {
  occurrence: string;
  status: string;
  start_local: string | null;
  duration_minutes: number | null;
}

export interface OccurrenceView {
  /** The occurrence's identity: the wall time the rule gave it (RECURRENCE-ID). */
  occurrence: string;
  startsAt: number;
  endsAt: number;
  localStart: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  originalStartsAt?: number;
}

const MINUTE = 60_000;

/** Occurrences starting in [from, to), in time order. */
export function occurrencesOf(schedule: Schedule, exceptions: ExceptionLike[], from: number, to: number, includeCancelled = false): OccurrenceView[] {
  const byId = new Map(exceptions.map((e) => [e.occurrence, e]));
  const out: OccurrenceView[] = [];
  for (const o of expandSchedule(schedule, from, to)) {
    const exception = byId.get(o.ruleLocalStart);
    // A relocated occurrence (moved, and perhaps cancelled afterwards) is listed at its new time below.
    if (exception?.start_local) continue;
    if (exception?.status === 'cancelled') {
      if (includeCancelled) out.push({ occurrence: o.ruleLocalStart, startsAt: o.startsAt, endsAt: o.endsAt, localStart: o.localStart, status: 'cancelled' });
      continue;
    }
    out.push({ occurrence: o.ruleLocalStart, startsAt: o.startsAt, endsAt: o.endsAt, localStart: o.localStart, status: 'scheduled' });
  }
  for (const e of exceptions) {
    if (!e.start_local) continue;
    const cancelled = e.status === 'cancelled';
    if (cancelled && !includeCancelled) continue;
    const startsAt = localToInstant(e.start_local, schedule.timeZone);
    if (startsAt < from || startsAt >= to) continue;
    // The moved occurrence must still belong to the series (an edit may have ended it).
    const original = expandSchedule(schedule, localToInstant(e.occurrence, schedule.timeZone) - 1, localToInstant(e.occurrence, schedule.timeZone) + 1)[0];
    if (!original || original.ruleLocalStart !== e.occurrence) continue;
    out.push({
      occurrence: e.occurrence,
      startsAt,
      endsAt: startsAt + (e.duration_minutes ?? schedule.durationMinutes) * MINUTE,
      localStart: e.start_local,
      status: cancelled ? 'cancelled' : 'moved',
      originalStartsAt: original.startsAt,
    });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}

/** The occurrence that starts at `instant` (a moved one at its new time), if any. */
export function occurrenceAt(schedule: Schedule, exceptions: ExceptionLike[], instant: number): OccurrenceView | null {
  return occurrencesOf(schedule, exceptions, instant, instant + 1, true).find((o) => o.startsAt === instant) ?? null;
}
