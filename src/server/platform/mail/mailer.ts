import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import type { RenderedMail } from './render.ts';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** What the mail is about (password-reset, invitation…), shown in the outbox. */
  kind: string;
}

export interface Mailer {
  /** Records the message in the outbox, then hands it to SMTP when a relay is configured. */
  send(mail: OutgoingMail): Promise<void>;
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
      await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
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
      await options.db
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
          dedupe_key: null,
          attachments: null,
        })
        .execute();
      const job = deliver(id, mail).finally(() => pending.delete(job));
      pending.add(job);
    },
    async idle() {
      await Promise.all([...pending]);
    },
  };
}
