/** The moderation API as the web app reads it (see moderation.schemas.ts on the server). */
import type { ModerationAction, ReportReason, ReportStatus } from '../../../shared/moderation.ts';

export interface Person {
  id: string;
  displayName: string;
}

export interface GroupRef {
  slug: string;
  name: string;
}

export type PostKind = 'thread' | 'comment';

export interface Report {
  id: string;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  createdAt: string;
  resolvedAt: string | null;
  reporter: Person | null;
  group: GroupRef;
  target: {
    kind: PostKind;
    id: string;
    threadId: string;
    title?: string;
    threadTitle?: string;
    /** The start of the Markdown body, as written: shown as text. */
    excerpt: string;
    author: Person | null;
    /** This post itself is hidden. */
    hidden: boolean;
    /** Its thread is hidden (for a thread, the same as `hidden`). */
    threadHidden: boolean;
    locked: boolean;
    deleted: boolean;
  };
}

export interface ReportPage {
  reports: Report[];
  nextBefore: string | null;
}

export interface Ban {
  user: Person;
  reason: string | null;
  createdAt: string;
  bannedBy: Person | null;
}

export interface LogEntry {
  id: string;
  action: ModerationAction;
  group: GroupRef | null;
  actor: Person | null;
  targetUser: Person | null;
  thread: { id: string; title: string } | null;
  comment: { id: string; threadId: string } | null;
  report: { id: string; reason: ReportReason; status: ReportStatus } | null;
  note: string | null;
  createdAt: string;
}

export interface LogPage {
  entries: LogEntry[];
  nextBefore: string | null;
}

/** A post a moderator acts on; `locked` only for threads. */
export type ModerationTarget = { kind: 'thread'; id: string; hidden: boolean; locked: boolean } | { kind: 'comment'; id: string; hidden: boolean };
