import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { feedProblems, upcoming } from './meeting-guide.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const NAUGHTY = HOSTILE_STRINGS;
const FEED = '/feeds/meeting-guide.json';
const SECRET_LINK = 'https://meet.example.org/members-only-7f3a';
const SECRET_PHONE = '+33 9 99 99 99 99';

interface Entry {
  name: string;
  slug: string;
  day: number;
  time: string;
  end_time: string;
  timezone: string;
  formatted_address: string;
  types: string[];
  group: string;
  url: string;
  location?: string;
  region?: string;
}

describe.each(testDialects())('Meeting Guide feed on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;

  beforeEach(async () => {
    // The coming week spans Europe's clock change (28 March 2027), whenever the suite runs.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-25T09:00:00Z') });
    leader = await t.signUp({ displayName: 'Leader' });
  });
  afterEach(async () => t.close());

  async function found(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup(overrides) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().group.slug;
  }

  async function schedule(slug: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: leader, body: { durationMinutes: 90, mode: 'in-person', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().session.id;
  }

  async function feed(): Promise<Entry[]> {
    const res = await t.call('GET', FEED);
    expect(res.statusCode, res.body).toBe(200);
    expect(feedProblems(res.json())).toEqual([]);
    return res.json();
  }

  it('lists weekly sessions on their own clock in Kathmandu, St John’s and Chatham, valid for the spec and its consumers', async () => {
    const kathmandu = await found({
      name: 'Kathmandu carers',
      timeZone: 'Asia/Kathmandu',
      languages: ['ne', 'en'],
      structure: { membership: 'approval', format: 'drop-in' },
      place: { name: 'Lalitpur', countryCode: 'NP', latitude: 27.6667, longitude: 85.3167 },
    });
    const stJohns = await found({ name: 'St John’s grief circle', timeZone: 'America/St_Johns', languages: ['en'], topics: ['grief', 'Seniors'] });
    const chatham = await found({
      name: 'Chatham islanders',
      timeZone: 'Pacific/Chatham',
      languages: ['en'],
      structure: { membership: 'invite', format: 'cohort' },
    });

    const ktm = upcoming('Asia/Kathmandu', 1, '18:15', t.clock.now().getTime());
    await schedule(kathmandu, {
      title: 'Monday and Thursday',
      start: ktm,
      timeZone: 'Asia/Kathmandu',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
      location: 'Community hall',
      address: 'Jhamsikhel Road 4\nLalitpur 44600\nNepal',
    });
    // 07:30 on a Monday in Chatham is still Sunday in UTC: the feed says Monday.
    await schedule(chatham, {
      title: 'Early Monday',
      start: upcoming('Pacific/Chatham', 1, '07:30', t.clock.now().getTime()),
      timeZone: 'Pacific/Chatham',
      durationMinutes: 60,
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      address: '1 Waitangi Wharf Rd, Waitangi 8942',
      accessibility: 'Step-free access from the car park',
    });
    // Hybrid: listed in person, its members-only link and dial-in nowhere.
    await schedule(stJohns, {
      title: 'Saturday evening',
      start: upcoming('America/St_Johns', 6, '20:30', t.clock.now().getTime()),
      timeZone: 'America/St_Johns',
      durationMinutes: 210,
      recurrence: 'FREQ=WEEKLY;BYDAY=SA',
      mode: 'hybrid',
      address: '50 Water Street\nSt. John’s, NL A1C 1A1',
      onlineUrl: SECRET_LINK,
      dialIn: SECRET_PHONE,
    });
    // Not weekly meetings, or not somewhere one can walk in: left out.
    await schedule(stJohns, {
      title: 'Online only',
      start: upcoming('America/St_Johns', 2, '19:00', t.clock.now().getTime()),
      timeZone: 'America/St_Johns',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      mode: 'online',
      onlineUrl: SECRET_LINK,
    });
    await schedule(stJohns, {
      title: 'Monthly',
      start: upcoming('America/St_Johns', 3, '19:00', t.clock.now().getTime()),
      timeZone: 'America/St_Johns',
      recurrence: 'FREQ=MONTHLY',
      address: '50 Water Street',
    });
    await schedule(stJohns, {
      title: 'Once',
      start: upcoming('America/St_Johns', 4, '19:00', t.clock.now().getTime()),
      timeZone: 'America/St_Johns',
      address: '50 Water Street',
    });
    await schedule(stJohns, {
      title: 'Fortnightly',
      start: upcoming('America/St_Johns', 5, '19:00', t.clock.now().getTime()),
      timeZone: 'America/St_Johns',
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      address: '50 Water Street',
    });
    await schedule(kathmandu, {
      title: 'No address given',
      start: upcoming('Asia/Kathmandu', 3, '10:00', t.clock.now().getTime()),
      timeZone: 'Asia/Kathmandu',
      recurrence: 'FREQ=WEEKLY;BYDAY=WE',
      location: 'Somewhere',
    });

    const res = await t.call('GET', FEED);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body).not.toContain(SECRET_LINK);
    expect(res.body).not.toContain('99 99');

    const entries = await feed();
    expect(entries.map((e) => [e.group, e.name, e.day, e.time, e.end_time, e.timezone]).sort()).toEqual(
      [
        ['Chatham islanders', 'Early Monday', 1, '07:30', '08:30', 'Pacific/Chatham'],
        ['Kathmandu carers', 'Monday and Thursday', 1, '18:15', '19:45', 'Asia/Kathmandu'],
        ['Kathmandu carers', 'Monday and Thursday', 4, '18:15', '19:45', 'Asia/Kathmandu'],
        ['St John’s grief circle', 'Saturday evening', 6, '20:30', '00:00', 'America/St_Johns'],
      ].sort(),
    );
    const byGroup = (name: string) => entries.filter((e) => e.group === name);
    expect(byGroup('Kathmandu carers')[0]!.types).toEqual(['C', 'NE', 'EN']);
    expect(byGroup('Kathmandu carers')[0]!).toMatchObject({
      formatted_address: 'Jhamsikhel Road 4, Lalitpur 44600, Nepal',
      location: 'Community hall',
      region: 'Lalitpur',
      url: `http://127.0.0.1:3000/groups/${kathmandu}`,
    });
    expect(byGroup('Chatham islanders')[0]!.region).toBeUndefined();
    expect(byGroup('Chatham islanders')[0]!.types).toEqual(['C', 'EN', 'X']);
    expect(byGroup('St John’s grief circle')[0]!.types).toEqual(['O', 'EN', 'SEN']);
    expect(new Set(entries.map((e) => e.slug)).size).toBe(entries.length);
  });

  it('never lists private, unlisted or draft groups, and agrees with what a stranger can open', async () => {
    const address = '12 rue des Tanneurs\n69005 Lyon';
    const weekly = (zone = 'Europe/Paris') => ({
      title: 'Weekly',
      start: upcoming(zone, 2, '19:00', t.clock.now().getTime()),
      timeZone: zone,
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      address,
    });
    const publicSlug = await found({ name: 'Public one' });
    const privateSlug = await found({ name: 'Private one', visibility: 'private' });
    const unlistedSlug = await found({ name: 'Unlisted one', visibility: 'unlisted' });
    const laterPrivate = await found({ name: 'Public then private' });
    for (const slug of [publicSlug, privateSlug, unlistedSlug, laterPrivate]) await schedule(slug, weekly());
    const draft = await t.call('POST', '/api/v1/groups', { as: leader, body: { name: 'Draft one' } });
    expect(draft.json().group.status).toBe('draft');

    expect(new Set((await feed()).map((e) => e.group))).toEqual(new Set(['Public one', 'Public then private']));
    expect((await t.call('PATCH', `/api/v1/groups/${laterPrivate}`, { as: leader, body: { visibility: 'private' } })).statusCode).toBe(200);

    const entries = await feed();
    expect(new Set(entries.map((e) => e.group))).toEqual(new Set(['Public one']));
    for (const entry of entries) {
      const slug = decodeURIComponent(new URL(entry.url).pathname.replace('/groups/', ''));
      const page = await t.call('GET', `/api/v1/groups/${slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().group).toMatchObject({ visibility: 'public', status: 'active' });
    }
  });

  it('marks a day temporarily closed while its coming occurrence is cancelled', async () => {
    const slug = await found({ name: 'Tuesday and Friday' });
    const start = upcoming('Europe/Paris', 2, '19:00', t.clock.now().getTime());
    const friday = upcoming('Europe/Paris', 5, '19:00', t.clock.now().getTime());
    const first = start < friday ? start : friday;
    const rule = 'FREQ=WEEKLY;BYDAY=TU,FR';
    const id = await schedule(slug, { title: 'Circle', start: first, timeZone: 'Europe/Paris', recurrence: rule, address: '1 place Bellecour, Lyon' });
    const occurrences = (await t.call('GET', `/api/v1/groups/${slug}/occurrences`)).json().occurrences as { startsAt: string; localStart: string }[];
    const tuesday = occurrences.find((o) => o.localStart === start)!;
    const cancel = await t.call('POST', `/api/v1/sessions/${id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: tuesday.startsAt } });
    expect(cancel.statusCode, cancel.body).toBe(204);
    const entries = await feed();
    expect(entries.find((e) => e.day === 2)!.types).toContain('TC');
    expect(entries.find((e) => e.day === 5)!.types).not.toContain('TC');
  });

  it('revalidates by ETag', async () => {
    const slug = await found();
    const first = await t.call('GET', FEED);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.call('GET', FEED, { headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await schedule(slug, {
      title: 'New',
      start: upcoming('Europe/Paris', 3, '19:00', t.clock.now().getTime()),
      timeZone: 'Europe/Paris',
      recurrence: 'FREQ=WEEKLY;BYDAY=WE',
      address: '1 place Bellecour, Lyon',
    });
    const changed = await t.call('GET', FEED, { headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('stays valid with hostile group names, titles and places', async () => {
    // A sample that keeps the nastiest kinds (markup, quotes, RTL, emoji, zero-width, long).
    const sample = NAUGHTY.filter((s, i) => i % 6 === 0 || /[<>"'&\u200b-\u200f\u2028\u2029]/.test(s)).slice(0, 90);
    let listed = 0;
    for (const [i, s] of sample.entries()) {
      const res = await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: s, purpose: s }) });
      // What the API refuses (blank, control characters…) cannot reach the feed anyway.
      if (res.statusCode !== 201) continue;
      const slug = res.json().group.slug as string;
      const zone = ['Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'][i % 3]!;
      const session = await t.call('POST', `/api/v1/groups/${slug}/sessions`, {
        as: leader,
        body: {
          title: 'Weekly',
          start: upcoming(zone, 4, '19:45', t.clock.now().getTime()),
          timeZone: zone,
          durationMinutes: 60,
          recurrence: 'FREQ=WEEKLY;BYDAY=TH',
          mode: 'in-person',
          location: s,
          address: `${s}\n1 Main Street`,
        },
      });
      if (session.statusCode === 201) listed += 1;
    }
    expect(listed).toBeGreaterThan(40);
    const entries = await feed();
    expect(entries).toHaveLength(listed);
  });
});
