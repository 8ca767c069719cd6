/**
 * Calendar days for weekly slots: a slot is a weekday and a wall time in a zone, and its
 * occurrences fall on days counted from 1970-01-01 (day numbers). Pure; no I/O.
 */
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.ts';
import { weekdayOf } from './week-plan.ts';
import { parseDate } from '../../../shared/calendar-date.ts';

const DAY_MS = 86_400_000;

/** Today's date `YYYY-MM-DD` on the zone's clock. */
export function todayIn(zone: string, now: number): string {
  return instantToLocal(now, zone).slice(0, 10);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The first day on or after `dayNumber` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(dayNumber: number, weekday: number): number {
  return dayNumber + ((weekday - weekdayOf(dayNumber) + 7) % 7);
}

/** The next start of a weekly slot (`day`, `start` on the zone's clock) at or after `now`. */
export function nextOccurrence(slot: { day: number; start: string }, zone: string, now: number): number {
  const today = parseDate(todayIn(zone, now))!;
  for (let week = 0; ; week++) {
    const day = nextWeekday(today + 7 * week, slot.day);
    const instant = localToInstant(`${formatDay(day)}T${slot.start}`, zone);
    if (instant >= now) return instant;
  }
}
