/**
 * Issue "Between sessions": fan-out of one post to 10,000 e-mail members into a local SMTP
 * sink, through the durable outbox (sendMany, then the job worker draining mail.deliver),
 * against the sink's raw intake from a plain pooled nodemailer loop sending the same
 * messages in the same run. Messages per second, and the ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { migrateToLatest, openDatabase } from '../src/server/platform/db/database.ts';
import { createJobWorker } from '../src/server/platform/jobs/job-worker.ts';
import { mailingListHeaders } from '../src/server/platform/mail/list-headers.ts';
import { createMailer, MAIL_CONCURRENCY, noDelaySocket, type Mailer, type OutgoingMail } from '../src/server/platform/mail/mailer.ts';
import { escapeHtml } from '../src/server/platform/mail/render.ts';
import { startSmtpSink } from '../src/server/platform/mail/smtp-sink.test-support.ts';
import type { BenchResult } from './harness.ts';

const RECIPIENTS = 10_000;
const POOL = 5;
const silent = { warn: () => undefined, error: () => undefined, info: () => undefined };

/** The mail one member gets for a new post (what the discussions fan-out produces). */
function postMail(i: number): OutgoingMail {
  const body = 'Thank you all for Thursday. I wanted to share what helped me this week: taking ten minutes for myself before visiting my father.';
  return {
    to: `member${i}@example.org`,
    kind: 'discussion.post',
    subject: '[Carers] After Thursday’s meeting',
    text: `${body}\n\n-- \nReply to this e-mail to answer the group.\n`,
    html: `<!doctype html><html lang="en"><body><p>${escapeHtml(body)}</p></body></html>`,
    fromName: 'Zoé',
    replyTo: `reply+r${i}.signaturesignature12@entraide.test`,
    messageId: `c1.u${i}@entraide.test`,
    inReplyTo: 't1@entraide.test',
    references: ['t1@entraide.test'],
    headers: mailingListHeaders({ id: 'carers.entraide.test', name: 'Carers', unsubscribeUrl: `https://entraide.test/u/m${i}.sig` }),
    recipientId: `u${i}`,
    groupId: 'g1',
    subjectId: 'c1',
    dedupeKey: `post:c1:u${i}`,
  };
}

/** The step the discussions fan-out will replace: queue one post's mail for every recipient. */
export async function enqueueFanOut(mailer: Mailer, recipients: number): Promise<number> {
  return mailer.sendMany(Array.from({ length: recipients }, (_, i) => postMail(i)));
}

async function baseline(): Promise<number> {
  const sink = await startSmtpSink({ keep: false });
  // The same socket setting as the mailer's (TCP_NODELAY): without it both would wait ~40 ms
  // per message on delayed ACKs and measure the kernel, not the sink.
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true, pool: true, maxConnections: POOL, maxMessages: Infinity, getSocket: noDelaySocket });
  const mails = Array.from({ length: RECIPIENTS }, (_, i) => postMail(i));
  const start = process.hrtime.bigint();
  await Promise.all(
    mails.map((m) =>
      transport.sendMail({
        from: { name: `${m.fromName} via Entraide`, address: 'no-reply@entraide.test' },
        to: m.to,
        replyTo: m.replyTo,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<${m.messageId}>`,
        inReplyTo: `<${m.inReplyTo}>`,
        references: m.references!.map((r) => `<${r}>`),
        headers: m.headers,
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  transport.close();
  await sink.close();
  if (sink.accepted !== RECIPIENTS) throw new Error(`baseline: the sink got ${sink.accepted} of ${RECIPIENTS}`);
  return seconds;
}

async function throughOutbox(): Promise<{ seconds: number; enqueueSeconds: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-bench-'));
  const database = openDatabase({ url: null, sqliteFile: path.join(dir, 'bench.sqlite') });
  const sink = await startSmtpSink({ keep: false });
  try {
    await migrateToLatest(database);
    // A guard that lets everyone through: the membership check app.ts wires adds one indexed read per message.
    const mailer = createMailer({ db: database.db, smtpUrl: sink.url, from: 'Entraide <no-reply@entraide.test>', domain: 'entraide.test', log: silent, isDeliverable: async () => true, maxConnections: POOL });
    const worker = createJobWorker({ db: database.db, handlers: mailer.handlers, log: silent, concurrency: MAIL_CONCURRENCY });
    const start = process.hrtime.bigint();
    const queued = await enqueueFanOut(mailer, RECIPIENTS);
    const enqueued = process.hrtime.bigint();
    await worker.runDue();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await mailer.close();
    const sent = await database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    if (queued !== RECIPIENTS || Number(sent.n) !== RECIPIENTS || sink.accepted !== RECIPIENTS) {
      throw new Error(`outbox: queued ${queued}, sent ${sent.n}, the sink got ${sink.accepted} of ${RECIPIENTS}`);
    }
    return { seconds, enqueueSeconds: Number(enqueued - start) / 1e9 };
  } finally {
    await sink.close();
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const plain = await baseline();
  const ours = await throughOutbox();
  const rate = (seconds: number) => Math.round(RECIPIENTS / seconds).toLocaleString('en');
  return [
    {
      name: `mail fan-out: one post to ${RECIPIENTS.toLocaleString('en')} members through the outbox into a local SMTP sink`,
      figure: `${rate(ours.seconds)} messages/s (${ours.seconds.toFixed(1)} s: ${ours.enqueueSeconds.toFixed(2)} s to queue, the rest to deliver; SQLite file, ${MAIL_CONCURRENCY} jobs at once, ${POOL} SMTP connections)`,
      baseline: `${rate(plain)} messages/s plain pooled nodemailer loop (${plain.toFixed(1)} s, ${POOL} connections)`,
      // Time per message against the baseline's: how many times slower the durable path is.
      ratio: ours.seconds / plain,
    },
  ];
}
