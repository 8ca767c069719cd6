import type { ColumnType, Generated } from 'kysely';

/** Tables owned by the groups module; see the owner map in ../schema.ts. */
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
