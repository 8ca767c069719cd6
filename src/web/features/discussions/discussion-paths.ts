/** Addresses of the discussions pages (slugs and ids escaped). */
export const discussionPaths = {
  list: (slug: string) => `/groups/${encodeURIComponent(slug)}/discussions`,
  create: (slug: string) => `/groups/${encodeURIComponent(slug)}/discussions/new`,
  thread: (id: string) => `/threads/${encodeURIComponent(id)}`,
  /** A comment inside its thread: the page scrolls to it. */
  comment: (threadId: string, commentId: string) => `/threads/${encodeURIComponent(threadId)}#comment-${encodeURIComponent(commentId)}`,
};

export const NOTIFICATIONS_PATH = '/me/notifications';
