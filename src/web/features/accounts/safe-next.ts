/**
 * Where to go after signing in. Only paths on this site are followed: `//evil.example` or
 * `https://…` in `?next=` would otherwise turn our sign-in page into an open redirect.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `/signin?next=…` for the page the visitor is on. */
export function withNext(path: '/signin' | '/signup', next: string): string {
  return `${path}?next=${encodeURIComponent(next)}`;
}
