/** The discussions API as the web app reads it (see discussions.schemas.ts on the server). */
import type { Delivery } from '../../../shared/limits.ts';
import type { ViewerMembership } from '../groups/group-types.ts';

export type PostSource = 'web' | 'email';

export interface PostAuthor {
  id: string;
  displayName: string;
}

export interface Thread {
  id: string;
  groupSlug: string;
  title: string;
  /** Markdown as written; empty when hidden from this viewer or deleted (as is the title). */
  body: string;
  /** The body rendered and sanitized by the server: the only HTML the app ever inserts. */
  html: string;
  author: PostAuthor | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  lastActivityAt: string;
  commentCount: number;
  locked: boolean;
  hidden: boolean;
  deleted: boolean;
  /** Set when the thread holds the comments on a session's recap. */
  session: { id: string; startsAt: string } | null;
  /** Where the first post came from: the web or a member's e-mail. */
  source: PostSource;
}

export interface Comment {
  id: string;
  threadId: string;
  body: string;
  html: string;
  author: PostAuthor | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  hidden: boolean;
  deleted: boolean;
  source: PostSource;
}

export interface ThreadDetail {
  thread: Thread;
  comments: Comment[];
}

export interface ThreadPage {
  threads: Thread[];
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: string | null;
}

export interface RecapComments {
  thread: Thread | null;
  comments: Comment[];
}

/** The viewer's membership as the group page gives it, with how they follow the group. */
export type MembershipWithDelivery = ViewerMembership & { delivery?: Delivery };

export interface ThreadInput {
  title: string;
  body: string;
}
