/** Addresses of the sessions pages (ids and slugs escaped). */
export function sessionPath(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}`;
}

/** One occurrence's page: `?occurrence=` is its start instant. */
export function occurrencePath(sessionId: string, startsAt: string): string {
  return `${sessionPath(sessionId)}?occurrence=${encodeURIComponent(startsAt)}`;
}

export function editSessionPath(sessionId: string, fromStartsAt?: string): string {
  return `${sessionPath(sessionId)}/edit${fromStartsAt ? `?from=${encodeURIComponent(fromStartsAt)}` : ''}`;
}

export function newSessionPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}/sessions/new`;
}

export const programmePaths = {
  list: (slug: string) => `/groups/${encodeURIComponent(slug)}/programmes`,
  create: (slug: string) => `/groups/${encodeURIComponent(slug)}/programmes/new`,
  edit: (id: string) => `/programmes/${encodeURIComponent(id)}/edit`,
  schedule: (id: string) => `/programmes/${encodeURIComponent(id)}/schedule`,
};

export const MY_SESSIONS_PATH = '/me/sessions';
