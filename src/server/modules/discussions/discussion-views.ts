/**
 * How threads and comments are shown: hidden posts masked for those who may not read them,
 * deleted ones emptied, Markdown rendered to safe HTML. Pure; internal to discussions.
 */
import type { CommentView, ThreadView } from '../../../shared/api/discussions.schemas.ts';
import type * as repo from './discussions.repository.ts';
import type { GroupsTable as GroupRow } from '../../platform/db/tables/groups.tables.ts';
import { renderMarkdown } from './markdown.ts';

export type PostSource = 'web' | 'email';

export interface Access {
  group: GroupRow;
  /** Leaders of the group and platform moderators read hidden posts. */
  canSeeHidden: boolean;
}

export const sourceOf = (s: string): PostSource => (s === 'email' ? 'email' : 'web');
export const authorOf = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/** Locked, hidden or deleted: takes no new comments. */
export const isClosed = (t: repo.ThreadRow) => t.locked_at != null || t.hidden_at != null || t.deleted_at != null;

export function presentThread(row: repo.WithAuthor<repo.ThreadRow>, groupSlug: string, canSeeHidden: boolean, starts: Map<string, string>): ThreadView {
  const deleted = row.deleted_at != null;
  const hidden = row.hidden_at != null;
  const masked = deleted || (hidden && !canSeeHidden);
  const startsAt = starts.get(row.id);
  return {
    id: row.id,
    groupSlug,
    title: masked ? '' : row.title,
    body: masked ? '' : row.body,
    html: masked ? '' : renderMarkdown(row.body),
    author: deleted ? null : authorOf(row.author_id, row.author_name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    lastActivityAt: row.last_activity_at,
    commentCount: row.comment_count,
    locked: row.locked_at != null,
    hidden,
    deleted,
    session: row.session_id && startsAt ? { id: row.session_id, startsAt } : null,
    source: sourceOf(row.source),
  };
}

export function presentComment(row: repo.WithAuthor<repo.CommentRow>, canSeeHidden: boolean): CommentView {
  const deleted = row.deleted_at != null;
  const hidden = row.hidden_at != null;
  const masked = deleted || (hidden && !canSeeHidden);
  return {
    id: row.id,
    threadId: row.thread_id,
    body: masked ? '' : row.body,
    html: masked ? '' : renderMarkdown(row.body),
    author: deleted ? null : authorOf(row.author_id, row.author_name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    hidden,
    deleted,
    source: sourceOf(row.source),
  };
}
