/**
 * Sessions as iCalendar (RFC 5545). Pure: rows in, text out.
 *
 * A series is one VEVENT: its first occurrence as local wall time in its zone (TZID, with
 * the zone's VTIMEZONE), the stored RRULE, an EXDATE per cancelled occurrence and an
 * override VEVENT (same UID, RECURRENCE-ID) per moved one. Calendar clients then expand the
 * rule on the group's clock, so 19:00 in Paris stays 19:00 across DST, as on our pages.
 */
import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalCalendar, type ICalDayJsStub } from 'ical-generator';
import type { Locale } from '../../../shared/locale.ts';
import { floatingToInstant, instantToLocal, localToInstant, parseLocal } from '../../../shared/zoned-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { GroupSessionsTable, SessionExceptionsTable } from '../../platform/db/tables/sessions.tables.ts';
import type { MailAttachment } from '../../platform/mail/outbox-writer.ts';
import type { OccurrenceView } from '../sessions/occurrences.ts';
import { expandSchedule, type Occurrence, type Schedule } from '../sessions/recurrence.ts';
import { tzidOf, vtimezoneFor } from './vtimezone.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR = 365 * DAY;
/** How far ahead each zone's definition is guaranteed to match our clock. */
const ZONE_HORIZON = 10 * YEAR;

export type CalendarSession = GroupSessionsTable & { group_name: string };
export type CalendarException = Pick<SessionExceptionsTable, 'session_id' | 'occurrence' | 'status' | 'start_local' | 'duration_minutes' | 'created_at'>;

export interface CalendarOptions {
  /** Base of the links to session pages, e.g. `https://entraide.example`. */
  appUrl: string;
  /** The online link and dial-in: only in a member's own feed or reminder, never otherwise. */
  includeMembersOnly: boolean;
  /** Language of the few labels in descriptions. */
  locale: Locale;
  /** The calendar's name as subscribing clients show it (X-WR-CALNAME). */
  name?: string;
  /** How often subscribers should fetch the feed again. */
  refreshSeconds?: number;
  /** The current time (ms), from the caller's clock: the span the time-zone definitions must cover starts there. */
  now: number;
}

// Labels carry their colon: French puts a space before it.
const LABELS: Record<Locale, { agenda: string; online: string; dialIn: string; accessibility: string; minutes: string }> = {
  en: { agenda: 'Agenda:', online: 'Join online:', dialIn: 'By phone:', accessibility: 'Access:', minutes: 'min' },
  fr: { agenda: 'Déroulé :', online: 'Rejoindre en ligne :', dialIn: 'Par téléphone :', accessibility: 'Accessibilité :', minutes: 'min' },
};

/**
 * A wall-clock time handed to ical-generator, written exactly as given. ical-generator reads
 * a native Date with a TZID through the process's own clock (getHours), so output would
 * depend on the server's TZ; a luxon DateTime would move a time inside a DST gap, which
 * would shift every occurrence of a rule whose first one falls there.
 */
class WallTime implements ICalDayJsStub {
  constructor(
    /** `YYYY-MM-DDTHH:MM` */
    private readonly local: string,
    /** The instant it stands for (ical-generator compares start and end with it). */
    private readonly instant: number,
  ) {}

  format(format?: string): string {
    const [date = '', time = ''] = this.local.split('T');
    if (format === 'YYYYMMDD') return date.replaceAll('-', '');
    if (format === 'HHmmss') return `${time.replace(':', '')}00`;
    return this.local;
  }

  isValid(): boolean {
    return true;
  }

  toDate(): Date {
    return new Date(this.instant);
  }

  toJSON(): string {
    return this.local;
  }
}

const wallAt = (instant: number, zone: string) => new WallTime(instantToLocal(instant, zone), instant);
const compact = (local: string) => `${local.replace(/[-:]/g, '')}00`;

function parseAgenda(json: string): { title: string; minutes: number }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter((i): i is { title: string; minutes: number } => typeof i?.title === 'string' && Number.isInteger(i?.minutes) && i.minutes > 0);
  } catch {
    return [];
  }
}

const scheduleOf = (s: GroupSessionsTable): Schedule => ({ start: s.start_local, timeZone: s.time_zone, durationMinutes: s.duration_minutes, rule: s.rrule });

/**
 * The first occurrence of a recurring schedule. RFC 5545 counts DTSTART as an occurrence
 * even when the rule would not produce it, where our expansion does not; starting the event
 * at the rule's first occurrence makes both agree (COUNT included).
 */
function firstOccurrence(schedule: Schedule): Occurrence | null {
  const from = localToInstant(schedule.start, schedule.timeZone) - DAY;
  for (const days of [40, 800, 20_000]) {
    const first = expandSchedule(schedule, from, from + days * DAY)[0];
    if (first) return first;
  }
  return null;
}

/**
 * The stored rule as is, except an UNTIL without `Z`: with a zoned DTSTART, RFC 5545 wants it
 * in UTC. It becomes the instant our expansion ends at (a date alone means the end of that day
 * on the group's clock).
 */
export function ruleForCalendar(rule: string, timeZone: string): string {
  return rule.replace(/(^|;)UNTIL=([0-9T]+)(?=;|$)/, (_match, separator: string, until: string) => {
    const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
    const floating =
      until.length === 8 ? Date.parse(`${date}T23:59:59Z`) : Date.parse(`${date}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`);
    const instant = floatingToInstant(floating, timeZone);
    return `${separator}UNTIL=${new Date(instant)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`;
  });
}

interface EventContent {
  session: CalendarSession;
  /** Wall time the agenda's clock starts from. */
  startLocal: string;
  url: string;
}

function summaryOf(session: CalendarSession): string {
  return `${session.title} (${session.group_name})`;
}

function descriptionOf({ session, startLocal, url }: EventContent, options: Pick<CalendarOptions, 'includeMembersOnly' | 'locale'>): string {
  const labels = LABELS[options.locale];
  const parts: string[] = [];
  if (session.description) parts.push(session.description);
  const agenda = parseAgenda(session.agenda);
  if (agenda.length > 0) {
    let minute = Number(startLocal.slice(11, 13)) * 60 + Number(startLocal.slice(14, 16));
    const lines = agenda.map((item) => {
      const at = `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      minute += item.minutes;
      return `${at} ${item.title} (${item.minutes} ${labels.minutes})`;
    });
    parts.push([labels.agenda, ...lines].join('\n'));
  }
  if (session.accessibility) parts.push(`${labels.accessibility} ${session.accessibility}`);
  if (options.includeMembersOnly) {
    const access = [
      ...(session.online_url ? [`${labels.online} ${session.online_url}`] : []),
      ...(session.dial_in ? [`${labels.dialIn} ${session.dial_in}`] : []),
    ];
    if (access.length > 0) parts.push(access.join('\n'));
  }
  parts.push(url);
  return parts.join('\n\n');
}

function locationOf(session: CalendarSession, includeMembersOnly: boolean): { title: string; address?: string } | null {
  if (session.mode !== 'online') {
    const title = session.location ?? session.address;
    if (title) return session.location && session.address ? { title, address: session.address } : { title };
  }
  // An online-only session's place is its link, for those who may have it.
  if (session.mode === 'online' && includeMembersOnly && session.online_url) return { title: session.online_url };
  return null;
}

interface EventTimes {
  start: WallTime;
  end: WallTime;
  tzid: string;
  stamp: number;
  recurrenceId?: WallTime;
  repeating?: string;
  cancelled?: boolean;
  /** Overrides the series UID (a single occurrence sent on its own). */
  uid?: string;
}

function addEvent(calendar: ICalCalendar, content: EventContent, times: EventTimes, options: Pick<CalendarOptions, 'includeMembersOnly' | 'locale'>): void {
  const { session } = content;
  const location = locationOf(session, options.includeMembersOnly);
  calendar.createEvent({
    id: times.uid ?? `${session.id}@entraide`,
    stamp: new Date(times.stamp),
    start: times.start,
    end: times.end,
    timezone: times.tzid,
    summary: summaryOf(session),
    description: descriptionOf(content, options),
    url: content.url,
    ...(location ? { location } : {}),
    ...(times.repeating ? { repeating: times.repeating } : {}),
    ...(times.recurrenceId ? { recurrenceId: times.recurrenceId } : {}),
    ...(times.cancelled ? { status: ICalEventStatus.CANCELLED } : {}),
  });
}

const latest = (...stamps: string[]) => Math.max(...stamps.map((s) => Date.parse(s)).filter((n) => !Number.isNaN(n)), 0);

function sessionUrl(appUrl: string, sessionId: string, startsAt?: number): string {
  const base = `${appUrl}/sessions/${sessionId}`;
  return startsAt === undefined ? base : `${base}?occurrence=${encodeURIComponent(new Date(startsAt).toISOString())}`;
}

function newCalendar(options: Pick<CalendarOptions, 'locale' | 'name' | 'refreshSeconds'>, zones: Map<string, string>): ICalCalendar {
  return ical({
    prodId: { company: 'Entraide', product: 'Sessions', language: options.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes the calendar's name without escaping it.
    ...(options.name ? { name: escape(options.name, false) } : {}),
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
    // No calendar-wide zone (DTSTAMP would lose its Z); a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: (tzid) => zones.get(tzid) ?? null },
  });
}

/** Each zone's TZID and definition, covering the times its sessions start from until well ahead. */
function zoneDefinitions(zones: { zone: string; from: number }[], now: number): { tzidOf: Map<string, string>; vtimezones: Map<string, string> } {
  const spans = new Map<string, { zone: string; from: number; to: number }>();
  const tzidByZone = new Map<string, string>();
  for (const { zone, from } of zones) {
    const tzid = tzidOf(zone);
    tzidByZone.set(zone, tzid);
    const span = spans.get(tzid);
    const to = Math.max(now, from) + ZONE_HORIZON;
    spans.set(tzid, span ? { zone: span.zone, from: Math.min(span.from, from), to: Math.max(span.to, to) } : { zone, from, to });
  }
  const vtimezones = new Map<string, string>();
  for (const [tzid, span] of spans) vtimezones.set(tzid, vtimezoneFor(span.zone, span.from - DAY, span.to).vtimezone);
  return { tzidOf: tzidByZone, vtimezones };
}

/**
 * A VCALENDAR of sessions: one VEVENT per series (or one-off), an EXDATE per cancelled
 * occurrence, an override per moved one, and a VTIMEZONE per zone used. Members-only details
 * (online link, dial-in) appear only with `includeMembersOnly`.
 */
export function buildCalendar(sessions: CalendarSession[], exceptions: CalendarException[], options: CalendarOptions): string {
  const { now } = options;
  const earliest = new Map<string, number>();
  for (const s of sessions) {
    const from = localToInstant(s.start_local, s.time_zone);
    earliest.set(s.time_zone, Math.min(earliest.get(s.time_zone) ?? from, from));
  }
  const zones = zoneDefinitions(
    [...earliest].map(([zone, from]) => ({ zone, from })),
    now,
  );
  const calendar = newCalendar(options, zones.vtimezones);
  const byId = new Map<string, CalendarException[]>();
  for (const e of exceptions) byId.set(e.session_id, [...(byId.get(e.session_id) ?? []), e]);

  for (const session of sessions) {
    const zone = session.time_zone;
    const tzid = zones.tzidOf.get(zone)!;
    const own = byId.get(session.id) ?? [];
    const schedule = scheduleOf(session);
    const url = sessionUrl(options.appUrl, session.id);

    if (!session.rrule) {
      // A one-off: its only occurrence's identity is its start.
      const exception = own.find((e) => e.occurrence === session.start_local);
      const moved = exception?.status === 'moved' && exception.start_local ? exception : null;
      const startsAt = localToInstant(moved?.start_local ?? session.start_local, zone);
      const minutes = moved?.duration_minutes ?? session.duration_minutes;
      const start = wallAt(startsAt, zone);
      addEvent(
        calendar,
        { session, startLocal: start.toJSON(), url },
        {
          tzid,
          start,
          end: wallAt(startsAt + minutes * MINUTE, zone),
          stamp: latest(session.updated_at, ...own.map((e) => e.created_at)),
          cancelled: exception?.status === 'cancelled',
        },
        options,
      );
      continue;
    }

    const first = firstOccurrence(schedule);
    if (!first) continue;
    const cancelled = own.filter((e) => e.status === 'cancelled' && parseLocal(e.occurrence) !== null).map((e) => compact(e.occurrence));
    const repeating = [
      `RRULE:${ruleForCalendar(session.rrule, zone)}`,
      ...(cancelled.length > 0 ? [`EXDATE;TZID=${tzid}:${cancelled.sort().join(',')}`] : []),
    ].join('\n');
    addEvent(
      calendar,
      { session, startLocal: first.ruleLocalStart, url },
      {
        tzid,
        start: new WallTime(first.ruleLocalStart, first.startsAt),
        end: wallAt(first.startsAt + session.duration_minutes * MINUTE, zone),
        stamp: latest(session.updated_at, ...own.filter((e) => e.status === 'cancelled').map((e) => e.created_at)),
        repeating,
      },
      options,
    );

    for (const e of own) {
      if (e.status !== 'moved' || !e.start_local || parseLocal(e.occurrence) === null) continue;
      // As on our pages: a move only counts while the occurrence still belongs to the series.
      const identity = localToInstant(e.occurrence, zone);
      const original = expandSchedule(schedule, identity - 1, identity + 1)[0];
      if (!original || original.ruleLocalStart !== e.occurrence) continue;
      const startsAt = localToInstant(e.start_local, zone);
      const start = wallAt(startsAt, zone);
      addEvent(
        calendar,
        { session, startLocal: start.toJSON(), url: sessionUrl(options.appUrl, session.id, startsAt) },
        {
          tzid,
          start,
          end: wallAt(startsAt + (e.duration_minutes ?? session.duration_minutes) * MINUTE, zone),
          stamp: latest(session.updated_at, e.created_at),
          recurrenceId: new WallTime(e.occurrence, original.startsAt),
        },
        options,
      );
    }
  }
  return calendar.toString();
}

/**
 * One occurrence as a calendar of its own (METHOD:PUBLISH), at its actual time, with the
 * online link: for reminder e-mails, which go to members. Its UID names the occurrence, not
 * the series, so that importing next week's reminder adds an event instead of replacing
 * this one, and no client mistakes it for a lone override of a series it has never seen.
 */
export function occurrenceCalendar(
  session: GroupSessionsTable,
  occurrence: Pick<OccurrenceView, 'occurrence' | 'startsAt' | 'endsAt'>,
  groupName: string,
  options: { appUrl: string; locale: Locale; now: number },
): string {
  const zone = session.time_zone;
  const full: CalendarSession = { ...session, group_name: groupName };
  const zones = zoneDefinitions([{ zone, from: occurrence.startsAt }], options.now);
  const calendar = newCalendar({ locale: options.locale }, zones.vtimezones);
  const start = wallAt(occurrence.startsAt, zone);
  addEvent(
    calendar,
    { session: full, startLocal: start.toJSON(), url: sessionUrl(options.appUrl, session.id, occurrence.startsAt) },
    {
      tzid: zones.tzidOf.get(zone)!,
      start,
      end: wallAt(occurrence.endsAt, zone),
      stamp: options.now,
      uid: `${session.id}-${compact(occurrence.occurrence)}@entraide`,
    },
    { includeMembersOnly: true, locale: options.locale },
  );
  return calendar.toString();
}

/**
 * The reminder attachment (fits `OccurrenceAttachment` in sessions/reminders.ts): the
 * occurrence as an .ics file in the member's language.
 */
export function occurrenceAttachment(appUrl: string, clock: Clock) {
  return (session: GroupSessionsTable, occurrence: OccurrenceView, groupName: string, locale: Locale = 'en'): MailAttachment => ({
    filename: 'session.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: occurrenceCalendar(session, occurrence, groupName, { appUrl, locale, now: clock.now().getTime() }),
  });
}
