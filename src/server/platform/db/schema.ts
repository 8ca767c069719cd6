/**
 * The database as Kysely sees it. Both engines store the same shapes: ids are random text,
 * instants are ISO 8601 UTC text (they sort correctly as text), booleans are 0/1 integers,
 * and small lists are JSON text. That keeps one code path for SQLite and PostgreSQL.
 *
 * Every table has one owner, and only its owner's repository writes it or looks its rows up;
 * another module goes through the owner's service (or its `*.hooks.ts`, inside the caller's
 * transaction). Other modules may read users (id, display_name) and groups (id, slug, name)
 * to show a name beside their own rows, and a few paginated lists join another's table
 * read-only: `table-owners.ts` holds the map and those exceptions as data, and its unit test
 * fails on any other read or any write of a table the module does not own.
 * Each owner's tables are described in `tables/<owner>.tables.ts`:
 *
 *   accounts       users, auth_sessions, password_resets
 *   groups         groups, group_charters, memberships, invitations
 *   sessions       programmes, group_sessions, session_exceptions, rsvps, attendance, recaps
 *   calendar       calendar_feeds
 *   scheduling     availability, slot_polls, slot_poll_votes
 *   discussions    threads, comments
 *   notifications  notifications
 *   moderation     reports, moderation_log, group_bans
 *   email-group    reply_tokens
 *   directory      group_directory, group_directory_tags, group_directory_starts, group_imports
 *   platform       outbox (mail/; the outbox module reads it), jobs (jobs/), secrets (security/)
 */
import type { UsersTable, AuthSessionsTable, PasswordResetsTable } from './tables/accounts.tables.ts';
import type { CalendarFeedsTable } from './tables/calendar.tables.ts';
import type { GroupDirectoryTable, GroupDirectoryTagsTable, GroupDirectoryStartsTable, GroupImportsTable } from './tables/directory.tables.ts';
import type { ThreadsTable, CommentsTable } from './tables/discussions.tables.ts';
import type { ReplyTokensTable } from './tables/email-group.tables.ts';
import type { GroupsTable, GroupChartersTable, MembershipsTable, InvitationsTable } from './tables/groups.tables.ts';
import type { ReportsTable, ModerationLogTable, GroupBansTable } from './tables/moderation.tables.ts';
import type { NotificationsTable } from './tables/notifications.tables.ts';
import type { OutboxTable, SecretsTable, JobsTable } from './tables/platform.tables.ts';
import type { AvailabilityTable, SlotPollsTable, SlotPollVotesTable } from './tables/scheduling.tables.ts';
import type { ProgrammesTable, GroupSessionsTable, SessionExceptionsTable, RsvpsTable, AttendanceTable, RecapsTable } from './tables/sessions.tables.ts';

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
