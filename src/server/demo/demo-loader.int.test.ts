import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../tests/support/databases.ts';
import { startTestApp, type TestClient } from '../../../tests/support/http.ts';
import { toSlug } from '../../shared/slug.ts';
import { feedProblems } from '../modules/directory/meeting-guide.test-support.ts';
import { DEMO_GROUPS, DEMO_MARKER, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data.ts';
import { demoEmail, describeDemo, firstStart, loadDemo } from './demo-loader.ts';

describe('demo session dates', () => {
  const now = Date.parse('2027-03-03T12:00:00Z'); // a Wednesday
  it('falls on the rule’s first day after today, in the group’s zone', () => {
    expect(firstStart({ weekly: ['MO', 'TH'] }, '18:15', 'Asia/Kathmandu', now)).toBe('2027-03-04T18:15');
    expect(firstStart({ weekly: ['WE'] }, '09:00', 'Pacific/Chatham', now)).toBe('2027-03-10T09:00');
    expect(firstStart({ monthly: '1SA' }, '10:00', 'Europe/Paris', now)).toBe('2027-03-06T10:00');
    expect(firstStart({ monthly: '-1TH' }, '19:00', 'America/Mexico_City', now)).toBe('2027-03-25T19:00');
    expect(firstStart({ monthly: '2SU' }, '11:00', 'Asia/Kolkata', now)).toBe('2027-03-14T11:00');
  });
});

describe.each(testDialects())('demo data on $dialect', ({ open }) => {
  let t: TestClient;
  beforeEach(async () => {
    t = await startTestApp(await open());
  });
  afterEach(async () => t.close());

  async function counts() {
    const db = t.db.db;
    const count = async (table: 'users' | 'groups' | 'group_sessions' | 'memberships' | 'threads' | 'comments' | 'rsvps') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      users: await count('users'),
      groups: await count('groups'),
      sessions: await count('group_sessions'),
      memberships: await count('memberships'),
      rsvps: await count('rsvps'),
      threads: await count('threads'),
      comments: await count('comments'),
    };
  }

  it('loads people and groups across continents once, then adds nothing', { timeout: 180_000 }, async () => {
    const summary = await loadDemo(t.app, { now: t.clock.now().getTime() });
    const published = DEMO_GROUPS.filter((g) => g.fields.visibility);
    expect(summary).toMatchObject({
      alreadyLoaded: false,
      adminEmail: demoEmail('admin'),
      accounts: { created: DEMO_PEOPLE.length, existing: 0 },
      groups: { created: DEMO_GROUPS.length, existing: 0 },
      sessions: published.reduce((n, g) => n + g.sessions.length, 0),
      memberships: published.reduce((n, g) => n + g.members.length, 0),
    });
    const after = await counts();
    expect(after).toMatchObject({
      users: DEMO_PEOPLE.length,
      groups: DEMO_GROUPS.length,
      sessions: summary.sessions,
      // Founders are members too.
      memberships: summary.memberships + DEMO_GROUPS.length,
      rsvps: summary.rsvps,
    });
    if (summary.discussions) {
      expect(summary.threads).toBeGreaterThan(3);
      expect(after).toMatchObject({ threads: summary.threads, comments: summary.comments });
    }
    expect(describeDemo(summary, 'http://127.0.0.1:3000')).toContain(DEMO_PASSWORD);

    // What strangers see: public groups in the list and the feed, never the private or unlisted one.
    const list = (await t.call('GET', '/api/v1/groups?page=1')).json();
    expect(list.total).toBe(DEMO_GROUPS.filter((g) => g.fields.visibility === 'public').length);
    const feed = (await t.call('GET', '/feeds/meeting-guide.json')).json();
    expect(feedProblems(feed)).toEqual([]);
    expect(feed.length).toBeGreaterThan(10);
    const inFeed = new Set(feed.map((e: { group: string }) => e.group));
    for (const g of DEMO_GROUPS.filter((g) => g.fields.visibility !== 'public')) expect(inFeed.has(g.fields.name)).toBe(false);
    // Places came along where the group gave one.
    const montreal = (await t.call('GET', `/api/v1/groups/${toSlug(DEMO_GROUPS[0]!.fields.name, 'group')}`)).json().group;
    expect(montreal.place).toMatchObject({ name: 'Montréal', countryCode: 'CA' });
    // Demo accounts sign in with the printed password.
    expect((await t.call('POST', '/api/v1/auth/signin', { body: { email: demoEmail('maya'), password: DEMO_PASSWORD } })).statusCode).toBe(200);

    const again = await loadDemo(t.app, { now: t.clock.now().getTime() });
    expect(again.alreadyLoaded).toBe(true);
    expect(await counts()).toEqual(after);
    expect(describeDemo(again, 'http://127.0.0.1:3000')).toMatch(/already loaded/);

    // A run interrupted before its last group is finished by the next one, adding only that group.
    const marker = await t.db.db.selectFrom('groups').select('id').where('slug', '=', toSlug(DEMO_MARKER.fields.name, 'group')).executeTakeFirstOrThrow();
    await t.db.db.deleteFrom('groups').where('id', '=', marker.id).execute();
    const resumed = await loadDemo(t.app, { now: t.clock.now().getTime() });
    expect(resumed).toMatchObject({
      alreadyLoaded: false,
      accounts: { created: 0, existing: DEMO_PEOPLE.length },
      groups: { created: 1, existing: DEMO_GROUPS.length - 1 },
      sessions: DEMO_MARKER.sessions.length,
    });
    expect(await counts()).toEqual(after);
  });
});
