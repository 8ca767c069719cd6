/**
 * The "Repeat" part of the session form, and the RFC 5545 RRULE value it stands for. Pure:
 * the form keeps a `RepeatDraft`, `buildRule` writes the rule, `parseRule` reads a saved
 * one back (anything this form cannot show stays as a "custom" rule, kept as written).
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** None, every week, every few weeks, every month on the nth (or last) weekday, or kept as written. */
export const REPEAT_KINDS = ['none', 'weekly', 'weeks', 'monthly'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number] | 'custom';

export const REPEAT_ENDS = ['never', 'count', 'until'] as const;
type RepeatEnd = (typeof REPEAT_ENDS)[number];

export const MONTH_WEEKS = ['1', '2', '3', '4', '-1'] as const;
export type MonthWeek = (typeof MONTH_WEEKS)[number];

export interface RepeatDraft {
  kind: RepeatKind;
  /** Weeks between sessions, as typed (for `weeks`). */
  interval: string;
  days: Weekday[];
  monthWeek: MonthWeek;
  monthDay: Weekday;
  end: RepeatEnd;
  count: string;
  /** Last date, `YYYY-MM-DD`. */
  until: string;
  /** A saved rule this form cannot show (kind `custom`), kept as it was. */
  custom: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDate(date: string): Date | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? null : d;
}

/** The weekday of a calendar date `YYYY-MM-DD`. */
export function weekdayOf(date: string): Weekday | null {
  const d = utcDate(date);
  // getUTCDay: 0 = Sunday.
  return d ? (WEEKDAYS[(d.getUTCDay() + 6) % 7] ?? null) : null;
}

/** Which of the month's weekdays a date is: the 1st to 4th, or the last (a 5th is the last). */
export function monthWeekOf(date: string): MonthWeek {
  const d = utcDate(date);
  if (!d) return '1';
  const nth = Math.ceil(d.getUTCDate() / 7);
  return nth >= 5 ? '-1' : (String(nth) as MonthWeek);
}

export function defaultRepeat(date: string): RepeatDraft {
  const day = weekdayOf(date) ?? 'MO';
  return { kind: 'none', interval: '2', days: [day], monthWeek: monthWeekOf(date), monthDay: day, end: 'never', count: '8', until: '', custom: '' };
}

/**
 * A new start date moves what was derived from the old one: the single chosen weekday and
 * the monthly "nth weekday". Choices the leader made by hand (several days) stay.
 */
export function followStartDate(draft: RepeatDraft, oldDate: string, newDate: string): RepeatDraft {
  const before = weekdayOf(oldDate);
  const after = weekdayOf(newDate);
  if (!after) return draft;
  const days = draft.days.length === 0 || (draft.days.length === 1 && draft.days[0] === before) ? [after] : draft.days;
  return { ...draft, days, monthDay: after, monthWeek: monthWeekOf(newDate) };
}

export function sortDays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

function endPart(draft: RepeatDraft): string {
  if (draft.end === 'count') return `;COUNT=${Number(draft.count)}`;
  if (draft.end === 'until') return `;UNTIL=${draft.until.replace(/-/g, '')}`;
  return '';
}

/** The RRULE value (`FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=8`), or null for a one-off session. */
export function buildRule(draft: RepeatDraft): string | null {
  switch (draft.kind) {
    case 'none':
      return null;
    case 'custom':
      return draft.custom.trim() || null;
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${sortDays(draft.days).join(',')}${endPart(draft)}`;
    case 'weeks': {
      const interval = Number(draft.interval);
      return `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${sortDays(draft.days).join(',')}${endPart(draft)}`;
    }
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${draft.monthWeek}${draft.monthDay}${endPart(draft)}`;
  }
}

const isWeekday = (value: string): value is Weekday => (WEEKDAYS as readonly string[]).includes(value);
const isMonthWeek = (value: string): value is MonthWeek => (MONTH_WEEKS as readonly string[]).includes(value);

/** Reads a saved rule back into the form; `date` (the first session's) fills what the rule leaves out. */
export function parseRule(rule: string | null, date: string): RepeatDraft {
  const base = defaultRepeat(date);
  if (!rule) return base;
  const custom: RepeatDraft = { ...base, kind: 'custom', custom: rule };
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    const [key, value, extra] = part.split('=');
    if (!key || !value || extra !== undefined || parts.has(key)) return custom;
    parts.set(key, value);
  }
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL']);
  if ([...parts.keys()].some((k) => !known.has(k))) return custom;

  const draft: RepeatDraft = { ...base };
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count && until) return custom;
  if (count) {
    if (!/^\d+$/.test(count)) return custom;
    draft.end = 'count';
    draft.count = count;
  } else if (until) {
    // A date, or a date and time: the form keeps the date.
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(until);
    if (!m) return custom;
    draft.end = 'until';
    draft.until = `${m[1]}-${m[2]}-${m[3]}`;
  }

  const interval = parts.get('INTERVAL') ?? '1';
  if (!/^\d+$/.test(interval)) return custom;
  const byday = parts.get('BYDAY');
  const freq = parts.get('FREQ');
  if (freq === 'WEEKLY') {
    const days = byday ? byday.split(',') : [weekdayOf(date) ?? 'MO'];
    if (!days.every(isWeekday)) return custom;
    draft.days = sortDays(days);
    if (interval === '1') return { ...draft, kind: 'weekly' };
    return { ...draft, kind: 'weeks', interval };
  }
  if (freq === 'MONTHLY' && interval === '1' && byday) {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
    const week = m?.[1]?.replace('+', '');
    if (!m || !week || !isMonthWeek(week) || !isWeekday(m[2] ?? '')) return custom;
    return { ...draft, kind: 'monthly', monthWeek: week, monthDay: m[2] as Weekday };
  }
  return custom;
}

export type RepeatProblem =
  | { field: 'days' | 'interval' | 'count' | 'until' | 'custom'; problem: 'days' | 'interval' | 'count' | 'until' | 'untilBeforeStart' | 'custom' }
  | { field: 'start'; problem: 'startNotInRule' };

/** Whether the date is one the series falls on (the server refuses a first session off its days). */
function isOnRule(draft: RepeatDraft, date: string): boolean {
  const day = weekdayOf(date);
  const d = utcDate(date);
  if (!day || !d) return true;
  if (draft.kind === 'weekly' || draft.kind === 'weeks') return draft.days.includes(day);
  if (draft.kind === 'monthly') {
    if (day !== draft.monthDay) return false;
    if (draft.monthWeek === '-1') {
      const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      return d.getUTCDate() + 7 > daysInMonth;
    }
    return Math.ceil(d.getUTCDate() / 7) === Number(draft.monthWeek);
  }
  return true;
}

/** What the server would refuse, or what would make no sense (an end before the start), said before sending. */
export function checkRepeat(draft: RepeatDraft, startDate: string): RepeatProblem[] {
  const problems: RepeatProblem[] = [];
  if (draft.kind === 'none') return problems;
  if (draft.kind === 'custom') {
    if (!draft.custom.trim()) problems.push({ field: 'custom', problem: 'custom' });
    return problems;
  }
  if ((draft.kind === 'weekly' || draft.kind === 'weeks') && draft.days.length === 0) problems.push({ field: 'days', problem: 'days' });
  else if (!isOnRule(draft, startDate)) problems.push({ field: 'start', problem: 'startNotInRule' });
  if (draft.kind === 'weeks') {
    const n = Number(draft.interval);
    if (!/^\d+$/.test(draft.interval.trim()) || n < 2 || n > 99) problems.push({ field: 'interval', problem: 'interval' });
  }
  if (draft.end === 'count') {
    const n = Number(draft.count);
    if (!/^\d+$/.test(draft.count.trim()) || n < 1 || n > 1000) problems.push({ field: 'count', problem: 'count' });
  }
  if (draft.end === 'until') {
    if (!utcDate(draft.until)) problems.push({ field: 'until', problem: 'until' });
    else if (utcDate(startDate) && draft.until < startDate) problems.push({ field: 'until', problem: 'untilBeforeStart' });
  }
  return problems;
}
