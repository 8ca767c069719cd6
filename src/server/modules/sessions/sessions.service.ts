import { randomUUID } from 'node:crypto';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { formatInstant, formatWhen } from '../../../shared/datetime-format.ts';
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.ts';
import type { Db } from '../../platform/db/database.ts';
import { lockForUpdate } from '../../platform/db/locks.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound, type Issue } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { renderMail } from '../../platform/mail/render.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import type { GroupNeed } from '../groups/groups.policy.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import { occurrenceAt, occurrencesOf, type OccurrenceView } from './occurrences.ts';
import { promoteWaitlist, type Promotion } from './sessions.hooks.ts';
import { expandSchedule } from './recurrence.ts';
import type { Schedule } from './recurrence.ts';
import type { ScheduleSessionInput, SessionMode, UpdateSessionInput } from '../../../shared/api/sessions.schemas.ts';
import * as repo from './sessions.repository.ts';

const DAY = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 400;

type RsvpStatus = 'going' | 'waitlisted' | 'not-going';

export function scheduleOf(s: repo.SessionRow): Schedule {
  return { start: s.start_local, timeZone: s.time_zone, durationMinutes: s.duration_minutes, rule: s.rrule };
}

function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

type FacilitatorRow = { userId: string } | { guestName: string };

/** Reads the window of a listing: from now for 90 days unless given; at most 400 days. */
export function resolveWindow(from: number | undefined, to: number | undefined, now: number): { from: number; to: number } {
  const start = from ?? now;
  const end = to ?? start + DEFAULT_WINDOW_DAYS * DAY;
  if (end <= start) throw new AppError('VALIDATION', { issues: [{ path: 'query.to', key: 'issue.instant' }] });
  if (end - start > MAX_WINDOW_DAYS * DAY) throw new AppError('VALIDATION', { issues: [{ path: 'query.to', key: 'issue.windowTooLong' }] });
  return { from: start, to: end };
}

export function createSessionsService(deps: ServiceDeps & { groups: GroupsService }) {
  const { db, groups } = deps;

  /** The session and its group as the actor may know them: 404 when they may not. */
  async function loadVisibleSession(actor: Actor | null, id: string, need: GroupNeed = 'view') {
    const session = await repo.findSession(db, id);
    if (!session) throw notFound();
    return { session, ...(await groups.loadGroupFor(actor, { id: session.group_id }, need)) };
  }

  const loadSessionAsLeader = (actor: Actor, id: string) => loadVisibleSession(actor, id, 'lead');
  const loadSessionAsMember = (actor: Actor, id: string) => loadVisibleSession(actor, id, 'member');

  /** So two last-place RSVPs cannot both win. */
  const lockSession = (trx: Db, id: string) => lockForUpdate(trx, deps.dialect, 'group_sessions', id);

  async function requireOccurrence(session: repo.SessionRow, instant: number): Promise<OccurrenceView> {
    const exceptions = await repo.listExceptions(db, [session.id]);
    const occurrence = occurrenceAt(scheduleOf(session), exceptions, instant);
    if (!occurrence) throw new AppError('VALIDATION', { issues: [{ path: 'occurrenceStart', key: 'issue.noOccurrence' }] });
    return occurrence;
  }

  /**
   * RFC 5545 counts DTSTART as the first occurrence even off the rule; rrule (and most
   * calendars in practice) would skip it. A series must therefore start on one of its days.
   */
  function assertStartInRule(row: Pick<repo.SessionRow, 'start_local' | 'time_zone' | 'duration_minutes' | 'rrule'>): void {
    if (!row.rrule) return;
    const schedule = scheduleOf(row as repo.SessionRow);
    const instant = localToInstant(row.start_local, row.time_zone);
    const first = expandSchedule(schedule, instant - 1, instant + 1)[0];
    if (!first || first.ruleLocalStart !== row.start_local) throw new AppError('VALIDATION', { issues: [{ path: 'start', key: 'issue.startNotInRule' }] });
  }

  /**
   * Gives occurrence data (answers, attendance, recaps, exceptions, recap threads) new identities — same
   * date, the series' new time — and recomputes each answer's start for its reminder.
   */
  async function rekeyOccurrences(trx: Db, fromSession: string, to: repo.SessionRow, renames: Map<string, string>): Promise<void> {
    await repo.moveOccurrenceData(trx, fromSession, to.id, renames);
    const exceptions = await repo.listExceptions(trx, [to.id]);
    for (const occurrence of new Set(renames.values())) {
      const moved = exceptions.find((e) => e.occurrence === occurrence && e.status === 'moved' && e.start_local);
      const startsAt = localToInstant(moved?.start_local ?? occurrence, to.time_zone);
      await repo.updateRsvpStart(trx, to.id, occurrence, new Date(startsAt).toISOString());
    }
  }

  async function checkFacilitators(groupId: string, facilitators: FacilitatorRow[] | undefined): Promise<void> {
    if (!facilitators) return;
    const issues: Issue[] = [];
    for (const [i, f] of facilitators.entries()) {
      if (!('userId' in f)) continue;
      if (!groupPolicy.isLeader(await groups.membershipOf(groupId, f.userId))) issues.push({ path: `facilitators.${i}.userId`, key: 'issue.notLeader' });
    }
    if (issues.length > 0) throw new AppError('VALIDATION', { issues });
  }

  async function present(session: repo.SessionRow, groupSlug: string, isMember: boolean) {
    const facilitators = parseJson<FacilitatorRow[]>(session.facilitators, []);
    const ids = facilitators.flatMap((f) => ('userId' in f ? [f.userId] : []));
    const names = await repo.listDisplayNames(db, ids);
    const nameOf = new Map(names.map((n) => [n.id, n.display_name]));
    return {
      id: session.id,
      groupSlug,
      title: session.title,
      description: session.description,
      start: session.start_local,
      timeZone: session.time_zone,
      durationMinutes: session.duration_minutes,
      recurrence: session.rrule,
      mode: session.mode as SessionMode,
      location: session.location,
      address: session.address,
      accessibility: session.accessibility,
      // The way in is for members only: a public page must not become an open door.
      ...(isMember ? { onlineUrl: session.online_url, dialIn: session.dial_in } : {}),
      capacity: session.capacity,
      agenda: parseJson<{ title: string; minutes: number }[]>(session.agenda, []),
      facilitators: facilitators.map((f) => ('userId' in f ? { userId: f.userId, displayName: nameOf.get(f.userId) ?? '' } : { guestName: f.guestName })),
      programmeId: session.programme_id,
      createdAt: session.created_at,
      updatedAt: session.updated_at,
    };
  }

  /** Occurrences of several sessions with RSVP counts and, for a signed-in member, their answer. */
  async function listOccurrenceViews(
    sessions: (repo.SessionRow & { group_slug: string; group_name: string })[],
    window: { from: number; to: number },
    options: { includeCancelled: boolean; viewerId: string | null },
  ) {
    const ids = sessions.map((s) => s.id);
    const [exceptions, counts, mine] = await Promise.all([
      repo.listExceptions(db, ids),
      repo.countRsvps(db, ids),
      options.viewerId ? repo.listRsvpsOfUser(db, options.viewerId, ids) : Promise.resolve([]),
    ]);
    const countOf = new Map(counts.map((c) => [`${c.session_id}|${c.occurrence}|${c.status}`, Number(c.n)]));
    const mineOf = new Map(mine.map((r) => [`${r.session_id}|${r.occurrence}`, r.status as RsvpStatus]));
    const out = [];
    for (const s of sessions) {
      const own = exceptions.filter((e) => e.session_id === s.id);
      for (const o of occurrencesOf(scheduleOf(s), own, window.from, window.to, options.includeCancelled)) {
        const key = `${s.id}|${o.occurrence}`;
        out.push({
          sessionId: s.id,
          startsAt: new Date(o.startsAt).toISOString(),
          endsAt: new Date(o.endsAt).toISOString(),
          timeZone: s.time_zone,
          localStart: o.localStart,
          title: s.title,
          mode: s.mode as SessionMode,
          status: o.status,
          ...(o.originalStartsAt !== undefined ? { originalStartsAt: new Date(o.originalStartsAt).toISOString() } : {}),
          capacity: s.capacity,
          going: countOf.get(`${key}|going`) ?? 0,
          waitlisted: countOf.get(`${key}|waitlisted`) ?? 0,
          ...(options.viewerId ? { myRsvp: mineOf.get(key) ?? null } : {}),
          groupSlug: s.group_slug,
          groupName: s.group_name,
        });
      }
    }
    return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.sessionId.localeCompare(b.sessionId));
  }

  async function notify(
    session: repo.SessionRow,
    groupName: string,
    occurrence: string,
    kind: 'cancelled' | 'moved',
    build: (locale: Locale, zone: string) => Record<string, string>,
    options: { at?: number } = {},
  ) {
    const { at } = options;
    const contacts = await repo.listRsvpContacts(db, session.id, occurrence);
    const url = `${deps.appUrl}/sessions/${session.id}${at === undefined ? '' : `?occurrence=${encodeURIComponent(new Date(at).toISOString())}`}`;
    for (const c of contacts) {
      const locale = isLocale(c.locale) ? c.locale : 'en';
      const params = { name: c.display_name, session: session.title, group: groupName, ...build(locale, c.time_zone) };
      const mail = renderMail(locale, { subject: `mail.${kind}.subject`, body: `mail.${kind}.body`, action: `mail.${kind}.action` }, params, url);
      await deps.mailer.send({ ...mail, to: c.email, kind: `session-${kind}` });
    }
  }

  /**
   * Mails each person promoted from a wait-list, in their language and with the time in
   * their zone. Called once the promoting transaction has committed. Someone whose answer
   * is no longer "going" by then is not told; the dedupe key carries the promotion's time,
   * so telling twice about one promotion records one mail while a later promotion (after
   * giving the place up and queueing again) gets its own.
   */
  async function notifyPromoted(promotions: readonly Promotion[]): Promise<void> {
    for (const p of promotions) {
      if (p.userIds.length === 0) continue;
      const session = await repo.findSession(db, p.sessionId);
      if (!session) continue;
      const group = await groups.describeGroup(session.group_id);
      if (!group) continue;
      for (const userId of p.userIds) {
        const answer = await repo.findRsvpWithContact(db, session.id, p.occurrence, userId);
        if (!answer || answer.status !== 'going') continue;
        const locale = isLocale(answer.locale) ? answer.locale : 'en';
        const startsAt = Date.parse(answer.starts_at);
        const url = `${deps.appUrl}/sessions/${session.id}?occurrence=${encodeURIComponent(new Date(startsAt).toISOString())}`;
        const mail = renderMail(
          locale,
          { subject: 'mail.promoted.subject', body: 'mail.promoted.body', action: 'mail.promoted.action' },
          { name: answer.display_name, session: session.title, group: group.name, when: formatWhen(startsAt, locale, session.time_zone, answer.time_zone) },
          url,
        );
        await deps.mailer.send({
          ...mail,
          to: answer.email,
          kind: 'session-promoted',
          // Re-checked at send time: someone who left the group meanwhile is not mailed.
          recipientId: userId,
          groupId: session.group_id,
          dedupeKey: `promoted:${session.id}:${p.occurrence}:${userId}:${answer.updated_at}`,
        });
      }
    }
  }

  function rowFromInput(input: ScheduleSessionInput | UpdateSessionInput): Partial<repo.SessionRow> {
    const c: Partial<repo.SessionRow> = {};
    if (input.title !== undefined) c.title = input.title;
    if (input.description !== undefined) c.description = input.description;
    if (input.start !== undefined) c.start_local = input.start;
    if (input.timeZone !== undefined) c.time_zone = input.timeZone;
    if (input.durationMinutes !== undefined) c.duration_minutes = input.durationMinutes;
    if (input.recurrence !== undefined) c.rrule = input.recurrence;
    if (input.mode !== undefined) c.mode = input.mode;
    if (input.location !== undefined) c.location = input.location;
    if (input.address !== undefined) c.address = input.address;
    if (input.accessibility !== undefined) c.accessibility = input.accessibility;
    if (input.onlineUrl !== undefined) c.online_url = input.onlineUrl;
    if (input.dialIn !== undefined) c.dial_in = input.dialIn;
    if (input.capacity !== undefined) c.capacity = input.capacity;
    if (input.agenda !== undefined) c.agenda = JSON.stringify(input.agenda);
    if (input.facilitators !== undefined) c.facilitators = JSON.stringify(input.facilitators);
    return c;
  }

  return {
    loadVisibleSession,
    notifyPromoted,

    /** Schedules a one-off or recurring session (leaders of a published group only). */
    async scheduleSession(actor: Actor, slug: string, input: ScheduleSessionInput, options: { programmeId?: string } = {}) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      if (group.status !== 'active') throw new AppError('NOT_PUBLISHED');
      await checkFacilitators(group.id, input.facilitators);
      const now = new Date().toISOString();
      const row: repo.SessionRow = {
        id: randomUUID(),
        group_id: group.id,
        title: input.title,
        description: null,
        start_local: input.start,
        time_zone: input.timeZone,
        duration_minutes: input.durationMinutes,
        rrule: null,
        mode: input.mode,
        location: null,
        address: null,
        accessibility: null,
        online_url: null,
        dial_in: null,
        capacity: null,
        agenda: '[]',
        facilitators: '[]',
        programme_id: options.programmeId ?? null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
        ...rowFromInput(input),
      };
      assertStartInRule(row);
      await repo.insertSession(db, row);
      await deps.events.emit('session.scheduled', { groupId: group.id, sessionId: row.id });
      return present(row, group.slug, true);
    },

    /** The group's sessions (series and one-offs), as the actor may see them. */
    async listSessions(actor: Actor | null, slug: string) {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'view');
      const rows = await repo.listSessionsOfGroup(db, group.id);
      return Promise.all(rows.map((r) => present(r, group.slug, groupPolicy.isActiveMember(membership))));
    },

    async getSession(actor: Actor | null, id: string) {
      const { session, group, membership } = await loadVisibleSession(actor, id);
      return present(session, group.slug, groupPolicy.isActiveMember(membership));
    },

    /**
     * Changes a session. Without `fromOccurrence` the whole series changes. With it, the
     * series is split: earlier occurrences keep their details and history, and a new series
     * with the changes starts at that occurrence (RSVPs, recaps, their comment threads and
     * exceptions follow it).
     */
    async updateSession(actor: Actor, id: string, input: UpdateSessionInput) {
      const { session, group } = await loadSessionAsLeader(actor, id);
      await checkFacilitators(group.id, input.facilitators);
      const now = new Date().toISOString();
      if (input.fromOccurrence === undefined) {
        const changes = { ...rowFromInput(input), updated_at: now };
        const next = { ...session, ...changes };
        assertStartInRule(next);
        const promotions = await db.transaction().execute(async (trx) => {
          await lockSession(trx, id);
          await repo.updateSession(trx, id, changes);
          if (next.start_local !== session.start_local || next.time_zone !== session.time_zone) {
            // Same dates, new wall time: what members said about each date stays with it.
            const time = next.start_local.slice(10);
            const ids = await repo.listOccurrencesWithDataFrom(trx, id, '');
            await rekeyOccurrences(trx, id, next, new Map(ids.map((o) => [o, `${o.slice(0, 10)}${time}`])));
          }
          const promoted: Promotion[] = [];
          if (input.capacity !== undefined) {
            // A larger room frees places for every upcoming occurrence's wait-list.
            for (const occurrence of await repo.listWaitlistedOccurrences(trx, id)) {
              promoted.push({ sessionId: id, occurrence, userIds: await promoteWaitlist(trx, next, occurrence) });
            }
          }
          return promoted;
        });
        await notifyPromoted(promotions);
        await deps.events.emit('session.updated', { groupId: group.id, sessionId: id });
        const updated = (await repo.findSession(db, id))!;
        return present(updated, group.slug, true);
      }
      const from = await requireOccurrence(session, input.fromOccurrence);
      if (from.status === 'cancelled') throw new AppError('OCCURRENCE_CANCELLED');
      const newId = randomUUID();
      await db.transaction().execute(async (trx) => {
        const old = scheduleOf(session);
        const base: repo.SessionRow = { ...session, id: newId, start_local: from.occurrence, created_at: now, updated_at: now };
        const next: repo.SessionRow = { ...base, ...rowFromInput(input) };
        // The old series ends just before the split; COUNT becomes what is left for the new one.
        const kept = occurrencesOf(old, [], localToInstant(session.start_local, session.time_zone), localToInstant(from.occurrence, old.timeZone), true).length;
        const countMatch = session.rrule ? /(?:^|;)COUNT=(\d+)/.exec(session.rrule) : null;
        if (session.rrule && input.recurrence === undefined) {
          next.rrule = countMatch ? session.rrule.replace(/COUNT=\d+/, `COUNT=${Math.max(1, Number(countMatch[1]) - kept)}`) : session.rrule;
        }
        const untilInstant = localToInstant(from.occurrence, old.timeZone) - 1000;
        const until = new Date(untilInstant)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}/, '');
        const oldRule = session.rrule ? `${session.rrule.replace(/;?(COUNT|UNTIL)=[^;]+/g, '')};UNTIL=${until}` : null;
        assertStartInRule(next);
        await repo.updateSession(trx, session.id, { rrule: oldRule, updated_at: now });
        await repo.insertSession(trx, next);
        // Occurrences keep their date; their identity takes the new series' wall-clock time.
        const ids = await repo.listOccurrencesWithDataFrom(trx, session.id, from.occurrence);
        const time = next.start_local.slice(10);
        await rekeyOccurrences(trx, session.id, next, new Map(ids.map((o) => [o, `${o.slice(0, 10)}${time}`])));
      });
      await deps.events.emit('session.updated', { groupId: group.id, sessionId: id });
      await deps.events.emit('session.scheduled', { groupId: group.id, sessionId: newId });
      const created = (await repo.findSession(db, newId))!;
      return present(created, group.slug, true);
    },

    /** Deletes a session and all its occurrences (leaders only). */
    async deleteSession(actor: Actor, id: string): Promise<void> {
      const { group } = await loadSessionAsLeader(actor, id);
      await repo.deleteSession(db, id);
      await deps.events.emit('session.deleted', { groupId: group.id, sessionId: id });
    },

    /** A group's occurrences in a window, for whoever may see the group. */
    async listOccurrences(actor: Actor | null, slug: string, query: { from?: number; to?: number; includeCancelled?: boolean }) {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'view');
      const window = resolveWindow(query.from, query.to, Date.now());
      const sessions = (await repo.listSessionsOfGroup(db, group.id)).map((s) => ({ ...s, group_slug: group.slug, group_name: group.name }));
      const viewerId = actor && groupPolicy.isActiveMember(membership) ? actor.id : null;
      return listOccurrenceViews(sessions, window, { includeCancelled: query.includeCancelled ?? false, viewerId });
    },

    /** Every occurrence across the actor's groups, with their answers ("my sessions"). */
    async listMySessions(actor: Actor, query: { from?: number; to?: number; includeCancelled?: boolean }) {
      const window = resolveWindow(query.from, query.to, Date.now());
      const sessions = await repo.listSessionsOfGroups(db, await groups.activeGroupIdsOf(actor.id));
      return listOccurrenceViews(sessions, window, { includeCancelled: query.includeCancelled ?? false, viewerId: actor.id });
    },

    /**
     * Going or not going to one occurrence. When it is full, "going" joins the wait-list;
     * when someone going withdraws, the first on the wait-list gets the place (and a mail).
     */
    async rsvp(actor: Actor, id: string, instant: number, wanted: 'going' | 'not-going'): Promise<RsvpStatus> {
      const { session } = await loadSessionAsMember(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      if (occurrence.status === 'cancelled') throw new AppError('OCCURRENCE_CANCELLED');
      if (occurrence.endsAt <= Date.now()) throw new AppError('OCCURRENCE_PAST');
      const now = new Date().toISOString();
      const { status, promoted } = await db.transaction().execute(async (trx) => {
        await lockSession(trx, id);
        const current = await repo.findRsvp(trx, id, occurrence.occurrence, actor.id);
        const row = {
          session_id: id,
          occurrence: occurrence.occurrence,
          user_id: actor.id,
          starts_at: new Date(occurrence.startsAt).toISOString(),
          updated_at: now,
        };
        if (wanted === 'going') {
          if (current && current.status !== 'not-going') return { status: current.status as RsvpStatus, promoted: [] as string[] };
          const full = session.capacity != null && (await repo.countGoing(trx, id, occurrence.occurrence)) >= session.capacity;
          const status: RsvpStatus = full ? 'waitlisted' : 'going';
          await repo.upsertRsvp(trx, { ...row, status, queued_at: now });
          return { status, promoted: [] as string[] };
        }
        await repo.upsertRsvp(trx, { ...row, status: 'not-going', queued_at: current?.queued_at ?? now });
        const promoted = current?.status === 'going' ? await promoteWaitlist(trx, session, occurrence.occurrence) : [];
        return { status: 'not-going' as RsvpStatus, promoted };
      });
      await notifyPromoted([{ sessionId: id, occurrence: occurrence.occurrence, userIds: promoted }]);
      return status;
    },

    /** Cancels one occurrence and tells those who were coming. */
    async cancelOccurrence(actor: Actor, id: string, instant: number): Promise<void> {
      const { session, group } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      if (occurrence.status === 'cancelled') return;
      // A moved occurrence keeps its new time, so that restoring it brings it back there.
      const moved = (await repo.listExceptions(db, [id])).find((e) => e.occurrence === occurrence.occurrence && e.status === 'moved');
      await repo.upsertException(db, {
        session_id: id,
        occurrence: occurrence.occurrence,
        status: 'cancelled',
        start_local: moved?.start_local ?? null,
        duration_minutes: moved?.duration_minutes ?? null,
        created_at: new Date().toISOString(),
      });
      await deps.events.emit('occurrence.changed', { groupId: group.id, sessionId: id });
      await notify(
        session,
        group.name,
        occurrence.occurrence,
        'cancelled',
        (locale, zone) => ({
          when: formatWhen(occurrence.startsAt, locale, session.time_zone, zone),
          date: formatInstant(occurrence.startsAt, locale, session.time_zone, 'weekdayDate'),
        }),
        { at: occurrence.startsAt },
      );
    },

    /** Brings a cancelled occurrence back. */
    async restoreOccurrence(actor: Actor, id: string, instant: number): Promise<void> {
      const { session, group } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      if (occurrence.status !== 'cancelled') return;
      const exception = (await repo.listExceptions(db, [id])).find((e) => e.occurrence === occurrence.occurrence);
      if (exception?.start_local) await repo.upsertException(db, { ...exception, status: 'moved', created_at: new Date().toISOString() });
      else await repo.deleteException(db, id, occurrence.occurrence);
      await deps.events.emit('occurrence.changed', { groupId: group.id, sessionId: id });
    },

    /** Moves one occurrence to another local time; RSVPs follow, people are told. */
    async moveOccurrence(actor: Actor, id: string, instant: number, start: string, durationMinutes: number | undefined) {
      const { session, group } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      if (occurrence.status === 'cancelled') throw new AppError('OCCURRENCE_CANCELLED');
      const startsAt = localToInstant(start, session.time_zone);
      await db.transaction().execute(async (trx) => {
        await repo.upsertException(trx, {
          session_id: id,
          occurrence: occurrence.occurrence,
          status: 'moved',
          start_local: start,
          duration_minutes: durationMinutes ?? null,
          created_at: new Date().toISOString(),
        });
        await repo.updateRsvpStart(trx, id, occurrence.occurrence, new Date(startsAt).toISOString());
      });
      await deps.events.emit('occurrence.changed', { groupId: group.id, sessionId: id });
      await notify(
        session,
        group.name,
        occurrence.occurrence,
        'moved',
        (locale, zone) => ({
          when: formatWhen(startsAt, locale, session.time_zone, zone),
          before: formatWhen(occurrence.startsAt, locale, session.time_zone, zone),
        }),
        { at: startsAt },
      );
      return { startsAt: new Date(startsAt).toISOString(), localStart: instantToLocal(startsAt, session.time_zone) };
    },

    /**
     * One occurrence in detail: counts and one's own answer for members; who comes, the
     * wait-list and attendance for leaders; the recap for members.
     */
    async occurrenceDetail(actor: Actor | null, id: string, instant: number) {
      const { session, group, membership } = await loadVisibleSession(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      const member = groupPolicy.isActiveMember(membership);
      const leader = groupPolicy.isLeader(membership);
      const [rsvps, recap, attendance] = await Promise.all([
        member ? repo.listRsvpsWithNames(db, id, occurrence.occurrence) : Promise.resolve([]),
        member ? repo.findRecap(db, id, occurrence.occurrence) : Promise.resolve(undefined),
        leader ? repo.listAttendance(db, id, occurrence.occurrence) : Promise.resolve([]),
      ]);
      const counts = await repo.countRsvps(db, [id]);
      const count = (status: string) => Number(counts.find((c) => c.occurrence === occurrence.occurrence && c.status === status)?.n ?? 0);
      return {
        session: await present(session, group.slug, member),
        occurrence: {
          sessionId: id,
          startsAt: new Date(occurrence.startsAt).toISOString(),
          endsAt: new Date(occurrence.endsAt).toISOString(),
          timeZone: session.time_zone,
          localStart: occurrence.localStart,
          status: occurrence.status,
          ...(occurrence.originalStartsAt !== undefined ? { originalStartsAt: new Date(occurrence.originalStartsAt).toISOString() } : {}),
          capacity: session.capacity,
          going: count('going'),
          waitlisted: count('waitlisted'),
        },
        groupName: group.name,
        myRsvp: member ? ((rsvps.find((r) => r.user_id === actor?.id)?.status as RsvpStatus | undefined) ?? null) : null,
        ...(leader
          ? {
              going: rsvps.filter((r) => r.status === 'going').map((r) => ({ userId: r.user_id, displayName: r.display_name })),
              waitlist: rsvps.filter((r) => r.status === 'waitlisted').map((r) => ({ userId: r.user_id, displayName: r.display_name })),
              attendance: attendance.map((a) => ({ userId: a.user_id, displayName: a.display_name })),
            }
          : {}),
        recap: recap ? { body: recap.body, updatedAt: recap.updated_at } : null,
        canManage: leader,
      };
    },

    /** Records who was there (active members only). */
    async recordAttendance(actor: Actor, id: string, instant: number, present: string[]) {
      const { session, group } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      const unique = [...new Set(present)];
      const known = await groups.activeMembersAmong(group.id, unique);
      const issues: Issue[] = unique.flatMap((u, i) => (known.has(u) ? [] : [{ path: `present.${i}`, key: 'error.NOT_FOUND' as const }]));
      if (issues.length) throw new AppError('VALIDATION', { issues });
      await db.transaction().execute((trx) => repo.replaceAttendance(trx, id, occurrence.occurrence, unique, actor.id, new Date().toISOString()));
      return repo.listAttendance(db, id, occurrence.occurrence);
    },

    /** Writes (or rewrites) the short recap members read after the session. */
    async writeRecap(actor: Actor, id: string, instant: number, body: string) {
      const { session } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      const now = new Date().toISOString();
      await repo.upsertRecap(db, { session_id: id, occurrence: occurrence.occurrence, body, author_id: actor.id, now });
      return { body, updatedAt: now };
    },

    /** For other modules (calendar, reminders): the raw rows behind a group's sessions. */
    async sessionsWithExceptions(groupIds: string[]) {
      const sessions = await repo.listSessionsOfGroups(db, groupIds);
      const exceptions = await repo.listExceptions(
        db,
        sessions.map((s) => s.id),
      );
      return { sessions, exceptions };
    },

    translateWhere(locale: Locale, session: repo.SessionRow): string {
      if (session.mode === 'online') return translate(locale, 'mail.where.online');
      const place = [session.location, session.address].filter(Boolean).join(', ');
      return session.mode === 'hybrid' ? translate(locale, 'mail.where.hybrid', { place }) : place;
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
