import type { Kysely } from 'kysely';

/**
 * Durable mail delivery: what the `mail.deliver` job needs to send a message later, exactly
 * as the caller gave it (sender name, threading and list headers), whom it is for (to re-check
 * membership at send time and revoke pending mail at once), and a lease for the SMTP exchange.
 * Also the `secrets` table: one shared signing secret for every node.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign keys: the outbox is a record that outlives the people and groups it names.
  await db.schema.alterTable('outbox').addColumn('recipient_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('group_id', 'text').execute();
  // What the mail is about (a thread, a comment…): the guard may re-check it is still visible.
  await db.schema.alterTable('outbox').addColumn('subject_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('from_name', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('from_address', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('reply_to', 'text').execute();
  // RFC 5322 ids without angle brackets; message_id is fixed at insertion so a retried
  // delivery carries the same one.
  await db.schema.alterTable('outbox').addColumn('message_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('in_reply_to', 'text').execute();
  // JSON list of ids (`references` is an SQL keyword).
  await db.schema.alterTable('outbox').addColumn('mail_references', 'text').execute();
  // JSON object of extra headers (List-Id, List-Unsubscribe, Precedence…).
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
  // Delivery attempts so far (retries stop after a bound).
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // While status is `sending`: which attempt holds the row (its fencing token) and until when.
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('outbox_recipient').on('outbox').columns(['recipient_id', 'group_id', 'status']).execute();

  await db.schema
    .createTable('secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('secrets').execute();
  await db.schema.dropIndex('outbox_recipient').execute();
  await db.schema.dropIndex('outbox_status').execute();
  for (const column of [
    'updated_at',
    'locked_until',
    'claimed_by',
    'attempts',
    'headers',
    'mail_references',
    'in_reply_to',
    'message_id',
    'reply_to',
    'from_address',
    'from_name',
    'subject_id',
    'group_id',
    'recipient_id',
  ]) {
    await db.schema.alterTable('outbox').dropColumn(column).execute();
  }
}
