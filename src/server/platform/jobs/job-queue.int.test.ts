import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDialects, type TestDatabase } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../clock.ts';
import { deleteFinishedJobs, enqueueJob } from './job-queue.ts';
import { createJobWorker, PermanentJobError, type JobHandler, type JobWorker, type JobWorkerOptions } from './job-worker.ts';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A logger that remembers what it was told, to check that nothing private reaches it. */
function recordingLog() {
  const entries: { level: 'warn' | 'error'; obj: object; msg: string }[] = [];
  return {
    entries,
    warn: (obj: object, msg: string) => void entries.push({ level: 'warn', obj, msg }),
    error: (obj: object, msg: string) => void entries.push({ level: 'error', obj, msg }),
  };
}

/** A promise the test settles by hand, to hold a handler mid-run without sleeping. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each(testDialects())('job queue on $dialect', ({ open }) => {
  let t: TestDatabase;
  let log: ReturnType<typeof recordingLog>;
  beforeEach(async () => {
    t = await open();
    log = recordingLog();
  });
  afterEach(async () => t.drop());

  const worker = (handlers: Record<string, JobHandler>, extra: Partial<JobWorkerOptions> = {}) => createJobWorker({ db: t.db, handlers, log, ...extra });
  const jobs = () => t.db.selectFrom('jobs').selectAll().orderBy('created_at').orderBy('run_at').execute();
  const onlyJob = async () => {
    const rows = await jobs();
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('runs an enqueued job once, with its payload, and keeps the row as done', async () => {
    const calls: { payload: unknown; attempt: number; now: Date }[] = [];
    const w = worker({ 'mail.deliver': async (payload, { attempt, now }) => void calls.push({ payload, attempt, now }) });
    const payload = { outboxId: 'o-1', parts: [1, 'two', { three: null }] };
    expect(await enqueueJob(t.db, { kind: 'mail.deliver', payload }, T0)).toBe(true);

    expect(await w.runDue(T0)).toBe(1);
    expect(calls).toEqual([{ payload, attempt: 1, now: T0 }]);
    expect(await w.runDue(at(MINUTE))).toBe(0);
    expect(calls).toHaveLength(1);
    expect(await onlyJob()).toMatchObject({ status: 'done', attempts: 1, last_error: null, locked_by: null, locked_until: null, updated_at: T0.toISOString() });
  });

  it('enqueues a dedupe key once, even across transactions, and only when the transaction commits', async () => {
    const seen: unknown[] = [];
    const w = worker({ remind: async (payload) => void seen.push(payload) });
    expect(await enqueueJob(t.db, { kind: 'remind', payload: { n: 1 }, dedupeKey: 'remind:s1:2030-01-01' }, T0)).toBe(true);
    expect(await t.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'remind', payload: { n: 2 }, dedupeKey: 'remind:s1:2030-01-01' }, T0))).toBe(
      false,
    );
    // A refused enqueue leaves the caller's transaction usable (PostgreSQL would abort it on an error).
    await t.db.transaction().execute(async (trx) => {
      expect(await enqueueJob(trx, { kind: 'remind', payload: { n: 3 }, dedupeKey: 'remind:s1:2030-01-01' }, T0)).toBe(false);
      expect(await enqueueJob(trx, { kind: 'remind', payload: { n: 4 }, dedupeKey: 'remind:s2:2030-01-01' }, T0)).toBe(true);
    });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'remind', payload: { n: 5 }, dedupeKey: 'remind:s3:2030-01-01' }, T0);
        throw new Error('the producer changed its mind');
      }),
    ).rejects.toThrow('changed its mind');

    expect(await w.runDue(T0)).toBe(2);
    expect(seen).toEqual([{ n: 1 }, { n: 4 }]);
    // The key stays taken once the job is done: exactly once, not once at a time.
    expect(await enqueueJob(t.db, { kind: 'remind', payload: { n: 6 }, dedupeKey: 'remind:s1:2030-01-01' }, at(MINUTE))).toBe(false);
    // Jobs without a key never collide.
    expect(await enqueueJob(t.db, { kind: 'remind', payload: 7 }, T0)).toBe(true);
    expect(await enqueueJob(t.db, { kind: 'remind', payload: 7 }, T0)).toBe(true);
  });

  it('leaves a job alone until its run_at, and runs due jobs oldest first', async () => {
    const order: unknown[] = [];
    const w = worker({ note: async (payload) => void order.push(payload) });
    await enqueueJob(t.db, { kind: 'note', payload: 'in an hour', runAt: at(60 * MINUTE) }, T0);
    await enqueueJob(t.db, { kind: 'note', payload: 'in ten minutes', runAt: at(10 * MINUTE) }, T0);
    await enqueueJob(t.db, { kind: 'note', payload: 'now' }, T0);

    expect(await w.runDue(T0)).toBe(1);
    expect(await w.runDue(at(10 * MINUTE - 1))).toBe(0);
    expect(order).toEqual(['now']);
    expect(await w.runDue(at(2 * 60 * MINUTE))).toBe(2);
    expect(order).toEqual(['now', 'in ten minutes', 'in an hour']);
  });

  it('retries a failed job after the backoff, then succeeds', async () => {
    const attempts: number[] = [];
    const w = worker({
      flaky: async (_payload, { attempt }) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error(`relay refused (attempt ${attempt})`);
      },
    });
    await enqueueJob(t.db, { kind: 'flaky', payload: null }, T0);

    expect(await w.runDue(T0)).toBe(1);
    expect(await onlyJob()).toMatchObject({
      status: 'pending',
      attempts: 1,
      run_at: at(30 * SECOND).toISOString(),
      last_error: 'relay refused (attempt 1)',
      locked_by: null,
    });
    expect(await w.runDue(at(30 * SECOND - 1))).toBe(0);
    expect(await w.runDue(at(30 * SECOND))).toBe(1);
    // The second failure waits twice as long, from when it failed.
    expect(await onlyJob()).toMatchObject({ status: 'pending', attempts: 2, run_at: at(90 * SECOND).toISOString() });
    expect(await w.runDue(at(90 * SECOND - 1))).toBe(0);
    expect(await w.runDue(at(90 * SECOND))).toBe(1);
    expect(attempts).toEqual([1, 2, 3]);
    expect(await onlyJob()).toMatchObject({ status: 'done', attempts: 3, last_error: null });
    expect(log.entries.filter((e) => e.msg === 'job failed; will retry')).toHaveLength(2);
  });

  it('marks a job failed after max attempts, keeping a bounded message without the stack or the payload in the logs', async () => {
    let calls = 0;
    const w = worker({
      'mail.deliver': async () => {
        calls += 1;
        throw new Error(`550 mailbox ana@example.org unavailable ${'x'.repeat(1000)}`);
      },
    });
    await enqueueJob(t.db, { kind: 'mail.deliver', payload: { to: 'ana@example.org' }, maxAttempts: 3 }, T0);

    let now = T0;
    for (let i = 0; i < 3; i += 1) {
      expect(await w.runDue(now)).toBe(1);
      now = new Date((await onlyJob()).run_at);
    }
    expect(await w.runDue(at(24 * 60 * MINUTE))).toBe(0);
    expect(calls).toBe(3);
    const row = await onlyJob();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, max_attempts: 3, locked_by: null });
    expect(row.last_error).toHaveLength(500);
    expect(row.last_error).toMatch(/^550 mailbox/);
    expect(row.last_error).not.toContain('job-worker');

    expect(log.entries.map((e) => [e.level, e.msg])).toEqual([
      ['warn', 'job failed; will retry'],
      ['warn', 'job failed; will retry'],
      ['error', 'job failed for good'],
    ]);
    expect(log.entries[2]!.obj).toMatchObject({ jobId: row.id, kind: 'mail.deliver', attempt: 3 });
    expect(JSON.stringify(log.entries)).not.toContain('ana@example.org');
  });

  it('fails at once on a permanent error, an unknown kind or an unreadable payload', async () => {
    let calls = 0;
    const w = worker({
      'group.archive': async () => {
        calls += 1;
        throw new PermanentJobError('the group no longer exists');
      },
    });
    await enqueueJob(t.db, { kind: 'group.archive', payload: { groupId: 'g-1' } }, T0);
    await enqueueJob(t.db, { kind: 'no.such.kind', payload: {} }, at(1));
    await enqueueJob(t.db, { kind: 'toString', payload: {} }, at(2));
    await enqueueJob(t.db, { kind: 'group.archive', payload: {}, dedupeKey: 'garbled' }, at(3));
    await t.db.updateTable('jobs').set({ payload: '{not json' }).where('dedupe_key', '=', 'garbled').execute();

    expect(await w.runDue(at(MINUTE))).toBe(4);
    expect(await w.runDue(at(24 * 60 * MINUTE))).toBe(0);
    expect(calls).toBe(1);
    const rows = await t.db.selectFrom('jobs').select(['kind', 'status', 'attempts', 'last_error']).orderBy('run_at').execute();
    expect(rows).toEqual([
      { kind: 'group.archive', status: 'failed', attempts: 1, last_error: 'the group no longer exists' },
      { kind: 'no.such.kind', status: 'failed', attempts: 1, last_error: 'no handler for job kind "no.such.kind"' },
      { kind: 'toString', status: 'failed', attempts: 1, last_error: 'no handler for job kind "toString"' },
      { kind: 'group.archive', status: 'failed', attempts: 1, last_error: 'payload is not valid JSON' },
    ]);
  });

  it('never lets two workers run the same job, even when they race', async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async (payload) => {
      // Yield so the other worker's queries interleave with this one's.
      await new Promise((resolve) => setImmediate(resolve));
      const n = (payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
    };
    const a = worker({ work: handler }, { workerId: 'a' });
    const b = worker({ work: handler }, { workerId: 'b' });
    for (let n = 0; n < 20; n += 1) await enqueueJob(t.db, { kind: 'work', payload: { n } }, T0);

    const [ranByA, ranByB] = await Promise.all([a.runDue(T0), b.runDue(T0)]);
    expect(ranByA + ranByB).toBe(20);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const rows = await jobs();
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });

  it('takes over a job whose lease expired, and respects one that has not', async () => {
    const seen: { payload: unknown; attempt: number }[] = [];
    const b = worker({ work: async (payload, { attempt }) => void seen.push({ payload, attempt }) }, { workerId: 'b' });
    await enqueueJob(t.db, { kind: 'work', payload: 'abandoned', dedupeKey: 'abandoned' }, T0);
    await enqueueJob(t.db, { kind: 'work', payload: 'busy', dedupeKey: 'busy' }, T0);
    // Worker "a" claimed both and died; one lease has run out, the other still holds.
    const claimed = { status: 'running', locked_by: 'a', attempts: 1 };
    await t.db
      .updateTable('jobs')
      .set({ ...claimed, locked_until: at(-1).toISOString() })
      .where('dedupe_key', '=', 'abandoned')
      .execute();
    await t.db
      .updateTable('jobs')
      .set({ ...claimed, locked_until: at(MINUTE).toISOString() })
      .where('dedupe_key', '=', 'busy')
      .execute();

    expect(await b.runDue(T0)).toBe(1);
    expect(seen).toEqual([{ payload: 'abandoned', attempt: 2 }]);
    expect(await b.runDue(at(MINUTE))).toBe(0);
    expect(await b.runDue(at(MINUTE + 1))).toBe(1);
    expect(seen).toEqual([
      { payload: 'abandoned', attempt: 2 },
      { payload: 'busy', attempt: 2 },
    ]);
    expect((await jobs()).map((r) => [r.status, r.locked_by])).toEqual([
      ['done', null],
      ['done', null],
    ]);
  });

  it('fails a job whose lease expired on its last attempt instead of running it again', async () => {
    let calls = 0;
    const w = worker({ work: async () => void (calls += 1) });
    await enqueueJob(t.db, { kind: 'work', payload: null, maxAttempts: 2 }, T0);
    await t.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead', attempts: 2, locked_until: at(-1).toISOString() })
      .execute();

    expect(await w.runDue(T0)).toBe(1);
    expect(calls).toBe(0);
    expect(await onlyJob()).toMatchObject({ status: 'failed', attempts: 3, last_error: expect.stringMatching(/lease expired/) });
  });

  it('lets the worker that took over decide the outcome when a slow worker finishes late', async () => {
    const release = deferred();
    const startedByA = deferred();
    const slow = worker(
      {
        work: async () => {
          startedByA.resolve();
          await release.promise;
        },
      },
      { workerId: 'slow', leaseMs: SECOND },
    );
    const fast = worker({ work: async () => undefined }, { workerId: 'fast' });
    await enqueueJob(t.db, { kind: 'work', payload: null }, T0);

    const slowRun = slow.runDue(T0);
    await startedByA.promise;
    expect(await fast.runDue(at(2 * SECOND))).toBe(1);
    release.resolve();
    expect(await slowRun).toBe(1);
    expect(await onlyJob()).toMatchObject({ status: 'done', attempts: 2, updated_at: at(2 * SECOND).toISOString() });
    expect(log.entries).toEqual([{ level: 'warn', obj: expect.objectContaining({ workerId: 'slow', attempt: 1 }), msg: expect.stringMatching(/lease lost/) }]);
  });

  it('survives a restart: a new worker over the same database carries on where the old one stopped', async () => {
    const seen: [unknown, number][] = [];
    const handlers: Record<string, JobHandler> = {
      work: async (payload, { attempt }) => {
        seen.push([payload, attempt]);
        if (payload === 'flaky' && attempt === 1) throw new Error('crashed');
      },
    };
    let before: JobWorker | null = worker(handlers, { workerId: 'before-restart' });
    await enqueueJob(t.db, { kind: 'work', payload: 'flaky' }, T0);
    await enqueueJob(t.db, { kind: 'work', payload: 'later', runAt: at(MINUTE) }, T0);
    expect(await before.runDue(T0)).toBe(1);
    before = null;

    const after = worker(handlers, { workerId: 'after-restart' });
    expect(await after.runDue(at(MINUTE))).toBe(2);
    expect(seen).toEqual([
      ['flaky', 1],
      ['flaky', 2],
      ['later', 1],
    ]);
    expect((await jobs()).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('enqueues each periodic bucket once across two workers', async () => {
    let ticks = 0;
    const handlers = { 'digest.send': async () => void (ticks += 1) };
    const every = [{ kind: 'digest.send', everyMs: MINUTE }];
    const a = worker(handlers, { workerId: 'a', every });
    const b = worker(handlers, { workerId: 'b', every });

    await Promise.all([a.runDue(T0), b.runDue(T0)]);
    expect(ticks).toBe(1);
    await Promise.all([a.runDue(at(MINUTE - 1)), b.runDue(at(30 * SECOND))]);
    expect(ticks).toBe(1);
    await Promise.all([a.runDue(at(MINUTE)), b.runDue(at(MINUTE + 1))]);
    expect(ticks).toBe(2);
    const rows = await jobs();
    expect(rows.map((r) => [r.dedupe_key, r.run_at, r.status])).toEqual([
      [`digest.send:${T0.getTime() / MINUTE}`, T0.toISOString(), 'done'],
      [`digest.send:${T0.getTime() / MINUTE + 1}`, at(MINUTE).toISOString(), 'done'],
    ]);
  });

  it('prunes finished jobs older than a cut-off and keeps the rest', async () => {
    const w = worker({ work: async () => undefined, broken: async () => Promise.reject(new PermanentJobError('no')) });
    await enqueueJob(t.db, { kind: 'work', payload: 'old' }, T0);
    await enqueueJob(t.db, { kind: 'broken', payload: 'old failure' }, T0);
    await w.runDue(T0);
    await enqueueJob(t.db, { kind: 'work', payload: 'recent' }, at(MINUTE));
    await w.runDue(at(MINUTE));
    await enqueueJob(t.db, { kind: 'work', payload: 'waiting', runAt: at(60 * MINUTE) }, T0);

    expect(await deleteFinishedJobs(t.db, at(1))).toBe(1);
    expect((await jobs()).map((r) => [r.payload, r.status])).toEqual([
      ['"old failure"', 'failed'],
      ['"waiting"', 'pending'],
      ['"recent"', 'done'],
    ]);
  });

  it('polls in the background once started, and leaves no timer behind when stopped', async () => {
    const pollMs = 7;
    const live = new Set<unknown>();
    let scheduled = 0;
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    // Track only the worker's timers (its delay is pollMs); the database drivers keep their own.
    const setSpy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      if (ms !== pollMs) return realSetTimeout(fn, ms, ...args);
      scheduled += 1;
      const handle = realSetTimeout(() => {
        live.delete(handle);
        fn(...args);
      }, ms);
      live.add(handle);
      return handle;
    }) as typeof setTimeout);
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((handle?: NodeJS.Timeout) => {
      live.delete(handle);
      realClearTimeout(handle);
    }) as typeof clearTimeout);
    try {
      let ran = false;
      // Polling reads the worker's clock: the job is due at its time, whenever the suite runs.
      const clock = fixedClock('2027-03-01T09:00:00Z');
      const w = worker({ work: async () => void (ran = true) }, { pollMs, clock });
      w.start();
      w.start();
      await enqueueJob(t.db, { kind: 'work', payload: null }, clock.now());
      await vi.waitFor(() => expect(ran).toBe(true));
      await vi.waitFor(() => expect(live.size).toBe(1));
      await w.stop();
      expect(live.size).toBe(0);
      expect(scheduled).toBeGreaterThan(0);
      expect((await onlyJob()).status).toBe('done');
      // Stopping twice is harmless, and the worker can still be driven by hand.
      await w.stop();
      await enqueueJob(t.db, { kind: 'work', payload: null, dedupeKey: 'by-hand' }, clock.now());
      expect(await w.runDue()).toBe(1);
      expect(live.size).toBe(0);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });

  it('waits for a running handler when stopped', async () => {
    const clock = fixedClock('2027-03-01T09:00:00Z');
    const release = deferred();
    const started = deferred();
    const w = worker(
      {
        work: async () => {
          started.resolve();
          await release.promise;
        },
      },
      { pollMs: 5, clock },
    );
    await enqueueJob(t.db, { kind: 'work', payload: null }, clock.now());
    await enqueueJob(t.db, { kind: 'work', payload: null }, clock.now());
    w.start();
    await started.promise;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    // The running job finished; the other was left for the next worker.
    expect((await jobs()).map((r) => r.status).sort()).toEqual(['done', 'pending']);
  });
});
