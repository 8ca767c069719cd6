import type { Kysely } from 'kysely';

/** Members' weekly availability (in their own zone) and leaders' slot polls with votes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('availability')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('windows', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('modes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('slot_polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('slots', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('slot_polls_group').on('slot_polls').columns(['group_id', 'created_at']).execute();

  await db.schema
    .createTable('slot_poll_votes')
    .addColumn('poll_id', 'text', (c) => c.notNull().references('slot_polls.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('slot_poll_votes_pk', ['poll_id', 'user_id'])
    .execute();
  await db.schema.createIndex('slot_poll_votes_user').on('slot_poll_votes').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['slot_poll_votes', 'slot_polls', 'availability']) {
    await db.schema.dropTable(t).execute();
  }
}
