import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';

/**
 * The durable job queue lives in the application's own database (the `jobs` table), so the
 * embedded SQLite install needs nothing else and a PostgreSQL deployment gets the same
 * behaviour. Producers only see `enqueueJob`; the worker side is in job-worker.ts. Both are
 * small on purpose so that pg-boss could replace them behind the same names.
 *
 * Row life cycle: pending → running (leased to one worker) → done | pending (retry later) |
 * failed. Instants are ISO 8601 UTC strings, which sort correctly as text on both engines.
 */

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface NewJob {
  /** Which handler runs it, e.g. `mail.deliver`. */
  kind: string;
  /** Stored as JSON. Never logged, but it is readable in the table: prefer ids to personal data. */
  payload: unknown;
  /** Not before this instant; defaults to `now`. */
  runAt?: Date;
  /** At most one job ever exists per key (done and failed rows keep theirs). */
  dedupeKey?: string;
  /** Attempts before the job is marked failed; defaults to 5. */
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Enqueues inside the caller's transaction or db; returns false when a job with the same
 * dedupeKey already exists (exactly-once enqueueing). `now` is the caller's clock: the job
 * is due from then unless it says `runAt`.
 */
export async function enqueueJob(db: Db, job: NewJob, now: Date): Promise<boolean> {
  return (await enqueueJobs(db, [job], now)) === 1;
}

// Rows per INSERT in enqueueJobs: 13 parameters each stays far below SQLite's and
// PostgreSQL's bound-parameter limits.
const ENQUEUE_BATCH = 1000;

/**
 * Enqueues many jobs with one INSERT per thousand (fan-out: a mail per recipient), inside the
 * caller's transaction or db; returns how many were new (dedupe keys already taken are skipped).
 */
export async function enqueueJobs(db: Db, jobs: NewJob[], now: Date): Promise<number> {
  const stamp = now.toISOString();
  const rows = jobs.map((job) => {
    if (!job.kind) throw new RangeError('A job needs a kind');
    const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
    return {
      id: randomUUID(),
      kind: job.kind,
      // `undefined` has no JSON form and the column is NOT NULL.
      payload: JSON.stringify(job.payload ?? null),
      dedupe_key: job.dedupeKey ?? null,
      status: 'pending' satisfies JobStatus,
      run_at: (job.runAt ?? now).toISOString(),
      attempts: 0,
      max_attempts: maxAttempts,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: stamp,
      updated_at: stamp,
    };
  });
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ENQUEUE_BATCH) {
    // ON CONFLICT DO NOTHING rather than catching the unique violation: on PostgreSQL a failed
    // statement aborts the caller's whole transaction, and the producer usually wants its own
    // writes kept whether or not the job was already queued.
    const result = await db
      .insertInto('jobs')
      .values(rows.slice(start, start + ENQUEUE_BATCH))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * Deletes jobs that finished successfully before `before`; returns how many. Frees their
 * dedupe keys, so only prune past the window in which a producer could enqueue the same key
 * again (periodic buckets are always in the past, so they are safe).
 */
export async function deleteFinishedJobs(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done' satisfies JobStatus)
    .where('updated_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
