import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { FeedFetchError, fetchFeed } from './meeting-guide-fetch.ts';
import { feedProblems } from './meeting-guide.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const NAUGHTY = HOSTILE_STRINGS;
const IMPORT = '/api/v1/admin/imports/meeting-guide';

/** A feed like an intergroup's, with a few entries no importer could take. */
function sampleFeed(overrides: { time?: string } = {}) {
  return [
    {
      name: 'Sunday Serenity',
      slug: 'sunday-serenity-14',
      day: 0,
      time: overrides.time ?? '18:00',
      end_time: '19:30',
      timezone: 'America/St_Johns',
      location: 'Alano Club',
      formatted_address: '123 Water Street, St. John’s, NL A1C 1A1, Canada',
      types: ['O', 'EN', 'X'],
      notes: 'Ring buzzer.',
      updated: '2024-05-31 14:32:23',
    },
    {
      name: 'Lunes y jueves',
      slug: 'lunes-jueves',
      day: [1, 4],
      time: '07:05',
      timezone: 'Asia/Kathmandu',
      conference_url: 'https://zoom.example/j/123',
      types: ['C', 'S'],
    },
    {
      name: 'Chatham dawn',
      slug: 42,
      day: 2,
      time: '06:45:00',
      end_time: '07:45',
      timezone: 'Pacific/Chatham',
      address: '1 Waitangi Wharf Rd',
      city: 'Waitangi',
      postal_code: '8942',
      country: 'NZ',
      conference_phone: '+6431234567',
      types: ['FR', 'W'],
    },
    { name: 'No day', slug: 'no-day', time: '19:00', timezone: 'Europe/Paris', formatted_address: '1 place Bellecour, Lyon' },
    { name: 'Bad zone', slug: 'bad-zone', day: 3, time: '19:00', timezone: 'Mars/Olympus', formatted_address: '1 place Bellecour, Lyon' },
    { name: 'Nowhere', slug: 'nowhere', day: 3, time: '19:00', timezone: 'Europe/Paris', formatted_address: 'Lyon, France', approximate: 'yes' },
    { name: 'Twice', slug: 'sunday-serenity-14', day: 5, time: '19:00', timezone: 'Europe/Paris', formatted_address: '1 place Bellecour, Lyon' },
    'not a meeting',
  ];
}

interface Report {
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: { index: number; name: string | null; slug: string | null; reason: string }[];
  groups: { index: number; slug: string; groupSlug: string; outcome: string }[];
}

let server: http.Server;
let base: string;
let served: unknown = sampleFeed();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
    if (path === '/moved') return res.writeHead(302, { location: '/feed.json' }).end();
    if (path === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (path === '/not-json') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>');
    if (path === '/object') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"meetings":[]}');
    if (path === '/bom') return res.writeHead(200, { 'content-type': 'application/json' }).end(`\uFEFF${JSON.stringify(served)}`);
    if (path === '/huge') {
      // Chunked, no Content-Length: the limit must hold while reading.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${' '.repeat(64 * 1024)}`;
      let sent = 0;
      const pump = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('[]');
      };
      res.on('error', () => undefined);
      return pump();
    }
    if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('[]'), 3000);
    return res.writeHead(404).end('missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetching a feed', () => {
  const limits = { timeoutMs: 500, maxBytes: 1024 * 1024, maxRedirects: 3 };
  const problem = (url: string) =>
    fetchFeed(url, limits).then(
      () => 'fetched',
      (e: unknown) => (e instanceof FeedFetchError ? e.problem : String(e)),
    );

  it('follows web redirects only, within bounds of time and size', async () => {
    expect(await fetchFeed(`${base}/moved`, limits)).toEqual(served);
    expect(await fetchFeed(`${base}/bom`, limits)).toEqual(served);
    expect(await problem(`${base}/to-file`)).toBe('redirect');
    expect(await problem(`${base}/loop`)).toBe('redirect');
    expect(await problem(`${base}/slow`)).toBe('timeout');
    expect(await problem(`${base}/huge`)).toBe('tooLarge');
    expect(await problem(`${base}/not-json`)).toBe('notJson');
    expect(await problem(`${base}/missing`)).toBe('status');
    expect(await problem('http://127.0.0.1:1/feed.json')).toBe('unreachable');
  });
});

describe.each(testDialects())('Meeting Guide import on $dialect', ({ open }) => {
  let t: TestClient;
  let admin: Caller;
  let member: Caller;

  beforeEach(async () => {
    served = sampleFeed();
    t = await startTestApp(await open());
    // The first account administers the platform.
    admin = await t.signUp({ displayName: 'Admin' });
    member = await t.signUp({ displayName: 'Member' });
  });
  afterEach(async () => t.close());

  async function runImport(body: unknown, as: Caller = admin): Promise<Report> {
    const res = await t.call('POST', IMPORT, { as, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().report;
  }

  async function publicTotal(): Promise<number> {
    return (await t.call('GET', '/api/v1/groups')).json().total;
  }

  it('is for platform admins only: 401 for strangers, 403 for others whatever they send', async () => {
    expect((await t.call('POST', IMPORT, { body: { url: `${base}/feed.json` } })).statusCode).toBe(401);
    const forbidden = await t.call('POST', IMPORT, { as: member, body: { url: `${base}/feed.json` } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');
    expect((await t.call('POST', IMPORT, { as: member, body: { nonsense: true } })).statusCode).toBe(403);
    const invalid = await t.call('POST', IMPORT, { as: admin, body: { url: 'ftp://example.org/feed', feed: 3 } });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['feed', 'url']);
    const neither = await t.call('POST', IMPORT, { as: admin, body: {} });
    expect(neither.json().error.issues).toEqual([{ path: 'url', message: 'Give either the address of a feed (url) or the feed itself (feed), not both.' }]);
    expect(await publicTotal()).toBe(0);
  });

  it('imports a feed from a URL into public weekly groups, reports what it skipped and why, and lists them again', async () => {
    const report = await runImport({ url: `${base}/feed.json` });
    expect(report).toMatchObject({ source: `${base}/feed.json`, created: 3, updated: 0, unchanged: 0 });
    expect(report.skipped).toEqual([
      { index: 3, name: 'No day', slug: 'no-day', reason: 'The meeting has no day: only weekly meetings can be imported.' },
      { index: 4, name: 'Bad zone', slug: 'bad-zone', reason: 'The meeting has no valid time zone, and no default time zone was given.' },
      { index: 5, name: 'Nowhere', slug: 'nowhere', reason: 'The meeting has neither a street address nor an online meeting link.' },
      { index: 6, name: 'Twice', slug: 'sunday-serenity-14', reason: 'Another meeting earlier in the feed has the same slug.' },
      { index: 7, name: null, slug: null, reason: 'This entry is not a meeting (a JSON object was expected).' },
    ]);
    expect(report.groups.map((g) => [g.index, g.slug, g.outcome])).toEqual([
      [0, 'sunday-serenity-14', 'created'],
      [1, 'lunes-jueves', 'created'],
      [2, '42', 'created'],
    ]);

    const serenity = (await t.call('GET', `/api/v1/groups/${report.groups[0]!.groupSlug}`, { as: admin })).json().group;
    expect(serenity).toMatchObject({
      name: 'Sunday Serenity',
      status: 'active',
      visibility: 'public',
      timeZone: 'America/St_Johns',
      languages: ['en'],
      modes: ['in-person'],
      structure: { membership: 'open' },
    });
    expect(serenity.leaders.map((l: { userId: string }) => l.userId)).toEqual([admin.userId]);
    const sessions = (await t.call('GET', `/api/v1/groups/${serenity.slug}/sessions`, { as: admin })).json().sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      recurrence: 'FREQ=WEEKLY;BYDAY=SU',
      timeZone: 'America/St_Johns',
      durationMinutes: 90,
      mode: 'in-person',
      location: 'Alano Club',
      accessibility: 'Wheelchair Access',
    });
    expect(sessions[0].start).toMatch(/T18:00$/);

    const online = (await t.call('GET', `/api/v1/groups/${report.groups[1]!.groupSlug}/sessions`, { as: admin })).json().sessions[0];
    expect(online).toMatchObject({ recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', mode: 'online', onlineUrl: 'https://zoom.example/j/123' });
    // The conference link came from a public feed, but here it is for members: strangers do not see it.
    expect((await t.call('GET', `/api/v1/groups/${report.groups[1]!.groupSlug}/sessions`)).json().sessions[0].onlineUrl).toBeUndefined();

    // Back out through our own feed: the in-person ones, valid for the spec's consumers.
    const out = (await t.call('GET', '/feeds/meeting-guide.json')).json();
    expect(feedProblems(out)).toEqual([]);
    expect(out.map((e: { name: string; day: number; time: string }) => [e.name, e.day, e.time]).sort()).toEqual([
      ['Chatham dawn', 2, '06:45'],
      ['Sunday Serenity', 0, '18:00'],
    ]);
    expect(out.find((e: { name: string }) => e.name === 'Sunday Serenity').types).toEqual(['O', 'EN', 'X']);
  });

  it('is idempotent: importing again changes nothing; a changed entry updates its group in place', async () => {
    await runImport({ url: `${base}/feed.json` });
    const total = await publicTotal();
    const again = await runImport({ url: `${base}/feed.json` });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await publicTotal()).toBe(total);

    // Another admin re-imports a changed feed: the same groups change, none is added.
    await t.db.db.updateTable('users').set({ is_admin: 1 }).where('id', '=', member.userId).execute();
    served = sampleFeed({ time: '18:30' });
    const changed = await runImport({ url: `${base}/feed.json` }, member);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await publicTotal()).toBe(total);
    const slug = changed.groups.find((g) => g.outcome === 'updated')!.groupSlug;
    const sessions = (await t.call('GET', `/api/v1/groups/${slug}/sessions`)).json().sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions[0].start).toMatch(/T18:30$/);
  });

  it('takes the feed itself in the body, up to 5 MB, named by its source', { timeout: 60_000 }, async () => {
    // Over the API's usual 256 kB body limit.
    const padding = 'x'.repeat(3000);
    const feed = Array.from({ length: 120 }, (_, i) => ({
      name: `Meeting ${i}`,
      slug: `m-${i}`,
      day: i % 7,
      time: '19:00',
      formatted_address: `${i} Main Street, Lyon`,
      notes: padding,
    }));
    const report = await runImport({ feed, source: 'district-9.json', defaultTimeZone: 'Europe/Paris', defaultLanguage: 'fr' });
    expect(report).toMatchObject({ source: 'district-9.json', created: 120, skipped: [] });
    const group = (await t.call('GET', `/api/v1/groups/${report.groups[0]!.groupSlug}`)).json().group;
    expect(group).toMatchObject({ timeZone: 'Europe/Paris', languages: ['fr'] });
    // The same slugs from another source are other meetings.
    expect(await runImport({ feed: feed.slice(0, 2), source: 'district-10.json', defaultTimeZone: 'Europe/Paris' })).toMatchObject({ created: 2 });
    expect(await runImport({ feed: feed.slice(0, 2), source: 'district-9.json', defaultTimeZone: 'Europe/Paris', defaultLanguage: 'fr' })).toMatchObject({
      created: 0,
      unchanged: 2,
    });

    const tooBig = await t.call('POST', IMPORT, { as: admin, body: { feed: [{ notes: 'x'.repeat(5 * 1024 * 1024) }] } });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('says what is wrong with an address that gives no feed, in the admin’s language', async () => {
    await t.call('PATCH', '/api/v1/me', { as: admin, body: { locale: 'fr' } });
    const issue = async (url: string) => {
      const res = await t.call('POST', IMPORT, { as: admin, body: { url } });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.issues;
    };
    expect(await issue(`${base}/missing`)).toEqual([{ path: 'url', message: 'L’adresse a répondu avec le statut HTTP 404 au lieu d’un flux.' }]);
    expect((await issue(`${base}/not-json`))[0].message).toBe('L’adresse n’a pas répondu en JSON.');
    expect((await issue(`${base}/object`))[0].message).toBe('Un flux Meeting Guide est une liste JSON de réunions.');
    expect((await issue(`${base}/to-file`))[0].message).toMatch(/^L’adresse redirige/);
    expect((await issue(`${base}/huge`))[0].message).toBe('Le flux dépasse 5 Mo.');
    const report = await runImport({ url: `${base}/moved` });
    expect(report.created).toBe(3);
    expect(report.skipped[0]!.reason).toBe('La réunion n’a pas de jour : seules les réunions hebdomadaires peuvent être importées.');
  });

  it('imports hostile names as text or skips them with a reason, never failing', { timeout: 120_000 }, async () => {
    // Every string goes through the reader in the unit tests; a third of them all the way here.
    const sample = NAUGHTY.filter((_, i) => i % 3 === 0);
    const feed = sample.map((s, i) => ({
      name: s,
      slug: `n-${i}`,
      day: i % 7,
      time: '20:00',
      timezone: 'Pacific/Chatham',
      location: s,
      formatted_address: `${s}, 1 Main Street`,
      notes: s,
      types: [s, 'O'],
    }));
    const report = await runImport({ feed });
    expect(report.created + report.skipped.length).toBe(sample.length);
    expect(report.created).toBeGreaterThan(sample.length * 0.9);
    for (const skip of report.skipped) expect(skip.reason).toMatch(/name|nom|import/i);
    const out = (await t.call('GET', '/feeds/meeting-guide.json')).json();
    expect(feedProblems(out)).toEqual([]);
    expect(out).toHaveLength(report.created);
  });

  it('leaves groups alone once their importers no longer lead them', async () => {
    const first = await runImport({ feed: [sampleFeed()[0]], source: 'one' });
    const slug = first.groups[0]!.groupSlug;
    // The admin hands the group to a member and steps down.
    expect((await t.call('POST', `/api/v1/groups/${slug}/join`, { as: member, body: { acceptCharter: true } })).statusCode).toBe(201);
    expect((await t.call('POST', `/api/v1/groups/${slug}/members/${member.userId}/promote`, { as: admin, body: { leaderType: 'peer' } })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/groups/${slug}/members/${admin.userId}/demote`, { as: member })).statusCode).toBe(200);
    const changed = await runImport({ feed: [{ ...(sampleFeed()[0] as object), time: '21:00' }], source: 'one' });
    expect(changed).toMatchObject({ created: 0, updated: 0 });
    expect(changed.skipped[0]!.reason).toMatch(/no longer lead it/);
    expect(await publicTotal()).toBe(1);
  });

  it('founds imported groups like any other: a founding guide group with the same name keeps its own slug', async () => {
    const existing = (await t.call('POST', '/api/v1/groups', { as: member, body: completeGroup({ name: 'Sunday Serenity' }) })).json().group.slug;
    const report = await runImport({ feed: [sampleFeed()[0]] });
    expect(report.groups[0]!.groupSlug).not.toBe(existing);
    expect(await publicTotal()).toBe(2);
  });
});
