/** Random inputs shared by the scheduling module's property tests. */
import fc from 'fast-check';
import { type WeeklyWindow } from './weekly-windows.ts';
import { formatClock } from '../../../shared/clock-time.ts';

/**
 * A random valid window on the quarter hour: up to a day long, crossing midnight when it runs
 * past it (Saturday into Sunday too), sometimes ending at 24:00 or spanning a whole day.
 */
export const arbitraryWindow = (): fc.Arbitrary<WeeklyWindow> =>
  fc
    .oneof(
      {
        weight: 9,
        arbitrary: fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 1, max: 95 }) }),
      },
      { weight: 1, arbitrary: fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.constant(0), quarters: fc.constant(96) }) },
    )
    .map(({ day, start, quarters }) => {
      const end = start + quarters;
      return { day, start: formatClock(start * 15), end: formatClock((end > 96 ? end - 96 : end) * 15) };
    });

/** Zones with every oddity: 45-minute and half-hour offsets, 30-minute DST, southern summers. */
export const ODD_ZONES = [
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Australia/Sydney',
  'America/Santiago',
  'Pacific/Auckland',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Africa/Casablanca',
  'America/Asuncion',
  'UTC',
] as const;

/** Days just before clock changes somewhere (US, EU, Australia, New Zealand, Chile), and any day. */
export const arbitraryFrom = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '2027-03-10',
      '2027-03-25',
      '2027-04-01',
      '2027-04-02',
      '2027-09-04',
      '2027-09-22',
      '2027-09-30',
      '2027-10-28',
      '2027-11-04',
      '2028-03-09',
      '2028-10-26',
    ),
    fc
      .integer({ min: Date.UTC(2026, 0, 1) / 86_400_000, max: Date.UTC(2031, 0, 1) / 86_400_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  );
