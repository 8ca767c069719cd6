/** Shapes of the scheduling API (`/api/v1/me/availability`, time finder, apply). */
export const PARTICIPATION_MODES = ['in-person', 'online'] as const;
export type ParticipationMode = (typeof PARTICIPATION_MODES)[number];

export interface WeeklyWindow {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  start: string;
  end: string;
}

export interface Availability {
  timeZone: string;
  windows: WeeklyWindow[];
  languages: string[];
  modes: ParticipationMode[] | null;
  updatedAt: string;
}

export interface AvailabilityInput {
  timeZone: string;
  windows: WeeklyWindow[];
  languages: string[];
  modes: ParticipationMode[] | null;
}

export interface Person {
  userId: string;
  displayName: string;
}

export interface ExcludedPerson extends Person {
  timeZone: string;
  localTime: string;
  weeksAvailable: number;
}

export interface FoundSlot {
  startsAt: string;
  localStart: string;
  day: number;
  start: string;
  viewerLocalStart: string;
  available: number;
  total: number;
  partial: number;
  atBadHours: number;
  excluded: ExcludedPerson[];
  excludedCount: number;
}

export interface RotationTime {
  startsAt: string;
  localStart: string;
  day: number;
  start: string;
  viewerLocalStart: string;
  covers: string[];
  badHoursFor: string[];
}

export interface Share extends Person {
  timeZone: string;
  sessions: number;
  badHours: number;
  badHourShare: number | null;
}

export interface HeatArrays {
  available: number[];
  partial: number[];
  mustHaveMissing: number[];
}

export interface TimeFinderResult {
  period: { timeZone: string; from: string; weeks: number; durationMinutes: number };
  slots: FoundSlot[];
  rotation: RotationTime[];
  fairness: {
    badHours: { before: string; after: string };
    optimal: boolean;
    uncovered: Person[];
    shares: Share[];
  };
  total: number;
  withoutAvailability: Person[];
  mustHave: { userIds: string[]; withoutAvailability: Person[] };
  heatmap: HeatArrays & {
    timeZone: string;
    stepMinutes: number;
    viewer: HeatArrays & { timeZone: string; shiftMinutes: number };
  };
}

export interface TimeFinderOptions {
  durationMinutes: number;
  from: string;
  weeks: number;
  zone: string;
  mustHave: string[];
  onlineOnly: boolean;
}

export interface WeeklySlot {
  day: number;
  start: string;
}

export const VOTE_ANSWERS = ['yes', 'if-need-be', 'no'] as const;
export type VoteAnswer = (typeof VOTE_ANSWERS)[number];

export interface PollSlot {
  index: number;
  day: number;
  start: string;
  startsAt: string;
  localStart: string;
  yourLocalStart: string;
  counts: { yes: number; ifNeedBe: number; no: number };
  voters?: { yes: Person[]; ifNeedBe: Person[]; no: Person[] };
}

export interface Poll {
  id: string;
  groupSlug: string;
  title: string;
  timeZone: string;
  durationMinutes: number;
  status: 'open' | 'closed';
  createdBy: Person | null;
  createdAt: string;
  closedAt: string | null;
  voterCount: number;
  viewerTimeZone: string;
  slots: PollSlot[];
  myAnswers: VoteAnswer[] | null;
  canManage: boolean;
}

export interface PollInput {
  title: string;
  durationMinutes: number;
  slots: WeeklySlot[];
}
