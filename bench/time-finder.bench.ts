/**
 * Issue "Across continents": full time-finder scoring for 10,000 members × 672 slots × 12
 * weeks (Paris group, members in 16 zones with quarter-hour offsets and clock changes on
 * different dates, from 1 March 2027 so that US, European and southern changes all fall
 * inside), against the brute-force reference on the same input in the same run.
 *
 * The reference converts every slot instant per member and week with the zone rules and
 * checks each quarter of the session against the windows as written. At ~1 µs per reading it
 * would need well over a minute for all 10,000 members, so it runs on the first members only
 * and is extrapolated linearly (its cost is exactly proportional to the number of members).
 */
import { scoreMembers } from '../src/server/modules/scheduling/time-finder.ts';
import { planWeeks } from '../src/server/modules/scheduling/week-plan.ts';
import { referenceWeeksAvailable, type ReferenceMember } from '../src/server/modules/scheduling/time-finder.reference.ts';
import { windowsToMask } from '../src/server/modules/scheduling/weekly-windows.ts';
import { formatClock } from '../src/shared/clock-time.ts';
import type { BenchResult } from './harness.ts';
import { measure } from './harness.ts';

const ZONES = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'America/Santiago',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'Africa/Lagos',
];
const MEMBERS = 10_000;
const REFERENCE_MEMBERS = 8;
const PERIOD = { groupZone: 'Europe/Paris', from: '2027-03-01', weeks: 12, durationMinutes: 90 };

function members(): ReferenceMember[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return Math.floor((seed / 2147483647) * n);
  };
  return Array.from({ length: MEMBERS }, () => {
    const windows = Array.from({ length: 1 + next(6) }, () => {
      const start = next(96);
      const quarters = 4 + next(40);
      const end = start + quarters;
      return { day: next(7), start: formatClock(start * 15), end: formatClock((end > 96 ? end - 96 : end) * 15) };
    });
    return { zone: ZONES[next(ZONES.length)]!, windows };
  });
}

export async function run(): Promise<BenchResult[]> {
  const people = members();
  const masks = people.map((m) => ({ zone: m.zone, mask: windowsToMask(m.windows) }));
  let available = 0;
  // A fresh plan each run: finding the slot starts and every zone's offsets is part of the cost.
  const ours = measure('full scoring', 9, () => {
    const scores = scoreMembers(planWeeks(PERIOD), masks);
    available = Math.max(...scores.available);
  });

  const subset = people.slice(0, REFERENCE_MEMBERS);
  let reference: Uint8Array = new Uint8Array(0);
  const subsetMs = measure('reference on a subset', 1, () => {
    reference = referenceWeeksAvailable(PERIOD, subset);
  });
  const check = scoreMembers(planWeeks(PERIOD), masks.slice(0, REFERENCE_MEMBERS));
  for (let m = 0; m < REFERENCE_MEMBERS; m++) {
    for (let s = 0; s < 672; s++) {
      if (check.weeksAvailable(m, s) !== reference[m * 672 + s]) throw new Error(`time finder disagrees with the reference (member ${m}, slot ${s})`);
    }
  }
  const referenceMs = (subsetMs * MEMBERS) / REFERENCE_MEMBERS;
  const cells = MEMBERS * 672 * PERIOD.weeks;
  return [
    {
      name: 'time finder: full scoring, 10,000 members × 672 slots × 12 weeks (16 zones, DST changes inside)',
      figure: `${ours.toFixed(1)} ms per full scoring (median of 9; ${((ours * 1e6) / cells).toFixed(2)} ns per member-slot-week; best slot: ${available} members)`,
      baseline: `brute-force reference ≈ ${(referenceMs / 1000).toFixed(1)} s, extrapolated linearly from ${REFERENCE_MEMBERS} members (${subsetMs.toFixed(0)} ms), which it matches exactly; ours is ${Math.round(referenceMs / ours).toLocaleString('en')}× faster (ratio ${(ours / referenceMs).toExponential(1)})`,
      ratio: ours / referenceMs,
    },
  ];
}
