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
import nodemailer, { type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import { createDelivery, noDelaySocket, type DeliveryTarget } from './mail-delivery.ts';
import { createOutboxWriter, MAIL_DELIVER, type OutgoingMail, type WriteOptions } from './outbox-writer.ts';

/** Jobs run at once (app.ts gives it to the job worker): each mail.deliver job carries up to 50 messages. */
export const MAIL_CONCURRENCY = 4;

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
  /** Stamps the outbox rows (the services' clock, so tests set it). */
  clock: Clock;
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

const DEFAULT_SEND_LEASE_MS = 10 * 60_000;

/** The address in `Name <address>` (or the whole string when it is a bare address). */
export function addressOf(mailbox: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(mailbox);
  return (angle ? angle[1]! : mailbox).trim();
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : 'localhost';
}

export function createMailer(options: MailerOptions): Mailer {
  const { db, log, clock } = options;
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

  const writer = createOutboxWriter({ db, hasRelay: transport != null, domain, clock });
  const deliver = createDelivery({
    db,
    transport,
    from: options.from,
    defaultAddress,
    domain,
    sendLeaseMs,
    log,
    clock,
    ...(options.isDeliverable ? { isDeliverable: options.isDeliverable } : {}),
  });

  return {
    async send(mail, writeOptions) {
      return (await writer.sendMany([mail], writeOptions)) === 1;
    },
    sendMany: writer.sendMany,
    revokePending: writer.revokePending,
    handlers: { [MAIL_DELIVER]: deliver },
    async idle() {},
    async close() {
      transport?.close();
    },
  };
}
