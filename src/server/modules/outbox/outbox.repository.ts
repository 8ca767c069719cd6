import type { Db } from '../../platform/db/database.ts';

/** The latest messages, newest first, optionally of one status. */
export function listOutbox(db: Db, filter: { status: string | null; limit: number }) {
  let query = db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'kind', 'status', 'error', 'attempts', 'created_at', 'sent_at', 'updated_at']);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

/** How many messages are in each status. */
export async function countOutboxByStatus(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['status', eb.fn.countAll<string | number>().as('count')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.count)]));
}
