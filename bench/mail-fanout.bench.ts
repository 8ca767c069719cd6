/**
 * Issue "Between sessions": fan-out of one post to 10,000 e-mail members into a local SMTP
 * sink, from the API through the discussions fan-out and the durable outbox,
 * against the sink's raw intake from a plain pooled nodemailer loop sending the same
 * messages in the same run. Messages per second, and the ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest, openDatabase } from '../src/server/platform/db/database.ts';
import { completeGroup, TestClient, testConfig } from '../tests/support/http.ts';
import { mailingListHeaders } from '../src/server/platform/mail/list-headers.ts';
import { noDelaySocket } from '../src/server/platform/mail/mail-delivery.ts';
import { MAIL_CONCURRENCY } from '../src/server/platform/mail/mailer.ts';
import type { OutgoingMail } from '../src/server/platform/mail/outbox-writer.ts';
import { escapeHtml } from '../src/server/platform/mail/render.ts';
import { startSmtpSink } from '../src/server/platform/mail/smtp-sink.test-support.ts';
import type { BenchResult } from './harness.ts';

const RECIPIENTS = 10_000;
const POOL = 5;

/** The mail one member gets for a new post, as the fan-out writes it, for the plain loop. */
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

async function baseline(): Promise<number> {
  const sink = await startSmtpSink({ keep: false });
  // The same socket setting as the mailer's (TCP_NODELAY): without it both would wait ~40 ms
  // per message on delayed ACKs and measure the kernel, not the sink.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: POOL,
    maxMessages: Infinity,
    getSocket: noDelaySocket,
  });
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

/**
 * The real path: a member posts through the API; the `discussion.posted` listener queues the
 * fan-out job, which renders each member's mail (their language, zone, reply address and
 * unsubscribe link) into the outbox; `mail.deliver` jobs send them, each re-checked against
 * membership and the post's visibility just before SMTP. Timed from the POST to the last
 * message the sink accepts.
 */
async function throughFanOut(): Promise<{ seconds: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-bench-'));
  const database = openDatabase({ url: null, sqliteFile: path.join(dir, 'bench.sqlite') });
  const sink = await startSmtpSink({ keep: false });
  try {
    await migrateToLatest(database);
    const { app, jobs } = await buildApp(testConfig({ smtpUrl: sink.url, mailDomain: 'entraide.test' }), database);
    await app.ready();
    const t = new TestClient(app, { ...database, drop: async () => {} }, null as never, jobs);
    const leader = await t.signUp({ displayName: 'Zoé' });
    const slug = (
      await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: 'Carers', structure: { membership: 'open', format: 'drop-in' } }) })
    ).json().group.slug as string;
    const group = await database.db.selectFrom('groups').select(['id', 'charter_version']).where('slug', '=', slug).executeTakeFirstOrThrow();
    // 10,000 members who follow by e-mail, written straight to the tables (signing each up
    // through argon2 would take an hour and measure nothing of the fan-out).
    const now = new Date().toISOString();
    for (let i = 0; i < RECIPIENTS; i += 500) {
      const ids = Array.from({ length: Math.min(500, RECIPIENTS - i) }, (_, k) => `bench-user-${i + k}`);
      await database.db
        .insertInto('users')
        .values(
          ids.map((id, k) => ({
            id,
            email: `member${i + k}@example.org`,
            password_hash: 'x',
            display_name: `Member ${i + k}`,
            time_zone: k % 2 ? 'Asia/Kathmandu' : 'America/St_Johns',
            locale: k % 3 ? 'en' : 'fr',
            is_admin: 0,
            is_moderator: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await database.db
        .insertInto('memberships')
        .values(
          ids.map((id) => ({
            group_id: group.id,
            user_id: id,
            role: 'member',
            status: 'active',
            leader_type: null,
            profession: null,
            charter_version: group.charter_version,
            charter_accepted_at: now,
            created_at: now,
            joined_at: now,
            delivery: 'email-each',
          })),
        )
        .execute();
    }
    const start = process.hrtime.bigint();
    const posted = await t.call('POST', `/api/v1/groups/${slug}/threads`, {
      as: leader,
      body: {
        title: 'After Thursday’s meeting',
        body: 'Thank you all for Thursday. What helped me this week: **ten minutes for myself** before visiting my father.',
      },
    });
    if (posted.statusCode !== 201) throw new Error(`post failed: ${posted.statusCode} ${posted.body}`);
    while (sink.accepted < RECIPIENTS) {
      const settled = await jobs.runDue();
      if (settled === 0) throw new Error(`fan-out stalled: the sink got ${sink.accepted} of ${RECIPIENTS}`);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await app.close();
    return { seconds };
  } finally {
    await sink.close();
    await database.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const plain = await baseline();
  const ours = await throughFanOut();
  const rate = (seconds: number) => Math.round(RECIPIENTS / seconds).toLocaleString('en');
  return [
    {
      name: `mail fan-out: one post to ${RECIPIENTS.toLocaleString('en')} e-mail members, from the API through the outbox into a local SMTP sink`,
      figure: `${rate(ours.seconds)} messages/s (${ours.seconds.toFixed(1)} s from the POST to the last message accepted, rendering each member's mail in their language and zone; SQLite file, ${MAIL_CONCURRENCY} jobs at once, ${POOL} SMTP connections)`,
      baseline: `${rate(plain)} messages/s plain pooled nodemailer loop (${plain.toFixed(1)} s, ${POOL} connections)`,
      // Time per message against the baseline's: how many times slower the durable path is.
      ratio: ours.seconds / plain,
    },
  ];
}
