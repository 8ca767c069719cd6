import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { RenderedMail } from './render.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** What the mail is about (password-reset, invitation…), shown in the outbox. */
  kind: string;
  attachments?: MailAttachment[];
  /**
   * Makes the mail once-only: a second send with the same key records nothing and sends
   * nothing (a reminder per member and occurrence, even when its job runs twice).
   */
  dedupeKey?: string;
}

export interface Mailer {
  /**
   * Records the message in the outbox, then hands it to SMTP when a relay is configured.
   * Returns false when a mail with the same dedupe key was already recorded.
   */
  send(mail: OutgoingMail): Promise<boolean>;
  /** Resolves when deliveries started so far have finished (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * Without `SMTP_URL` every message stays in the outbox table (status `local`), which the
 * platform admin reads in the web app. With it, the outbox row records delivery.
 */
export function createMailer(options: { db: Db; smtpUrl: string | null; from: string; log: FastifyBaseLogger }): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const pending = new Set<Promise<void>>();

  async function deliver(id: string, mail: OutgoingMail): Promise<void> {
    if (!transport) return;
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      await options.db.updateTable('outbox').set({ status: 'sent', sent_at: new Date().toISOString() }).where('id', '=', id).execute();
    } catch (err) {
      // The address stays out of the log; the outbox row keeps the reason for the admin.
      options.log.warn({ outboxId: id, kind: mail.kind }, 'mail delivery failed');
      await options.db
        .updateTable('outbox')
        .set({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'unknown' })
        .where('id', '=', id)
        .execute();
    }
  }

  return {
    async send(mail) {
      const id = randomUUID();
      const inserted = await options.db
        .insertInto('outbox')
        .values({
          id,
          to_address: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          kind: mail.kind,
          status: transport ? 'queued' : 'local',
          error: null,
          created_at: new Date().toISOString(),
          sent_at: null,
          dedupe_key: mail.dedupeKey ?? null,
          attachments: mail.attachments ? JSON.stringify(mail.attachments) : null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      const job = deliver(id, mail).finally(() => pending.delete(job));
      pending.add(job);
      return true;
    },
    async idle() {
      await Promise.all([...pending]);
    },
  };
}
