/**
 * Outgoing mail through a durable outbox.
 *
 * `send`/`sendMany` insert one outbox row per (message, recipient) — the caller's dedupe key,
 * e.g. `post:<postId>:<userId>`, makes that once-only — and, when an SMTP relay is configured,
 * `mail.deliver` jobs (up to 50 rows each) in the same transaction. Without `SMTP_URL` rows
 * stay `local` (the platform admin reads them in the web app) and no job is queued.
 *
 * Row life cycle: queued → sending (one attempt holds it: `claimed_by` is the fencing token,
 * `locked_until` its lease) → sent | queued (temporary failure: the job queue retries with
 * its backoff) | failed (5xx, or retries exhausted: the error text is kept for the admin) |
 * revoked (the recipient is no longer eligible, checked at send time or by `revokePending`).
 *
 * What is guaranteed: the job queue runs each job on one worker at a time, and the rows'
 * conditional queued → sending update lets only one attempt talk to SMTP about a message;
 * the relay's acceptance is recorded (sent) within milliseconds of its 250. Retries,
 * restarts, two workers, a stalled worker whose job lease expired: each message is sent
 * once. The one window left is a crash after the relay accepted and before that record
 * lands: the attempt's lease then expires and the message is sent again with the same
 * Message-ID (fixed at insertion) — at least once, never lost, and the duplicate is
 * recognisable by clients that collapse identical Message-IDs.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { z } from 'zod';
import type { OutboxStatus } from '../../../shared/outbox.ts';
import type { Db } from '../db/database.ts';
import { enqueueJobs } from '../jobs/job-queue.ts';
import { PermanentJobError, type JobHandler } from '../jobs/job-worker.ts';
import type { RenderedMail } from './render.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** What the mail is about (password-reset, invitation, discussion.post…), shown in the outbox. */
  kind: string;
  attachments?: MailAttachment[];
  /**
   * Makes the mail once-only: a second send with the same key records nothing and sends
   * nothing (a reminder per member and occurrence, a post per recipient: `post:<postId>:<userId>`).
   */
  dedupeKey?: string;
  /** Shown as `"<fromName> via Entraide" <address>`; the address is `fromAddress` or MAIL_FROM's. */
  fromName?: string;
  /** Overrides the sender address (e.g. the group's list address). */
  fromAddress?: string;
  replyTo?: string;
  /** RFC 5322 ids, without angle brackets (as stored in threads.message_id); generated when absent. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /**
   * Extra headers: List-Id, List-Unsubscribe, List-Unsubscribe-Post, Precedence,
   * Auto-Submitted… (see list-headers.ts). Addressing and MIME headers are refused.
   */
  headers?: Record<string, string>;
  /** Whom and which group the mail is for: re-checked at send time, revoked by `revokePending`. */
  recipientId?: string;
  groupId?: string;
  /** What the mail is about (a thread, a comment), passed to the send-time check. */
  subjectId?: string;
}

/** What the send-time check is asked about. */
export interface DeliveryTarget {
  recipientId: string | null;
  groupId: string | null;
  kind: string;
  subjectId?: string;
}

export const MAIL_DELIVER = 'mail.deliver';
/** Delivery attempts (SMTP exchanges) before a message is failed: ~2 h with the queue's backoff. */
export const MAIL_MAX_ATTEMPTS = 8;
/** Jobs run at once (app.ts gives it to the job worker): each mail.deliver job carries up to 50 messages. */
export const MAIL_CONCURRENCY = 4;

/** `db` may be a transaction: the rows (and their jobs) are then written in it. */
export interface WriteOptions {
  db?: Db;
}

export interface Mailer {
  /**
   * Records the message in the outbox and, with a relay, queues its delivery. Returns false
   * when a mail with the same dedupe key was already recorded.
   */
  send(mail: OutgoingMail, options?: WriteOptions): Promise<boolean>;
  /** As `send` for many (fan-out): batched inserts, one transaction per batch; returns how many were new. */
  sendMany(mails: readonly OutgoingMail[], options?: WriteOptions): Promise<number>;
  /** Turns the recipient's queued mail for the group into `revoked` (removal, ban); returns how many. */
  revokePending(target: { recipientId: string; groupId: string }, options?: WriteOptions): Promise<number>;
  /** `mail.deliver`, for the job worker's handler map. */
  handlers: Record<string, JobHandler>;
  /** Kept for callers that waited for fire-and-forget deliveries: rows are written before send resolves. */
  idle(): Promise<void>;
  /** Closes the pooled SMTP connections. */
  close(): Promise<void>;
}

export interface MailerOptions {
  db: Db;
  smtpUrl: string | null;
  /** MAIL_FROM, e.g. `Entraide <no-reply@example.org>`. */
  from: string;
  log: { warn(obj: object, msg: string): void };
  /** Domain of generated Message-IDs and of the loop marker; defaults to MAIL_FROM's. */
  domain?: string;
  /**
   * Asked just before each SMTP exchange for mail with a recipient or a group; false marks
   * the row revoked. app.ts wires the membership check (the platform never imports modules).
   */
  isDeliverable?: (target: DeliveryTarget) => Promise<boolean>;
  /** How long one attempt holds a `sending` row before another may take it over; default 10 min. */
  sendLeaseMs?: number;
  /** Pool size; default 5 connections. */
  maxConnections?: number;
}

/** Every mail we send carries it; inbound mail carrying it is ours coming back (a loop). */
export const LOOP_HEADER = 'X-Entraide-Loop';

const BRAND = 'Entraide';
const INSERT_BATCH = 500;
const MAX_ERROR_LENGTH = 500;
const DEFAULT_SEND_LEASE_MS = 10 * 60_000;
// Headers the mailer sets itself (addressing, threading, MIME): a caller cannot override them.
const RESERVED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'return-path',
  LOOP_HEADER.toLowerCase(),
]);
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,75}$/;
// What a Message-ID may hold once stripped of its angle brackets: id-left@id-right, no spaces.
const MESSAGE_ID = /^[^\s<>@]{1,200}@[^\s<>@]{1,200}$/;

const DeliverPayload = z.union([
  z.object({ outboxIds: z.array(z.string().min(1).max(100)).min(1).max(1000) }),
  z.object({ outboxId: z.string().min(1).max(100) }),
]);
// Rows per mail.deliver job: a fan-out costs a few commits per batch instead of several per
// message, and one job still finishes in seconds with a slow relay.
const DELIVERY_BATCH = 50;

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

/** The address in `Name <address>` (or the whole string when it is a bare address). */
export function addressOf(mailbox: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(mailbox);
  return (angle ? angle[1]! : mailbox).trim();
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : 'localhost';
}

/** Strips optional angle brackets; throws on anything that is not `left@right`. */
export function normalizeMessageId(id: string): string {
  const bare = id.trim().replace(/^<(.*)>$/, '$1');
  if (!MESSAGE_ID.test(bare)) throw new RangeError('A Message-ID is left@right without spaces or angle brackets');
  return bare;
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The caller's extra headers, checked, as stored (JSON), or null. */
function headersJson(headers: Record<string, string> | undefined): string | null {
  if (!headers) return null;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()))
      throw new RangeError(`The header "${name.slice(0, 80)}" cannot be set by a caller`);
    // CR/LF would start a new header: a value is one line, whatever the caller passed.
    out[name] = oneLine(String(value)).slice(0, 2000);
  }
  return Object.keys(out).length > 0 ? JSON.stringify(out) : null;
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

export function createMailer(options: MailerOptions): Mailer {
  const { db, log } = options;
  const defaultAddress = addressOf(options.from);
  const domain = options.domain ?? domainOf(defaultAddress);
  const sendLeaseMs = options.sendLeaseMs ?? DEFAULT_SEND_LEASE_MS;
  // One pool of SMTP connections reused across messages; timeouts well under the send lease
  // so an attempt never outlives its hold on the row.
  const transport: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport(
        new SMTPPool({
          url: options.smtpUrl,
          pool: true,
          maxConnections: options.maxConnections ?? 5,
          maxMessages: 1000,
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
          ...(options.smtpUrl.startsWith('smtp:') ? { getSocket: noDelaySocket } : {}),
        }),
      )
    : null;

  function rowOf(mail: OutgoingMail, stamp: string) {
    if (!mail.to || !mail.kind) throw new RangeError('A mail needs a recipient and a kind');
    return {
      id: randomUUID(),
      to_address: mail.to,
      subject: oneLine(mail.subject),
      text_body: mail.text,
      html_body: mail.html,
      kind: mail.kind,
      status: (transport ? 'queued' : 'local') satisfies OutboxStatus,
      error: null,
      created_at: stamp,
      sent_at: null,
      dedupe_key: mail.dedupeKey ?? null,
      attachments: mail.attachments ? JSON.stringify(mail.attachments) : null,
      recipient_id: mail.recipientId ?? null,
      group_id: mail.groupId ?? null,
      subject_id: mail.subjectId ?? null,
      from_name: mail.fromName ? oneLine(mail.fromName).slice(0, 100) || null : null,
      from_address: mail.fromAddress ?? null,
      reply_to: mail.replyTo ?? null,
      // Fixed now, so every attempt sends the same one.
      message_id: mail.messageId ? normalizeMessageId(mail.messageId) : `${randomUUID()}@${domain}`,
      in_reply_to: mail.inReplyTo ? normalizeMessageId(mail.inReplyTo) : null,
      mail_references: mail.references && mail.references.length > 0 ? JSON.stringify(mail.references.map(normalizeMessageId)) : null,
      headers: headersJson(mail.headers),
      attempts: 0,
      locked_until: null,
      updated_at: stamp,
    };
  }

  async function insertBatch(trx: Db, rows: ReturnType<typeof rowOf>[], now: Date): Promise<number> {
    const inserted = await trx
      .insertInto('outbox')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    if (transport && inserted.length > 0) {
      const jobs = [];
      for (let start = 0; start < inserted.length; start += DELIVERY_BATCH) {
        const outboxIds = inserted.slice(start, start + DELIVERY_BATCH).map((r) => r.id);
        // Keyed by its first row: each row belongs to exactly one job.
        jobs.push({ kind: MAIL_DELIVER, payload: { outboxIds }, dedupeKey: `${MAIL_DELIVER}:${outboxIds[0]}`, maxAttempts: MAIL_MAX_ATTEMPTS + 4 });
      }
      await enqueueJobs(trx, jobs, now);
    }
    return inserted.length;
  }

  async function sendMany(mails: readonly OutgoingMail[], writeOptions: WriteOptions = {}): Promise<number> {
    const now = new Date();
    const stamp = now.toISOString();
    // The same key twice in one call: the first wins, as it would across calls.
    const seen = new Set<string>();
    const rows = [];
    for (const mail of mails) {
      if (mail.dedupeKey) {
        if (seen.has(mail.dedupeKey)) continue;
        seen.add(mail.dedupeKey);
      }
      rows.push(rowOf(mail, stamp));
    }
    const target = writeOptions.db ?? db;
    let count = 0;
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH);
      // Inside a caller's transaction everything joins it; otherwise one transaction per batch
      // keeps each row and its job together without holding SQLite's writer for the whole fan-out.
      count += target.isTransaction ? await insertBatch(target, batch, now) : await target.transaction().execute((trx) => insertBatch(trx, batch, now));
    }
    return count;
  }

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
            const stamp = new Date().toISOString();
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
        .set({ ...values, locked_until: null, updated_at: new Date(Math.max(Date.now(), now.getTime())).toISOString() })
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

  return {
    async send(mail, writeOptions) {
      return (await sendMany([mail], writeOptions)) === 1;
    },
    sendMany,
    async revokePending({ recipientId, groupId }, writeOptions = {}) {
      const result = await (writeOptions.db ?? db)
        .updateTable('outbox')
        .set({ status: 'revoked' satisfies OutboxStatus, error: 'revoked: no longer a member', updated_at: new Date().toISOString() })
        .where('recipient_id', '=', recipientId)
        .where('group_id', '=', groupId)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    handlers: { [MAIL_DELIVER]: deliver },
    async idle() {},
    async close() {
      transport?.close();
    },
  };
}
