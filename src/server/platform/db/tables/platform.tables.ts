import type { ColumnType } from 'kysely';

/** Tables owned by the platform (mail outbox, job queue, secrets); see the owner map in ../schema.ts. */
export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  kind: string;
  status: string;
  error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Set for mail that must be queued at most once (a reminder per member and occurrence). */
  dedupe_key: string | null;
  /** JSON list of { filename, contentType, content } (e.g. an .ics). */
  attachments: string | null;
  /** Whom it is for and in which group: re-checked at send time, revoked on removal. */
  recipient_id: ColumnType<string | null, string | null | undefined, string | null>;
  group_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** What it is about (a thread, a comment…), for the send-time check. */
  subject_id: ColumnType<string | null, string | null | undefined, string | null>;
  from_name: ColumnType<string | null, string | null | undefined, string | null>;
  from_address: ColumnType<string | null, string | null | undefined, string | null>;
  reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** RFC 5322 ids without angle brackets; references is a JSON list. */
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  in_reply_to: ColumnType<string | null, string | null | undefined, string | null>;
  mail_references: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON object of extra headers (List-Id, List-Unsubscribe…). */
  headers: ColumnType<string | null, string | null | undefined, string | null>;
  /** Delivery attempts so far. */
  attempts: ColumnType<number, number | undefined, number>;
  /** While `sending`: the attempt holding the row (fencing token) and until when. */
  claimed_by: ColumnType<string | null, string | null | undefined, string | null>;
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Process-wide secrets shared by every node (the token signing key), created once. */
export interface SecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  dedupe_key: string | null;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}
