/** How moderation shows reports, audit entries and bans, and pages them. Pure; internal to moderation. */
import type { Ban, LogEntry, Report } from '../../../shared/api/moderation.schemas.ts';
import type { ModerationAction, ReportReason, ReportStatus } from '../../../shared/moderation.ts';
import type * as repo from './moderation.repository.ts';

/** How much of a post the queue quotes. */
const EXCERPT_LENGTH = 280;

/** The first characters of a body, never cutting a character in two. */
function excerptOf(body: string): string {
  const chars = Array.from(body);
  return chars.length <= EXCERPT_LENGTH ? body : chars.slice(0, EXCERPT_LENGTH).join('');
}

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, displayName: name } : null);

export function toReport(r: repo.ReportListRow): Report {
  const isComment = r.comment_id !== null;
  return {
    id: r.id,
    reason: r.reason as ReportReason,
    note: r.note,
    status: r.status as ReportStatus,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    reporter: person(r.reporter_id, r.reporter_name),
    group: { slug: r.group_slug, name: r.group_name },
    target: {
      kind: isComment ? 'comment' : 'thread',
      id: (isComment ? r.comment_id : r.thread_id) ?? '',
      threadId: r.thread_id ?? '',
      ...(isComment ? { threadTitle: r.thread_title ?? '' } : { title: r.thread_title ?? '' }),
      excerpt: excerptOf((isComment ? r.comment_body : r.thread_body) ?? ''),
      author: isComment ? person(r.comment_author_id, r.comment_author_name) : person(r.thread_author_id, r.thread_author_name),
      // Kept apart so the queue can tell which of the two to show again.
      hidden: Boolean(isComment ? r.comment_hidden_at : r.thread_hidden_at),
      threadHidden: Boolean(r.thread_hidden_at),
      locked: Boolean(r.thread_locked_at),
      deleted: Boolean(r.thread_deleted_at || (isComment && r.comment_deleted_at)),
    },
  };
}

export function toLogEntry(r: repo.LogListRow): LogEntry {
  return {
    id: r.id,
    action: r.action as ModerationAction,
    group: r.group_slug !== null && r.group_name !== null ? { slug: r.group_slug, name: r.group_name } : null,
    actor: person(r.actor_id, r.actor_name),
    targetUser: person(r.target_id, r.target_name),
    thread: r.thread_id && r.thread_title !== null ? { id: r.thread_id, title: r.thread_title } : null,
    comment: r.comment_id && r.comment_thread_id ? { id: r.comment_id, threadId: r.comment_thread_id } : null,
    report:
      r.report_id && r.report_reason && r.report_status
        ? { id: r.report_id, reason: r.report_reason as ReportReason, status: r.report_status as ReportStatus }
        : null,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function toBan(r: repo.BanListRow): Ban {
  return { user: { id: r.user_id, displayName: r.user_name }, reason: r.reason, createdAt: r.created_at, bannedBy: person(r.by_id, r.by_name) };
}

/** One more than a page is asked for, to know whether another page follows. */
export function paged<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextBefore: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.id : null };
}
