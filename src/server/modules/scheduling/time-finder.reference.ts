/**
 * The time finder done the obvious way, to check the fast one against (tests) and to
 * measure it against (bench): for every member, week and slot, turn the slot's group-zone
 * wall time into an instant, then read the member's own clock at points through the session
 * and look each reading up in their windows as written. No masks, no offsets kept.
 */
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.ts';
import { SLOTS_PER_WEEK, type WeeklyWindow } from './weekly-windows.ts';
import { parseClock } from '../../../shared/clock-time.ts';
import { weekdayOf, type FinderPeriod } from './week-plan.ts';
import { parseDate } from '../../../shared/calendar-date.ts';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;

export interface ReferenceMember {
  zone: string;
  windows: readonly WeeklyWindow[];
}

/** Whether a wall time (weekday, minutes since midnight) falls inside one of the windows. */
function insideWindows(windows: readonly WeeklyWindow[], weekday: number, minute: number): boolean {
  for (const w of windows) {
    const start = parseClock(w.start)!;
    const end = parseClock(w.end, true)!;
    if (end > start) {
      if (weekday === w.day && minute >= start && minute < end) return true;
    } else {
      if (weekday === w.day && minute >= start) return true;
      if (weekday === (w.day + 1) % 7 && minute < end) return true;
    }
  }
  return false;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall time `YYYY-MM-DDTHH:MM` of slot `slot` in week `week`, in the group's zone. */
export function referenceSlotLocal(period: FinderPeriod, slot: number, week: number): string {
  const fromDay = parseDate(period.from)!;
  const day = Math.floor(slot / 96);
  const ahead = (day - weekdayOf(fromDay) + 7) % 7;
  const date = new Date((fromDay + ahead + 7 * week) * DAY_MS);
  const minutes = (slot % 96) * 15;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Whether the member can attend the whole session starting at `startsAt`, by their own clock. */
function referenceCanAttend(member: ReferenceMember, startsAt: number, durationMinutes: number, stepMinutes: number): boolean {
  const points: number[] = [];
  for (let m = 0; m < durationMinutes; m += stepMinutes) points.push(m);
  points.push(durationMinutes - 1);
  for (const m of points) {
    const local = instantToLocal(startsAt + m * MINUTE, member.zone);
    const [date, time] = local.split('T') as [string, string];
    const weekday = weekdayOf(parseDate(date)!);
    const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    if (!insideWindows(member.windows, weekday, minute)) return false;
  }
  return true;
}

/**
 * Weeks available per member and slot (`[member × 672 + slot]`), checked at every
 * `stepMinutes` of the session and at its last minute. With windows and offsets on the
 * quarter hour, a step of 15 sees everything a step of 1 does (the tests check both).
 * `slots` limits the work to some slots (the others stay 0).
 */
export function referenceWeeksAvailable(
  period: FinderPeriod,
  members: readonly ReferenceMember[],
  options: { stepMinutes?: number; slots?: readonly number[] } = {},
): Uint8Array {
  const step = options.stepMinutes ?? 15;
  const slots = options.slots ?? Array.from({ length: SLOTS_PER_WEEK }, (_, s) => s);
  const out = new Uint8Array(members.length * SLOTS_PER_WEEK);
  for (const [m, member] of members.entries()) {
    for (let w = 0; w < period.weeks; w++) {
      for (const s of slots) {
        const startsAt = localToInstant(referenceSlotLocal(period, s, w), period.groupZone);
        if (referenceCanAttend(member, startsAt, period.durationMinutes, step)) {
          const i = m * SLOTS_PER_WEEK + s;
          out[i] = out[i]! + 1;
        }
      }
    }
  }
  return out;
}
