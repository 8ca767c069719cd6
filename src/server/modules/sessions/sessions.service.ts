import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../shared/locale.ts';
import { localToInstant } from '../../../shared/zoned-time.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, type Issue } from '../../platform/http/app-error.ts';
import { translate } from '../../platform/i18n/messages.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import { occurrencesOf, scheduleOf } from './occurrences.ts';
import { createOccurrencesService } from './occurrences.service.ts';
import { expandSchedule } from './recurrence.ts';
import { createRsvpsService } from './rsvps.service.ts';
import { createSessionContext, type FacilitatorRow, type SessionsDeps } from './session-context.ts';
import { promoteWaitlist, type Promotion } from './sessions.hooks.ts';
import type { ScheduleSessionInput, UpdateSessionInput } from '../../../shared/api/sessions.schemas.ts';
import * as repo from './sessions.repository.ts';

/**
 * The sessions service: series and one-offs here; occurrences (occurrences.service.ts) and
 * answers (rsvps.service.ts) are composed into the one service other modules see.
 */
export function createSessionsService(deps: SessionsDeps) {
  const { db, groups } = deps;
  const context = createSessionContext(deps);
  const { loadVisibleSession, loadSessionAsLeader, lockSession, requireOccurrence, present } = context;
  const rsvps = createRsvpsService(deps, context);
  const occurrences = createOccurrencesService(deps, context);
  const { notifyPromoted } = rsvps;

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
    ...rsvps,
    ...occurrences,

    /** Schedules a one-off or recurring session (leaders of a published group only). */
    async scheduleSession(actor: Actor, slug: string, input: ScheduleSessionInput, options: { programmeId?: string } = {}) {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'lead');
      if (group.status !== 'active') throw new AppError('NOT_PUBLISHED');
      await checkFacilitators(group.id, input.facilitators);
      const now = deps.clock.now().toISOString();
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
      const now = deps.clock.now().toISOString();
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
              promoted.push({ sessionId: id, occurrence, userIds: await promoteWaitlist(trx, next, occurrence, now) });
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
