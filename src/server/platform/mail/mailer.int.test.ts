import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects, type TestDatabase } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../clock.ts';
import { enqueueJobs } from '../jobs/job-queue.ts';
import { createJobWorker, type JobWorker } from '../jobs/job-worker.ts';
import { mailingListHeaders, notificationHeaders } from './list-headers.ts';
import type { DeliveryTarget } from './mail-delivery.ts';
import { createMailer, type Mailer, type MailerOptions } from './mailer.ts';
import { MAIL_DELIVER, MAIL_MAX_ATTEMPTS, type OutgoingMail } from './outbox-writer.ts';
import { headerOf, startSmtpSink, type SinkOptions, type SmtpSink } from './smtp-sink.test-support.ts';

const SECOND = 1000;
// The outbox rows and their jobs are stamped by this clock; the worker runs at instants after it.
const START = '2027-03-01T09:00:00Z';
const HOUR = 3_600_000;

function recordingLog() {
  const entries: { obj: object; msg: string }[] = [];
  const record = (obj: object, msg: string) => void entries.push({ obj, msg });
  return { entries, warn: record, error: record, info: record };
}

let counter = 0;
function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  counter += 1;
  return {
    to: `member${counter}@example.org`,
    kind: 'discussion.post',
    subject: `Subject ${counter}`,
    text: `Hello ${counter}`,
    html: `<p>Hello ${counter}</p>`,
    ...overrides,
  };
}

describe.each(testDialects())('mailer on $dialect', ({ open }) => {
  let db: TestDatabase;
  let sink: SmtpSink | null;
  let mailers: Mailer[];
  let log: ReturnType<typeof recordingLog>;
  let T0: Date;
  let clock: ReturnType<typeof fixedClock>;
  const at = (ms: number) => new Date(T0.getTime() + ms);

  beforeEach(async () => {
    db = await open();
    sink = null;
    mailers = [];
    log = recordingLog();
    clock = fixedClock(START);
    // Every job's run_at is the clock's time: due at T0.
    T0 = clock.now();
  });
  afterEach(async () => {
    for (const m of mailers) await m.close();
    await sink?.close();
    await db.drop();
  });

  async function withSink(
    options: SinkOptions = {},
    mailerOptions: Partial<MailerOptions> = {},
  ): Promise<{ mailer: Mailer; worker: JobWorker; sink: SmtpSink }> {
    sink = await startSmtpSink(options);
    const mailer = createMailer({
      db: db.db,
      smtpUrl: sink.url,
      from: 'Entraide <no-reply@entraide.test>',
      domain: 'entraide.test',
      log,
      clock,
      ...mailerOptions,
    });
    mailers.push(mailer);
    const worker = createJobWorker({ db: db.db, handlers: mailer.handlers, log, concurrency: 4 });
    return { mailer, worker, sink };
  }
  const rows = () => db.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();
  const onlyRow = async () => {
    const all = await rows();
    expect(all).toHaveLength(1);
    return all[0]!;
  };

  it('keeps mail local without a relay: status local, no job', async () => {
    const mailer = createMailer({ db: db.db, smtpUrl: null, from: 'Entraide <no-reply@entraide.test>', log, clock });
    mailers.push(mailer);
    expect(await mailer.send(mail({ dedupeKey: 'k:1' }))).toBe(true);
    expect(await mailer.send(mail({ dedupeKey: 'k:1' }))).toBe(false);
    expect(await mailer.sendMany([mail(), mail({ dedupeKey: 'k:1' })])).toBe(1);
    expect((await rows()).map((r) => r.status)).toEqual(['local', 'local']);
    expect(await db.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('delivers with the headers given: From "Name via Entraide", Reply-To, threading, list headers, loop marker, one recipient per message', async () => {
    const { mailer, worker, sink } = await withSink();
    const headers = {
      ...mailingListHeaders({
        id: 'carers.entraide.test',
        name: 'Carers',
        unsubscribeUrl: 'https://entraide.test/u/abc.def',
        postAddress: 'carers@entraide.test',
        archiveUrl: 'https://entraide.test/groups/carers',
      }),
      ...notificationHeaders(),
    };
    const sent = await mailer.sendMany([
      mail({
        to: 'ann@example.org',
        fromName: 'Zoé « Z » O’Neil',
        replyTo: 'reply+tok.sig@entraide.test',
        messageId: 'c1.u1@entraide.test',
        inReplyTo: '<t1@entraide.test>',
        references: ['t1@entraide.test', 'c0@entraide.test'],
        headers,
        recipientId: 'u1',
        groupId: 'g1',
        dedupeKey: 'post:c1:u1',
      }),
      mail({ to: 'bob@example.org', fromName: 'Zoé', fromAddress: 'carers@entraide.test', dedupeKey: 'post:c1:u2' }),
    ]);
    expect(sent).toBe(2);
    // One mail.deliver job carries both.
    expect(await worker.runDue(T0)).toBe(1);
    expect(sink.messages).toHaveLength(2);
    for (const m of sink.messages) expect(m.rcptTo).toHaveLength(1);
    const first = sink.messages.find((m) => m.rcptTo[0] === 'ann@example.org')!;
    const parsed = await simpleParser(first.raw);
    expect(parsed.from?.value[0]).toEqual({ name: 'Zoé « Z » O’Neil via Entraide', address: 'no-reply@entraide.test' });
    expect(parsed.replyTo?.value[0]?.address).toBe('reply+tok.sig@entraide.test');
    expect(headerOf(first.raw, 'Message-ID')).toBe('<c1.u1@entraide.test>');
    expect(headerOf(first.raw, 'In-Reply-To')).toBe('<t1@entraide.test>');
    expect(headerOf(first.raw, 'References')).toBe('<t1@entraide.test> <c0@entraide.test>');
    expect(headerOf(first.raw, 'List-Id')).toBe('"Carers" <carers.entraide.test>');
    expect(headerOf(first.raw, 'List-Unsubscribe')).toBe('<https://entraide.test/u/abc.def>');
    expect(headerOf(first.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(first.raw, 'List-Post')).toBe('<mailto:carers@entraide.test>');
    expect(headerOf(first.raw, 'Precedence')).toBe('list');
    expect(headerOf(first.raw, 'Auto-Submitted')).toBe('auto-generated');
    expect(headerOf(first.raw, 'X-Entraide-Loop')).toBe('entraide.test');
    const second = await simpleParser(sink.messages.find((m) => m.rcptTo[0] === 'bob@example.org')!.raw);
    expect(second.from?.value[0]).toEqual({ name: 'Zoé via Entraide', address: 'carers@entraide.test' });
    // Generated Message-IDs are fixed at insertion, so a retry would carry the same one.
    const row = (await rows()).find((r) => r.to_address === 'bob@example.org')!;
    expect(second.messageId).toBe(`<${row.message_id}>`);
    expect((await rows()).map((r) => [r.status, r.attempts, r.error])).toEqual([
      ['sent', 1, null],
      ['sent', 1, null],
    ]);
  });

  it('never lets a caller inject headers through names, subjects or header values', async () => {
    const { mailer, worker, sink } = await withSink();
    await mailer.send(
      mail({ fromName: 'Eve\r\nBcc: victim@example.org', subject: 'Hi\r\nBcc: victim@example.org', headers: { 'X-Note': 'a\r\nBcc: victim@example.org' } }),
    );
    await worker.runDue(T0);
    const raw = sink.messages[0]!.raw;
    const head = raw.split(/\r?\n\r?\n/, 1)[0]!;
    expect(head).not.toMatch(/^Bcc:/im);
    expect(sink.messages[0]!.rcptTo).toHaveLength(1);
    await expect(mailer.send(mail({ headers: { 'Reply-To': 'x@example.org' } }))).rejects.toThrow(RangeError);
    await expect(mailer.send(mail({ headers: { 'Bad Name': 'x' } }))).rejects.toThrow(RangeError);
    await expect(mailer.send(mail({ messageId: 'no at sign' }))).rejects.toThrow(RangeError);
  });

  it('retries a temporary failure (451) with backoff, then sends once', async () => {
    const { mailer, worker, sink } = await withSink({ reply: (n) => (n === 1 ? 451 : null) });
    await mailer.send(mail({ dedupeKey: 'post:p1:u1' }));
    expect(await worker.runDue(T0)).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect((await onlyRow()).error).toMatch(/451/);
    // Not before the backoff.
    expect(await worker.runDue(at(10 * SECOND))).toBe(0);
    expect(await worker.runDue(at(31 * SECOND))).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(sink.attempts).toBe(2);
    expect(sink.messages).toHaveLength(1);
    expect(await worker.runDue(at(HOUR))).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it('fails a permanent failure (550) at once, with the reason and without the address', async () => {
    const { mailer, worker, sink } = await withSink({ reply: () => 550 });
    await mailer.send(mail({ to: 'nobody@example.org' }));
    expect(await worker.runDue(T0)).toBe(1);
    const row = await onlyRow();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
    expect(row.error).toMatch(/550/);
    expect(row.error).not.toContain('nobody@example.org');
    // The job did its work: the outcome is the row's.
    expect(await db.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow()).toMatchObject({ kind: MAIL_DELIVER, status: 'done' });
    expect(JSON.stringify(log.entries)).not.toContain('@example.org');
    expect(sink.messages).toHaveLength(0);
    expect(await worker.runDue(at(2 * HOUR))).toBe(0);
  });

  it('fails after exhausting its retries on temporary failures', async () => {
    const { mailer, worker, sink } = await withSink({ reply: () => 421 });
    await mailer.send(mail());
    let now = T0;
    for (let i = 0; i < MAIL_MAX_ATTEMPTS + 2; i++) {
      await worker.runDue(now);
      now = new Date(now.getTime() + 2 * HOUR);
    }
    expect(sink.attempts).toBe(MAIL_MAX_ATTEMPTS);
    expect(await onlyRow()).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
  });

  it('retries when the relay cannot be reached', async () => {
    const { mailer, worker, sink } = await withSink();
    await sink.close();
    await mailer.send(mail());
    expect(await worker.runDue(T0)).toBe(1);
    expect(await onlyRow()).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await onlyRow()).error).toBeTruthy();
  });

  it('delivers each message exactly once when two workers race', async () => {
    const { mailer, sink } = await withSink();
    const other = createMailer({ db: db.db, smtpUrl: sink.url, from: 'Entraide <no-reply@entraide.test>', log, clock });
    mailers.push(other);
    const a = createJobWorker({ db: db.db, handlers: mailer.handlers, log, concurrency: 3, workerId: 'a' });
    const b = createJobWorker({ db: db.db, handlers: other.handlers, log, concurrency: 3, workerId: 'b' });
    // 40 single sends (a job each) and a fan-out of 120 (three jobs of up to 50)…
    for (let i = 0; i < 40; i++) await mailer.send(mail({ dedupeKey: `post:race:${i}` }));
    expect(await mailer.sendMany(Array.from({ length: 120 }, (_, i) => mail({ dedupeKey: `post:race-many:${i}` })))).toBe(120);
    const count = 160;
    // …and, as if a job had been doubled, a second job for every row of the fan-out: only
    // the rows' own claim stands between those and a duplicate.
    const fanOut = await db.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', 'post:race-many:%').execute();
    await enqueueJobs(db.db, [{ kind: MAIL_DELIVER, payload: { outboxIds: fanOut.map((r) => r.id) } }], T0);
    const [ranA, ranB] = await Promise.all([a.runDue(T0), b.runDue(T0)]);
    expect(ranA + ranB).toBe(40 + 3 + 1);
    expect(sink.messages).toHaveLength(count);
    const ids = sink.messages.map((m) => headerOf(m.raw, 'Message-ID'));
    expect(new Set(ids).size).toBe(count);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('leaves a message another attempt holds alone, and takes it over once that lease expired', async () => {
    const { mailer, worker, sink } = await withSink({}, { sendLeaseMs: 60 * SECOND });
    await mailer.send(mail());
    const { id } = await onlyRow();
    // As if a worker had claimed it and were still talking to SMTP…
    await db.db
      .updateTable('outbox')
      .set({ status: 'sending', attempts: 1, locked_until: at(60 * SECOND).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await worker.runDue(T0)).toBe(1);
    expect(sink.attempts).toBe(0);
    expect(await onlyRow()).toMatchObject({ status: 'sending', attempts: 1 });
    // …then died: after its lease the message goes out (at least once, same Message-ID).
    expect(await worker.runDue(at(2 * 60 * SECOND))).toBe(1);
    expect(sink.messages).toHaveLength(1);
    expect(await onlyRow()).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends nothing to a recipient the guard refuses, nor after revokePending', async () => {
    const asked: DeliveryTarget[] = [];
    const removed = new Set<string>(['u-gone']);
    const { mailer, worker, sink } = await withSink(
      {},
      {
        isDeliverable: async (target) => {
          asked.push(target);
          return !removed.has(target.recipientId ?? '');
        },
      },
    );
    await mailer.sendMany([
      mail({ recipientId: 'u-gone', groupId: 'g1', subjectId: 'c1', dedupeKey: 'post:c1:u-gone' }),
      mail({ recipientId: 'u-banned', groupId: 'g1', dedupeKey: 'post:c1:u-banned' }),
      mail({ recipientId: 'u-banned', groupId: 'g2', dedupeKey: 'post:c9:u-banned' }),
      mail({ recipientId: 'u-ok', groupId: 'g1', dedupeKey: 'post:c1:u-ok' }),
      mail({ kind: 'password-reset' }),
    ]);
    expect(await db.db.transaction().execute((trx) => mailer.revokePending({ recipientId: 'u-banned', groupId: 'g1' }, { db: trx }))).toBe(1);
    expect(await worker.runDue(T0)).toBe(1);
    expect(sink.messages.map((m) => m.rcptTo[0])).toHaveLength(3);
    const byKey = new Map((await rows()).map((r) => [r.dedupe_key, r]));
    expect(byKey.get('post:c1:u-gone')).toMatchObject({ status: 'revoked' });
    expect(byKey.get('post:c1:u-banned')).toMatchObject({ status: 'revoked' });
    expect(byKey.get('post:c9:u-banned')).toMatchObject({ status: 'sent' });
    expect(byKey.get('post:c1:u-ok')).toMatchObject({ status: 'sent' });
    expect(asked).toContainEqual({ recipientId: 'u-gone', groupId: 'g1', kind: 'discussion.post', subjectId: 'c1' });
    // Mail without a recipient or a group (a password reset) is not asked about.
    expect(asked.every((a) => a.recipientId !== null)).toBe(true);
  });

  it('gives the row back when the guard itself fails, and retries', async () => {
    let fail = true;
    const { mailer, worker, sink } = await withSink({}, { isDeliverable: async () => (fail ? Promise.reject(new Error('database away')) : true) });
    await mailer.send(mail({ recipientId: 'u1', groupId: 'g1' }));
    await worker.runDue(T0);
    expect(await onlyRow()).toMatchObject({ status: 'queued' });
    fail = false;
    await worker.runDue(at(31 * SECOND));
    expect(await onlyRow()).toMatchObject({ status: 'sent' });
    expect(sink.messages).toHaveLength(1);
  });

  it('fans out in batches: one row and one job per recipient, duplicates once', async () => {
    const { mailer } = await withSink();
    const list = Array.from({ length: 1234 }, (_, i) => mail({ dedupeKey: `post:big:${i % 1200}` }));
    expect(await mailer.sendMany(list)).toBe(1200);
    expect(await mailer.sendMany(list.slice(0, 10))).toBe(0);
    const [outbox, jobs] = await Promise.all([
      db.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
      db.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('kind', '=', MAIL_DELIVER)
        .executeTakeFirstOrThrow(),
    ]);
    expect(Number(outbox.n)).toBe(1200);
    // Up to 50 rows per job, each row in exactly one job.
    const payloads = await db.db.selectFrom('jobs').select('payload').where('kind', '=', MAIL_DELIVER).execute();
    const ids = payloads.flatMap((p) => (JSON.parse(p.payload) as { outboxIds: string[] }).outboxIds);
    expect(Number(jobs.n)).toBe(24);
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
    expect(payloads.every((p) => (JSON.parse(p.payload) as { outboxIds: string[] }).outboxIds.length <= 50)).toBe(true);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const { mailer } = await withSink();
    await expect(
      db.db.transaction().execute(async (trx) => {
        await mailer.sendMany([mail(), mail()], { db: trx });
        throw new Error('the post was not saved');
      }),
    ).rejects.toThrow('not saved');
    expect(await rows()).toEqual([]);
    expect(await db.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });
});
