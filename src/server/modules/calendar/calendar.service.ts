import { isLocale, type Locale } from '../../../shared/locale.ts';
import { toSlug } from '../../../shared/slug.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { buildCalendar } from './calendar.ts';
import * as repo from './calendar.repository.ts';

/** Subscribed calendars are fetched again after this long (clients may wait longer). */
const REFRESH_SECONDS = 3 * 3600;

const PERSONAL_NAME: Record<Locale, string> = { en: 'Entraide: my sessions', fr: 'Entraide : mes séances' };

export interface CalendarFile {
  /** A plain ASCII name for Content-Disposition. */
  filename: string;
  body: string;
}

/** A header-safe file name whatever the title holds. */
function fileName(title: string, fallback: string): string {
  return `${toSlug(title, fallback)}.ics`;
}

export function createCalendarService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { db, groups, sessions } = deps;

  return {
    /**
     * A public group's sessions as a calendar anyone may subscribe to, without online links.
     * Private, unlisted and draft groups answer exactly like a missing one: their members
     * follow them through a personal feed.
     */
    async groupCalendar(actor: Actor | null, slug: string, locale: Locale = actor?.locale ?? 'en'): Promise<CalendarFile> {
      const { group } = await groups.loadGroupFor(actor, { slug }, 'view');
      if (group.visibility !== 'public' || group.status !== 'active') throw notFound();
      const { sessions: rows, exceptions } = await sessions.sessionsWithExceptions([group.id]);
      return {
        filename: `${group.slug}.ics`,
        body: buildCalendar(rows, exceptions, {
          appUrl: deps.appUrl,
          includeMembersOnly: false,
          locale,
          name: group.name,
          refreshSeconds: REFRESH_SECONDS,
          now: deps.clock.now().getTime(),
        }),
      };
    },

    /**
     * One session (the whole series, with its cancellations and moves) for anyone who may see
     * it, to add to their own calendar. Never the online link: the file travels.
     */
    async sessionCalendar(actor: Actor | null, sessionId: string, locale: Locale = actor?.locale ?? 'en'): Promise<CalendarFile> {
      const { session, group } = await sessions.loadVisibleSession(actor, sessionId);
      const { exceptions } = await sessions.sessionsWithExceptions([group.id]);
      return {
        filename: fileName(session.title, 'session'),
        body: buildCalendar(
          [{ ...session, group_name: group.name }],
          exceptions.filter((e) => e.session_id === session.id),
          { appUrl: deps.appUrl, includeMembersOnly: false, locale, name: session.title, now: deps.clock.now().getTime() },
        ),
      };
    },

    /**
     * A new secret feed URL for the actor's own sessions. Only the token's hash is kept, and
     * any earlier feed is deleted: making a new one is how a leaked URL is shut.
     */
    async createPersonalFeed(actor: Actor): Promise<{ url: string }> {
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        if (deps.dialect === 'postgres') await repo.lockFeedOwner(trx, actor.id);
        await repo.deleteFeedsOfUser(trx, actor.id);
        await repo.insertFeed(trx, { id: hashToken(token), user_id: actor.id, created_at: deps.clock.now().toISOString() });
      });
      return { url: `${deps.appUrl}/feeds/calendar/${token}.ics` };
    },

    /** Whether the actor has a feed, and since when (its URL was shown once, at creation). */
    async describePersonalFeed(actor: Actor): Promise<{ active: boolean; createdAt: string | null }> {
      const feed = await repo.findFeedOfUser(db, actor.id);
      return { active: Boolean(feed), createdAt: feed?.created_at ?? null };
    },

    /** Shuts the actor's feed URL, if they have one. */
    async revokePersonalFeed(actor: Actor): Promise<void> {
      await repo.deleteFeedsOfUser(db, actor.id);
    },

    /**
     * The calendar behind a feed token: every session of every group its owner is an active
     * member of at this moment (someone who left or was removed stops seeing them at the next
     * refresh), with the online link and dial-in. Unknown or revoked tokens are 404.
     */
    async personalFeed(token: string): Promise<string> {
      const owner = await repo.findFeedOwner(db, hashToken(token));
      if (!owner) throw notFound();
      const locale = isLocale(owner.locale) ? owner.locale : 'en';
      const { sessions: rows, exceptions } = await sessions.sessionsWithExceptions(await groups.activeGroupIdsOf(owner.user_id));
      return buildCalendar(rows, exceptions, {
        appUrl: deps.appUrl,
        includeMembersOnly: true,
        locale,
        name: PERSONAL_NAME[locale],
        refreshSeconds: REFRESH_SECONDS,
        now: deps.clock.now().getTime(),
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
