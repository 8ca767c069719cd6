import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from '../../../../tests/support/databases.ts';
import { enqueueJob, enqueueJobs } from './job-queue.ts';
import { createJobWorker, type JobHandler } from './job-worker.ts';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const log = { warn: () => undefined, error: () => undefined };

describe.each(testDialects())('job worker concurrency on $dialect', ({ open }) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => t.drop());

  /** A handler that records how many runs overlap, each waiting a little (I/O-like). */
  function overlapping(ms: number) {
    const state = { running: 0, peak: 0, seen: [] as number[] };
    const handler: JobHandler = async (payload) => {
      state.running += 1;
      state.peak = Math.max(state.peak, state.running);
      await new Promise((r) => setTimeout(r, ms));
      state.seen.push((payload as { n: number }).n);
      state.running -= 1;
    };
    return { state, handler };
  }

  it('runs up to `concurrency` jobs at once, each once', async () => {
    const { state, handler } = overlapping(20);
    expect(
      await enqueueJobs(
        t.db,
        Array.from({ length: 30 }, (_, n) => ({ kind: 'io', payload: { n } })),
        T0,
      ),
    ).toBe(30);
    const worker = createJobWorker({ db: t.db, handlers: { io: handler }, log, concurrency: 4 });
    expect(await worker.runDue(T0)).toBe(30);
    expect(state.peak).toBeGreaterThan(1);
    expect(state.peak).toBeLessThanOrEqual(4);
    expect([...state.seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    const statuses = await t.db.selectFrom('jobs').select('status').execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('keeps one job at a time by default', async () => {
    const { state, handler } = overlapping(5);
    for (let n = 0; n < 5; n++) await enqueueJob(t.db, { kind: 'io', payload: { n } }, T0);
    const worker = createJobWorker({ db: t.db, handlers: { io: handler }, log });
    expect(await worker.runDue(T0)).toBe(5);
    expect(state.peak).toBe(1);
  });

  it('never runs a job twice when two concurrent workers race', async () => {
    const { state, handler } = overlapping(5);
    await enqueueJobs(
      t.db,
      Array.from({ length: 40 }, (_, n) => ({ kind: 'io', payload: { n } })),
      T0,
    );
    const a = createJobWorker({ db: t.db, handlers: { io: handler }, log, concurrency: 3, workerId: 'a' });
    const b = createJobWorker({ db: t.db, handlers: { io: handler }, log, concurrency: 3, workerId: 'b' });
    const [ranA, ranB] = await Promise.all([a.runDue(T0), b.runDue(T0)]);
    expect(ranA + ranB).toBe(40);
    expect(state.seen).toHaveLength(40);
    expect(new Set(state.seen).size).toBe(40);
  });

  it('enqueues many at once, skipping taken dedupe keys', async () => {
    expect(
      await enqueueJobs(
        t.db,
        [
          { kind: 'k', payload: 1, dedupeKey: 'a' },
          { kind: 'k', payload: 2, dedupeKey: 'b' },
        ],
        T0,
      ),
    ).toBe(2);
    expect(
      await enqueueJobs(
        t.db,
        [
          { kind: 'k', payload: 3, dedupeKey: 'a' },
          { kind: 'k', payload: 4, dedupeKey: 'c' },
        ],
        T0,
      ),
    ).toBe(1);
    expect(await enqueueJobs(t.db, [], T0)).toBe(0);
    await expect(enqueueJobs(t.db, [{ kind: '', payload: 1 }], T0)).rejects.toThrow(RangeError);
  });

  it('refuses a concurrency that is not a small positive integer', () => {
    for (const concurrency of [0, -1, 1.5, 65, Number.NaN]) {
      expect(() => createJobWorker({ db: t.db, handlers: {}, log, concurrency }), String(concurrency)).toThrow(RangeError);
    }
  });
});
