import { z } from 'zod';
import { languageTag, list, text, timeZone } from './text-schemas.ts';
import { ScheduleSessionBody, SessionOut } from './sessions.schemas.ts';
import { parseDate } from '../calendar-date.ts';
import { parseClock } from '../clock-time.ts';
import { PARTICIPATION_MODES, VOTE_ANSWERS } from '../scheduling.ts';

/** Limits of this module, shared by the schemas and the services. */
export const SCHEDULING_LIMITS = {
  windows: 50,
  languages: 20,
  mustHave: 50,
  applySlots: 6,
  pollSlots: 12,
  /** Excluded members listed per slot (the full number is in `excludedCount`). */
  excludedPerSlot: 100,
} as const;

const weekday = () => z.number().int().min(0).max(6);

/** `HH:MM` on the quarter hour; `24:00` too when it ends something. */
function quarterClock(options: { end?: boolean } = {}) {
  return z
    .string()
    .max(5)
    .refine((v) => parseClock(v, options.end) !== null, { error: 'issue.clockTime', abort: true })
    .refine((v) => parseClock(v, options.end)! % 15 === 0, { error: 'issue.quarterHour' });
}

function uniqueBy<T extends z.ZodType>(item: T, bounds: { max: number; min?: number }, key: (value: z.infer<T>) => string) {
  return list(item, bounds).refine((values) => new Set(values.map(key)).size === values.length, { error: 'issue.unique' });
}

/** A date `YYYY-MM-DD` between 2000 and 2099 (offsets are whole quarter-hours from 2000 on). */
const calendarDate = () =>
  z
    .string()
    .max(10)
    .refine((v) => parseDate(v) !== null && v >= '2000-01-01' && v <= '2099-12-31', { error: 'issue.date' });

const WeeklyWindowIn = z
  .object({ day: weekday(), start: quarterClock(), end: quarterClock({ end: true }) })
  .refine((w) => w.start !== w.end, { error: 'issue.emptyWindow', path: ['end'] });

export const AvailabilityBody = z.object({
  timeZone: timeZone().describe('IANA zone the windows are read in (the member’s own)'),
  windows: list(WeeklyWindowIn, { max: SCHEDULING_LIMITS.windows }).describe(
    'Weekly windows: day 0–6 (0 = Sunday), start and end HH:MM on the quarter hour; an end earlier than the start runs into the next day (22:00–02:00), 24:00 ends at midnight. Overlapping and touching windows are merged.',
  ),
  languages: uniqueBy(languageTag(), { max: SCHEDULING_LIMITS.languages }, (t) => t.toLowerCase())
    .optional()
    .describe('BCP 47 tags of the languages they can follow; omitted: keep the saved list'),
  modes: uniqueBy(z.enum(PARTICIPATION_MODES), { max: 2, min: 1 }, (m) => m)
    .nullable()
    .optional()
    .describe('How they can take part; null: not said (counts as both); omitted: keep the saved value'),
});
export type AvailabilityInput = z.infer<typeof AvailabilityBody>;

const WeeklyWindowOut = z.object({ day: z.number(), start: z.string(), end: z.string() });
const AvailabilityOut = z.object({
  timeZone: z.string(),
  windows: z.array(WeeklyWindowOut),
  languages: z.array(z.string()),
  modes: z.array(z.enum(PARTICIPATION_MODES)).nullable(),
  updatedAt: z.string(),
});
export type Availability = z.infer<typeof AvailabilityOut>;
export type WeeklyWindow = Availability['windows'][number];
export const AvailabilityResponse = z.object({ availability: AvailabilityOut });
export const MaybeAvailabilityResponse = z.object({ availability: AvailabilityOut.nullable() });

/** `a,b` or `?x=a&x=b`, as a list. */
const idList = (max: number) =>
  z
    .union([z.string().max(4000), z.array(z.string().max(4000)).max(max)])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== ''))
    .pipe(list(z.uuid(), { max }));

export const TimeFinderQuery = z.object({
  durationMinutes: z.coerce
    .number()
    .int()
    .min(15)
    .max(240)
    .default(90)
    .describe('Session length; a member counts for a slot only if the whole session fits their windows'),
  from: calendarDate().optional().describe('YYYY-MM-DD in the group’s zone; each slot’s first occurrence is on or after it (default: today there)'),
  weeks: z.coerce.number().int().min(1).max(12).default(4).describe('Consecutive weeks evaluated, each with its own clock changes'),
  zone: timeZone().optional().describe('Zone for viewerLocalStart and heatmap.viewer (default: the caller’s own)'),
  mustHave: idList(SCHEDULING_LIMITS.mustHave)
    .optional()
    .describe('User ids (comma-separated or repeated) who must be able to attend: other slots are left out of slots and rotation'),
  onlineOnly: z.enum(['true', 'false']).optional().describe('true: only members whose availability says they take part online (or does not say)'),
  language: languageTag().optional().describe('Only members who follow this language (same primary subtag) or listed none'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('How many of the best slots to return in detail'),
});
export type TimeFinderOptions = z.infer<typeof TimeFinderQuery>;

/** A weekly time in the group's zone: a day and a start on the quarter hour. */
const WeeklySlotIn = z.object({ day: weekday(), start: quarterClock() });
export type WeeklySlot = z.infer<typeof WeeklySlotIn>;

export const ApplyBody = ScheduleSessionBody.omit({ start: true, timeZone: true, recurrence: true }).extend({
  slots: uniqueBy(WeeklySlotIn, { min: 1, max: SCHEDULING_LIMITS.applySlots }, (s) => `${s.day} ${s.start}`).describe(
    'Weekly times in the group’s zone (day 0 = Sunday, start HH:MM), e.g. from slots[] or rotation[]',
  ),
  startDate: calendarDate().optional().describe('YYYY-MM-DD in the group’s zone from which the sessions start (default: today there)'),
  rotation: z
    .boolean()
    .optional()
    .describe('true: the times take turns, one session a week (slot i first in week i, then every k weeks); false or omitted: each time every week'),
});
export type ApplyInput = z.infer<typeof ApplyBody>;
export const ApplyResponse = z.object({ sessions: z.array(SessionOut) });

const Person = z.object({ userId: z.string(), displayName: z.string() });
type Person = z.infer<typeof Person>;
const ExcludedOut = Person.extend({
  timeZone: z.string().describe('The zone of their availability'),
  localTime: z.string().describe('Their own wall time YYYY-MM-DDTHH:MM at the slot’s first occurrence'),
  weeksAvailable: z.number().describe('In how many of the evaluated weeks they could attend (0 … weeks − 1)'),
});
const SlotOut = z.object({
  startsAt: z.string().describe('First occurrence on or after `from`, UTC'),
  localStart: z.string().describe('Group-zone wall time of the first occurrence, YYYY-MM-DDTHH:MM'),
  day: z.number().describe('The slot in the group’s zone: day 0–6 (0 = Sunday) …'),
  start: z.string().describe('… and start HH:MM (what apply and polls take)'),
  viewerLocalStart: z.string().describe('The first occurrence on the viewer’s clock (`zone`)'),
  available: z.number().describe('Members (with availability) who can attend the whole session on every evaluated week'),
  total: z.number().describe('Members with availability (after onlineOnly and language)'),
  partial: z.number().describe('Members who can attend in some evaluated weeks but not all'),
  atBadHours: z.number().describe('Of those available, how many would be outside 08:00–21:00 on their own clock'),
  excluded: z.array(ExcludedOut).describe('Members who cannot attend every week, most weeks first (at most 100)'),
  excludedCount: z.number(),
});
export const TimeFinderResponse = z.object({
  period: z.object({ timeZone: z.string(), from: z.string(), weeks: z.number(), durationMinutes: z.number() }),
  slots: z
    .array(SlotOut)
    .describe(
      'Best first (most available, then most partly available, then fewest at bad hours, then earliest): at most `limit`, only slots every must-have person can attend; empty when nobody has stated availability',
    ),
  rotation: z
    .array(
      z.object({
        startsAt: z.string(),
        localStart: z.string(),
        day: z.number(),
        start: z.string(),
        viewerLocalStart: z.string(),
        covers: z.array(z.string()).describe('Members who can attend this time every week'),
        badHoursFor: z.array(z.string()).describe('Of covers, those for whom it falls outside 08:00–21:00'),
      }),
    )
    .describe(
      'A few weekly times that together give every member who can be reached at least one session inside their windows: coverage first, then fewest times, then the fairest spread of bad hours',
    ),
  fairness: z.object({
    badHours: z.object({ before: z.string(), after: z.string() }).describe('Bad hours: before 08:00 or after 21:00 on one’s own clock'),
    optimal: z.boolean().describe('true: the rotation is the exact optimum; false: the best found within the work budget'),
    uncovered: z.array(Person).describe('Members no eligible time suits'),
    shares: z
      .array(Person.extend({ timeZone: z.string(), sessions: z.number(), badHours: z.number(), badHourShare: z.number().nullable() }))
      .describe('Per member: rotation times they can attend, how many are bad hours for them, and the share (null when none suits them)'),
  }),
  total: z.number(),
  withoutAvailability: z.array(Person),
  mustHave: z.object({ userIds: z.array(z.string()), withoutAvailability: z.array(Person) }),
  heatmap: z
    .object({
      timeZone: z.string(),
      stepMinutes: z.number(),
      available: z.array(z.number()).describe('672 counts, index day × 96 + quarter (day 0 = Sunday), in the group’s zone: as slots[].available'),
      partial: z.array(z.number()).describe('672 counts: as slots[].partial'),
      mustHaveMissing: z.array(z.number()).describe('672 counts of must-have people who cannot attend (0: eligible)'),
      viewer: z
        .object({
          timeZone: z.string(),
          shiftMinutes: z.number(),
          available: z.array(z.number()),
          partial: z.array(z.number()),
          mustHaveMissing: z.array(z.number()),
        })
        .describe('The same three arrays re-indexed on the viewer’s week grid, shifted by the offset between the two clocks at the start of `from`'),
    })
    .describe('The whole week’s scores, for a heat map'),
});
export type TimeFinderResult = z.infer<typeof TimeFinderResponse>;
export type FoundSlot = TimeFinderResult['slots'][number];

// Slot polls.

export const PollBody = z.object({
  title: text(120),
  durationMinutes: z.number().int().min(15).max(240),
  slots: uniqueBy(WeeklySlotIn, { min: 1, max: SCHEDULING_LIMITS.pollSlots }, (s) => `${s.day} ${s.start}`),
});
export type PollInput = z.infer<typeof PollBody>;
export const VoteBody = z.object({ answers: list(z.enum(VOTE_ANSWERS), { min: 1, max: SCHEDULING_LIMITS.pollSlots }) });
export const PollIdParams = z.object({ id: z.uuid() });
export const PollQuery = z.object({ zone: timeZone().optional() });

const Counts = z.object({ yes: z.number(), ifNeedBe: z.number(), no: z.number() });
const PollOut = z.object({
  id: z.string(),
  groupSlug: z.string(),
  title: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number(),
  status: z.enum(['open', 'closed']),
  createdBy: Person.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  voterCount: z.number(),
  viewerTimeZone: z.string(),
  slots: z.array(
    z.object({
      index: z.number(),
      day: z.number(),
      start: z.string(),
      startsAt: z.string().describe('The next occurrence from now, UTC'),
      localStart: z.string().describe('That occurrence in the poll’s (group’s) zone'),
      yourLocalStart: z.string().describe('That occurrence on the viewer’s clock (`zone`, default their own)'),
      counts: Counts,
      voters: z
        .object({ yes: z.array(Person), ifNeedBe: z.array(Person), no: z.array(Person) })
        .optional()
        .describe('Leaders only'),
    }),
  ),
  myAnswers: z.array(z.enum(VOTE_ANSWERS)).nullable(),
  canManage: z.boolean(),
});
export type Poll = z.infer<typeof PollOut>;
export const PollResponse = z.object({ poll: PollOut });
export const PollsResponse = z.object({ polls: z.array(PollOut) });
