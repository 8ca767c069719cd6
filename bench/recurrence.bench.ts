/**
 * Issue "Sessions": expanding one year of occurrences for 10,000 recurring sessions, against
 * a plain loop that steps through the same dates in UTC (no zones, no rules) in the same run.
 */
import { expandSchedule, type Schedule } from '../src/server/modules/sessions/recurrence.ts';
import type { BenchResult } from './harness.ts';
import { measure } from './harness.ts';

const ZONES = [
  'Europe/Paris',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Africa/Lagos',
  'America/Sao_Paulo',
  'Asia/Tokyo',
];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SESSIONS = 10_000;

function schedules(): Schedule[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: SESSIONS }, (_, i) => {
    const kind = i % 4;
    const day = DAYS[next(7)]!;
    const rule =
      kind === 0
        ? `FREQ=WEEKLY;BYDAY=${day}`
        : kind === 1
          ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`
          : kind === 2
            ? `FREQ=MONTHLY;BYDAY=${1 + next(4)}${day}`
            : `FREQ=WEEKLY;BYDAY=${day},${DAYS[(DAYS.indexOf(day) + 3) % 7]}`;
    const hour = String(6 + next(16)).padStart(2, '0');
    const minute = ['00', '15', '30', '45'][next(4)];
    return { start: `2026-12-0${1 + next(7)}T${hour}:${minute}`, timeZone: ZONES[next(ZONES.length)]!, durationMinutes: 90, rule };
  });
}

export async function run(): Promise<BenchResult[]> {
  const list = schedules();
  const from = Date.parse('2027-01-01T00:00:00Z');
  const to = Date.parse('2028-01-01T00:00:00Z');
  let occurrences = 0;
  const ours = measure('expand one year × 10,000 sessions', 3, () => {
    occurrences = 0;
    for (const s of list) occurrences += expandSchedule(s, from, to).length;
  });
  // Baseline: the same number of dates produced by stepping a UTC timestamp, no zone work.
  const perSession = Math.ceil(occurrences / SESSIONS);
  let sink = 0;
  const baseline = measure('plain loop over the same dates', 3, () => {
    for (let s = 0; s < SESSIONS; s++) {
      for (let k = 0, t = from; k < perSession; k++, t += 7 * 86_400_000) sink += new Date(t).getUTCDay();
    }
  });
  if (sink < 0) console.log(sink);
  return [
    {
      name: 'recurrence: one year of occurrences for 10,000 sessions',
      figure: `${ours.toFixed(0)} ms for ${occurrences.toLocaleString('en')} occurrences (${((ours * 1000) / occurrences).toFixed(2)} µs each)`,
      baseline: `${baseline.toFixed(1)} ms plain loop`,
      ratio: ours / baseline,
    },
  ];
}
