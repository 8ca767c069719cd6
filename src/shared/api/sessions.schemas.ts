import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { parseLocal } from '../zoned-time.ts';
import { list, text, timeZone, webUrl } from './text-schemas.ts';
import { checkRule } from '../rrule-check.ts';
import { SESSION_MODES } from '../sessions.ts';

/** `YYYY-MM-DDTHH:MM`, a real date and time. */
const localTime = () => z.string().refine((v) => parseLocal(v) !== null, { error: 'issue.localTime' });

/** Any ISO 8601 instant (`2027-03-09T18:00:00.000Z`, `…+01:00`), as epoch milliseconds. */
export const instant = () =>
  z
    .string()
    .max(40)
    .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), {
      error: 'issue.instant',
    })
    .transform((v) => Date.parse(v));

const recurrence = () =>
  z
    .string()
    .max(300)
    .superRefine((value, ctx) => {
      const problem = checkRule(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `issue.rrule.${problem}` });
    });

/** A session's length: the same bounds the web form states. */
const sessionMinutes = () => z.number().int().min(LIMITS.sessionMinutesMin).max(LIMITS.sessionMinutesMax);

export const AgendaItem = z.object({ title: text(120), minutes: z.number().int().min(1).max(600) });
export type AgendaItem = z.infer<typeof AgendaItem>;
const Facilitator = z.union([z.object({ userId: z.uuid() }), z.object({ guestName: text(80) })]);

const sessionFields = {
  title: text(120),
  description: text(4000, { multiline: true }).nullable(),
  start: localTime(),
  timeZone: timeZone(),
  durationMinutes: sessionMinutes(),
  recurrence: recurrence().nullable(),
  mode: z.enum(SESSION_MODES),
  location: text(200).nullable(),
  address: text(500, { multiline: true }).nullable(),
  accessibility: text(1000, { multiline: true }).nullable(),
  onlineUrl: webUrl(500).nullable(),
  dialIn: text(200).nullable(),
  capacity: z.number().int().min(1).max(10000).nullable(),
  agenda: list(AgendaItem, { max: 30 }),
  facilitators: list(Facilitator, { max: 10 }),
};

export const ScheduleSessionBody = z.object(sessionFields).partial().required({ title: true, start: true, timeZone: true, durationMinutes: true, mode: true });
export type ScheduleSessionInput = z.infer<typeof ScheduleSessionBody>;
/** What a client sends to schedule a session (before parsing). */
export type ScheduleSessionRequest = z.input<typeof ScheduleSessionBody>;

export const UpdateSessionBody = z.object(sessionFields).partial().extend({
  /** Change the series from this occurrence on (its startsAt); earlier ones keep their history. */
  fromOccurrence: instant().optional(),
});
export type UpdateSessionInput = z.infer<typeof UpdateSessionBody>;

export const SessionIdParams = z.object({ id: z.uuid() });
export const OccurrenceParams = z.object({ id: z.uuid(), occurrenceStart: instant() });

/** A window bound: an instant, or a bare date (`2027-03-01`, midnight UTC). */
const bound = () =>
  z
    .string()
    .max(40)
    .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v))
    .pipe(instant());

export const OccurrencesQuery = z.object({
  from: bound().optional(),
  to: bound().optional(),
  includeCancelled: z.enum(['true', 'false']).optional(),
});

export const RsvpBody = z.object({ occurrenceStart: instant(), status: z.enum(['going', 'not-going']) });
export const CancelOccurrenceBody = z.object({ occurrenceStart: instant() });
export const MoveOccurrenceBody = z.object({
  occurrenceStart: instant(),
  start: localTime(),
  durationMinutes: sessionMinutes().optional(),
});
export const AttendanceBody = z.object({ occurrenceStart: instant(), present: list(z.uuid(), { max: 10000 }) });
export const RecapBody = z.object({ occurrenceStart: instant(), body: text(10000, { multiline: true }) });

export const ProgrammeBody = z.object({
  title: text(120),
  description: text(4000, { multiline: true }).nullable().optional(),
  parts: list(z.object({ theme: text(120), agenda: list(AgendaItem, { max: 30 }).default([]) }), { min: 1, max: 52 }),
});
export const ScheduleProgrammeBody = z.object({
  start: localTime(),
  timeZone: timeZone(),
  durationMinutes: sessionMinutes(),
  intervalWeeks: z.number().int().min(1).max(8).default(1),
  mode: z.enum(SESSION_MODES),
  location: text(200).nullable().optional(),
  address: text(500, { multiline: true }).nullable().optional(),
  accessibility: text(1000, { multiline: true }).nullable().optional(),
  onlineUrl: webUrl(500).nullable().optional(),
  dialIn: text(200).nullable().optional(),
  capacity: z.number().int().min(1).max(10000).nullable().optional(),
  facilitators: list(Facilitator, { max: 10 }).optional(),
  /** Shown on every session of this cohort (defaults to the programme's title). */
  description: text(4000, { multiline: true }).nullable().optional(),
});
export type ProgrammeRequest = z.input<typeof ProgrammeBody>;
export type ScheduleProgrammeRequest = z.input<typeof ScheduleProgrammeBody>;
export const ProgrammeIdParams = z.object({ id: z.uuid() });

// Responses (documented in OpenAPI; handlers build them in the service).
export const SessionOut = z.object({
  id: z.string(),
  groupSlug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  start: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  recurrence: z.string().nullable(),
  mode: z.enum(SESSION_MODES),
  location: z.string().nullable(),
  address: z.string().nullable(),
  accessibility: z.string().nullable(),
  /** Members only: absent for everyone else. */
  onlineUrl: z.string().nullable().optional(),
  dialIn: z.string().nullable().optional(),
  capacity: z.number().nullable(),
  agenda: z.array(z.object({ title: z.string(), minutes: z.number() })),
  facilitators: z.array(z.object({ userId: z.string().optional(), displayName: z.string().optional(), guestName: z.string().optional() })),
  programmeId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionOut = z.infer<typeof SessionOut>;
/** A facilitator as sessions show them: a leader (`userId`, with their name) or a guest named by hand. */
export type FacilitatorOut = SessionOut['facilitators'][number];
export const SessionResponse = z.object({ session: SessionOut });
export const SessionsResponse = z.object({ sessions: z.array(SessionOut) });

export const OccurrenceOut = z.object({
  sessionId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  localStart: z.string(),
  title: z.string(),
  mode: z.enum(SESSION_MODES),
  status: z.enum(['scheduled', 'moved', 'cancelled']),
  /** Where a moved occurrence was first planned. */
  originalStartsAt: z.string().optional(),
  capacity: z.number().nullable(),
  going: z.number(),
  waitlisted: z.number(),
  myRsvp: z.enum(['going', 'waitlisted', 'not-going']).nullable().optional(),
  groupSlug: z.string(),
  groupName: z.string(),
});
export type OccurrenceOut = z.infer<typeof OccurrenceOut>;
export const OccurrencesResponse = z.object({ occurrences: z.array(OccurrenceOut) });
export const RsvpResponse = z.object({ rsvp: z.object({ status: z.enum(['going', 'waitlisted', 'not-going']) }) });
export type RsvpStatus = z.infer<typeof RsvpResponse>['rsvp']['status'];

const Person = z.object({ userId: z.string(), displayName: z.string() });
export type Person = z.infer<typeof Person>;
export const OccurrenceDetailResponse = z.object({
  session: SessionOut,
  occurrence: OccurrenceOut.omit({ myRsvp: true, groupSlug: true, groupName: true, title: true, mode: true }),
  groupName: z.string(),
  myRsvp: z.enum(['going', 'waitlisted', 'not-going']).nullable(),
  /** Leaders only. */
  going: z.array(Person).optional(),
  waitlist: z.array(Person).optional(),
  attendance: z.array(Person).optional(),
  /** Members only. */
  recap: z.object({ body: z.string(), updatedAt: z.string() }).nullable(),
  canManage: z.boolean(),
});
export type OccurrenceDetailResponse = z.infer<typeof OccurrenceDetailResponse>;

/** Where a moved occurrence now starts. */
export const MovedOccurrenceResponse = z.object({ occurrence: z.object({ startsAt: z.string(), localStart: z.string() }) });
export type MovedOccurrenceResponse = z.infer<typeof MovedOccurrenceResponse>;
export const AttendanceResponse = z.object({ attendance: z.array(Person) });
export type AttendanceResponse = z.infer<typeof AttendanceResponse>;
export const RecapResponse = z.object({ recap: z.object({ body: z.string(), updatedAt: z.string() }) });
export type RecapResponse = z.infer<typeof RecapResponse>;

export const Programme = z.object({
  id: z.string(),
  groupSlug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  parts: z.array(z.object({ theme: z.string(), agenda: z.array(z.object({ title: z.string(), minutes: z.number() })) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof Programme>;
export const ProgrammeResponse = z.object({ programme: Programme });
export const ProgrammesResponse = z.object({ programmes: z.array(Programme) });
