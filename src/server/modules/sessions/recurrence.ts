/**
 * Recurring schedules: local wall time + IANA zone + RRULE (RFC 5545), expanded into
 * instants. Pure; no I/O.
 *
 * rrule is only trustworthy on "floating" dates (its tzid support depends on the process's
 * own zone), so the rule is expanded on wall times encoded as UTC, and each occurrence is
 * then placed in its zone by `floatingToInstant` (gaps move forward, repeats take the first).
 */
import rrulePackage from 'rrule';
import { floatingMs, floatingToInstant, formatFloating, instantToLocal, parseLocal } from '../../../shared/zoned-time.ts';

const { RRule } = rrulePackage;
type RRuleOptions = ConstructorParameters<typeof RRule>[0];

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface Schedule {
  /** First occurrence, as local wall time `YYYY-MM-DDTHH:MM` in `timeZone`. */
  start: string;
  timeZone: string;
  durationMinutes: number;
  /** An RRULE value such as `FREQ=WEEKLY;BYDAY=TU`, or null for a one-off session. */
  rule: string | null;
}

export interface Occurrence {
  /** Instants in UTC milliseconds. */
  startsAt: number;
  endsAt: number;
  /** The wall time in the schedule's zone (after any DST gap shift). */
  localStart: string;
  /** The wall time the rule produced: an occurrence's stable identity (RECURRENCE-ID). */
  ruleLocalStart: string;
}

/** The UNTIL of a rule as a floating date: UTC ends are read on the schedule's clock. */
function floatingUntil(until: string, timeZone: string): Date {
  const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  if (until.length === 8) return new Date(Date.parse(`${date}T23:59:59Z`));
  const time = `${until.slice(9, 11)}:${until.slice(11, 13)}`;
  if (until.endsWith('Z')) {
    const instant = Date.parse(`${date}T${time}:${until.slice(13, 15)}Z`);
    return new Date(Date.parse(`${instantToLocal(instant, timeZone)}:00Z`) + (instant % MINUTE));
  }
  return new Date(Date.parse(`${date}T${time}:${until.slice(13, 15)}Z`));
}

const ruleCache = new Map<string, InstanceType<typeof RRule>>();

/** The rrule object for a schedule, floating, cached (schedules repeat across requests). */
function ruleFor(schedule: Schedule, dtstart: number): InstanceType<typeof RRule> {
  const key = `${schedule.rule}|${dtstart}|${schedule.timeZone}`;
  let rule = ruleCache.get(key);
  if (!rule) {
    const value = schedule.rule!;
    const { until: _ignored, ...options } = RRule.parseString(value) as RRuleOptions & { until?: Date };
    const untilPart = /(?:^|;)UNTIL=([^;]+)/.exec(value)?.[1];
    rule = new RRule({
      ...options,
      dtstart: new Date(dtstart),
      ...(untilPart ? { until: floatingUntil(untilPart, schedule.timeZone) } : {}),
    });
    if (ruleCache.size > 5000) ruleCache.clear();
    ruleCache.set(key, rule);
  }
  return rule;
}

function place(floating: number, schedule: Schedule): Occurrence {
  const startsAt = floatingToInstant(floating, schedule.timeZone);
  const localStart = instantToLocal(startsAt, schedule.timeZone);
  return { startsAt, endsAt: startsAt + schedule.durationMinutes * MINUTE, localStart, ruleLocalStart: formatFloating(floating) };
}

/**
 * Occurrences that start in [fromMs, toMs), in order. A one-off schedule has one.
 * The rule is walked on floating time with a day's margin either side (no zone is more than
 * 14 hours from UTC), then each candidate is placed in its zone and filtered exactly.
 */
export function expandSchedule(schedule: Schedule, fromMs: number, toMs: number): Occurrence[] {
  const parts = parseLocal(schedule.start);
  if (!parts) throw new RangeError(`Not a local time: ${schedule.start}`);
  const dtstart = floatingMs(parts);
  if (!schedule.rule) {
    const only = place(dtstart, schedule);
    return only.startsAt >= fromMs && only.startsAt < toMs ? [only] : [];
  }
  const candidates = ruleFor(schedule, dtstart).between(new Date(fromMs - DAY), new Date(toMs + DAY), true);
  const out: Occurrence[] = [];
  for (const date of candidates) {
    const occurrence = place(date.getTime(), schedule);
    if (occurrence.startsAt >= fromMs && occurrence.startsAt < toMs) out.push(occurrence);
  }
  return out;
}
