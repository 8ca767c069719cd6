import type { Locale } from '../../../shared/locale.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, forbidden, type Issue } from '../../platform/http/app-error.ts';
import { translate, type MessageKey } from '../../platform/i18n/messages.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { FETCH_LIMITS, FeedFetchError, fetchFeed } from './meeting-guide-fetch.ts';
import { buildMeetingGuideFeed, type FeedException, type FeedSession, type MeetingGuideEntry } from './meeting-guide-feed.ts';
import { describeEntry, readEntry, reasonText, slugOf, type ImportContext, type ImportPlan } from './meeting-guide-import.ts';
import { MAX_IMPORT_ENTRIES, type ImportMeetingGuideInput, type ImportReport } from '../../../shared/api/meeting-guide.schemas.ts';
import * as repo from './meeting-guide.repository.ts';

/** Sessions are read for this many groups at a time (both engines cap bound parameters). */
const GROUPS_PER_QUERY = 500;
const UPLOAD_SOURCE = 'upload';

type Outcome = 'created' | 'updated' | 'unchanged';

function fetchIssue(error: FeedFetchError): Issue {
  switch (error.problem) {
    case 'timeout':
      return { path: 'url', key: 'issue.feeds.timeout', params: { seconds: FETCH_LIMITS.timeoutMs / 1000 } };
    case 'tooLarge':
      return { path: 'url', key: 'issue.feeds.tooLarge', params: { megabytes: FETCH_LIMITS.maxBytes / 1024 / 1024 } };
    case 'status':
      return { path: 'url', key: 'issue.feeds.status', params: { status: error.status ?? 0 } };
    default:
      return { path: 'url', key: `issue.feeds.${error.problem}` as MessageKey };
  }
}

export function createMeetingGuideService(deps: ServiceDeps & { groups: GroupsService; sessions: SessionsService }) {
  const { db, groups, sessions } = deps;

  /**
   * Who may change an imported group on the feed's behalf: the admin importing now if they
   * lead it, else whoever imported it if they still do. When neither leads it any more, the
   * group has been taken over by its members and the feed stops overwriting it.
   */
  async function actingLeader(groupId: string, admin: Actor, importedBy: string | null): Promise<Actor | null> {
    for (const id of [admin.id, importedBy]) {
      if (!id) continue;
      if (groupPolicy.isLeader(await groups.membershipOf(groupId, id))) {
        // Services act on an id; the rest of the actor is only used in mails, none sent here.
        return id === admin.id ? admin : { id, displayName: '', timeZone: 'UTC', locale: admin.locale, isAdmin: false, isPlatformModerator: false };
      }
    }
    return null;
  }

  /** Fields the feed owns on an existing group (its charter, reasons and visibility stay its own). */
  function feedOwnedFields(plan: ImportPlan) {
    const { name, purpose, structure, modes, languages, timeZone, topics, place } = plan.group;
    return { name, purpose, structure: { membership: structure?.membership }, modes, languages, timeZone, topics, ...(place ? { place } : {}) };
  }

  async function createFromPlan(admin: Actor, plan: ImportPlan, source: string, locale: Locale): Promise<string> {
    const now = deps.clock.now().toISOString();
    const group = await groups.foundGroup(admin, plan.group, locale);
    // Recorded before the session, with an empty digest: if scheduling failed, the next
    // import would find this group and finish it rather than found a second one.
    await repo.insertImport(db, {
      group_id: group.id,
      source_url: source,
      source_slug: plan.sourceSlug,
      session_id: null,
      entry_hash: '',
      imported_by: admin.id,
      imported_at: now,
      updated_at: now,
    });
    const session = await sessions.scheduleSession(admin, group.slug, { ...plan.session, start: plan.start });
    await repo.updateImport(db, group.id, { session_id: session.id, entry_hash: plan.hash, updated_at: deps.clock.now().toISOString() });
    return group.slug;
  }

  async function updateFromPlan(leader: Actor, existing: repo.ImportRow, groupSlug: string, plan: ImportPlan, locale: Locale): Promise<string> {
    const updated = await groups.updateGroup(leader, groupSlug, feedOwnedFields(plan), locale);
    let sessionId = existing.session_id;
    const current = sessionId ? await sessions.getSession(leader, sessionId).catch(() => null) : null;
    if (current) {
      // Same days, time and zone: keep the series' first date (and so its history).
      const sameRhythm =
        current.recurrence === plan.session.recurrence && current.timeZone === plan.session.timeZone && current.start.slice(11) === plan.start.slice(11);
      await sessions.updateSession(leader, current.id, { ...plan.session, ...(sameRhythm ? {} : { start: plan.start }) });
    } else {
      sessionId = (await sessions.scheduleSession(leader, updated.slug, { ...plan.session, start: plan.start })).id;
    }
    await repo.updateImport(db, existing.group_id, { session_id: sessionId, entry_hash: plan.hash, updated_at: deps.clock.now().toISOString() });
    return updated.slug;
  }

  return {
    /**
     * The Meeting Guide feed of every published public group's weekly sessions (see
     * meeting-guide-feed.ts for what is listed and why). Private, unlisted and draft groups
     * never appear.
     */
    async feed(now: number = deps.clock.now().getTime()): Promise<MeetingGuideEntry[]> {
      const rows = (await repo.listFeedGroups(db)).filter((g) => g.visibility === 'public' && groupPolicy.canViewGroup(g, null));
      const allSessions: FeedSession[] = [];
      const allExceptions: FeedException[] = [];
      for (let i = 0; i < rows.length; i += GROUPS_PER_QUERY) {
        const found = await sessions.sessionsWithExceptions(rows.slice(i, i + GROUPS_PER_QUERY).map((g) => g.id));
        allSessions.push(...found.sessions);
        allExceptions.push(...found.exceptions);
      }
      return buildMeetingGuideFeed(
        rows.map((g) => ({ ...g, placeName: g.place_name })),
        allSessions,
        allExceptions,
        { appUrl: deps.appUrl, now },
      );
    },

    /**
     * Seeds the directory from a Meeting Guide feed (platform admins only). Each valid entry
     * becomes a public group with one weekly session, founded and led by the importing admin,
     * or updates the group an earlier import of the same source made from it (keyed by source
     * and slug, so importing twice changes nothing). Entries that cannot be imported are
     * reported with the reason, in the admin's language. Each entry is founded through the
     * groups and sessions services, so everything they keep in step (search, events) stays so.
     */
    async importFeed(actor: Actor, input: ImportMeetingGuideInput, locale: Locale): Promise<ImportReport> {
      if (!actor.isAdmin) throw forbidden();
      let feed: unknown = input.feed;
      if (input.url !== undefined) {
        try {
          feed = await fetchFeed(input.url);
        } catch (error) {
          if (error instanceof FeedFetchError) throw new AppError('VALIDATION', { issues: [fetchIssue(error)] });
          throw error;
        }
      }
      const path = input.url !== undefined ? 'url' : 'feed';
      if (!Array.isArray(feed)) throw new AppError('VALIDATION', { issues: [{ path, key: 'issue.feeds.notList' }] });
      if (feed.length > MAX_IMPORT_ENTRIES)
        throw new AppError('VALIDATION', { issues: [{ path, key: 'issue.feeds.tooManyEntries', params: { max: MAX_IMPORT_ENTRIES } }] });

      const source = input.url ?? input.source ?? UPLOAD_SOURCE;
      const context: ImportContext = {
        source,
        sourceLabel: input.url ?? input.source ?? translate(locale, 'feeds.import.uploaded'),
        locale,
        defaultTimeZone: input.defaultTimeZone,
        defaultLanguage: input.defaultLanguage,
        now: deps.clock.now().getTime(),
      };
      const report: ImportReport = { source, created: 0, updated: 0, unchanged: 0, skipped: [], groups: [] };
      const seen = new Set<string>();
      for (const [index, raw] of feed.entries()) {
        const { name, slug } = describeEntry(raw);
        const skipWith = (reason: string) => report.skipped.push({ index, name, slug, reason });
        const key = slugOf(raw);
        if (key !== null && seen.has(key)) {
          skipWith(translate(locale, 'feeds.skip.duplicateSlug'));
          continue;
        }
        if (key !== null) seen.add(key);
        const reading = readEntry(raw, context);
        if (!reading.ok) {
          skipWith(reasonText(locale, reading));
          continue;
        }
        const { plan } = reading;
        try {
          let outcome: Outcome;
          let groupSlug: string;
          const existing = await repo.findImport(db, source, plan.sourceSlug);
          const group = existing ? await groups.describeGroup(existing.group_id) : null;
          if (existing && group) {
            if (existing.entry_hash === plan.hash) {
              outcome = 'unchanged';
              groupSlug = group.slug;
            } else {
              const leader = await actingLeader(existing.group_id, actor, existing.imported_by);
              if (!leader) {
                skipWith(translate(locale, 'feeds.skip.notLeading'));
                continue;
              }
              groupSlug = await updateFromPlan(leader, existing, group.slug, plan, locale);
              outcome = 'updated';
            }
          } else {
            groupSlug = await createFromPlan(actor, plan, source, locale);
            outcome = 'created';
          }
          report[outcome] += 1;
          report.groups.push({ index, slug: plan.sourceSlug, groupSlug, outcome });
        } catch (error) {
          // A refusal by the services (a rule the reader did not foresee) skips this entry
          // only; anything else (the database gone) stops the import.
          if (!(error instanceof AppError)) throw error;
          const issue = error.issues?.[0];
          skipWith(
            translate(locale, 'feeds.skip.invalid', {
              field: issue?.path ?? 'entry',
              message: issue ? translate(locale, issue.key, issue.params) : translate(locale, `error.${error.code}`, error.params),
            }),
          );
        }
      }
      return report;
    },
  };
}

export type MeetingGuideService = ReturnType<typeof createMeetingGuideService>;
