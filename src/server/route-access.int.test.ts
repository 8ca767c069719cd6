/**
 * The generated access matrix: every route in Fastify's table (as `installRouteAccess` saw
 * it registered, so a new route is covered without touching this file) is called as each
 * kind of caller against a public, an unlisted, a private and a draft group, and against a
 * group or resource that does not exist. A safety net, not a re-spec: it asserts no 5xx, 401
 * for anonymous callers where a session is declared, admin routes refused to non-admins, and
 * that whatever a caller may not see of a private or draft group answers byte for byte as a
 * missing one.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../tests/support/databases.ts';
import { createGroup, createPerson } from '../../tests/support/factories.ts';
import { startTestApp, type Caller, type TestClient } from '../../tests/support/http.ts';
import { BODIES, poll, programme, weekly, type Target } from '../../tests/support/route-bodies.ts';
import { abilitiesFor, decide } from './modules/groups/groups.policy.ts';
import { type GroupNeed } from '../shared/group-needs.ts';
import { allowsAnonymous, declaredRoutes, type DeclaredRoute } from './platform/http/route-access.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
// Those who may change things call each route last, so the refusals before them meet the world intact.
const CALLERS = ['anonymous', 'stranger', 'pending', 'otherLeader', 'banned', 'removed', 'moderator', 'admin', 'member', 'leader'] as const;
type CallerName = (typeof CALLERS)[number];
const KINDS = ['public', 'unlisted', 'private', 'draft'] as const;
type Kind = (typeof KINDS)[number];

/** Query strings a route cannot do without. */
const QUERIES: Record<string, string> = { 'GET /api/v1/places': '?q=paris' };

/**
 * The only 400s the matrix may meet, each a rule of the route past its access check (a
 * service's answer), never a body that did not validate; `path` names the one field a
 * service-side VALIDATION answer may be about.
 */
const EXPECTED_400: Record<string, { code: string; path?: string; why: string }> = {
  'POST /api/v1/groups/:slug/publish': { code: 'NOT_PUBLISHABLE', path: 'reasons', why: 'the draft lacks its founding reasons, so that it stays a draft' },
  'PUT /api/v1/me/password': { code: 'VALIDATION', path: 'currentPassword', why: 'the current password is wrong on purpose' },
  'DELETE /api/v1/me': { code: 'VALIDATION', path: 'password', why: 'the password is wrong on purpose' },
  'POST /api/v1/auth/password-reset/confirm': { code: 'RESET_TOKEN_INVALID', why: 'there is no such reset token' },
};

/** Calls the group policy lets through that the route still refuses (403), by a rule of its own. */
const FINER_RULES: Record<string, { callers: CallerName[]; why: string }> = {
  'POST /api/v1/groups/:slug/join': { callers: ['banned'], why: 'banned people may not join again' },
  'POST /api/v1/groups/:slug/charter/accept': { callers: ['banned'], why: 'there is no membership whose charter to accept' },
  'PATCH /api/v1/threads/:id': { callers: ['leader'], why: 'only the author edits a post' },
  'PATCH /api/v1/comments/:id': { callers: ['leader'], why: 'only the author edits a post' },
  'DELETE /api/v1/threads/:id': { callers: ['leader'], why: 'only the author deletes a post (leaders hide it instead)' },
  'DELETE /api/v1/comments/:id': { callers: ['leader'], why: 'only the author deletes a post (leaders hide it instead)' },
};

function bodyFor(method: string, url: string, target: Target): unknown {
  const body = BODIES[`${method} ${url}`];
  return body ? body(target) : method === 'GET' || method === 'DELETE' ? undefined : {};
}

/** The URL with its params filled from the target, keyed by param name (and, for `:id`, by what it names). */
function fill(url: string, target: Target): string {
  const idOf: Record<string, string> = {
    sessions: target.sessionId,
    threads: target.threadId,
    comments: target.commentId,
    programmes: target.programmeId,
    polls: target.pollId,
    reports: target.reportId,
    places: '999999999',
  };
  return url.replace(/:(\w+)/g, (_m, name: string, offset: number) => {
    if (name === 'id') return encodeURIComponent(idOf[url.slice(0, offset).split('/').at(-2) ?? ''] ?? randomUUID());
    if (name === 'slug') return target.slug;
    if (name === 'occurrenceStart') return encodeURIComponent(target.occurrenceStart);
    if (name === 'userId') return target.userId;
    if (name === 'token') return 'not-a-real-token';
    return randomUUID();
  });
}

/** What each caller is in every world group, for the policy's verdict. */
function verdict(as: CallerName, need: GroupNeed): 'ok' | 'hidden' | 'refused' {
  const membership =
    as === 'pending'
      ? { role: 'member', status: 'pending' }
      : as === 'member'
        ? { role: 'member', status: 'active' }
        : as === 'leader'
          ? { role: 'leader', status: 'active' }
          : null;
  const flags = as === 'anonymous' ? null : { isPlatformModerator: as === 'moderator' || as === 'admin' };
  return decide(abilitiesFor({ status: 'active', visibility: 'public' }, membership, flags), need);
}

/** Whether the route reaches into one group (by slug or by something that belongs to it). */
const isGroupScoped = (url: string) => /:slug|\/(sessions|threads|comments|programmes|polls|reports)\/:id/.test(url);

describe.each(testDialects())('route access matrix on $dialect', ({ open }) => {
  let t: TestClient;
  const callers = {} as Record<CallerName, Caller | null>;
  const targets = {} as Record<Kind, Target>;
  let missing: Target;

  async function ok(res: Promise<LightMyRequestResponse>, what: string) {
    const r = await res;
    expect(r.statusCode, `${what}: ${r.body}`).toBeLessThan(300);
    return r.body ? r.json() : null;
  }

  beforeAll(async () => {
    t = await startTestApp(await open());
    callers.anonymous = null;
    callers.admin = await createPerson(t, 'Admin', { admin: true });
    callers.moderator = await createPerson(t, 'Moderator', { moderator: true });
    for (const name of ['stranger', 'pending', 'member', 'leader', 'otherLeader', 'banned', 'removed'] as const) callers[name] = await createPerson(t, name);
    const leader = callers.leader!;
    const member = callers.member!;
    // The person leaders act on (approve, promote, ban…): not one of the callers, whose roles must stay.
    const subject = await createPerson(t, 'Subject');
    await createGroup(t, callers.otherLeader!, { name: 'Another group' });
    for (const kind of KINDS) {
      // Every group is made public, then turned into what it is, so that the same content
      // exists in each. Joining asks for approval, so that strangers calling `join` stay
      // outside (pending).
      const group = await createGroup(t, leader, {
        name: `Group ${kind}`,
        membership: 'approval',
        members: [member, subject, callers.removed!],
        pending: [callers.pending!],
        banned: [callers.banned!],
      });
      const slug = group.slug;
      // Removed the way leaders remove people, after they had written something.
      await ok(t.call('POST', `/api/v1/groups/${slug}/threads`, { as: callers.removed, body: { title: 'Mine', body: 'Before' } }), 'own thread');
      await ok(t.call('DELETE', `/api/v1/groups/${slug}/members/${callers.removed!.userId}`, { as: leader }), `removing from ${kind}`);
      const session = (await ok(t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: leader, body: weekly }), 'session')).session;
      const occurrences = await ok(t.call('GET', `/api/v1/groups/${slug}/occurrences?from=2027-03-01&to=2027-04-01`, { as: leader }), 'occurrences');
      const thread = (await ok(t.call('POST', `/api/v1/groups/${slug}/threads`, { as: member, body: { title: 'Hello', body: 'First' } }), 'thread')).thread;
      const comment = (await ok(t.call('POST', `/api/v1/threads/${thread.id}/comments`, { as: member, body: { body: 'A comment' } }), 'comment')).comment;
      const report = (await ok(t.call('POST', `/api/v1/threads/${thread.id}/reports`, { as: member, body: { reason: 'spam' } }), 'report')).report;
      const prog = (await ok(t.call('POST', `/api/v1/groups/${slug}/programmes`, { as: leader, body: programme }), 'programme')).programme;
      const p = (await ok(t.call('POST', `/api/v1/groups/${slug}/polls`, { as: leader, body: poll }), 'poll')).poll;
      await ok(t.call('POST', `/api/v1/groups/${slug}/invitations`, { as: leader, body: {} }), 'invitation');
      // The draft lacks a founding part, so that its leader's publish call leaves it a draft.
      const changes = kind === 'draft' ? { status: 'draft', visibility: 'private', reasons: null } : { visibility: kind };
      await t.db.db.updateTable('groups').set(changes).where('id', '=', group.id).execute();
      targets[kind] = {
        slug,
        sessionId: session.id,
        occurrenceStart: occurrences.occurrences[0].startsAt,
        laterOccurrenceStart: occurrences.occurrences[1].startsAt,
        threadId: thread.id,
        commentId: comment.id,
        programmeId: prog.id,
        pollId: p.id,
        reportId: report.id,
        userId: subject.userId,
      };
    }
    missing = {
      ...targets.public,
      slug: 'no-such-group-anywhere',
      sessionId: randomUUID(),
      threadId: randomUUID(),
      commentId: randomUUID(),
      programmeId: randomUUID(),
      pollId: randomUUID(),
      reportId: randomUUID(),
    };
  }, 120_000);
  afterAll(async () => t.close());

  it('calls every declared route as every kind of caller, and private content is indistinguishable from missing', async () => {
    // Reads first, then writes, deletions, and leaving groups and signing out at the very end,
    // so that what they change (a post deleted, a member gone) shows as little as possible.
    const order = (r: DeclaredRoute) =>
      r.url.endsWith('/auth/signout') ? 4 : r.url.endsWith('/leave') ? 3 : r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1;
    const routes = declaredRoutes(t.app)
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .toSorted((a, b) => order(a) - order(b));
    expect(routes.length).toBeGreaterThan(50);
    let calls = 0;
    const statuses = new Map<number, number>();
    const badRequests = new Map<string, number>();
    const call = async (route: DeclaredRoute, target: Target, as: CallerName) => {
      calls += 1;
      const key = `${route.method} ${route.url}`;
      const url = fill(route.url, target) + (QUERIES[key] ?? '');
      const res = await t.call(route.method as Method, url, { as: callers[as], body: bodyFor(route.method, route.url, target) });
      const label = `${key} as ${as}`;
      expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 400) {
        // Every call gets past validation to the access checks: a 400 is one of the route's own rules.
        badRequests.set(key, (badRequests.get(key) ?? 0) + 1);
        const { code, issues } = res.json().error;
        const expected = EXPECTED_400[key];
        expect({ code, paths: issues?.map((i: { path: string }) => i.path) }, `${label}: ${res.body}`).toEqual({
          code: expected?.code,
          paths: expected?.path ? [expected.path] : undefined,
        });
      }
      return { status: res.statusCode, body: res.body, label };
    };
    for (const route of routes) {
      const groupNeed = typeof route.access === 'object' ? route.access.group : null;
      // Platform moderators see every group to moderate it: there they are not outsiders.
      const moderatesAll = (as: CallerName) => (as === 'moderator' || as === 'admin') && (groupNeed === 'moderate' || groupNeed === 'report');
      for (const as of CALLERS) {
        const kinds: readonly Kind[] = isGroupScoped(route.url) ? KINDS : ['public'];
        const gone = isGroupScoped(route.url) ? await call(route, missing, as) : null;
        for (const kind of kinds) {
          const res = await call(route, targets[kind], as);
          if (as === 'anonymous' && !allowsAnonymous(route.access)) expect(res.status, `${res.label} ${res.body}`).toBe(401);
          const platformRefused =
            (route.access === 'admin' && as !== 'admin') || (route.access === 'platform-moderator' && as !== 'admin' && as !== 'moderator');
          if (platformRefused) expect(res.status, `${res.label} ${res.body}`).toBe(as === 'anonymous' ? 401 : 403);
          const policy = groupNeed && kind === 'public' && as !== 'anonymous' ? verdict(as, groupNeed) : null;
          // Seen but not theirs to use.
          if (policy === 'refused') expect(res.status, `${res.label} on the public group: ${res.body}`).toBe(403);
          // Let through by the policy (or by the platform role): refused only by a finer rule of the route's own.
          const signedInAndLet =
            typeof route.access === 'string' && route.access !== 'public' && route.access !== 'token' && as !== 'anonymous' && !platformRefused;
          if (policy === 'ok' || signedInAndLet) {
            const allowed = res.status === 403 && FINER_RULES[`${route.method} ${route.url}`]?.callers.includes(as);
            if (!allowed) expect(res.status, `${res.label} on the ${kind} group: ${res.body}`).not.toBeOneOf([401, 403]);
          }
          if (!gone || moderatesAll(as)) continue;
          const outsider = (kind === 'private' && !['member', 'leader'].includes(as)) || (kind === 'draft' && as !== 'leader');
          // Whoever has a membership (a pending request, a member of a group gone back to draft) may leave.
          const mayLeave = route.url.endsWith('/leave') && (as === 'pending' || as === 'member');
          if (outsider && !mayLeave) {
            expect({ status: res.status, body: res.body }, `${res.label} on the ${kind} group`).toEqual({ status: gone.status, body: gone.body });
          }
        }
      }
    }
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    const refused = [...badRequests].map(([key, n]) => `${key} ×${n} (${EXPECTED_400[key]?.why})`);
    console.log(`route access matrix: ${routes.length} routes, ${calls} calls (${tally.join(', ')}); 400s: ${refused.join('; ') || 'none'}`);
  }, 300_000);

  it('has a body for every route whose schema requires one, and no entry for a route that is gone', async () => {
    const spec = (await t.call('GET', '/api/openapi.json')).json();
    const declared = new Set(declaredRoutes(t.app).map((r) => `${r.method} ${r.url}`));
    for (const key of [...Object.keys(BODIES), ...Object.keys(QUERIES), ...Object.keys(EXPECTED_400), ...Object.keys(FINER_RULES)]) {
      expect(declared, `${key} names no declared route`).toContain(key);
    }
    const needing = declaredRoutes(t.app).filter((route) => {
      const operation = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      return (schema?.required?.length ?? 0) > 0;
    });
    expect(needing.length).toBeGreaterThan(20);
    for (const route of needing) expect(BODIES, `add a valid body for ${route.method} ${route.url} to BODIES`).toHaveProperty([`${route.method} ${route.url}`]);
  });

  it('documents every declared API route in OpenAPI', async () => {
    const spec = (await t.call('GET', '/api/openapi.json')).json();
    const hidden = new Set(['/api/openapi.json']);
    for (const route of declaredRoutes(t.app)) {
      if (!route.url.startsWith('/api/v1/') || hidden.has(route.url) || route.method === 'HEAD') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
  });
});
