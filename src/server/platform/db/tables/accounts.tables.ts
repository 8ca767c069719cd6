import type { Generated } from 'kysely';

/** Tables owned by the accounts module; see the owner map in ../schema.ts. */
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
