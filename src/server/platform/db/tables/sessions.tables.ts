/** Tables owned by the sessions module; see the owner map in ../schema.ts. */
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
