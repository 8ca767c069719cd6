import { describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { isInWindows, viewerWindows } from './time-windows.ts';
import { parseClock } from '../../../shared/clock-time.ts';

const at = (iso: string) => Date.parse(iso);
const local = (ms: number, zone: string) => instantToLocal(ms, zone);

describe('parseClock', () => {
  it('reads HH:MM, and 24:00 only as an end', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('18:30')).toBe(1110);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('24:00', true)).toBe(1440);
    for (const bad of ['7:00', '25:00', '12:60', '12:5', '', 'ab:cd', '24:01']) expect(parseClock(bad, true)).toBeNull();
  });
});

describe('viewerWindows', () => {
  it('places each local evening with that date’s own offset across a clock change (America/St_Johns, -03:30 → -02:30)', () => {
    const windows = viewerWindows({ timeZone: 'America/St_Johns', days: [], from: 18 * 60, to: 22 * 60 }, at('2027-03-12T12:00:00Z'), 4);
    expect(windows.map((w) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()])).toEqual([
      ['2027-03-12T21:30:00.000Z', '2027-03-13T01:30:00.000Z'],
      ['2027-03-13T21:30:00.000Z', '2027-03-14T01:30:00.000Z'],
      // 14 March: daylight time from 02:00, so 18:00 is an hour earlier in UTC.
      ['2027-03-14T20:30:00.000Z', '2027-03-15T00:30:00.000Z'],
      ['2027-03-15T20:30:00.000Z', '2027-03-16T00:30:00.000Z'],
    ]);
    for (const w of windows) {
      expect(local(w.start, 'America/St_Johns').slice(11)).toBe('18:00');
      expect(local(w.end, 'America/St_Johns').slice(11)).toBe('22:00');
    }
  });

  it('keeps only the asked weekdays, read in the viewer’s zone (Pacific/Chatham, +13:45)', () => {
    const windows = viewerWindows({ timeZone: 'Pacific/Chatham', days: [3] }, at('2027-03-01T00:00:00Z'), 14);
    expect(windows).toHaveLength(2);
    for (const w of windows) {
      expect(new Date(at(`${local(w.start, 'Pacific/Chatham').slice(0, 10)}T00:00:00Z`)).getUTCDay()).toBe(3);
      expect(local(w.start, 'Pacific/Chatham').slice(11)).toBe('00:00');
      expect(w.end - w.start).toBe(86_400_000);
    }
  });

  it('runs a window past midnight when it ends earlier than it starts (Asia/Kathmandu, +05:45)', () => {
    const [first] = viewerWindows({ timeZone: 'Asia/Kathmandu', days: [2], from: 23 * 60, to: 60 }, at('2027-03-01T00:00:00Z'), 7);
    expect(local(first!.start, 'Asia/Kathmandu')).toBe('2027-03-02T23:00');
    expect(local(first!.end, 'Asia/Kathmandu')).toBe('2027-03-03T01:00');
    expect(isInWindows(at('2027-03-02T18:00:00Z'), [first!])).toBe(true); // 23:45 in Kathmandu
    expect(isInWindows(at('2027-03-02T17:00:00Z'), [first!])).toBe(false); // 22:45
  });

  it('starts no earlier than now, and merges whole days into one span', () => {
    const now = at('2027-03-01T10:17:00Z');
    const windows = viewerWindows({ timeZone: 'UTC', days: [] }, now, 3);
    expect(windows).toEqual([{ start: now, end: now + 3 * 86_400_000 }]);
  });
});
