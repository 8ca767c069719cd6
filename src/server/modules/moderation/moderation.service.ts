import type { ModerationAction, ReportStatus } from '../../../shared/moderation.ts';
import type { Db } from '../../platform/db/database.ts';
import { lockForUpdate } from '../../platform/db/locks.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts';
import { platformRoleOf } from '../accounts/accounts.hooks.ts';
import * as groupPolicy from '../groups/groups.policy.ts';
import type { GroupsTable as GroupRow } from '../../platform/db/tables/groups.tables.ts';
import type { GroupsService } from '../groups/groups.service.ts';
import * as posts from '../discussions/discussions.hooks.ts';
import { endMembership, listActiveLeaderIds } from '../groups/memberships.hooks.ts';
import { notifyLeadersOfReport } from '../notifications/notifications.hooks.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import { recordModerationAction, revokeMemberAccess, timeOrderedId, type AccessRevoker } from './moderation.hooks.ts';
import * as repo from './moderation.repository.ts';
import { paged, toBan, toLogEntry, toReport } from './moderation-views.ts';
import type { Ban, BanInput, Report, ReportInput } from '../../../shared/api/moderation.schemas.ts';

type PostKind = 'thread' | 'comment';

/** The post an action or a report is about, with its group and the asker's standing there. */
interface LoadedPost {
  kind: PostKind;
  threadId: string;
  commentId: string | null;
  group: GroupRow;
  /** Hidden by moderators, itself or with its thread (members still see a placeholder). */
  hidden: boolean;
}

interface Page {
  before?: string | undefined;
  limit: number;
}

/**
 * `sessions` tells people promoted from a wait-list when a banned member's places free up;
 * `revokers` take away what modules above moderation gave the banned member (reply addresses).
 */
export function createModerationService(
  deps: ServiceDeps & { groups: Pick<GroupsService, 'loadGroupFor'>; sessions: Pick<SessionsService, 'notifyPromoted'>; revokers: readonly AccessRevoker[] },
) {
  const { db, groups } = deps;
  const lockGroup = (trx: Db, groupId: string) => lockForUpdate(trx, deps.dialect, 'groups', groupId);

  /** The group behind a slug for its moderators: 404 if the actor may not see it, 403 if they may not moderate it. */
  const loadGroupAsModerator = (actor: Actor, slug: string) => groups.loadGroupFor(actor, { slug }, 'moderate');

  /** Platform-wide lists: platform moderators (admins included) only. */
  function requirePlatformModerator(actor: Actor): void {
    if (!actor.isPlatformModerator) throw forbidden();
  }

  /**
   * The post as the actor may know it: deleted posts and posts of groups the actor may not
   * see are reported as missing. Hidden posts exist (members see a placeholder).
   */
  async function loadPost(actor: Actor, kind: PostKind, id: string, need: 'moderate' | 'report'): Promise<LoadedPost> {
    let threadId: string;
    let groupId: string;
    let hidden: boolean;
    if (kind === 'thread') {
      const thread = await posts.findThreadState(db, id);
      if (!thread || thread.deleted_at) throw notFound();
      threadId = thread.id;
      groupId = thread.group_id;
      hidden = Boolean(thread.hidden_at);
    } else {
      const comment = await posts.findCommentState(db, id);
      if (!comment || comment.deleted_at || comment.thread_deleted_at) throw notFound();
      threadId = comment.thread_id;
      groupId = comment.group_id;
      hidden = Boolean(comment.hidden_at || comment.thread_hidden_at);
    }
    const { group } = await groups.loadGroupFor(actor, { id: groupId }, need);
    return { kind, threadId, commentId: kind === 'comment' ? id : null, group, hidden };
  }

  const loadPostAsModerator = (actor: Actor, kind: PostKind, id: string) => loadPost(actor, kind, id, 'moderate');

  async function reportById(id: string): Promise<Report> {
    const [row] = await repo.listReports(db, { id, status: 'open' }, { limit: 1 });
    if (!row) throw notFound();
    return toReport(row);
  }

  async function threadState(id: string) {
    const t = await posts.findThreadState(db, id);
    if (!t) throw notFound();
    return { id: t.id, hidden: t.hidden_at !== null, hiddenAt: t.hidden_at, locked: t.locked_at !== null, lockedAt: t.locked_at };
  }

  async function commentState(id: string) {
    const c = await posts.findCommentState(db, id);
    if (!c) throw notFound();
    return { id: c.id, threadId: c.thread_id, hidden: c.hidden_at !== null, hiddenAt: c.hidden_at };
  }

  /** Closes the post's open reports along with the action that dealt with it, each in the log. */
  async function resolveReportsOf(trx: Db, post: LoadedPost, actor: Actor, note: string | null, now: string): Promise<void> {
    const ids = await repo.listOpenReportIdsOf(trx, post.threadId, post.commentId);
    await repo.resolveReports(trx, ids, actor.id, now);
    for (const reportId of ids) {
      await recordModerationAction(trx, {
        groupId: post.group.id,
        actorId: actor.id,
        action: 'report.resolved',
        threadId: post.threadId,
        commentId: post.commentId,
        reportId,
        note,
        now,
      });
    }
  }

  /**
   * Turns a thread's hidden or locked flag on or off, with an audit entry; hiding resolves
   * the thread's open reports. Setting a flag to what it already is changes nothing.
   */
  async function flagThread(actor: Actor, id: string, flag: 'hidden' | 'locked', on: boolean, note: string | null) {
    const post = await loadPostAsModerator(actor, 'thread', id);
    const now = deps.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      // Two moderators acting at once: the second sees the first's change and does nothing.
      await lockGroup(trx, post.group.id);
      const current = await posts.findThreadState(trx, id);
      if (!current) throw notFound();
      const isOn = (flag === 'hidden' ? current.hidden_at : current.locked_at) !== null;
      if (isOn === on) return;
      const changes =
        flag === 'hidden' ? { hidden_at: on ? now : null, hidden_by: on ? actor.id : null } : { locked_at: on ? now : null, locked_by: on ? actor.id : null };
      await posts.setThreadModeration(trx, id, changes);
      const action: ModerationAction = flag === 'hidden' ? (on ? 'thread.hidden' : 'thread.unhidden') : on ? 'thread.locked' : 'thread.unlocked';
      await recordModerationAction(trx, { groupId: post.group.id, actorId: actor.id, action, targetUserId: current.author_id, threadId: id, note, now });
      if (flag === 'hidden' && on) await resolveReportsOf(trx, post, actor, note, now);
    });
    return threadState(id);
  }

  async function flagComment(actor: Actor, id: string, on: boolean, note: string | null) {
    const post = await loadPostAsModerator(actor, 'comment', id);
    const now = deps.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await lockGroup(trx, post.group.id);
      const current = await posts.findCommentState(trx, id);
      if (!current) throw notFound();
      if ((current.hidden_at !== null) === on) return;
      await posts.setCommentModeration(trx, id, { hidden_at: on ? now : null, hidden_by: on ? actor.id : null });
      await recordModerationAction(trx, {
        groupId: post.group.id,
        actorId: actor.id,
        action: on ? 'comment.hidden' : 'comment.unhidden',
        targetUserId: current.author_id,
        threadId: current.thread_id,
        commentId: id,
        note,
        now,
      });
      if (on) await resolveReportsOf(trx, post, actor, note, now);
    });
    return commentState(id);
  }

  return {
    /**
     * Reports a post to the group's moderators. Any active member who can read it may (a
     * hidden post: 409); the same person's open report on the same post is returned again.
     * Leaders get an in-app notification that names neither the reporter nor the content.
     */
    async reportPost(
      actor: Actor,
      kind: PostKind,
      id: string,
      input: ReportInput,
    ): Promise<{ report: { id: string; status: ReportStatus; createdAt: string }; created: boolean }> {
      const post = await loadPost(actor, kind, id, 'report');
      // Already taken out of view by its moderators: nothing left to report.
      if (post.hidden) throw new AppError('CONFLICT');
      return db.transaction().execute(async (trx) => {
        // Serialises two reports sent at once by a double click.
        await lockGroup(trx, post.group.id);
        const existing = await repo.findOpenReportBy(trx, actor.id, post.threadId, post.commentId);
        if (existing) return { report: { id: existing.id, status: existing.status as ReportStatus, createdAt: existing.created_at }, created: false };
        const now = deps.clock.now().toISOString();
        const reportId = timeOrderedId();
        await repo.insertReport(trx, {
          id: reportId,
          group_id: post.group.id,
          thread_id: post.threadId,
          comment_id: post.commentId,
          reporter_id: actor.id,
          reason: input.reason,
          note: input.note ?? null,
          status: 'open',
          created_at: now,
          resolved_at: null,
          resolved_by: null,
        });
        const leaders = (await listActiveLeaderIds(trx, post.group.id)).filter((leaderId) => leaderId !== actor.id);
        await notifyLeadersOfReport(trx, { groupId: post.group.id, threadId: post.threadId, commentId: post.commentId, leaderIds: leaders, now });
        return { report: { id: reportId, status: 'open' as const, createdAt: now }, created: true };
      });
    },

    /** A group's reports with the given status, newest first (its leaders and platform moderators). */
    async listGroupReports(actor: Actor, slug: string, status: ReportStatus, page: Page) {
      const { group } = await loadGroupAsModerator(actor, slug);
      const { items, nextBefore } = paged(
        await repo.listReports(db, { groupId: group.id, status }, { before: page.before, limit: page.limit + 1 }),
        page.limit,
      );
      return { reports: items.map(toReport), nextBefore };
    },

    /** Every group's reports with the given status (platform moderators only). */
    async listAllReports(actor: Actor, status: ReportStatus, page: Page) {
      requirePlatformModerator(actor);
      const { items, nextBefore } = paged(await repo.listReports(db, { status }, { before: page.before, limit: page.limit + 1 }), page.limit);
      return { reports: items.map(toReport), nextBefore };
    },

    /** Resolves (acted upon) or dismisses (nothing to do) a report, with an audit entry. */
    async closeReport(actor: Actor, id: string, status: 'resolved' | 'dismissed', note: string | null): Promise<Report> {
      const report = await repo.findReport(db, id);
      if (!report) throw notFound();
      const { group } = await groups.loadGroupFor(actor, { id: report.group_id }, 'moderate');
      await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        const current = await repo.findReport(trx, id);
        if (!current) throw notFound();
        if (current.status === status) return;
        const now = deps.clock.now().toISOString();
        await repo.updateReport(trx, id, { status, resolved_at: now, resolved_by: actor.id });
        await recordModerationAction(trx, {
          groupId: group.id,
          actorId: actor.id,
          action: status === 'resolved' ? 'report.resolved' : 'report.dismissed',
          threadId: current.thread_id,
          commentId: current.comment_id,
          reportId: id,
          note,
          now,
        });
      });
      return reportById(id);
    },

    hideThread: (actor: Actor, id: string, note: string | null) => flagThread(actor, id, 'hidden', true, note),
    unhideThread: (actor: Actor, id: string, note: string | null) => flagThread(actor, id, 'hidden', false, note),
    lockThread: (actor: Actor, id: string, note: string | null) => flagThread(actor, id, 'locked', true, note),
    unlockThread: (actor: Actor, id: string, note: string | null) => flagThread(actor, id, 'locked', false, note),
    hideComment: (actor: Actor, id: string, note: string | null) => flagComment(actor, id, true, note),
    unhideComment: (actor: Actor, id: string, note: string | null) => flagComment(actor, id, false, note),

    /**
     * Bans a person from a group: their membership (or request) goes, access they kept is
     * revoked at once, and they cannot join again until the ban is lifted. Never the last
     * leader; a platform moderator only by another platform moderator. Banning someone
     * already banned returns the existing ban.
     */
    async banMember(actor: Actor, slug: string, input: BanInput): Promise<{ ban: Ban; created: boolean }> {
      const { group, can } = await loadGroupAsModerator(actor, slug);
      if (input.userId === actor.id) throw new AppError('VALIDATION', { issues: [{ path: 'userId', key: 'issue.banSelf' }] });
      const target = await platformRoleOf(db, input.userId);
      if (!target) throw new AppError('VALIDATION', { issues: [{ path: 'userId', key: 'issue.unknownPerson' }] });
      if (!groupPolicy.canBan(can, actor, target)) throw forbidden();
      const outcome = await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        if (await repo.findBan(trx, group.id, input.userId)) return { created: false, removed: null, promoted: [] };
        const now = deps.clock.now().toISOString();
        const revoke = { mailer: deps.mailer, dialect: deps.dialect, now: new Date(now), revokers: deps.revokers };
        const release = (t: Db) => revokeMemberAccess(t, group.id, input.userId, revoke);
        const { membership, revoked } = await endMembership(trx, group.id, input.userId, release);
        await repo.insertBan(trx, { group_id: group.id, user_id: input.userId, banned_by: actor.id, reason: input.reason ?? null, created_at: now });
        // Without a membership to end, what the person may still hold of the group goes all the same.
        const promoted = revoked ?? (await release(trx));
        await recordModerationAction(trx, {
          groupId: group.id,
          actorId: actor.id,
          action: 'member.banned',
          targetUserId: input.userId,
          note: input.reason ?? null,
          now,
        });
        return { created: true, removed: membership?.status === 'active' ? membership : null, promoted };
      });
      await deps.sessions.notifyPromoted(outcome.promoted);
      if (outcome.removed) {
        await deps.events.emit('member.removed', { groupId: group.id, userId: input.userId, wasLeader: outcome.removed.role === 'leader' });
      }
      const [row] = await repo.listBans(db, group.id, input.userId);
      if (!row) throw notFound();
      return { ban: toBan(row), created: outcome.created };
    },

    /** Lifts a ban: the person may join again (through the group's usual way in). */
    async liftBan(actor: Actor, slug: string, userId: string, note: string | null): Promise<void> {
      const { group } = await loadGroupAsModerator(actor, slug);
      await db.transaction().execute(async (trx) => {
        await lockGroup(trx, group.id);
        if (!(await repo.deleteBan(trx, group.id, userId))) throw notFound();
        await recordModerationAction(trx, {
          groupId: group.id,
          actorId: actor.id,
          action: 'member.unbanned',
          targetUserId: userId,
          note,
          now: deps.clock.now().toISOString(),
        });
      });
    },

    /** A group's bans, newest first (its leaders and platform moderators). */
    async listBans(actor: Actor, slug: string): Promise<Ban[]> {
      const { group } = await loadGroupAsModerator(actor, slug);
      return (await repo.listBans(db, group.id)).map(toBan);
    },

    /** A group's audit log, newest first (its leaders and platform moderators). */
    async listGroupLog(actor: Actor, slug: string, page: Page) {
      const { group } = await loadGroupAsModerator(actor, slug);
      const { items, nextBefore } = paged(await repo.listLogEntries(db, { groupId: group.id }, { before: page.before, limit: page.limit + 1 }), page.limit);
      return { entries: items.map(toLogEntry), nextBefore };
    },

    /** The whole platform's audit log, newest first (platform moderators only). */
    async listPlatformLog(actor: Actor, page: Page) {
      requirePlatformModerator(actor);
      const { items, nextBefore } = paged(await repo.listLogEntries(db, {}, { before: page.before, limit: page.limit + 1 }), page.limit);
      return { entries: items.map(toLogEntry), nextBefore };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
