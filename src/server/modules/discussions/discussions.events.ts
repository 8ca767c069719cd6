/**
 * What discussions tell the rest of the server, on the platform's event bus (events.ts).
 *
 * `discussion.posted` is emitted once per new thread or comment, after the posting
 * transaction has committed (never for a duplicate of an inbound mail that was already
 * posted, never for a post that rolled back). It carries ids only; a listener re-reads what
 * it needs through `DiscussionsService.describePost`. The e-mail fan-out subscribes here:
 *
 *   events.on('discussion.posted', async (post) => { … enqueue the fan-out job … });
 *
 * `emit` awaits every listener, so a durable job enqueued by a listener exists before the
 * HTTP answer leaves. A listener that throws is logged by the bus and does not undo the post.
 */
export interface PostedEvent {
  kind: 'thread' | 'comment';
  groupId: string;
  threadId: string;
  /** Null for a new thread. */
  commentId: string | null;
  authorId: string;
  /** Where it was written: the web app (or API), or an e-mail to the group. */
  source: 'web' | 'email';
  /** RFC 5322 Message-ID of the post, without angle brackets (the inbound mail's own for e-mail posts). */
  messageId: string;
  /** The thread's Message-ID, for In-Reply-To / References (equals messageId for a thread). */
  threadMessageId: string;
  createdAt: string;
}

declare module '../../platform/events.ts' {
  interface DomainEvents {
    'discussion.posted': PostedEvent;
  }
}
