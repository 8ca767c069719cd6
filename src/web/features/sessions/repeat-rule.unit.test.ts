import { describe, expect, it } from 'vitest';
import { buildRule, checkRepeat, defaultRepeat, followStartDate, monthWeekOf, parseRule, weekdayOf, type RepeatDraft } from './repeat-rule.ts';

const on = (date: string, patch: Partial<RepeatDraft>): RepeatDraft => ({ ...defaultRepeat(date), ...patch });

describe('the repeat rule the session form writes', () => {
  it('reads weekdays and the nth weekday of the month from a date', () => {
    expect(weekdayOf('2027-03-09')).toBe('TU');
    expect(weekdayOf('2027-03-14')).toBe('SU');
    expect(weekdayOf('2027-02-30')).toBeNull();
    expect(monthWeekOf('2027-03-09')).toBe('2');
    expect(monthWeekOf('2027-03-30')).toBe('-1');
  });

  it('writes one-off, weekly, every-N-weeks and monthly rules with their ends', () => {
    expect(buildRule(on('2027-03-09', { kind: 'none' }))).toBeNull();
    expect(buildRule(on('2027-03-09', { kind: 'weekly' }))).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(buildRule(on('2027-03-09', { kind: 'weeks', interval: '2', days: ['TH', 'TU'], end: 'count', count: '8' }))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=8',
    );
    expect(buildRule(on('2027-03-09', { kind: 'monthly' }))).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(buildRule(on('2027-03-30', { kind: 'monthly', end: 'until', until: '2027-12-31' }))).toBe('FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20271231');
  });

  it('reads back what it writes, and keeps any other rule as written', () => {
    for (const draft of [
      on('2027-03-09', { kind: 'weekly', days: ['MO', 'TU'], end: 'until', until: '2027-06-30' }),
      on('2027-03-09', { kind: 'weeks', interval: '3', days: ['TU'], end: 'count', count: '8' }),
      on('2027-03-30', { kind: 'monthly', monthWeek: '-1', monthDay: 'TU' }),
    ]) {
      expect(buildRule(parseRule(buildRule(draft), '2027-03-09'))).toBe(buildRule(draft));
    }
    expect(parseRule('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z', '2027-03-09')).toMatchObject({ kind: 'weekly', end: 'until', until: '2027-06-30' });
    for (const rule of ['FREQ=DAILY', 'FREQ=MONTHLY;BYMONTHDAY=15', 'FREQ=WEEKLY;BYDAY=TU;WKST=MO', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO']) {
      const draft = parseRule(rule, '2027-03-09');
      expect(draft.kind).toBe('custom');
      expect(buildRule(draft)).toBe(rule);
    }
  });

  it('moves the day it derived from the start date, and leaves chosen days alone', () => {
    expect(followStartDate(on('2027-03-09', { kind: 'weekly' }), '2027-03-09', '2027-03-11')).toMatchObject({ days: ['TH'], monthDay: 'TH', monthWeek: '2' });
    expect(followStartDate(on('2027-03-09', { kind: 'weekly', days: ['TU', 'TH'] }), '2027-03-09', '2027-03-10').days).toEqual(['TU', 'TH']);
  });

  it('says what would make no sense before sending', () => {
    expect(checkRepeat(on('2027-03-09', { kind: 'weekly', days: [] }), '2027-03-09')).toEqual([{ field: 'days', problem: 'days' }]);
    expect(checkRepeat(on('2027-03-09', { kind: 'weeks', interval: '1' }), '2027-03-09')).toEqual([{ field: 'interval', problem: 'interval' }]);
    expect(checkRepeat(on('2027-03-09', { kind: 'weekly', end: 'count', count: '0' }), '2027-03-09')).toEqual([{ field: 'count', problem: 'count' }]);
    expect(checkRepeat(on('2027-03-09', { kind: 'weekly', end: 'until', until: '2027-03-01' }), '2027-03-09')).toEqual([
      { field: 'until', problem: 'untilBeforeStart' },
    ]);
    expect(checkRepeat(on('2027-03-09', { kind: 'none', days: [] }), '2027-03-09')).toEqual([]);
    // The first session must be one of the series' dates.
    expect(checkRepeat(on('2027-03-09', { kind: 'weekly', days: ['WE'] }), '2027-03-09')).toEqual([{ field: 'start', problem: 'startNotInRule' }]);
    expect(checkRepeat(on('2027-03-09', { kind: 'monthly', monthWeek: '1' }), '2027-03-09')).toEqual([{ field: 'start', problem: 'startNotInRule' }]);
    expect(checkRepeat(on('2027-03-23', { kind: 'monthly', monthWeek: '-1', monthDay: 'TU' }), '2027-03-23')).toEqual([
      { field: 'start', problem: 'startNotInRule' },
    ]);
    expect(checkRepeat(on('2027-02-23', { kind: 'monthly', monthWeek: '-1', monthDay: 'TU' }), '2027-02-23')).toEqual([]);
    expect(checkRepeat(on('2027-02-23', { kind: 'monthly', monthWeek: '4', monthDay: 'TU' }), '2027-02-23')).toEqual([]);
  });
});
