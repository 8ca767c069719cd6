/** Tables owned by the moderation module; see the owner map in ../schema.ts. */
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
