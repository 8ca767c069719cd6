import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../../shared/zoned-time.ts';
import { arbitraryFrom, arbitraryWindow, ODD_ZONES } from './scheduling.test-support.ts';
import { copyBits, runAnd, scoreMembers, slotBit, slotsInsideEveryWeek } from './time-finder.ts';
import { offsetStretches, planWeeks, type FinderPeriod } from './week-plan.ts';
import { referenceSlotLocal, referenceWeeksAvailable, type ReferenceMember } from './time-finder.reference.ts';
import { dailyMask, windowsToMask, type WeeklyWindow } from './weekly-windows.ts';

// A property test's budget, not a timing: its runs replay the brute-force reference, which can
// take longer than vitest's 5 s default on a loaded machine.
const PROPERTY_TIMEOUT = 30_000;

const slot = (day: number, clock: string) => day * 96 + (Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3))) / 15;
const iso = (ms: number) => new Date(ms).toISOString();

function score(period: FinderPeriod, members: ReferenceMember[]) {
  return scoreMembers(
    planWeeks(period),
    members.map((m) => ({ zone: m.zone, mask: windowsToMask(m.windows) })),
  );
}

/** Checks the fast scoring against the brute-force reference for every member, slot and week. */
function expectSameAsReference(period: FinderPeriod, members: ReferenceMember[], stepMinutes = 15) {
  const plan = planWeeks(period);
  const scores = scoreMembers(
    plan,
    members.map((m) => ({ zone: m.zone, mask: windowsToMask(m.windows) })),
  );
  const reference = referenceWeeksAvailable(period, members, { stepMinutes });
  const expectedAvailable = new Uint32Array(672);
  const expectedPartial = new Uint32Array(672);
  for (let m = 0; m < members.length; m++) {
    for (let s = 0; s < 672; s++) {
      const weeks = reference[m * 672 + s]!;
      if (scores.weeksAvailable(m, s) !== weeks) {
        throw new Error(
          `member ${m} (${members[m]!.zone}) slot ${s} (${referenceSlotLocal(period, s, 0)}): ${scores.weeksAvailable(m, s)} weeks, reference ${weeks}`,
        );
      }
      expect(slotBit(scores.allWeeks, m * 21, s)).toBe(weeks === period.weeks);
      if (weeks === period.weeks) expectedAvailable[s] = expectedAvailable[s]! + 1;
      else if (weeks > 0) expectedPartial[s] = expectedPartial[s]! + 1;
    }
  }
  expect(scores.available).toEqual(expectedAvailable);
  expect(scores.partial).toEqual(expectedPartial);
}

describe('planWeeks', () => {
  it('starts each slot on its first day on or after `from`, then weekly, by the group’s clock across DST', () => {
    // 2027-03-24 is a Wednesday; Paris moves its clocks on Sunday 28 March.
    const plan = planWeeks({ groupZone: 'Europe/Paris', from: '2027-03-24', weeks: 2, durationMinutes: 90 });
    expect(iso(plan.startsAt[slot(3, '19:00')]!)).toBe('2027-03-24T18:00:00.000Z');
    expect(iso(plan.startsAt[slot(2, '19:00')]!)).toBe('2027-03-30T17:00:00.000Z');
    expect(iso(plan.startsAt[672 + slot(3, '19:00')]!)).toBe('2027-03-31T17:00:00.000Z');
    // 02:30 does not exist on 28 March: it moves forward by the gap, as sessions do.
    expect(iso(plan.startsAt[slot(0, '02:30')]!)).toBe(iso(localToInstant('2027-03-28T02:30', 'Europe/Paris')));
    expect(iso(plan.startsAt[slot(0, '02:30')]!)).toBe('2027-03-28T01:30:00.000Z');
  });

  it('agrees with the reference on every slot start (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ODD_ZONES), arbitraryFrom(), fc.integer({ min: 1, max: 3 }), (zone, from, weeks) => {
        const period = { groupZone: zone, from, weeks, durationMinutes: 60 };
        const plan = planWeeks(period);
        for (let w = 0; w < weeks; w++) {
          for (let s = 0; s < 672; s += 7) expect(plan.startsAt[w * 672 + s]).toBe(localToInstant(referenceSlotLocal(period, s, w), zone));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('offsetStretches', () => {
  it('finds the clock changes of a week to the quarter hour', () => {
    const from = Date.UTC(2027, 2, 25) / 900_000;
    const to = from + 7 * 96;
    expect(offsetStretches('Europe/Paris', from, to)).toEqual([
      { from, to: Date.UTC(2027, 2, 28, 1) / 900_000, offset: 60 },
      { from: Date.UTC(2027, 2, 28, 1) / 900_000, to, offset: 120 },
    ]);
    const lordHowe = offsetStretches('Australia/Lord_Howe', Date.UTC(2027, 9, 1) / 900_000, Date.UTC(2027, 9, 8) / 900_000);
    expect(lordHowe.map((s) => s.offset)).toEqual([630, 660]);
    expect(offsetStretches('Asia/Kathmandu', from, to)).toEqual([{ from, to, offset: 345 }]);
  });
});

describe('bit helpers', () => {
  const bitsOf = (words: Uint32Array, n: number) => Array.from({ length: n }, (_, i) => (words[i >>> 5]! >>> (i & 31)) & 1);

  it('copies any bit range to any position, leaving the rest alone (property)', () => {
    fc.assert(
      fc.property(
        fc.uint32Array({ minLength: 8, maxLength: 8 }),
        fc.uint32Array({ minLength: 8, maxLength: 8 }),
        fc.nat(200),
        fc.nat(200),
        fc.nat(40),
        (src, dst, from, to, len) => {
          const source = new Uint32Array([...src, 0]);
          const target = new Uint32Array([...dst, 0]);
          const expected = bitsOf(target, 256);
          const before = bitsOf(source, 256);
          for (let i = 0; i < len && to + i < 256 && from + i < 256; i++) expected[to + i] = before[from + i]!;
          copyBits(source, from, target, to, Math.min(len, 256 - to, 256 - from));
          expect(bitsOf(target, 256)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('turns each bit into "this and the next k−1 were all set" (property)', () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 16 }), (words, k) => {
        const buf = new Uint32Array([...words, 0]);
        const before = bitsOf(buf, 192);
        runAnd(buf, 6, k);
        const after = bitsOf(buf, 192);
        // Length of the run of set bits starting at each position, from the end backwards.
        const run = new Array<number>(193).fill(0);
        for (let i = 191; i >= 0; i--) run[i] = before[i] ? run[i + 1]! + 1 : 0;
        const expected = before.map((_, i) => (i + k <= 192 && run[i]! >= k ? 1 : 0));
        expect(after.slice(0, 192 - k + 1)).toEqual(expected.slice(0, 192 - k + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoreMembers', () => {
  const paris = (from: string, weeks = 1, durationMinutes = 90): FinderPeriod => ({ groupZone: 'Europe/Paris', from, weeks, durationMinutes });

  it('counts who can attend the whole session, not just its start', () => {
    const scores = score(paris('2027-01-04'), [
      { zone: 'Europe/Paris', windows: [{ day: 2, start: '18:00', end: '22:00' }] },
      { zone: 'Europe/Paris', windows: [{ day: 2, start: '19:00', end: '20:00' }] },
    ]);
    expect(scores.available[slot(2, '18:00')]).toBe(1);
    expect(scores.available[slot(2, '20:30')]).toBe(1);
    expect(scores.available[slot(2, '20:45')]).toBe(0);
    expect(scores.available[slot(2, '19:00')]).toBe(1);
    // A one-hour window never holds a 90-minute session.
    expect([...scores.available].every((n) => n <= 1)).toBe(true);
  });

  it('reads each member’s windows on their own clock, whatever the quarter-hour offset', () => {
    const utc = (from: string): FinderPeriod => ({ groupZone: 'UTC', from, weeks: 1, durationMinutes: 90 });
    // Kathmandu is UTC+5:45: Monday 18:00–19:30 there is Monday 12:15–13:45 UTC.
    const kathmandu = score(utc('2027-01-04'), [{ zone: 'Asia/Kathmandu', windows: [{ day: 1, start: '18:00', end: '19:30' }] }]);
    expect([...kathmandu.available].flatMap((n, s) => (n ? [s] : []))).toEqual([slot(1, '12:15')]);
    // St John's is UTC−3:30 in winter: Friday 22:00–02:00 there is Saturday 01:30–05:30 UTC.
    const stJohns = score(utc('2027-01-04'), [{ zone: 'America/St_Johns', windows: [{ day: 5, start: '22:00', end: '02:00' }] }]);
    expect(stJohns.available[slot(6, '01:30')]).toBe(1);
    expect(stJohns.available[slot(6, '04:00')]).toBe(1);
    expect(stJohns.available[slot(6, '04:15')]).toBe(0);
  });

  it('says in how many weeks a slot works when clocks change on different dates', () => {
    // Paris 19:45 is 13:45 in New York, except between 14 and 28 March 2027 (US summer time
    // starts two weeks before Europe's), when it is 14:45 and the session would end at 16:15.
    const member = { zone: 'America/New_York', windows: [{ day: 2, start: '12:30', end: '16:00' }] };
    const scores = score(paris('2027-03-01', 6), [member]);
    const tuesday1945 = slot(2, '19:45');
    expect(scores.weeksAvailable(0, tuesday1945)).toBe(4);
    expect(scores.available[tuesday1945]).toBe(0);
    expect(scores.partial[tuesday1945]).toBe(1);
    // 19:00 Paris is 13:00 or 14:00 in New York: fine every week.
    expect(scores.weeksAvailable(0, slot(2, '19:00'))).toBe(6);
    expect(scores.available[slot(2, '19:00')]).toBe(1);
  });

  it('handles Lord Howe’s half-hour DST and Chatham’s 45-minute offset', () => {
    // Lord Howe moves from +10:30 to +11:00 on Sunday 3 October 2027.
    const lordHowe = { zone: 'Australia/Lord_Howe', windows: [{ day: 3, start: '19:00', end: '20:30' }] };
    const scores = score({ groupZone: 'UTC', from: '2027-09-27', weeks: 2, durationMinutes: 90 }, [lordHowe]);
    expect(scores.weeksAvailable(0, slot(3, '08:30'))).toBe(1);
    expect(scores.weeksAvailable(0, slot(3, '08:00'))).toBe(1);
    expect(scores.available[slot(3, '08:30')]).toBe(0);
    expectSameAsReference({ groupZone: 'Pacific/Chatham', from: '2027-09-20', weeks: 3, durationMinutes: 75 }, [
      lordHowe,
      { zone: 'Pacific/Chatham', windows: [{ day: 0, start: '01:00', end: '05:00' }] },
    ]);
  });

  it('finds good hours for a zone', () => {
    const plan = planWeeks(paris('2027-01-04'));
    const good = slotsInsideEveryWeek(plan, 'Asia/Shanghai', dailyMask(8 * 60, 21 * 60));
    // 12:00 Paris is 19:00 in Shanghai: a 90-minute session ends at 20:30, inside.
    expect(slotBit(good, 0, slot(1, '12:00'))).toBe(true);
    expect(slotBit(good, 0, slot(1, '12:45'))).toBe(false);
    expect(slotBit(good, 0, slot(1, '01:00'))).toBe(true);
    expect(slotBit(good, 0, slot(1, '00:45'))).toBe(false);
  });

  it('matches the brute-force reference on random members, zones, windows and weeks (property, 60 runs)', { timeout: PROPERTY_TIMEOUT }, () => {
    const member = fc.record({ zone: fc.constantFrom(...ODD_ZONES), windows: fc.array(arbitraryWindow(), { minLength: 1, maxLength: 5 }) });
    fc.assert(
      fc.property(
        fc.constantFrom(...ODD_ZONES),
        arbitraryFrom(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 15, max: 240 }),
        fc.array(member, { minLength: 1, maxLength: 3 }),
        (groupZone, from, weeks, durationMinutes, members: ReferenceMember[]) => {
          expectSameAsReference({ groupZone, from, weeks, durationMinutes }, members);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the reference read minute by minute too (property, 8 runs)', { timeout: PROPERTY_TIMEOUT }, () => {
    const member = fc.record({ zone: fc.constantFrom(...ODD_ZONES), windows: fc.array(arbitraryWindow(), { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(
        fc.constantFrom(...ODD_ZONES),
        arbitraryFrom(),
        fc.integer({ min: 15, max: 50 }),
        member,
        (groupZone, from, durationMinutes, m: ReferenceMember) => {
          expectSameAsReference({ groupZone, from, weeks: 2, durationMinutes }, [m], 1);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('scores the weeks where clocks change everywhere at once (Chatham, Lord Howe, Santiago, St John’s)', () => {
    const windows: WeeklyWindow[] = [
      { day: 0, start: '00:00', end: '03:45' },
      { day: 6, start: '21:00', end: '02:30' },
      { day: 3, start: '07:15', end: '12:00' },
    ];
    const members = ['Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago', 'America/St_Johns', 'Europe/London', 'America/Asuncion'].map((zone) => ({
      zone,
      windows,
    }));
    for (const from of ['2027-04-01', '2027-09-02', '2027-09-22', '2027-10-28', '2027-03-10']) {
      expectSameAsReference({ groupZone: 'Australia/Lord_Howe', from, weeks: 2, durationMinutes: 105 }, members);
    }
  });
});
