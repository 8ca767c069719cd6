/** Tables owned by the email-group module; see the owner map in ../schema.ts. */
/** A member's personal reply address for one group; revoked when they leave or are removed. */
export interface ReplyTokensTable {
  id: string;
  user_id: string;
  group_id: string;
  created_at: string;
  revoked_at: string | null;
}
