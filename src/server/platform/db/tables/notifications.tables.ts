/** Tables owned by the notifications module; see the owner map in ../schema.ts. */
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
