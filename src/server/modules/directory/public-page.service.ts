import fs from 'node:fs/promises';
import { parseStringList } from '../../platform/db/json-list.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import { occurrencesOf, scheduleOf } from '../sessions/occurrences.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { buildGroupHead, groupSlugOfPath, injectHead, type PageEvent } from './public-page.ts';

const DAY = 86_400_000;
/** Upcoming sessions described to search engines: the next few, not the whole year. */
const EVENT_WINDOW_DAYS = 60;
const MAX_EVENTS = 10;

export function createPublicPageService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { groups, sessions } = deps;

  return {
    /**
     * The web app's index.html with a public, published group's name, purpose and next
     * sessions in its `<head>`, for a request to that group's page; null for every other
     * page and for private, unlisted, draft or missing groups, which get index.html exactly
     * as it is. Nothing depends on who asks (no cookie is read), so nothing can leak.
     */
    async pageFor(url: string, indexFile: string, now: number = deps.clock.now().getTime()): Promise<string | null> {
      const slug = groupSlugOfPath(url);
      if (!slug) return null;
      try {
        const { group } = await groups.loadGroupFor(null, { slug }, 'view');
        if (group.visibility !== 'public' || group.status !== 'active') return null;
        const { sessions: rows, exceptions } = await sessions.sessionsWithExceptions([group.id]);
        const events: PageEvent[] = rows
          .flatMap((s) =>
            occurrencesOf(
              scheduleOf(s),
              exceptions.filter((e) => e.session_id === s.id),
              now,
              now + EVENT_WINDOW_DAYS * DAY,
              true,
            ).map((o) => ({
              sessionId: s.id,
              title: s.title,
              startsAt: o.startsAt,
              endsAt: o.endsAt,
              timeZone: s.time_zone,
              mode: s.mode,
              status: o.status,
              ...(o.originalStartsAt !== undefined ? { originalStartsAt: o.originalStartsAt } : {}),
              location: s.location,
              address: s.address,
            })),
          )
          .sort((a, b) => a.startsAt - b.startsAt || a.sessionId.localeCompare(b.sessionId))
          .slice(0, MAX_EVENTS);
        const head = buildGroupHead(
          {
            slug: group.slug,
            name: group.name,
            purpose: group.purpose,
            languages: parseStringList(group.languages),
            placeName: group.place_name,
            countryCode: group.place_country_code,
          },
          events,
          { appUrl: deps.appUrl },
        );
        return injectHead(await fs.readFile(indexFile, 'utf8'), head);
      } catch {
        // A missing group (404) or anything else: the head is a bonus, the page must load.
        return null;
      }
    },
  };
}
