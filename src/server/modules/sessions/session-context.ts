/**
 * What the three sessions services (series in sessions.service.ts, occurrences in
 * occurrences.service.ts, answers in rsvps.service.ts) share: loading a session as the
 * actor may see it, finding one of its occurrences, and presenting a session. Internal to
 * the sessions module.
 */
import type { Db } from '../../platform/db/database.ts';
import { lockForUpdate } from '../../platform/db/locks.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import type { GroupNeed } from '../../../shared/group-needs.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { SessionMode } from '../../../shared/sessions.ts';
import { occurrenceAt, scheduleOf, type OccurrenceView } from './occurrences.ts';
import * as repo from './sessions.repository.ts';

const DAY = 86_400_000;
const DEFAULT_WINDOW_DAYS = 90;
const MAX_WINDOW_DAYS = 400;

export type SessionsDeps = ServiceDeps & { groups: GroupsService };

export type RsvpStatus = 'going' | 'waitlisted' | 'not-going';

export type FacilitatorRow = { userId: string } | { guestName: string };

function parseJson<T>(json: string, fallback: T): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
}

/** Reads the window of a listing: from now for 90 days unless given; at most 400 days. */
export function resolveWindow(from: number | undefined, to: number | undefined, now: number): { from: number; to: number } {
  const start = from ?? now;
  const end = to ?? start + DEFAULT_WINDOW_DAYS * DAY;
  if (end <= start) throw new AppError('VALIDATION', { issues: [{ path: 'query.to', key: 'issue.instant' }] });
  if (end - start > MAX_WINDOW_DAYS * DAY) throw new AppError('VALIDATION', { issues: [{ path: 'query.to', key: 'issue.windowTooLong' }] });
  return { from: start, to: end };
}

export function createSessionContext(deps: SessionsDeps) {
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

  return { loadVisibleSession, loadSessionAsLeader, loadSessionAsMember, lockSession, requireOccurrence, present };
}

export type SessionContext = ReturnType<typeof createSessionContext>;
