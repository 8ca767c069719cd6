/**
 * Weekly windows ("Tuesday 18:00–22:00", "Friday 22:00–02:00") as bit masks over the 672
 * quarter-hours of a week. Pure; no I/O.
 *
 * Quarter-hour `i` of the week is day `i / 96` (0 = Sunday) at `(i % 96) × 15` minutes.
 * 672 = 21 × 32, so a week is exactly 21 32-bit words and masks repeat word-aligned.
 * Windows are on the quarter hour: the grid people edit has 15-minute steps, and every UTC
 * offset in use since 2000 is a whole number of quarter hours (Kathmandu +5:45, Chatham
 * +12:45, St John's −3:30), so a quarter is either wholly inside a window or wholly outside,
 * whichever zone reads it.
 */
import { formatClock, parseClock } from '../../../shared/clock-time.ts';

export const QUARTERS_PER_DAY = 96;
export const SLOTS_PER_WEEK = 672;
export const MASK_WORDS = 21;

export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday, in the member's own zone. */
  day: number;
  /** `HH:MM` on the quarter hour. */
  start: string;
  /** `HH:MM` on the quarter hour, or `24:00`; earlier than `start` means the next day. */
  end: string;
}

export type WindowProblem = 'clockTime' | 'quarterHour' | 'emptyWindow';

/** What is wrong with one window, field by field (the day is checked by the schema). */
export function checkWindow(w: { start: string; end: string }): { field: 'start' | 'end'; problem: WindowProblem } | null {
  const start = parseClock(w.start);
  if (start === null) return { field: 'start', problem: 'clockTime' };
  if (start % 15 !== 0) return { field: 'start', problem: 'quarterHour' };
  const end = parseClock(w.end, true);
  if (end === null) return { field: 'end', problem: 'clockTime' };
  if (end % 15 !== 0) return { field: 'end', problem: 'quarterHour' };
  // 00:00–24:00 is a whole day; only an identical start and end says nothing.
  return start === end ? { field: 'end', problem: 'emptyWindow' } : null;
}

/** An empty week. */
function emptyMask(): Uint32Array {
  return new Uint32Array(MASK_WORDS);
}

export function hasBit(mask: Uint32Array, i: number): boolean {
  return ((mask[i >>> 5]! >>> (i & 31)) & 1) === 1;
}

function setRange(mask: Uint32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const q = i % SLOTS_PER_WEEK;
    mask[q >>> 5] = mask[q >>> 5]! | (1 << (q & 31));
  }
}

/**
 * The quarter-hours covered by these windows (assumed valid: see `checkWindow`). A window
 * whose end is not after its start runs on into the next day; Saturday runs into Sunday.
 */
export function windowsToMask(windows: readonly WeeklyWindow[]): Uint32Array {
  const mask = emptyMask();
  for (const w of windows) {
    const start = parseClock(w.start)!;
    const end = parseClock(w.end, true)!;
    const from = w.day * QUARTERS_PER_DAY + start / 15;
    const to = (end > start ? w.day : w.day + 1) * QUARTERS_PER_DAY + end / 15;
    setRange(mask, from, to);
  }
  return mask;
}

/** The same quarter-hour every day, from `startMinutes` (inclusive) to `endMinutes` (exclusive). */
export function dailyMask(startMinutes: number, endMinutes: number): Uint32Array {
  const mask = emptyMask();
  for (let day = 0; day < 7; day++) setRange(mask, day * QUARTERS_PER_DAY + startMinutes / 15, day * QUARTERS_PER_DAY + endMinutes / 15);
  return mask;
}

/**
 * The canonical windows of a mask: overlapping and touching windows merged, sorted by day
 * and start. A stretch shorter than a day that crosses midnight stays one window
 * (22:00–02:00); longer stretches are cut at midnight. `maskToWindows(windowsToMask(x))`
 * covers exactly what `x` covers, and applying it twice changes nothing.
 */
export function maskToWindows(mask: Uint32Array): WeeklyWindow[] {
  let firstGap = -1;
  for (let i = 0; i < SLOTS_PER_WEEK; i++) {
    if (!hasBit(mask, i)) {
      firstGap = i;
      break;
    }
  }
  if (firstGap < 0) {
    return Array.from({ length: 7 }, (_, day) => ({ day, start: '00:00', end: '24:00' }));
  }
  const out: WeeklyWindow[] = [];
  // Walk the circular week from a gap so that no stretch is cut by the walk's own start.
  let i = firstGap;
  const stop = firstGap + SLOTS_PER_WEEK;
  while (i < stop) {
    if (!hasBit(mask, i % SLOTS_PER_WEEK)) {
      i++;
      continue;
    }
    let j = i;
    while (j < stop && hasBit(mask, j % SLOTS_PER_WEEK)) j++;
    emitStretch(out, i, j);
    i = j;
  }
  return out.sort((a, b) => a.day - b.day || a.start.localeCompare(b.start));
}

function emitStretch(out: WeeklyWindow[], from: number, to: number): void {
  let cur = from;
  while (cur < to) {
    const dayStart = Math.floor(cur / QUARTERS_PER_DAY) * QUARTERS_PER_DAY;
    const dayEnd = dayStart + QUARTERS_PER_DAY;
    const day = (dayStart / QUARTERS_PER_DAY) % 7;
    const start = formatClock((cur - dayStart) * 15);
    if (to <= dayEnd) {
      out.push({ day, start, end: formatClock((to - dayStart) * 15) });
      return;
    }
    if (cur > dayStart && to - cur < QUARTERS_PER_DAY) {
      out.push({ day, start, end: formatClock((to - dayEnd) * 15) });
      return;
    }
    out.push({ day, start, end: '24:00' });
    cur = dayEnd;
  }
}
