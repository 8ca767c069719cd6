/**
 * Who owns each table, as data: `table-owners.unit.test.ts` reads it and fails when a module
 * touches a table it does not own beyond what `SHARED_READS` and `READ_ONLY_JOINS` allow.
 *
 * The rule: only a table's owner writes it (insert, update, delete, merge, raw SQL alike) and
 * looks its rows up; another module goes through the owner's service or its `*.hooks.ts`
 * (which take the caller's transaction first). Two exceptions, both read-only:
 * - `SHARED_READS`: any module may read users and groups to put a name beside what it shows
 *   (users.id, users.display_name; groups.id, slug, name), or to lock a group row; an
 *   address or anything private stays behind the accounts/groups hooks.
 * - `READ_ONLY_JOINS`: a few lists filter or decorate their rows with another module's table
 *   in the same paginated statement, where asking the owner would cost a query per row.
 *
 * `platform` is the code under src/server/platform (mail/, jobs/, security/). Migrations, the
 * demo loader and tests are exempt: they build every table.
 */
import type { Database } from './schema.ts';

export type TableOwner =
  | 'accounts'
  | 'groups'
  | 'sessions'
  | 'calendar'
  | 'scheduling'
  | 'discussions'
  | 'notifications'
  | 'moderation'
  | 'email-group'
  | 'directory'
  | 'outbox'
  | 'platform';

export const TABLE_OWNERS = {
  users: 'accounts',
  auth_sessions: 'accounts',
  password_resets: 'accounts',
  groups: 'groups',
  group_charters: 'groups',
  memberships: 'groups',
  invitations: 'groups',
  programmes: 'sessions',
  group_sessions: 'sessions',
  session_exceptions: 'sessions',
  rsvps: 'sessions',
  attendance: 'sessions',
  recaps: 'sessions',
  calendar_feeds: 'calendar',
  availability: 'scheduling',
  slot_polls: 'scheduling',
  slot_poll_votes: 'scheduling',
  threads: 'discussions',
  comments: 'discussions',
  notifications: 'notifications',
  reports: 'moderation',
  moderation_log: 'moderation',
  group_bans: 'moderation',
  reply_tokens: 'email-group',
  group_directory: 'directory',
  group_directory_tags: 'directory',
  group_directory_starts: 'directory',
  group_imports: 'directory',
  // Written by platform/mail; the outbox module (an admin's view of sent mail) reads it.
  outbox: 'platform',
  jobs: 'platform',
  secrets: 'platform',
} as const satisfies Record<keyof Database, TableOwner>;

export type TableName = keyof typeof TABLE_OWNERS;

/** Tables any module may read (never write): names beside content, and group row locks. */
export const SHARED_READS: readonly TableName[] = ['users', 'groups'];

/** Reads of another owner's table that stay where they are, each with its reason. */
export const READ_ONLY_JOINS: Partial<Record<TableOwner, Partial<Record<TableName, string>>>> = {
  outbox: { outbox: "the admin's view of queued and sent mail reads the platform's outbox" },
  notifications: {
    memberships: 'a post notifies every active member in one INSERT … SELECT; the list shows only groups the reader is still an active member of',
    threads: 'the paginated list drops notifications of hidden or deleted posts and shows the thread title',
    comments: 'the paginated list drops notifications of hidden or deleted comments',
  },
  moderation: {
    threads: 'the paginated report queue and audit log show the post (title, body, state) beside each row',
    comments: 'the paginated report queue and audit log show the comment (body, state) beside each row',
  },
  scheduling: {
    memberships: "the time finder lists the group's active members beside their availability, and counts only active members' votes",
  },
};
