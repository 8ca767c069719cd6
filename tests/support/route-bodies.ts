/**
 * Valid request bodies for the API's routes, keyed by method and route URL, so that a test
 * walking the route table (the access matrix, a module's route checks) gets past validation
 * to the access decision. Shapes as in src/shared/api/*.schemas.ts.
 */

/** What fills a route's params for one group (or for nothing at all). */
export interface Target {
  slug: string;
  sessionId: string;
  occurrenceStart: string;
  laterOccurrenceStart: string;
  threadId: string;
  commentId: string;
  programmeId: string;
  pollId: string;
  reportId: string;
  userId: string;
}

export const weekly = {
  title: 'Tuesday circle',
  start: '2027-03-02T19:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  recurrence: 'FREQ=WEEKLY;BYDAY=TU',
  mode: 'online',
  onlineUrl: 'https://meet.example.org/tuesday',
};
export const programme = { title: 'Eight weeks', parts: [{ theme: 'Week 1', agenda: [{ title: 'Check-in round', minutes: 20 }] }] };
export const poll = { title: 'When?', durationMinutes: 90, slots: [{ day: 2, start: '19:00' }] };
const schedule = { timeZone: 'Europe/Paris', durationMinutes: 90, mode: 'online', onlineUrl: 'https://meet.example.org/matrix' };

const NOT_THE_PASSWORD = 'not anyone’s password';
const NEW_PASSWORD = 'a long enough new password';

/**
 * A body that passes validation for every route whose schema needs one, keyed by method and
 * URL, so that every call reaches the access checks (validation comes first). Shapes as in
 * `src/shared/api/*.schemas.ts`. Passwords are wrong and e-mails unknown on purpose: the
 * callers must stay who they are. The test fails for a route with required body fields and
 * no entry here, and for an entry that names no route.
 */
export const BODIES: Record<string, (target: Target) => unknown> = {
  'POST /api/v1/auth/signup': () => ({ email: 'signed-up-by-the-matrix@example.org', password: NEW_PASSWORD, displayName: 'Matrix' }),
  'POST /api/v1/auth/signin': () => ({ email: 'nobody@example.org', password: NOT_THE_PASSWORD }),
  'POST /api/v1/auth/password-reset': () => ({ email: 'nobody@example.org' }),
  'POST /api/v1/auth/password-reset/confirm': () => ({ token: 'not-a-real-token', password: NEW_PASSWORD }),
  'PATCH /api/v1/me': () => ({}),
  'PUT /api/v1/me/password': () => ({ currentPassword: NOT_THE_PASSWORD, newPassword: NEW_PASSWORD }),
  'DELETE /api/v1/me': () => ({ password: NOT_THE_PASSWORD }),
  'POST /api/v1/groups': () => ({ name: 'Founded by the matrix' }),
  'PATCH /api/v1/groups/:slug': () => ({ name: 'Renamed by the matrix' }),
  'POST /api/v1/groups/:slug/join': () => ({ acceptCharter: true }),
  'POST /api/v1/groups/:slug/charter/accept': () => ({ acceptCharter: true }),
  'PATCH /api/v1/groups/:slug/membership': () => ({ delivery: 'web' }),
  'POST /api/v1/groups/:slug/members/:userId/promote': () => ({ leaderType: 'peer' }),
  'POST /api/v1/groups/:slug/invitations': () => ({}),
  'POST /api/v1/invitations/:token/accept': () => ({ acceptCharter: true }),
  'POST /api/v1/groups/:slug/sessions': () => weekly,
  'PATCH /api/v1/sessions/:id': () => ({ title: 'Renamed by the matrix' }),
  'POST /api/v1/sessions/:id/rsvp': (target) => ({ occurrenceStart: target.occurrenceStart, status: 'going' }),
  'POST /api/v1/sessions/:id/occurrences/cancel': (target) => ({ occurrenceStart: target.occurrenceStart }),
  'POST /api/v1/sessions/:id/occurrences/restore': (target) => ({ occurrenceStart: target.occurrenceStart }),
  // Another occurrence than the one the later routes name, so that they still find theirs.
  'POST /api/v1/sessions/:id/occurrences/move': (target) => ({ occurrenceStart: target.laterOccurrenceStart, start: '2027-03-10T19:00' }),
  'PUT /api/v1/sessions/:id/attendance': (target) => ({ occurrenceStart: target.occurrenceStart, present: [] }),
  'PUT /api/v1/sessions/:id/recap': (target) => ({ occurrenceStart: target.occurrenceStart, body: 'Recap' }),
  'POST /api/v1/groups/:slug/programmes': () => programme,
  'PATCH /api/v1/programmes/:id': () => ({ title: 'Renamed by the matrix' }),
  'POST /api/v1/programmes/:id/schedule': () => ({ ...schedule, start: '2027-04-06T19:00' }),
  'PUT /api/v1/me/availability': () => ({ timeZone: 'Europe/Paris', windows: [{ day: 2, start: '18:00', end: '22:00' }] }),
  'POST /api/v1/groups/:slug/time-finder/apply': () => ({ ...schedule, title: 'Found by the matrix', slots: [{ day: 4, start: '19:00' }] }),
  'POST /api/v1/groups/:slug/polls': () => poll,
  'PUT /api/v1/polls/:id/vote': () => ({ answers: ['yes'] }),
  // An inline feed, so that nothing is fetched.
  'POST /api/v1/admin/imports/meeting-guide': () => ({ feed: [] }),
  'POST /api/v1/threads/:id/reports': () => ({ reason: 'spam' }),
  'POST /api/v1/comments/:id/reports': () => ({ reason: 'other', note: 'Off.' }),
  'POST /api/v1/threads/:id/lock': () => ({ note: 'Cooling off.' }),
  'POST /api/v1/reports/:id/resolve': () => ({ note: 'Talked to them.' }),
  'POST /api/v1/groups/:slug/bans': (target) => ({ userId: target.userId, reason: 'Matrix' }),
  'POST /api/v1/groups/:slug/threads': () => ({ title: 'Hello', body: 'First post' }),
  'PATCH /api/v1/threads/:id': () => ({ title: 'Edited', body: 'Edited' }),
  'POST /api/v1/threads/:id/comments': () => ({ body: 'A comment' }),
  'PATCH /api/v1/comments/:id': () => ({ body: 'Edited' }),
  'POST /api/v1/sessions/:id/occurrences/:occurrenceStart/comments': () => ({ body: 'A recap comment' }),
  'POST /api/v1/me/notifications/read': () => ({ all: true }),
};
