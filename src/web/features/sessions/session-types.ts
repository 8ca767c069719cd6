/** The sessions API as the web app reads it (see sessions.schemas.ts on the server). */
export const SESSION_MODES = ['in-person', 'online', 'hybrid'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Modes held at a venue (address, access) and modes with a way in from afar (link, phone). */
export const hasPlace = (mode: SessionMode) => mode !== 'online';
export const hasLink = (mode: SessionMode) => mode !== 'in-person';

export type RsvpStatus = 'going' | 'waitlisted' | 'not-going';
export type OccurrenceStatus = 'scheduled' | 'moved' | 'cancelled';

export interface AgendaItem {
  title: string;
  minutes: number;
}

/** A leader of the group (`userId`, with their name) or a guest named by hand. */
export interface Facilitator {
  userId?: string;
  displayName?: string;
  guestName?: string;
}

export interface Session {
  id: string;
  groupSlug: string;
  title: string;
  description: string | null;
  /** Local wall time `YYYY-MM-DDTHH:MM` in `timeZone`. */
  start: string;
  timeZone: string;
  durationMinutes: number;
  recurrence: string | null;
  mode: SessionMode;
  location: string | null;
  address: string | null;
  accessibility: string | null;
  /** Members only: the key is absent for everyone else. */
  onlineUrl?: string | null;
  dialIn?: string | null;
  capacity: number | null;
  agenda: AgendaItem[];
  facilitators: Facilitator[];
  programmeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Occurrence {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localStart: string;
  title: string;
  mode: SessionMode;
  status: OccurrenceStatus;
  /** Where a moved occurrence was first planned. */
  originalStartsAt?: string;
  capacity: number | null;
  going: number;
  waitlisted: number;
  /** Present for members (null: no answer yet). */
  myRsvp?: RsvpStatus | null;
  groupSlug: string;
  groupName: string;
}

export interface Person {
  userId: string;
  displayName: string;
}

export interface OccurrenceDetail {
  session: Session;
  occurrence: Omit<Occurrence, 'myRsvp' | 'groupSlug' | 'groupName' | 'title' | 'mode'>;
  groupName: string;
  myRsvp: RsvpStatus | null;
  /** Leaders only. */
  going?: Person[];
  waitlist?: Person[];
  attendance?: Person[];
  /** Members only. */
  recap: { body: string; updatedAt: string } | null;
  canManage: boolean;
}

/** What scheduling or editing a session sends; blank optional text is sent as null. */
export interface SessionInput {
  title: string;
  description: string | null;
  start: string;
  timeZone: string;
  durationMinutes: number;
  recurrence: string | null;
  mode: SessionMode;
  location: string | null;
  address: string | null;
  accessibility: string | null;
  onlineUrl: string | null;
  dialIn: string | null;
  capacity: number | null;
  agenda: AgendaItem[];
  facilitators: ({ userId: string } | { guestName: string })[];
}

export interface ProgrammePart {
  theme: string;
  agenda: AgendaItem[];
}

export interface Programme {
  id: string;
  groupSlug: string;
  title: string;
  description: string | null;
  parts: ProgrammePart[];
  createdAt: string;
  updatedAt: string;
}

export interface ProgrammeInput {
  title: string;
  description: string | null;
  parts: ProgrammePart[];
}

export interface ScheduleProgrammeInput {
  start: string;
  timeZone: string;
  durationMinutes: number;
  intervalWeeks: number;
  mode: SessionMode;
  location: string | null;
  address: string | null;
  onlineUrl: string | null;
  capacity: number | null;
}

export interface CalendarFeed {
  url: string;
}
