import { describe, expect, it } from 'vitest';
import { periodicDedupeKey, retryDelayMs } from './job-worker.ts';

describe('retryDelayMs', () => {
  it('waits 30 s after the first failure and doubles each time', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
  });
  it('never waits more than an hour, however many attempts', () => {
    expect(retryDelayMs(7)).toBe(1_920_000);
    expect(retryDelayMs(8)).toBe(3_600_000);
    expect(retryDelayMs(1000)).toBe(3_600_000);
  });
  it('treats a nonsensical attempt number as the first', () => {
    expect(retryDelayMs(0)).toBe(30_000);
  });
});

describe('periodicDedupeKey', () => {
  const minute = 60_000;
  it('is the same throughout one bucket and changes at its boundary', () => {
    const start = new Date('2030-01-01T00:00:00.000Z');
    const key = periodicDedupeKey('digest', minute, start);
    expect(key).toBe(`digest:${start.getTime() / minute}`);
    expect(periodicDedupeKey('digest', minute, new Date(start.getTime() + minute - 1))).toBe(key);
    expect(periodicDedupeKey('digest', minute, new Date(start.getTime() + minute))).not.toBe(key);
  });
});
