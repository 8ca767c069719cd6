/**
 * Loads the demo data set into a running app through its own HTTP API (in-process, with
 * `inject`): people sign up, found groups, join them, schedule sessions and talk, exactly as
 * they would from the web app. Every rule, event and index (search, feeds) therefore stays
 * as right as for real data, and nothing here knows a table.
 *
 * Idempotent: when the last group of the set already exists, nothing is done. A run that
 * stopped half-way is completed by the next one: accounts that exist are signed into with
 * the demo password, groups that exist (same name, same leader) are reused, and their
 * sessions, members and threads are only added when the group has none yet.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { toSlug } from '../../shared/slug.ts';
import { instantToLocal } from '../../shared/zoned-time.ts';
import { SESSION_COOKIE } from '../modules/accounts/accounts.routes.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_GROUPS, DEMO_MARKER, DEMO_PASSWORD, DEMO_PEOPLE, type DemoGroup, type DemoRule, type DemoSession } from './demo-data.ts';

const DAY = 86_400_000;
// Requests carry this Host and the matching Origin, as the web app's would.
const HOST = 'demo.localhost';
const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface DemoSummary {
  alreadyLoaded: boolean;
  password: string;
  /** The e-mail of the demo account that administers the platform (a fresh database's first). */
  adminEmail: string | null;
  accounts: { created: number; existing: number };
  groups: { created: number; existing: number };
  sessions: number;
  memberships: number;
  rsvps: number;
  threads: number;
  comments: number;
  /** False when this build has no discussions yet. */
  discussions: boolean;
  /** Sign-in e-mail of each demo person. */
  emails: string[];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const demoEmail = (key: string) => `${key}@${DEMO_EMAIL_DOMAIN}`;

/** The start (`YYYY-MM-DDTHH:MM`) of a demo session: its first day after today, in its zone. */
export function firstStart(rule: DemoRule, time: string, zone: string, now: number): string {
  const dateAt = (days: number) => instantToLocal(now + days * DAY, zone).slice(0, 10);
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  if ('once' in rule) return `${dateAt(12)}T${time}`;
  if ('weekly' in rule) {
    for (let i = 1; i <= 14; i += 1) if (rule.weekly.includes(BYDAY[weekday(dateAt(i))]!)) return `${dateAt(i)}T${time}`;
    throw new Error(`No day in ${rule.weekly.join(',')}`);
  }
  const m = /^(-?\d)([A-Z]{2})$/.exec(rule.monthly);
  if (!m) throw new Error(`Unsupported monthly rule ${rule.monthly}`);
  const nth = Number(m[1]);
  for (let i = 1; i <= 75; i += 1) {
    const date = dateAt(i);
    if (BYDAY[weekday(date)] !== m[2]) continue;
    const day = Number(date.slice(8, 10));
    const monthLength = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    if (nth > 0 ? Math.ceil(day / 7) === nth : day + 7 > monthLength) return `${date}T${time}`;
  }
  throw new Error(`No date for ${rule.monthly}`);
}

function recurrenceOf(rule: DemoRule): string | null {
  if ('once' in rule) return null;
  if ('weekly' in rule) return `FREQ=WEEKLY${rule.interval && rule.interval > 1 ? `;INTERVAL=${rule.interval}` : ''};BYDAY=${rule.weekly.join(',')}`;
  return `FREQ=MONTHLY;BYDAY=${rule.monthly}`;
}

function sessionBody(s: DemoSession, zone: string, now: number) {
  const { rule, time, ...rest } = s;
  return { ...rest, start: firstStart(rule, time, zone, now), timeZone: zone, recurrence: recurrenceOf(rule) };
}

/** Loads the demo set (see the top of this file) with sessions starting after `now` (ms); returns what it did. */
export async function loadDemo(app: FastifyInstance, options: { now: number }): Promise<DemoSummary> {
  const { now } = options;
  const summary: DemoSummary = {
    alreadyLoaded: false,
    password: DEMO_PASSWORD,
    adminEmail: null,
    accounts: { created: 0, existing: 0 },
    groups: { created: 0, existing: 0 },
    sessions: 0,
    memberships: 0,
    rsvps: 0,
    threads: 0,
    comments: 0,
    discussions: app.hasRoute({ method: 'POST', url: '/api/v1/groups/:slug/threads' }),
    emails: DEMO_PEOPLE.map((p) => demoEmail(p.key)),
  };

  async function call(method: Method, url: string, options: { cookie?: string; body?: unknown } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: HOST, origin: `http://${HOST}` };
    if (options.cookie) headers.cookie = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return app.inject({ method, url: `/api/v1${url}`, headers, ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}) });
  }

  async function ok(method: Method, url: string, options: { cookie?: string; body?: unknown } = {}) {
    const res = await call(method, url, options);
    if (res.statusCode >= 300) throw new Error(`Demo: ${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    return res.body ? res.json() : null;
  }

  const marker = await call('GET', `/groups/${toSlug(DEMO_MARKER.fields.name, 'group')}`);
  if (marker.statusCode === 200 && marker.json().group.name === DEMO_MARKER.fields.name) {
    return { ...summary, alreadyLoaded: true };
  }

  // People: sign up, or sign in when a run before this one made them.
  const people = new Map<string, { cookie: string; userId: string }>();
  for (const person of DEMO_PEOPLE) {
    const email = demoEmail(person.key);
    let res = await call('POST', '/auth/signup', {
      body: { email, password: DEMO_PASSWORD, displayName: person.displayName, timeZone: person.timeZone, locale: person.locale },
    });
    if (res.statusCode === 409) {
      res = await call('POST', '/auth/signin', { body: { email, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`Demo: ${email} exists with another password; sign-in answered ${res.statusCode}`);
      summary.accounts.existing += 1;
    } else if (res.statusCode === 201) {
      summary.accounts.created += 1;
    } else {
      throw new Error(`Demo: signing up ${email} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`Demo: no session for ${email}`);
    const user = res.json().user as { id: string; isAdmin?: boolean };
    people.set(person.key, { cookie: `${SESSION_COOKIE}=${cookie.value}`, userId: user.id });
    if (user.isAdmin) summary.adminEmail = email;
  }
  const who = (key: string) => {
    const p = people.get(key);
    if (!p) throw new Error(`Demo: unknown person ${key}`);
    return p;
  };

  for (const group of DEMO_GROUPS) await loadGroup(group);
  return summary;

  async function loadGroup(group: DemoGroup): Promise<void> {
    const leader = who(group.leader);
    const expected = toSlug(group.fields.name, 'group');
    const found = await call('GET', `/groups/${expected}`, { cookie: leader.cookie });
    let slug: string;
    let status: string;
    if (found.statusCode === 200 && found.json().group.name === group.fields.name && found.json().group.viewer.membership?.role === 'leader') {
      summary.groups.existing += 1;
      ({ slug, status } = found.json().group);
    } else {
      const body = { ...group.fields, ...(group.profession ? { profession: group.profession } : {}) };
      ({ slug, status } = (await ok('POST', '/groups', { cookie: leader.cookie, body })).group);
      summary.groups.created += 1;
    }
    // A draft has no members nor sessions yet: its founder is still thinking it through.
    if (status !== 'active') return;

    for (const key of group.members) await admit(slug, group, key);
    for (const co of group.coLeaders ?? []) {
      await ok('POST', `/groups/${slug}/members/${who(co.key).userId}/promote`, {
        cookie: leader.cookie,
        body: { leaderType: co.leaderType, ...(co.profession ? { profession: co.profession } : {}) },
      });
    }

    const existingSessions = (await ok('GET', `/groups/${slug}/sessions`, { cookie: leader.cookie })).sessions as unknown[];
    if (existingSessions.length === 0) {
      const ids: string[] = [];
      for (const s of group.sessions) {
        ids.push((await ok('POST', `/groups/${slug}/sessions`, { cookie: leader.cookie, body: sessionBody(s, group.fields.timeZone, now) })).session.id);
        summary.sessions += 1;
      }
      // A few people say they are coming to the first session: the pages look lived in.
      if (ids[0]) {
        const occurrences = (await ok('GET', `/groups/${slug}/occurrences`, { cookie: leader.cookie })).occurrences as {
          sessionId: string;
          startsAt: string;
        }[];
        const first = occurrences.find((o) => o.sessionId === ids[0]);
        if (first) {
          for (const key of group.members.slice(0, 3)) {
            await ok('POST', `/sessions/${ids[0]}/rsvp`, { cookie: who(key).cookie, body: { occurrenceStart: first.startsAt, status: 'going' } });
            summary.rsvps += 1;
          }
        }
      }
    }

    if (summary.discussions && group.threads?.length) {
      const existing = (await ok('GET', `/groups/${slug}/threads`, { cookie: leader.cookie })).threads as unknown[];
      if (existing.length > 0) return;
      for (const thread of group.threads) {
        const created = (await ok('POST', `/groups/${slug}/threads`, { cookie: who(thread.author).cookie, body: { title: thread.title, body: thread.body } }))
          .thread as { id: string };
        summary.threads += 1;
        for (const comment of thread.comments) {
          await ok('POST', `/threads/${created.id}/comments`, { cookie: who(comment.author).cookie, body: { body: comment.body } });
          summary.comments += 1;
        }
      }
    }
  }

  /** Brings a person into a group the way its policy allows: join, approval or invitation. */
  async function admit(slug: string, group: DemoGroup, key: string): Promise<void> {
    const person = who(key);
    const leader = who(group.leader);
    let res = await call('POST', `/groups/${slug}/join`, { cookie: person.cookie, body: { acceptCharter: true } });
    // Invitation groups refuse a plain join; private ones do not even exist for a stranger.
    if ((res.statusCode === 403 && res.json().error.code === 'INVITATION_REQUIRED') || res.statusCode === 404) {
      const { invitation } = await ok('POST', `/groups/${slug}/invitations`, { cookie: leader.cookie, body: {} });
      res = await call('POST', `/invitations/${invitation.token}/accept`, { cookie: person.cookie, body: { acceptCharter: true } });
    }
    if (res.statusCode >= 300) throw new Error(`Demo: ${key} could not join ${slug}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    const { membership } = res.json() as { membership: { status: string } };
    if (res.statusCode === 201) summary.memberships += 1;
    if (membership.status === 'pending') await ok('POST', `/groups/${slug}/members/${person.userId}/approve`, { cookie: leader.cookie });
  }
}

/** What `npm run demo` prints: what was loaded and how to sign in. */
export function describeDemo(summary: DemoSummary, appUrl: string): string {
  if (summary.alreadyLoaded) {
    return [
      `The demo data is already loaded: nothing was added.`,
      `Sign in at ${appUrl}/signin with any demo account, e.g. ${summary.emails[1]}, password: ${summary.password}`,
    ].join('\n');
  }
  const lines = [
    `Demo data loaded into ${appUrl}:`,
    `  ${summary.accounts.created} accounts created (${summary.accounts.existing} already there)`,
    `  ${summary.groups.created} groups founded (${summary.groups.existing} already there), ${summary.memberships} memberships, ${summary.sessions} sessions, ${summary.rsvps} RSVPs`,
    summary.discussions ? `  ${summary.threads} threads, ${summary.comments} comments` : '  no discussions (this build has none yet)',
    '',
    `Every demo account's password: ${summary.password}`,
    `Accounts: ${summary.emails.join(', ')}`,
  ];
  if (summary.adminEmail) lines.push(`${summary.adminEmail} administers the platform (it was this database's first account).`);
  return lines.join('\n');
}
