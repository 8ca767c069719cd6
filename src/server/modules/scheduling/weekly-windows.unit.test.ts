import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryWindow } from './scheduling.test-support.ts';
import { checkWindow, dailyMask, hasBit, maskToWindows, windowsToMask } from './weekly-windows.ts';
import { parseClock } from '../../../shared/clock-time.ts';

const q = (day: number, clock: string) => day * 96 + parseClock(clock, true)! / 15;
const setBits = (mask: Uint32Array) => Array.from({ length: 672 }, (_, i) => i).filter((i) => hasBit(mask, i));

describe('clock times', () => {
  it('reads HH:MM, with 24:00 only as an end', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('18:45')).toBe(1125);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('24:00', true)).toBe(1440);
    for (const bad of ['24:15', '7:00', '07:60', '25:00', '', '07:00:00', ' 07:00']) expect(parseClock(bad, true), bad).toBeNull();
  });

  it('checks each window: real clock times, on the quarter hour, not empty', () => {
    expect(checkWindow({ start: '18:00', end: '22:00' })).toBeNull();
    expect(checkWindow({ start: '22:00', end: '02:00' })).toBeNull();
    expect(checkWindow({ start: '00:00', end: '24:00' })).toBeNull();
    expect(checkWindow({ start: '18:10', end: '22:00' })).toEqual({ field: 'start', problem: 'quarterHour' });
    expect(checkWindow({ start: '18:00', end: '22:05' })).toEqual({ field: 'end', problem: 'quarterHour' });
    expect(checkWindow({ start: '24:00', end: '02:00' })).toEqual({ field: 'start', problem: 'clockTime' });
    expect(checkWindow({ start: '18:00', end: 'late' })).toEqual({ field: 'end', problem: 'clockTime' });
    expect(checkWindow({ start: '18:00', end: '18:00' })).toEqual({ field: 'end', problem: 'emptyWindow' });
  });
});

describe('windowsToMask', () => {
  it('covers [start, end) on the day, running into the next day when the end is earlier', () => {
    expect(setBits(windowsToMask([{ day: 2, start: '18:00', end: '19:00' }]))).toEqual([q(2, '18:00'), q(2, '18:15'), q(2, '18:30'), q(2, '18:45')]);
    const late = setBits(windowsToMask([{ day: 5, start: '23:30', end: '00:30' }]));
    expect(late).toEqual([q(5, '23:30'), q(5, '23:45'), q(6, '00:00'), q(6, '00:15')]);
    // Saturday night runs into Sunday morning: the week wraps.
    expect(setBits(windowsToMask([{ day: 6, start: '23:45', end: '00:15' }]))).toEqual([0, q(6, '23:45')]);
    expect(setBits(windowsToMask([{ day: 3, start: '00:00', end: '24:00' }]))).toHaveLength(96);
  });

  it('marks good hours, 08:00–21:00 every day', () => {
    const good = dailyMask(8 * 60, 21 * 60);
    expect(setBits(good)).toHaveLength(7 * 52);
    expect(hasBit(good, q(0, '07:45'))).toBe(false);
    expect(hasBit(good, q(0, '08:00'))).toBe(true);
    expect(hasBit(good, q(6, '20:45'))).toBe(true);
    expect(hasBit(good, q(6, '21:00'))).toBe(false);
  });
});

describe('maskToWindows', () => {
  it('merges overlapping and touching windows and sorts them', () => {
    const windows = maskToWindows(
      windowsToMask([
        { day: 1, start: '20:00', end: '22:00' },
        { day: 1, start: '18:00', end: '20:30' },
        { day: 0, start: '09:00', end: '10:00' },
        { day: 1, start: '22:00', end: '23:00' },
      ]),
    );
    expect(windows).toEqual([
      { day: 0, start: '09:00', end: '10:00' },
      { day: 1, start: '18:00', end: '23:00' },
    ]);
  });

  it('keeps a short stretch across midnight as one window, and cuts long ones at midnight', () => {
    expect(maskToWindows(windowsToMask([{ day: 5, start: '22:00', end: '02:00' }]))).toEqual([{ day: 5, start: '22:00', end: '02:00' }]);
    expect(maskToWindows(windowsToMask([{ day: 6, start: '22:00', end: '02:00' }]))).toEqual([{ day: 6, start: '22:00', end: '02:00' }]);
    expect(
      maskToWindows(
        windowsToMask([
          { day: 1, start: '20:00', end: '24:00' },
          { day: 2, start: '00:00', end: '24:00' },
          { day: 3, start: '00:00', end: '02:00' },
        ]),
      ),
    ).toEqual([
      { day: 1, start: '20:00', end: '24:00' },
      { day: 2, start: '00:00', end: '24:00' },
      { day: 3, start: '00:00', end: '02:00' },
    ]);
    expect(
      maskToWindows(
        windowsToMask([
          { day: 0, start: '00:00', end: '24:00' },
          { day: 1, start: '00:00', end: '24:00' },
          { day: 2, start: '00:00', end: '24:00' },
          { day: 3, start: '00:00', end: '24:00' },
          { day: 4, start: '00:00', end: '24:00' },
          { day: 5, start: '00:00', end: '24:00' },
          { day: 6, start: '00:00', end: '24:00' },
        ]),
      ),
    ).toHaveLength(7);
    expect(maskToWindows(windowsToMask([]))).toEqual([]);
  });

  it('gives valid windows covering exactly the same quarters, and is stable (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryWindow(), { maxLength: 12 }), (windows) => {
        const mask = windowsToMask(windows);
        const canonical = maskToWindows(mask);
        for (const w of canonical) expect(checkWindow(w)).toBeNull();
        expect(setBits(windowsToMask(canonical))).toEqual(setBits(mask));
        expect(maskToWindows(windowsToMask(canonical))).toEqual(canonical);
      }),
      { numRuns: 500 },
    );
  });
});
