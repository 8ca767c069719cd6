/** Tables owned by the discussions module; see the owner map in ../schema.ts. */
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
