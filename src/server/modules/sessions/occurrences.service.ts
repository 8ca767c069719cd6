/**
 * One occurrence at a time: listing them, cancelling, restoring and moving one (telling
 * those who were coming), its detail page, attendance and recap. Internal to the sessions
 * module; its functions are part of the sessions service.
 */
import { isLocale, type Locale } from '../../../shared/locale.ts';
import { formatInstant, formatWhen } from '../../../shared/datetime-format.ts';
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.ts';
import type { SessionMode } from '../../../shared/sessions.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, type Issue } from '../../platform/http/app-error.ts';
import { renderMail } from '../../platform/mail/render.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import { occurrencesOf, scheduleOf } from './occurrences.ts';
import { resolveWindow, type RsvpStatus, type SessionContext, type SessionsDeps } from './session-context.ts';
import * as repo from './sessions.repository.ts';

export function createOccurrencesService(deps: SessionsDeps, context: SessionContext) {
  const { db, groups } = deps;
  const { loadVisibleSession, loadSessionAsLeader, requireOccurrence, present } = context;

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

  return {
    /** A group's occurrences in a window, for whoever may see the group. */
    async listOccurrences(actor: Actor | null, slug: string, query: { from?: number; to?: number; includeCancelled?: boolean }) {
      const { group, membership } = await groups.loadGroupFor(actor, { slug }, 'view');
      const window = resolveWindow(query.from, query.to, deps.clock.now().getTime());
      const sessions = (await repo.listSessionsOfGroup(db, group.id)).map((s) => ({ ...s, group_slug: group.slug, group_name: group.name }));
      const viewerId = actor && groupPolicy.isActiveMember(membership) ? actor.id : null;
      return listOccurrenceViews(sessions, window, { includeCancelled: query.includeCancelled ?? false, viewerId });
    },

    /** Every occurrence across the actor's groups, with their answers ("my sessions"). */
    async listMySessions(actor: Actor, query: { from?: number; to?: number; includeCancelled?: boolean }) {
      const window = resolveWindow(query.from, query.to, deps.clock.now().getTime());
      const sessions = await repo.listSessionsOfGroups(db, await groups.activeGroupIdsOf(actor.id));
      return listOccurrenceViews(sessions, window, { includeCancelled: query.includeCancelled ?? false, viewerId: actor.id });
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
        created_at: deps.clock.now().toISOString(),
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
      if (exception?.start_local) await repo.upsertException(db, { ...exception, status: 'moved', created_at: deps.clock.now().toISOString() });
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
          created_at: deps.clock.now().toISOString(),
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
      await db.transaction().execute((trx) => repo.replaceAttendance(trx, id, occurrence.occurrence, unique, actor.id, deps.clock.now().toISOString()));
      return repo.listAttendance(db, id, occurrence.occurrence);
    },

    /** Writes (or rewrites) the short recap members read after the session. */
    async writeRecap(actor: Actor, id: string, instant: number, body: string) {
      const { session } = await loadSessionAsLeader(actor, id);
      const occurrence = await requireOccurrence(session, instant);
      const now = deps.clock.now().toISOString();
      await repo.upsertRecap(db, { session_id: id, occurrence: occurrence.occurrence, body, author_id: actor.id, now });
      return { body, updatedAt: now };
    },
  };
}
