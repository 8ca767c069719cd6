/**
 * The time finder's calendar side: each evaluated week's 672 slot starts as UTC instants
 * (`planWeeks`), each member zone's UTC offsets as a few constant stretches
 * (`offsetStretches`), and the distinct ways a zone's weeks line up with the group's slots
 * (`zoneVariants`). Pure; see time-finder.ts for how the scoring uses them.
 */
import { parseDate } from '../../../shared/calendar-date.ts';
import { floatingToInstant, offsetAt } from '../../../shared/zoned-time.ts';
import * as grid from './weekly-windows.ts';

// Local copies: the test and bench loaders turn imported bindings into getters, which the
// inner loops below would otherwise call millions of times.
const QUARTERS_PER_DAY = grid.QUARTERS_PER_DAY;
const SLOTS_PER_WEEK = grid.SLOTS_PER_WEEK;

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;
/** UTC quarter 0 (1970-01-01 00:00) fell on a Thursday: quarter-of-week 4 × 96 from Sunday. */
const EPOCH_QUARTER_OF_WEEK = 4 * QUARTERS_PER_DAY;
/** A week's timeline: 672 quarters, plus the session length, plus room for a clock change. */
const MAX_TIMELINE_BITS = 2 * SLOTS_PER_WEEK;

export interface FinderPeriod {
  /** The group's zone: slots are its wall times. */
  groupZone: string;
  /** `YYYY-MM-DD` in the group's zone: each slot's first occurrence is on or after it. */
  from: string;
  /** How many consecutive weeks to evaluate (1–12 through the API). */
  weeks: number;
  durationMinutes: number;
}

/** `[from, to)` of one list, each item mapped by adding `shift`. */
interface Run {
  from: number;
  to: number;
  shift: number;
}

/** A way one zone's week lines up with the group's slots; `weeks` share it exactly. */
export interface ZoneVariant {
  weeks: number[];
  /** Timeline length in quarters. */
  length: number;
  /** Slot `s` in `[from, to)` starts at timeline position `s + shift`. */
  slotRuns: Run[];
  /** Timeline position `p` in `[from, to)` is local quarter-of-week `(p + shift) mod 672`. */
  localRuns: Run[];
  /**
   * When the zone keeps one offset all week: slots `[from, to)` read the member's
   * "free for the whole session" mask from quarter-of-week `from + shift` on, in as few
   * copies as possible (usually one: a week is circular). Null when the clock changes.
   */
  steadyCopies: Run[] | null;
}

export interface WeekPlan extends FinderPeriod {
  /** Quarters a session covers: a 50-minute session needs four whole quarters free. */
  quarters: number;
  /** UTC milliseconds of slot `s` in week `w` at `[w × 672 + s]`. */
  startsAt: Float64Array;
  /** Per week: the first slot start, in UTC quarters since 1970. */
  weekBase: Int32Array;
  weekLength: Int32Array;
  weekSlotRuns: Run[][];
  zoneCache: Map<string, ZoneVariant[]>;
}

/** Weekday (0 = Sunday) of a day number. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/**
 * Finds every slot's start in every evaluated week (the slot's first occurrence on or after
 * `from`, then weekly), and how the slots lie on each week's UTC timeline.
 */
export function planWeeks(period: FinderPeriod): WeekPlan {
  const fromDay = parseDate(period.from);
  if (fromDay === null) throw new RangeError(`Not a date: ${period.from}`);
  const fromWeekday = weekdayOf(fromDay);
  const quarters = Math.ceil(period.durationMinutes / 15);
  const startsAt = new Float64Array(period.weeks * SLOTS_PER_WEEK);
  const weekBase = new Int32Array(period.weeks);
  const weekLength = new Int32Array(period.weeks);
  const weekSlotRuns: Run[][] = [];
  const starts = new Int32Array(SLOTS_PER_WEEK);
  for (let w = 0; w < period.weeks; w++) {
    let min = Infinity;
    let max = -Infinity;
    for (let day = 0; day < 7; day++) {
      const dayMs = (fromDay + mod(day - fromWeekday, 7) + 7 * w) * DAY_MS;
      for (let q = 0; q < QUARTERS_PER_DAY; q++) {
        const s = day * QUARTERS_PER_DAY + q;
        const instant = floatingToInstant(dayMs + q * QUARTER_MS, period.groupZone);
        startsAt[w * SLOTS_PER_WEEK + s] = instant;
        const quarter = Math.floor(instant / QUARTER_MS);
        starts[s] = quarter;
        if (quarter < min) min = quarter;
        if (quarter > max) max = quarter;
      }
    }
    weekBase[w] = min;
    weekLength[w] = max - min + quarters;
    if (weekLength[w]! > MAX_TIMELINE_BITS) throw new RangeError('A week of this zone is too irregular to score');
    const runs: Run[] = [];
    for (let s = 0; s < SLOTS_PER_WEEK; s++) {
      const shift = starts[s]! - min - s;
      const last = runs[runs.length - 1];
      if (last && last.shift === shift) last.to = s + 1;
      else runs.push({ from: s, to: s + 1, shift });
    }
    weekSlotRuns.push(runs);
  }
  return { ...period, quarters, startsAt, weekBase, weekLength, weekSlotRuns, zoneCache: new Map() };
}

/**
 * A zone's UTC offset (minutes) over UTC quarters `[from, to)`, as constant stretches
 * `{ from, to, offset }`. Asks for the offset twice per UTC day and bisects only on a day
 * that changes; like `offsetAt`'s cache, it assumes at most one change per UTC day.
 */
export function offsetStretches(zone: string, from: number, to: number): { from: number; to: number; offset: number }[] {
  const at = (quarter: number) => offsetAt(zone, quarter * QUARTER_MS);
  const out: { from: number; to: number; offset: number }[] = [];
  let start = from;
  let current = at(from);
  const close = (until: number, next: number) => {
    out.push({ from: start, to: until, offset: current });
    start = until;
    current = next;
  };
  for (let dayStart = Math.floor(from / QUARTERS_PER_DAY) * QUARTERS_PER_DAY; dayStart < to; dayStart += QUARTERS_PER_DAY) {
    const lo = Math.max(dayStart, from);
    const hi = Math.min(dayStart + QUARTERS_PER_DAY, to) - 1;
    const first = at(lo);
    if (first !== current) close(lo, first);
    const last = at(hi);
    if (last !== current) {
      // The first quarter with the new offset lies in (lo, hi].
      let a = lo;
      let b = hi;
      while (b - a > 1) {
        const mid = (a + b) >>> 1;
        if (at(mid) === current) a = mid;
        else b = mid;
      }
      close(b, last);
    }
  }
  out.push({ from: start, to, offset: current });
  return out;
}

/** Slot runs composed with one local shift, merged where they read on contiguously. */
function steadyCopies(slotRuns: Run[], c: number): Run[] {
  const copies: Run[] = [];
  for (const r of slotRuns) {
    const src = mod(r.from + r.shift + c, SLOTS_PER_WEEK);
    const last = copies[copies.length - 1];
    // The run mask holds two weeks, so a copy may read on past the first week's end.
    if (last && last.to === r.from && mod(last.shift + last.to - last.from, SLOTS_PER_WEEK) === src && last.shift + (r.to - last.from) <= 2 * SLOTS_PER_WEEK)
      last.to = r.to;
    else copies.push({ from: r.from, to: r.to, shift: src });
  }
  return copies;
}

/** The distinct ways a zone's weeks line up with the group's slots (cached on the plan). */
export function zoneVariants(plan: WeekPlan, zone: string): ZoneVariant[] {
  const cached = plan.zoneCache.get(zone);
  if (cached) return cached;
  const byKey = new Map<string, ZoneVariant>();
  for (let w = 0; w < plan.weeks; w++) {
    const base = plan.weekBase[w]!;
    const length = plan.weekLength[w]!;
    const localRuns = offsetStretches(zone, base, base + length).map((s) => ({
      from: s.from - base,
      to: s.to - base,
      // Offsets in use are whole quarters; flooring keeps an odd historical one harmless.
      shift: mod(base + Math.floor(s.offset / 15) + EPOCH_QUARTER_OF_WEEK, SLOTS_PER_WEEK),
    }));
    const slotRuns = plan.weekSlotRuns[w]!;
    const key = JSON.stringify([length, slotRuns, localRuns]);
    const existing = byKey.get(key);
    if (existing) existing.weeks.push(w);
    else byKey.set(key, { weeks: [w], length, slotRuns, localRuns, steadyCopies: localRuns.length === 1 ? steadyCopies(slotRuns, localRuns[0]!.shift) : null });
  }
  const variants = [...byKey.values()];
  plan.zoneCache.set(zone, variants);
  return variants;
}
