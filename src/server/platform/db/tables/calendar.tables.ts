/** Tables owned by the calendar module; see the owner map in ../schema.ts. */
export interface CalendarFeedsTable {
  /** SHA-256 of the secret in the feed URL. */
  id: string;
  user_id: string;
  created_at: string;
}
