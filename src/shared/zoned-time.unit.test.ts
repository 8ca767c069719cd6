import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IANAZone } from 'luxon';
import { instantToLocal, localToInstant, offsetAt, parseLocal } from './zoned-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('parseLocal', () => {
  it('accepts real wall times only', () => {
    expect(parseLocal('2027-02-28T19:00')).toEqual({ year: 2027, month: 2, day: 28, hour: 19, minute: 0 });
    for (const bad of ['2027-02-29T19:00', '2027-13-01T00:00', '2027-01-01T24:00', '2027-01-01 19:00', '2027-01-01T19:00:00', '', '2027-1-1T9:00']) {
      expect(parseLocal(bad), bad).toBeNull();
    }
  });
});

describe('localToInstant', () => {
  it('reads ordinary times with the zone’s offset, whatever odd quarter-hour it has', () => {
    expect(iso(localToInstant('2027-01-12T19:00', 'Europe/Paris'))).toBe('2027-01-12T18:00:00.000Z');
    expect(iso(localToInstant('2027-07-13T19:00', 'Europe/Paris'))).toBe('2027-07-13T17:00:00.000Z');
    expect(iso(localToInstant('2027-01-12T19:00', 'Asia/Kathmandu'))).toBe('2027-01-12T13:15:00.000Z');
    expect(iso(localToInstant('2027-01-12T19:00', 'America/St_Johns'))).toBe('2027-01-12T22:30:00.000Z');
    expect(iso(localToInstant('2027-01-12T19:00', 'Pacific/Chatham'))).toBe('2027-01-12T05:15:00.000Z');
    expect(iso(localToInstant('2027-01-12T19:00', 'Asia/Calcutta'))).toBe('2027-01-12T13:30:00.000Z');
  });

  it('moves a time inside a spring-forward gap forward by the gap (RFC 5545)', () => {
    expect(instantToLocal(localToInstant('2027-03-28T02:30', 'Europe/Paris'), 'Europe/Paris')).toBe('2027-03-28T03:30');
    expect(instantToLocal(localToInstant('2027-03-14T02:30', 'America/St_Johns'), 'America/St_Johns')).toBe('2027-03-14T03:30');
    // Lord Howe springs forward by only 30 minutes.
    expect(instantToLocal(localToInstant('2027-10-03T02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toBe('2027-10-03T02:45');
    // Chatham jumps from 02:45 to 03:45.
    expect(instantToLocal(localToInstant('2027-09-26T03:00', 'Pacific/Chatham'), 'Pacific/Chatham')).toBe('2027-09-26T04:00');
  });

  it('takes the first of two identical wall times when clocks fall back', () => {
    expect(iso(localToInstant('2027-10-31T02:30', 'Europe/Paris'))).toBe('2027-10-31T00:30:00.000Z');
    expect(iso(localToInstant('2027-11-07T01:30', 'America/Los_Angeles'))).toBe('2027-11-07T08:30:00.000Z');
    expect(iso(localToInstant('2027-04-04T03:00', 'Pacific/Chatham'))).toBe('2027-04-03T13:15:00.000Z');
  });

  const zones = [
    'UTC',
    'Europe/Paris',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Tehran',
    'Africa/Casablanca',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Pacific/Kiritimati',
  ];
  it('round-trips every existing wall time, and never goes backwards (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (zone, ms) => {
        const instant = Math.floor(ms / 60_000) * 60_000;
        const local = instantToLocal(instant, zone);
        const back = localToInstant(local, zone);
        // Same wall time; and for an ambiguous wall time, the first of the two instants.
        expect(instantToLocal(back, zone)).toBe(local);
        expect(back).toBeLessThanOrEqual(instant);
        expect(instant - back).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('offsetAt', () => {
  const zones = [
    'Europe/Paris',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Africa/Casablanca',
    'America/Los_Angeles',
    'Asia/Gaza',
    'Antarctica/Troll',
    'Pacific/Apia',
  ];
  it('agrees with the tz database at every minute, transitions included (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1975, 0, 1) / 60_000, max: Date.UTC(2037, 0, 1) / 60_000 }), (zone, minute) => {
        const ms = minute * 60_000;
        expect(offsetAt(zone, ms)).toBe(IANAZone.create(zone).offset(ms));
      }),
      { numRuns: 20_000 },
    );
  });
  it('is exact at every minute around every transition from 2020 to 2035', () => {
    let transitions = 0;
    for (const zone of zones) {
      const iana = IANAZone.create(zone);
      for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2035, 0, 1); day += 86_400_000) {
        if (iana.offset(day) === iana.offset(day + 86_400_000)) continue;
        for (let t = day; t < day + 86_400_000; t += 3_600_000) {
          if (iana.offset(t) === iana.offset(t + 3_600_000)) continue;
          transitions += 1;
          for (let m = t; m <= t + 3_600_000; m += 60_000) expect(offsetAt(zone, m), `${zone} ${new Date(m).toISOString()}`).toBe(iana.offset(m));
        }
      }
    }
    expect(transitions).toBeGreaterThan(150);
  });
  it('is exact on both sides of a transition', () => {
    const change = Date.parse('2027-03-28T01:00:00Z');
    expect(offsetAt('Europe/Paris', change - 60_000)).toBe(60);
    expect(offsetAt('Europe/Paris', change)).toBe(120);
  });
});
