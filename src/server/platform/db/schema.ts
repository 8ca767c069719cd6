import type { ColumnType, Generated } from 'kysely';

/**
 * The database as Kysely sees it. Both engines store the same shapes: ids are random text,
 * instants are ISO 8601 UTC text (they sort correctly as text), booleans are 0/1 integers,
 * and small lists are JSON text. That keeps one code path for SQLite and PostgreSQL.
 */

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  time_zone: string;
  locale: string;
  is_admin: number;
  /** Sees every group's moderation queue (admins are moderators too). */
  is_moderator: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuthSessionsTable {
  /** SHA-256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface PasswordResetsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface GroupsTable {
  id: string;
  slug: string;
  founder_id: string | null;
  name: string;
  purpose: string | null;
  reasons: string | null;
  charter: string | null;
  charter_version: number;
  leadership: string | null;
  membership_policy: string | null;
  format: string | null;
  max_members: number | null;
  rhythm: string | null;
  modes: string;
  languages: string;
  time_zone: string | null;
  visibility: string | null;
  topics: string;
  status: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** Where an in-person group meets (a town, not an address): null when it does not say. */
  place_name: string | null;
  place_country_code: string | null;
  place_admin1: string | null;
  place_latitude: number | null;
  place_longitude: number | null;
}

export interface GroupChartersTable {
  group_id: string;
  version: number;
  text: string;
  created_at: string;
}

export interface MembershipsTable {
  group_id: string;
  user_id: string;
  role: string;
  status: string;
  leader_type: string | null;
  profession: string | null;
  charter_version: number;
  charter_accepted_at: string;
  created_at: string;
  joined_at: string | null;
  /** web | email-each | email-digest | post */
  delivery: Generated<string>;
  /** The next digest covers activity after this instant. */
  digested_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InvitationsTable {
  /** SHA-256 of the token in the link. */
  id: string;
  group_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

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

export interface ProgrammesTable {
  id: string;
  group_id: string;
  title: string;
  description: string | null;
  /** JSON list of { theme, agenda: [{ title, minutes }] }. */
  parts: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A session of a group: one-off, or recurring as local wall time + zone + RRULE. */
export interface GroupSessionsTable {
  id: string;
  group_id: string;
  title: string;
  description: string | null;
  start_local: string;
  time_zone: string;
  duration_minutes: number;
  rrule: string | null;
  mode: string;
  location: string | null;
  address: string | null;
  accessibility: string | null;
  online_url: string | null;
  dial_in: string | null;
  capacity: number | null;
  agenda: string;
  facilitators: string;
  programme_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One occurrence cancelled or moved; `occurrence` is the rule's local start (its identity). */
export interface SessionExceptionsTable {
  session_id: string;
  occurrence: string;
  status: string;
  start_local: string | null;
  duration_minutes: number | null;
  created_at: string;
}

export interface RsvpsTable {
  session_id: string;
  occurrence: string;
  user_id: string;
  status: string;
  /** The occurrence's current start instant, kept up to date when it moves (for reminders). */
  starts_at: string;
  /** When the person asked for a place: the wait-list is first come, first served. */
  queued_at: string;
  updated_at: string;
}

export interface AttendanceTable {
  session_id: string;
  occurrence: string;
  user_id: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface RecapsTable {
  session_id: string;
  occurrence: string;
  body: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  /** SHA-256 of the secret in the feed URL. */
  id: string;
  user_id: string;
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

/** A member's weekly windows, as wall times in their own zone (one row per person). */
export interface AvailabilityTable {
  user_id: string;
  time_zone: string;
  /** JSON list of { day, start, end } (day 0 = Sunday, "HH:MM"), merged and sorted. */
  windows: string;
  /** JSON list of BCP 47 tags. */
  languages: string;
  /** JSON list of "in-person" | "online", or null when the member has not said. */
  modes: string | null;
  created_at: string;
  updated_at: string;
}

/** A leader's proposal of a few weekly times (group-zone day + time) for members to vote on. */
export interface SlotPollsTable {
  id: string;
  group_id: string;
  title: string;
  time_zone: string;
  duration_minutes: number;
  /** JSON list of { day, start }. */
  slots: string;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One member's answers to a poll, one per proposed slot, in the poll's order. */
export interface SlotPollVotesTable {
  poll_id: string;
  user_id: string;
  /** JSON list of "yes" | "if-need-be" | "no". */
  answers: string;
  created_at: string;
  updated_at: string;
}

/** A discussion thread; a recap's comments live in one tied to that session date. */
export interface ThreadsTable {
  id: string;
  group_id: string;
  author_id: string | null;
  title: string;
  body: string;
  session_id: string | null;
  occurrence: string | null;
  locked_at: string | null;
  locked_by: string | null;
  hidden_at: string | null;
  hidden_by: string | null;
  deleted_at: string | null;
  /** web | email */
  source: string;
  /** RFC 5322 Message-ID (without <>) for mail threading. */
  message_id: string;
  comment_count: number;
  last_activity_at: string;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
  hidden_at: string | null;
  hidden_by: string | null;
  deleted_at: string | null;
  source: string;
  /** Unique: an inbound mail delivered twice posts once. */
  message_id: string;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  group_id: string;
  kind: string;
  thread_id: string | null;
  comment_id: string | null;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface ReportsTable {
  id: string;
  group_id: string;
  thread_id: string | null;
  comment_id: string | null;
  reporter_id: string | null;
  reason: string;
  note: string | null;
  /** open | resolved | dismissed */
  status: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

/** Append-only audit log of moderation actions. */
export interface ModerationLogTable {
  id: string;
  group_id: string | null;
  actor_id: string | null;
  action: string;
  target_user_id: string | null;
  thread_id: string | null;
  comment_id: string | null;
  report_id: string | null;
  note: string | null;
  created_at: string;
}

export interface GroupBansTable {
  group_id: string;
  user_id: string;
  banned_by: string | null;
  reason: string | null;
  created_at: string;
}

/** A member's personal reply address for one group; revoked when they leave or are removed. */
export interface ReplyTokensTable {
  id: string;
  user_id: string;
  group_id: string;
  created_at: string;
  revoked_at: string | null;
}

/**
 * The directory's search row: public, published groups only (the directory module keeps it;
 * see migration 0006). SQLite indexes it with FTS5, PostgreSQL with a generated tsvector.
 */
export interface GroupDirectoryTable {
  doc_id: Generated<number>;
  group_id: string;
  name: string;
  purpose: string;
  /** The topics joined by " ; ", for full-text search. */
  topics: string;
  latitude: number | null;
  longitude: number | null;
  published_at: string;
  expanded_at: string | null;
}

/** Filter values of a directory row: kind language | mode | leader | topic. */
export interface GroupDirectoryTagsTable {
  group_id: string;
  kind: string;
  value: string;
}

/** Upcoming occurrence starts of a directory row's sessions (ISO 8601 UTC). */
export interface GroupDirectoryStartsTable {
  group_id: string;
  starts_at: string;
}

export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  password_resets: PasswordResetsTable;
  groups: GroupsTable;
  group_charters: GroupChartersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  outbox: OutboxTable;
  programmes: ProgrammesTable;
  group_sessions: GroupSessionsTable;
  session_exceptions: SessionExceptionsTable;
  rsvps: RsvpsTable;
  attendance: AttendanceTable;
  recaps: RecapsTable;
  calendar_feeds: CalendarFeedsTable;
  jobs: JobsTable;
  availability: AvailabilityTable;
  slot_polls: SlotPollsTable;
  slot_poll_votes: SlotPollVotesTable;
  threads: ThreadsTable;
  comments: CommentsTable;
  notifications: NotificationsTable;
  reports: ReportsTable;
  moderation_log: ModerationLogTable;
  group_bans: GroupBansTable;
  reply_tokens: ReplyTokensTable;
  secrets: SecretsTable;
  group_directory: GroupDirectoryTable;
  group_directory_tags: GroupDirectoryTagsTable;
  group_directory_starts: GroupDirectoryStartsTable;
  group_imports: GroupImportsTable;
}

/** Where an imported group came from: (source_url, source_slug) is unique. */
export interface GroupImportsTable {
  group_id: string;
  /** The feed's URL, or the name given to an uploaded file. */
  source_url: string;
  /** The meeting's slug in that feed. */
  source_slug: string;
  session_id: string | null;
  /** Digest of the entry as last imported: unchanged entries are left alone. */
  entry_hash: string;
  imported_by: string | null;
  imported_at: string;
  updated_at: string;
}
