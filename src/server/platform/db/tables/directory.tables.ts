import type { Generated } from 'kysely';

/** Tables owned by the directory module; see the owner map in ../schema.ts. */
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
