/** Tables owned by the scheduling module; see the owner map in ../schema.ts. */
/** A member's weekly windows, as wall times in their own zone (one row per person). */
export interface AvailabilityTable {
  user_id: string;
  time_zone: string;
  /** JSON list of { day, start, end } (day 0 = Sunday, "HH:MM"), merged and sorted. */
  windows: string;
  /** JSON list of BCP 47 tags. */
  languages: string;
  /** JSON list of "in-person" | "online", or null when the member has not said. */
  modes: string | null;
  created_at: string;
  updated_at: string;
}

/** A leader's proposal of a few weekly times (group-zone day + time) for members to vote on. */
export interface SlotPollsTable {
  id: string;
  group_id: string;
  title: string;
  time_zone: string;
  duration_minutes: number;
  /** JSON list of { day, start }. */
  slots: string;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One member's answers to a poll, one per proposed slot, in the poll's order. */
export interface SlotPollVotesTable {
  poll_id: string;
  user_id: string;
  /** JSON list of "yes" | "if-need-be" | "no". */
  answers: string;
  created_at: string;
  updated_at: string;
}
