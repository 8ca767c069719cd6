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
}
