import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/database.ts';
import { systemClock, type Clock } from '../clock.ts';
import { enqueueJob, type JobStatus } from './job-queue.ts';

export type JobHandler = (payload: unknown, context: { jobId: string; attempt: number; now: Date }) => Promise<void>;

export interface JobWorker {
  /**
   * Enqueues the current bucket of each `every` entry, then claims and runs due jobs until
   * none is due (or `stop()` is called); returns how many jobs it settled (done, retried or
   * failed). Tests call this directly with a fixed `now`; without one, the clock is read
   * afresh for each claim and each outcome.
   */
  runDue(now?: Date): Promise<number>;
  /** Polls every `pollMs` (default 1000) in the background; also schedules each `every` entry. */
  start(): void;
  /** Stops polling and waits for running handlers (each run stops after its current job). */
  stop(): Promise<void>;
}

export interface JobWorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  /** Written to `locked_by`; must differ between workers. Defaults to host:pid:random. */
  workerId?: string;
  /** How long a claim holds before another worker may take the job over; default 5 min. */
  leaseMs?: number;
  pollMs?: number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Periodic jobs: each tick enqueues { kind } with dedupeKey `${kind}:${Math.floor(now/everyMs)}` so two workers never double it. */
  every?: { kind: string; everyMs: number; maxAttempts?: number }[];
  /**
   * Jobs run at once by this worker (default 1). Handlers wait mostly on I/O (an SMTP relay):
   * a few in parallel drain a fan-out of thousands of mails many times faster. Each job is
   * still claimed by one conditional UPDATE, so this is no different from running more workers.
   */
  concurrency?: number;
  /** The time jobs are due and run by when `runDue` is not given one; the system clock by default. */
  clock?: Clock;
}

/** A handler throws this when retrying cannot help (the subject is gone, the input is invalid). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_POLL_MS = 1000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 500;
// Candidates read per query and per lane; each is still claimed one at a time.
const CLAIM_BATCH = 10;
const MAX_CONCURRENCY = 64;

/** Delay before retrying after failed attempt number `attempt` (1-based): 30 s doubling, capped at 1 h. */
export function retryDelayMs(attempt: number): number {
  // Math.min before the power keeps huge attempt counts from reaching Infinity arithmetic.
  const exponent = Math.min(Math.max(attempt, 1) - 1, 20);
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, MAX_RETRY_MS);
}

/** The dedupe key of a periodic job's bucket containing `now`. */
export function periodicDedupeKey(kind: string, everyMs: number, now: Date): string {
  return `${kind}:${Math.floor(now.getTime() / everyMs)}`;
}

/** What goes into `last_error`: the message only (stacks name files, not causes), bounded. */
function errorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message || (err instanceof Error ? err.name : 'unknown error')).slice(0, MAX_ERROR_LENGTH);
}

interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

type Outcome = { status: 'done' } | { status: 'pending'; runAt: Date; error: string } | { status: 'failed'; error: string };

/** Creates a worker over the `jobs` table; nothing runs until `runDue()` or `start()`. */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, handlers, log } = options;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const every = options.every ?? [];
  const concurrency = options.concurrency ?? 1;
  if (!(leaseMs > 0 && Number.isFinite(leaseMs))) throw new RangeError('leaseMs must be a positive number');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new RangeError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  if (!(pollMs > 0 && Number.isFinite(pollMs))) throw new RangeError('pollMs must be a positive number');
  for (const entry of every) {
    if (!(entry.everyMs > 0 && Number.isFinite(entry.everyMs))) throw new RangeError(`everyMs of ${entry.kind} must be a positive number`);
  }

  // `stops` lets runs that were going when stop() was called finish their current job and
  // return; runs started afterwards are unaffected. `generation` keeps a start/stop/start
  // sequence from leaving two polling chains behind.
  let stops = 0;
  let generation = 0;
  let polling = false;
  let timer: NodeJS.Timeout | null = null;
  let currentTick: Promise<void> | null = null;
  const inFlight = new Set<Promise<number>>();

  async function enqueuePeriodic(now: Date): Promise<void> {
    for (const entry of every) {
      const bucket = Math.floor(now.getTime() / entry.everyMs);
      await enqueueJob(
        db,
        {
          kind: entry.kind,
          payload: null,
          runAt: new Date(bucket * entry.everyMs),
          dedupeKey: periodicDedupeKey(entry.kind, entry.everyMs, now),
          ...(entry.maxAttempts ? { maxAttempts: entry.maxAttempts } : {}),
        },
        now,
      );
    }
  }

  function selectDue(now: string) {
    return db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]),
      )
      .orderBy('run_at')
      .orderBy('created_at')
      .limit(CLAIM_BATCH * concurrency)
      .execute();
  }

  /**
   * One conditional UPDATE, so whichever worker's statement lands first owns the job: the
   * other's WHERE no longer matches (PostgreSQL re-checks it on the updated row; SQLite runs
   * statements one at a time). RETURNING gives the attempt number exactly as written, which
   * is the fencing token for settling.
   */
  function claim(id: string, now: Date): Promise<ClaimedJob | undefined> {
    const stamp = now.toISOString();
    return db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running' satisfies JobStatus,
        locked_by: workerId,
        locked_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        updated_at: stamp,
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', stamp)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', stamp)])]),
      )
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .executeTakeFirst();
  }

  async function decide(job: ClaimedJob, now: Date, clock: () => Date): Promise<Outcome> {
    const attempt = job.attempts;
    if (attempt > job.max_attempts) {
      // Only reachable by taking over an expired lease on the last attempt: the previous
      // worker died (or the handler outlived its lease) as many times as we allow.
      return { status: 'failed', error: 'lease expired during the last attempt (worker stopped or handler outlived its lease)' };
    }
    // hasOwn: a kind such as `toString` must not find Object.prototype's.
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    if (!handler) return { status: 'failed', error: `no handler for job kind "${job.kind}"`.slice(0, MAX_ERROR_LENGTH) };
    let payload: unknown;
    try {
      payload = JSON.parse(job.payload);
    } catch {
      return { status: 'failed', error: 'payload is not valid JSON' };
    }
    try {
      await handler(payload, { jobId: job.id, attempt, now });
      return { status: 'done' };
    } catch (err) {
      const error = errorMessage(err);
      if (err instanceof PermanentJobError || attempt >= job.max_attempts) return { status: 'failed', error };
      return { status: 'pending', runAt: new Date(clock().getTime() + retryDelayMs(attempt)), error };
    }
  }

  async function settle(job: ClaimedJob, outcome: Outcome, now: Date): Promise<void> {
    const base = { status: outcome.status, locked_by: null, locked_until: null, updated_at: now.toISOString() };
    const values =
      outcome.status === 'done'
        ? { ...base, last_error: null }
        : outcome.status === 'pending'
          ? { ...base, run_at: outcome.runAt.toISOString(), last_error: outcome.error }
          : { ...base, last_error: outcome.error };
    // Only while we still hold the lease on this very attempt: if it expired and another
    // worker took the job over, its outcome is the one that counts.
    const result = await db
      .updateTable('jobs')
      .set(values)
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .where('attempts', '=', job.attempts)
      .executeTakeFirst();
    // Payloads and error messages stay out of the logs (they may hold addresses); the row
    // keeps the message for whoever inspects the table.
    const about = { jobId: job.id, kind: job.kind, attempt: job.attempts, workerId };
    if (Number(result.numUpdatedRows) !== 1) {
      log.warn(about, 'job lease lost before the job finished; another worker took it over');
    } else if (outcome.status === 'pending') {
      log.warn({ ...about, retryAt: outcome.runAt.toISOString() }, 'job failed; will retry');
    } else if (outcome.status === 'failed') {
      log.error(about, 'job failed for good');
    }
  }

  async function drain(fixedNow: Date | undefined, stopsAtStart: number): Promise<number> {
    const clock = () => fixedNow ?? (options.clock ?? systemClock).now();
    await enqueuePeriodic(clock());
    let settled = 0;
    while (stops === stopsAtStart) {
      const candidates = await selectDue(clock().toISOString());
      if (candidates.length === 0) break;
      // `concurrency` lanes take the candidates in order from one shared cursor.
      let next = 0;
      const lane = async (): Promise<void> => {
        while (stops === stopsAtStart && next < candidates.length) {
          const { id } = candidates[next++]!;
          const claimedAt = clock();
          // Another worker may have claimed it since the select: then it is simply not ours.
          const job = await claim(id, claimedAt);
          if (!job) continue;
          const outcome = await decide(job, claimedAt, clock);
          await settle(job, outcome, clock());
          settled += 1;
        }
      };
      // allSettled: a lane's database error must not leave the other lanes running unobserved.
      const lanes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, candidates.length) }, lane));
      const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return settled;
  }

  function runDue(now?: Date): Promise<number> {
    const run = drain(now, stops);
    inFlight.add(run);
    const forget = () => inFlight.delete(run);
    // Two callbacks rather than finally(): a derived promise would reject unobserved.
    run.then(forget, forget);
    return run;
  }

  async function tick(myGeneration: number): Promise<void> {
    try {
      await runDue();
    } catch (err) {
      // A database outage: keep polling, the next tick may succeed.
      log.error({ workerId, error: errorMessage(err) }, 'job poll failed');
    }
    if (polling && generation === myGeneration) {
      timer = setTimeout(() => {
        timer = null;
        currentTick = tick(myGeneration);
      }, pollMs);
    }
  }

  return {
    runDue,
    start() {
      if (polling) return;
      polling = true;
      generation += 1;
      currentTick = tick(generation);
    },
    async stop() {
      polling = false;
      generation += 1;
      stops += 1;
      if (timer) clearTimeout(timer);
      timer = null;
      await Promise.allSettled([...inFlight, ...(currentTick ? [currentTick] : [])]);
    },
  };
}
