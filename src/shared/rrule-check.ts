/**
 * Which RRULE values (RFC 5545) a session may repeat by: a check with no I/O, shared by the
 * API's request schemas and the recurrence engine.
 */
import { parseLocal } from './zoned-time.ts';

const ALLOWED_PARTS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'COUNT', 'UNTIL', 'WKST']);
const FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const WEEKDAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

export type RuleProblem = 'malformed' | 'unsupported' | 'countAndUntil';

/**
 * Checks an RRULE value against what a support group's rhythm needs: daily to yearly,
 * an interval, weekdays (with an ordinal for "the 2nd Tuesday"), month days, a count or an
 * end. Sub-daily rules and time-of-day parts are refused: the time comes from `start`.
 */
export function checkRule(value: string): RuleProblem | null {
  if (value.length > 300 || !/^[A-Z0-9=;,+-]+$/.test(value)) return 'malformed';
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const [key, v, extra] = part.split('=');
    if (!key || !v || extra !== undefined || parts.has(key)) return 'malformed';
    if (!ALLOWED_PARTS.has(key)) return 'unsupported';
    parts.set(key, v);
  }
  const freq = parts.get('FREQ');
  if (!freq || !FREQS.has(freq)) return freq ? 'unsupported' : 'malformed';
  if (parts.has('COUNT') && parts.has('UNTIL')) return 'countAndUntil';
  const int = (v: string, min: number, max: number) => /^[+-]?\d+$/.test(v) && Number(v) >= min && Number(v) <= max && Number(v) !== 0;
  const list = (v: string, ok: (s: string) => boolean) => v.split(',').every(ok);
  const checks: Record<string, (v: string) => boolean> = {
    INTERVAL: (v) => int(v, 1, 99),
    COUNT: (v) => int(v, 1, 1000),
    UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v) && parseLocal(`${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T00:00`) !== null,
    BYDAY: (v) => list(v, (d) => WEEKDAY.test(d)),
    BYMONTHDAY: (v) => list(v, (d) => int(d, -31, 31)),
    BYMONTH: (v) => list(v, (d) => int(d, 1, 12)),
    BYSETPOS: (v) => list(v, (d) => int(d, -5, 5)),
    WKST: (v) => /^(MO|TU|WE|TH|FR|SA|SU)$/.test(v),
    FREQ: () => true,
  };
  for (const [key, v] of parts) if (!checks[key]!(v)) return 'malformed';
  return null;
}
