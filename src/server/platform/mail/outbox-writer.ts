/**
 * Writing to the outbox: one row per (message, recipient), checked and fixed at insertion
 * (headers, Message-IDs), with its `mail.deliver` job in the same transaction when a relay
 * is configured (see mailer.ts for the whole life cycle).
 */
import { randomUUID } from 'node:crypto';
import type { OutboxStatus } from '../../../shared/outbox.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { enqueueJobs } from '../jobs/job-queue.ts';
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

export const MAIL_DELIVER = 'mail.deliver';
/** Delivery attempts (SMTP exchanges) before a message is failed: ~2 h with the queue's backoff. */
export const MAIL_MAX_ATTEMPTS = 8;

/** `db` may be a transaction: the rows (and their jobs) are then written in it. */
export interface WriteOptions {
  db?: Db;
}

/** Every mail we send carries it; inbound mail carrying it is ours coming back (a loop). */
export const LOOP_HEADER = 'X-Entraide-Loop';

const INSERT_BATCH = 500;
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
// Rows per mail.deliver job: a fan-out costs a few commits per batch instead of several per
// message, and one job still finishes in seconds with a slow relay.
const DELIVERY_BATCH = 50;

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

export interface OutboxWriterOptions {
  db: Db;
  /** With a relay, rows are queued with their delivery job; without one they stay `local`. */
  hasRelay: boolean;
  /** Domain of generated Message-IDs. */
  domain: string;
  clock: Clock;
}

export function createOutboxWriter(options: OutboxWriterOptions) {
  const { db, hasRelay, domain, clock } = options;

  function rowOf(mail: OutgoingMail, stamp: string) {
    if (!mail.to || !mail.kind) throw new RangeError('A mail needs a recipient and a kind');
    return {
      id: randomUUID(),
      to_address: mail.to,
      subject: oneLine(mail.subject),
      text_body: mail.text,
      html_body: mail.html,
      kind: mail.kind,
      status: (hasRelay ? 'queued' : 'local') satisfies OutboxStatus,
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
    if (hasRelay && inserted.length > 0) {
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
    const now = clock.now();
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

  /** Turns the recipient's queued mail for the group into `revoked` (removal, ban); returns how many. */
  async function revokePending({ recipientId, groupId }: { recipientId: string; groupId: string }, writeOptions: WriteOptions = {}): Promise<number> {
    const result = await (writeOptions.db ?? db)
      .updateTable('outbox')
      .set({ status: 'revoked' satisfies OutboxStatus, error: 'revoked: no longer a member', updated_at: clock.now().toISOString() })
      .where('recipient_id', '=', recipientId)
      .where('group_id', '=', groupId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  return { sendMany, revokePending };
}
