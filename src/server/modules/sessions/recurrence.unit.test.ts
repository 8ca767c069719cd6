import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { expandSchedule, type Schedule } from './recurrence.ts';
import { checkRule } from '../../../shared/rrule-check.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('checkRule', () => {
  it('accepts the rhythms groups keep', () => {
    for (const rule of [
      'FREQ=WEEKLY;BYDAY=TU',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'FREQ=MONTHLY;BYDAY=2TU',
      'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6',
      'FREQ=WEEKLY;UNTIL=20271231T235959Z',
      'FREQ=DAILY;COUNT=5',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=WEEKLY;UNTIL=20270601',
    ]) {
      expect(checkRule(rule), rule).toBeNull();
    }
  });
  it('refuses the rest, saying why', () => {
    expect(checkRule('FREQ=HOURLY')).toBe('unsupported');
    expect(checkRule('FREQ=WEEKLY;BYHOUR=9')).toBe('unsupported');
    expect(checkRule('FREQ=WEEKLY;COUNT=3;UNTIL=20270101')).toBe('countAndUntil');
    for (const bad of [
      '',
      'garbage',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;INTERVAL=0',
      'FREQ=WEEKLY;COUNT=100000',
      'FREQ=WEEKLY;;',
      'FREQ=WEEKLY;UNTIL=20271345',
      'freq=weekly',
      'FREQ=WEEKLY;BYDAY=TU;BYDAY=WE',
      'BYDAY=TU',
    ]) {
      expect(checkRule(bad), bad).not.toBeNull();
    }
  });
});

describe('expandSchedule', () => {
  const paris: Schedule = { start: '2027-03-02T19:00', timeZone: 'Europe/Paris', durationMinutes: 90, rule: 'FREQ=WEEKLY;BYDAY=TU' };

  it('keeps 19:00 in Paris across the spring change', () => {
    const list = expandSchedule(paris, at('2027-03-01T00:00Z'), at('2027-04-07T00:00Z'));
    expect(list.map((o) => iso(o.startsAt))).toEqual([
      '2027-03-02T18:00:00.000Z',
      '2027-03-09T18:00:00.000Z',
      '2027-03-16T18:00:00.000Z',
      '2027-03-23T18:00:00.000Z',
      '2027-03-30T17:00:00.000Z',
      '2027-04-06T17:00:00.000Z',
    ]);
    expect(list.every((o) => o.localStart.endsWith('T19:00'))).toBe(true);
    expect(list[0]!.endsAt - list[0]!.startsAt).toBe(90 * 60_000);
  });

  it('moves an occurrence that falls in a DST gap forward, keeping its identity', () => {
    const night: Schedule = { start: '2027-03-21T02:30', timeZone: 'Europe/Paris', durationMinutes: 60, rule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=3' };
    const list = expandSchedule(night, at('2027-01-01T00:00Z'), at('2028-01-01T00:00Z'));
    expect(list.map((o) => [o.localStart, o.ruleLocalStart])).toEqual([
      ['2027-03-21T02:30', '2027-03-21T02:30'],
      ['2027-03-28T03:30', '2027-03-28T02:30'],
      ['2027-04-04T02:30', '2027-04-04T02:30'],
    ]);
  });

  it('takes the first of the two 01:30s when Los Angeles falls back', () => {
    const list = expandSchedule({ start: '2027-11-07T01:30', timeZone: 'America/Los_Angeles', durationMinutes: 60, rule: null }, 0, at('2030-01-01T00:00Z'));
    expect(list.map((o) => iso(o.startsAt))).toEqual(['2027-11-07T08:30:00.000Z']);
  });

  it('expands monthly “2nd Tuesday” rules with a count, in a 45-minute zone', () => {
    const list = expandSchedule(
      { start: '2027-01-12T18:00', timeZone: 'Asia/Kathmandu', durationMinutes: 60, rule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4' },
      0,
      at('2030-01-01T00:00Z'),
    );
    expect(list.map((o) => o.localStart)).toEqual(['2027-01-12T18:00', '2027-02-09T18:00', '2027-03-09T18:00', '2027-04-13T18:00']);
    expect(iso(list[0]!.startsAt)).toBe('2027-01-12T12:15:00.000Z');
  });

  it('ends a series at UNTIL, read on the group’s clock', () => {
    const list = expandSchedule({ ...paris, rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270316T180000Z' }, 0, at('2030-01-01T00:00Z'));
    expect(list.map((o) => o.localStart)).toEqual(['2027-03-02T19:00', '2027-03-09T19:00', '2027-03-16T19:00']);
    const byDate = expandSchedule({ ...paris, rule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270309' }, 0, at('2030-01-01T00:00Z'));
    expect(byDate).toHaveLength(2);
  });

  it('filters by instant at the window’s edges, in zones far from UTC', () => {
    const kiritimati: Schedule = { start: '2027-01-04T08:00', timeZone: 'Pacific/Kiritimati', durationMinutes: 60, rule: 'FREQ=DAILY' };
    // 08:00 at UTC+14 is 18:00 UTC the day before.
    const list = expandSchedule(kiritimati, at('2027-01-03T18:00Z'), at('2027-01-05T18:00Z'));
    expect(list.map((o) => iso(o.startsAt))).toEqual(['2027-01-03T18:00:00.000Z', '2027-01-04T18:00:00.000Z']);
  });

  const zones = [
    'Europe/Paris',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'America/Santiago',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Africa/Casablanca',
    'UTC',
  ];
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

  it('gives one occurrence per rule day, at the rule’s wall time except inside a DST gap (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 1, max: 3 }),
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true }),
        (zone, day, hour, minute, interval, startDate) => {
          const startDay = startDate.toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const schedule: Schedule = {
            start: `${startDay}T${time}`,
            timeZone: zone,
            durationMinutes: 60,
            rule: `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${days[day]}`,
          };
          const from = Date.parse(`${startDay}T00:00Z`) - 86_400_000;
          const to = from + 366 * 86_400_000;
          const list = expandSchedule(schedule, from - 86_400_000, to + 2 * 86_400_000);
          const dates = list.map((o) => o.ruleLocalStart.slice(0, 10));
          expect(new Set(dates).size).toBe(dates.length);
          for (let i = 1; i < list.length; i++) {
            expect(list[i]!.startsAt).toBeGreaterThan(list[i - 1]!.startsAt);
            const gapDays = (Date.parse(`${dates[i]}T00:00Z`) - Date.parse(`${dates[i - 1]}T00:00Z`)) / 86_400_000;
            expect(gapDays).toBe(7 * interval);
          }
          for (const o of list) {
            expect(new Date(`${o.ruleLocalStart}Z`).getUTCDay()).toBe((day + 1) % 7);
            expect(o.ruleLocalStart.slice(11)).toBe(time);
            expect(instantToLocal(o.startsAt, zone)).toBe(o.localStart);
            if (o.localStart !== o.ruleLocalStart) {
              // Only a DST gap shifts a time, and only forward by less than two hours.
              const shift = Date.parse(`${o.localStart}Z`) - Date.parse(`${o.ruleLocalStart}Z`);
              expect(shift).toBeGreaterThan(0);
              expect(shift).toBeLessThanOrEqual(2 * 3_600_000);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
