/**
 * "Meets on Tuesdays between 18:00 and 22:00 my time": the viewer's days and hours turned
 * into UTC intervals over the coming weeks, one per matching local date, each placed with
 * that date's own offset, so a clock change on either side (the group's or the viewer's)
 * moves the interval exactly as it moves the viewer's evening. Pure.
 */
import { floatingToInstant, instantToLocal } from '../../../shared/zoned-time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A group fits when one of its occurrences within this many days starts inside a window. */
const FIT_HORIZON_DAYS = 28;

export interface TimeFit {
  timeZone: string;
  /** Local weekdays, 0 = Sunday; empty: any day. */
  days: number[];
  /** Minutes after local midnight; `to` may be 1440 (24:00). Absent: the whole day. */
  from?: number;
  to?: number;
}

/** A UTC interval [start, end) in milliseconds. */
export interface Window {
  start: number;
  end: number;
}

export const isTimeFiltered = (fit: TimeFit): boolean => fit.days.length > 0 || fit.from !== undefined || fit.to !== undefined;

/**
 * The viewer's windows from `now` for `horizonDays`, merged and in order. A window whose end
 * is not after its start runs into the next day (22:00–02:00); the window of the day before
 * `now` is included, as it may still be running. A local time in a spring-forward gap is
 * read as the clock shows it after the jump (RFC 5545), like session times.
 */
export function viewerWindows(fit: TimeFit, now: number, horizonDays = FIT_HORIZON_DAYS): Window[] {
  const from = fit.from ?? 0;
  const to = fit.to ?? 1440;
  const wraps = to <= from;
  const until = now + horizonDays * DAY;
  const today = Date.parse(`${instantToLocal(now, fit.timeZone).slice(0, 10)}T00:00:00Z`);
  const out: Window[] = [];
  for (let i = -1; i <= horizonDays; i++) {
    const day = today + i * DAY;
    if (fit.days.length > 0 && !fit.days.includes(new Date(day).getUTCDay())) continue;
    const start = Math.max(now, floatingToInstant(day + from * MINUTE, fit.timeZone));
    const end = Math.min(until, floatingToInstant(day + (wraps ? DAY : 0) + to * MINUTE, fit.timeZone));
    if (end > start) out.push({ start, end });
  }
  out.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of out) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/** Whether an instant falls in one of the windows. */
export const isInWindows = (instant: number, windows: Window[]): boolean => windows.some((w) => instant >= w.start && instant < w.end);
