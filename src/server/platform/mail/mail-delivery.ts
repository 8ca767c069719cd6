/**
 * Delivering the outbox: the `mail.deliver` job claims queued rows, re-checks each
 * recipient, hands each message to the pooled SMTP transport and records the outcome per
 * row (see mailer.ts for the life cycle and what is guaranteed).
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { z } from 'zod';
import type { OutboxStatus } from '../../../shared/outbox.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { PermanentJobError, type JobHandler } from '../jobs/job-worker.ts';
import { LOOP_HEADER, MAIL_MAX_ATTEMPTS, type MailAttachment } from './outbox-writer.ts';

/** What the send-time check is asked about. */
export interface DeliveryTarget {
  recipientId: string | null;
  groupId: string | null;
  kind: string;
  subjectId?: string;
}

const BRAND = 'Entraide';
const MAX_ERROR_LENGTH = 500;

const DeliverPayload = z.union([
  z.object({ outboxIds: z.array(z.string().min(1).max(100)).min(1).max(1000) }),
  z.object({ outboxId: z.string().min(1).max(100) }),
]);

/**
 * nodemailer's `getSocket` hook: connects with Nagle's algorithm off. nodemailer writes a
 * message's last bytes and the final "." separately, so with Nagle on each message waits for
 * the relay's delayed ACK (~40 ms): a pooled connection then carries ~20 messages a second
 * instead of hundreds. Plain smtp:// only (nodemailer upgrades the socket for STARTTLS).
 */
export function noDelaySocket(
  options: { host?: string | undefined; port?: number | undefined },
  callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
): void {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25, noDelay: true });
  const timer = setTimeout(() => socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })), 30_000);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeAllListeners('error');
    callback(null, { connection: socket });
  });
  socket.once('error', (err) => {
    clearTimeout(timer);
    // nodemailer's own connection errors carry this code: the delivery is retried.
    callback(Object.assign(err, { code: (err as { code?: string }).code === 'ETIMEDOUT' ? 'ETIMEDOUT' : 'ECONNECTION' }));
  });
}

/** Error text safe for the outbox and the job row: no addresses, bounded. */
export function describeSmtpError(err: unknown): string {
  const e = err as { message?: unknown; responseCode?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  const prefix = typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ` : '';
  return `${prefix}${message}`
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '[address]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_ERROR_LENGTH);
}

/**
 * 5xx replies are permanent; 4xx replies and failures without a reply (refused connection,
 * timeout, dropped socket, TLS, DNS) are temporary. A message nodemailer refuses to build or
 * address (EENVELOPE/EMESSAGE without a reply) cannot improve either.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown };
  if (typeof e?.responseCode === 'number') return e.responseCode >= 500;
  return e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE';
}

type OutboxRow = {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  kind: string;
  attachments: string | null;
  recipient_id: string | null;
  group_id: string | null;
  subject_id: string | null;
  from_name: string | null;
  from_address: string | null;
  reply_to: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  mail_references: string | null;
  headers: string | null;
  attempts: number;
};

export interface DeliveryOptions {
  db: Db;
  transport: Transporter | null;
  /** MAIL_FROM, and its bare address. */
  from: string;
  defaultAddress: string;
  /** The loop marker's value. */
  domain: string;
  sendLeaseMs: number;
  log: { warn(obj: object, msg: string): void };
  /** Stamps when the relay accepted a message and when a row settled. */
  clock: Clock;
  isDeliverable?: (target: DeliveryTarget) => Promise<boolean>;
}

/** The `mail.deliver` job handler. */
export function createDelivery(options: DeliveryOptions): JobHandler {
  const { db, log, transport, defaultAddress, domain, sendLeaseMs, clock } = options;

  function messageOf(row: OutboxRow): Mail.Options {
    const address = row.from_address ?? defaultAddress;
    const from = row.from_name ? { name: `${row.from_name} via ${BRAND}`, address } : row.from_address ? { name: BRAND, address } : options.from;
    const given = row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {};
    const headers: Record<string, string | { prepared: boolean; value: string }> = { [LOOP_HEADER]: domain };
    for (const [name, value] of Object.entries(given)) {
      // Printable ASCII goes out as written (nodemailer would MIME-encode a List-Id phrase's
      // quotes, which clients then show raw), folded if long; anything else nodemailer encodes.
      const prepared = { prepared: true, foldLines: true, value };
      headers[name] = /^[\x20-\x7e]*$/.test(value) ? prepared : value;
    }
    return {
      from,
      to: row.to_address,
      ...(row.reply_to ? { replyTo: row.reply_to } : {}),
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      ...(row.message_id ? { messageId: `<${row.message_id}>` } : {}),
      ...(row.in_reply_to ? { inReplyTo: `<${row.in_reply_to}>` } : {}),
      ...(row.mail_references ? { references: (JSON.parse(row.mail_references) as string[]).map((r) => `<${r}>`) } : {}),
      headers,
      attachments: row.attachments
        ? (JSON.parse(row.attachments) as MailAttachment[]).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }))
        : [],
      // Attachment contents are stored strings: never let one name a file or a URL to fetch.
      disableFileAccess: true,
      disableUrlAccess: true,
    };
  }

  const OUTBOX_COLUMNS = [
    'id',
    'to_address',
    'subject',
    'text_body',
    'html_body',
    'kind',
    'attachments',
    'recipient_id',
    'group_id',
    'subject_id',
    'from_name',
    'from_address',
    'reply_to',
    'message_id',
    'in_reply_to',
    'mail_references',
    'headers',
    'attempts',
  ] as const;

  /**
   * Records relay acceptances in small groups: one UPDATE per ~25 messages or 10 ms rather
   * than a commit per message (each commit is a disk flush on SQLite). The crash window of
   * the top comment is therefore "accepted in the last ~10 ms", not one message.
   */
  function sentRecorder(claim: string) {
    let pending: string[] = [];
    let timer: NodeJS.Timeout | null = null;
    let chain: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const flush = (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending.length > 0) {
        const ids = pending;
        pending = [];
        chain = chain
          .then(async () => {
            const stamp = clock.now().toISOString();
            await db
              .updateTable('outbox')
              .set({ status: 'sent' satisfies OutboxStatus, sent_at: stamp, error: null, locked_until: null, updated_at: stamp })
              .where('id', 'in', ids)
              .where('status', '=', 'sending')
              .where('claimed_by', '=', claim)
              .execute();
          })
          // Kept for the end: the rows stay `sending` and their lease expiry resends them.
          .catch((err: unknown) => void (failure ??= err));
      }
      return chain.then(() => {
        if (failure) throw failure;
      });
    };
    return {
      add(id: string) {
        pending.push(id);
        if (pending.length >= 25) void flush().catch(() => undefined);
        else timer ??= setTimeout(() => void flush().catch(() => undefined), 10);
      },
      flush,
    };
  }

  /**
   * `mail.deliver` {outboxIds} (or {outboxId}): claims the rows still queued, re-checks each
   * recipient, hands each message to the pooled transport and records the outcome per row.
   * Throws (so the queue retries the job with its backoff) when some row failed temporarily
   * or is held by another live attempt; rows already settled are skipped on the retry.
   */
  const deliver: JobHandler = async (payload, { now }) => {
    const parsed = DeliverPayload.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('malformed mail.deliver payload');
    const ids = 'outboxIds' in parsed.data ? parsed.data.outboxIds : [parsed.data.outboxId];
    if (!transport) throw new Error('no SMTP relay configured');
    const stamp = now.toISOString();
    const claim = randomUUID();

    // queued → sending, or take over an attempt whose lease expired (its worker died).
    const rows = await db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending' satisfies OutboxStatus,
        attempts: eb('attempts', '+', 1),
        claimed_by: claim,
        locked_until: new Date(now.getTime() + sendLeaseMs).toISOString(),
        updated_at: stamp,
      }))
      .where('id', 'in', ids)
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', stamp)])]))
      .returning(OUTBOX_COLUMNS)
      .execute();
    let retry: string | null = null;
    if (rows.length < ids.length) {
      // Another attempt is talking to SMTP about some of them right now: come back after its lease.
      const mine = new Set(rows.map((r) => r.id));
      const others = ids.filter((id) => !mine.has(id));
      const held = await db.selectFrom('outbox').select('id').where('id', 'in', others).where('status', '=', 'sending').executeTakeFirst();
      if (held) retry = 'another delivery attempt holds some of these messages';
    }

    const settle = (row: OutboxRow, values: { status: OutboxStatus; error: string | null }) =>
      db
        .updateTable('outbox')
        .set({ ...values, locked_until: null, updated_at: new Date(Math.max(clock.now().getTime(), now.getTime())).toISOString() })
        .where('id', '=', row.id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', claim)
        .execute();
    const sent = sentRecorder(claim);

    // allSettled: a database error on one row must not leave the others' sends unobserved.
    const outcomes = await Promise.allSettled(
      rows.map(async (row) => {
        const about = { outboxId: row.id, kind: row.kind, attempt: row.attempts };
        try {
          if (options.isDeliverable && (row.recipient_id || row.group_id)) {
            const target: DeliveryTarget = {
              recipientId: row.recipient_id,
              groupId: row.group_id,
              kind: row.kind,
              ...(row.subject_id ? { subjectId: row.subject_id } : {}),
            };
            if (!(await options.isDeliverable(target))) {
              await settle(row, { status: 'revoked', error: 'recipient no longer eligible at send time' });
              return;
            }
          }
        } catch (err) {
          // The check itself failed (database): give the row back and let the queue retry.
          await settle(row, { status: 'queued', error: null });
          retry ??= `eligibility check failed: ${describeSmtpError(err)}`;
          return;
        }
        try {
          await transport.sendMail(messageOf(row));
        } catch (err) {
          const error = describeSmtpError(err);
          if (isPermanentSmtpError(err) || row.attempts >= MAIL_MAX_ATTEMPTS) {
            await settle(row, { status: 'failed', error });
            const code = (err as { responseCode?: unknown }).responseCode;
            // Kind and ids only: the address and the reply may name the recipient.
            log.warn({ ...about, responseCode: typeof code === 'number' ? code : null }, 'mail delivery failed for good');
          } else {
            // The last temporary failure stays visible to the admin while the row waits.
            await settle(row, { status: 'queued', error });
            retry ??= error;
          }
          return;
        }
        // Accepted by the relay: recorded within milliseconds (see the top comment).
        sent.add(row.id);
      }),
    );
    await sent.flush();
    const broken = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (broken) throw broken.reason;
    if (retry) throw new Error(retry);
  };

  return deliver;
}
