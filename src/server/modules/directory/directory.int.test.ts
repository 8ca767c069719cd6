import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const BLNS = HOSTILE_STRINGS;

const PARIS = { name: 'Paris', countryCode: 'FR', admin1: '11', latitude: 48.85341, longitude: 2.3488 };
const LYON = { name: 'Lyon', countryCode: 'FR', admin1: '84', latitude: 45.74846, longitude: 4.84671 };
const MONTREAL = { name: 'Montréal', countryCode: 'CA', admin1: '10', latitude: 45.50884, longitude: -73.58781 };
const PARIS_ID = 2988507;

interface Found {
  id: string;
  slug: string;
}

describe.each(testDialects())('directory search on $dialect', ({ dialect, open }) => {
  let t: TestClient;
  let clock: ReturnType<typeof fixedClock>;
  let founder: Caller;

  beforeEach(async () => {
    // The day before Paris's clocks change: "tomorrow 19:00" is 28 March 2027, whenever the suite runs.
    clock = fixedClock('2027-03-27T09:00:00Z');
    t = await startTestApp(await open(), {}, { clock });
    founder = await t.signUp({ displayName: 'Founder' });
  });
  afterEach(async () => t.close());

  async function found(fields: Record<string, unknown>, as: Caller = founder): Promise<Found> {
    // A second between groups, so "newest first" has an order to follow.
    clock.advance(1000);
    const res = await t.call('POST', '/api/v1/groups', { as, body: completeGroup(fields) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().group;
  }

  async function search(params: Record<string, string | number> | string, as: Caller | null = null) {
    const qs = typeof params === 'string' ? params : new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    return t.call('GET', `/api/v1/search/groups?${qs}`, { as });
  }

  async function slugs(params: Record<string, string | number> | string, as: Caller | null = null): Promise<string[]> {
    const res = await search(params, as);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.groups.length);
    return body.groups.map((g: { slug: string }) => g.slug);
  }

  const sorted = (list: string[]) => [...list].sort();

  it('finds words whatever their accents and case, in names, purposes and topics', async () => {
    const therapy = await found({ name: 'Thérapie de groupe', purpose: 'Se retrouver après une perte.', topics: ['santé'] });
    const grief = await found({ name: 'Deuil périnatal', purpose: 'Parents endeuillés après la perte d’un bébé.', topics: ['deuil'] });
    const carers = await found({ name: 'Carers circle', purpose: 'Caring for a parent who no longer knows us.', topics: ['carers'] });

    expect(await slugs({ q: 'therapie' })).toEqual([therapy.slug]);
    expect(await slugs({ q: 'THÉRAPIE' })).toEqual([therapy.slug]);
    expect(await slugs({ q: 'deuil' })).toEqual([grief.slug]);
    expect(await slugs({ q: 'Perinatal' })).toEqual([grief.slug]);
    // The words typed so far are prefixes: results come while typing.
    expect(await slugs({ q: 'périn' })).toEqual([grief.slug]);
    expect(await slugs({ q: 'deuil perinatal' })).toEqual([grief.slug]);
    // Every word must match.
    expect(await slugs({ q: 'deuil therapie' })).toEqual([]);
    expect(await slugs({ q: 'sante' })).toEqual([therapy.slug]);
    expect(sorted(await slugs({ q: 'perte' }))).toEqual(sorted([therapy.slug, grief.slug]));
    expect(await slugs({ q: 'no longer knows' })).toEqual([carers.slug]);
    // Without words: everything, newest first.
    expect(await slugs({})).toEqual([carers.slug, grief.slug, therapy.slug]);
    expect((await search({})).json().sort).toBe('newest');
    expect((await search({ q: 'deuil' })).json().sort).toBe('relevance');
  });

  it(`stems English on both engines, and French only where the engine offers it (${dialect})`, async () => {
    const grieve = await found({ name: 'We grieve together', purpose: 'For those who grieve a partner.', topics: [] });
    const grief = await found({ name: 'Grief café', purpose: 'Coffee and conversation.', topics: [] });
    const meeting = await found({ name: 'Weekly meeting', purpose: 'Anyone welcome.', topics: [] });
    const familial = await found({ name: 'Soutien familial', purpose: 'Entre proches.', topics: [] });

    // Both: Porter (SQLite FTS5) and the english configuration (PostgreSQL) reduce these to one stem.
    expect(await slugs({ q: 'grieving' })).toEqual([grieve.slug]);
    expect(await slugs({ q: 'meetings' })).toEqual([meeting.slug]);
    // Neither stemmer relates "grieving" to "grief": a dictionary would, a stemmer does not.
    expect(await slugs({ q: 'grieving' })).not.toContain(grief.slug);
    // French stemming: PostgreSQL's french configuration takes "familiaux" to "familial";
    // SQLite FTS5 has no French stemmer, so there the plural finds nothing.
    expect(await slugs({ q: 'familiaux' })).toEqual(dialect === 'postgres' ? [familial.slug] : []);
    expect(await slugs({ q: 'familial' })).toEqual([familial.slug]);
  });

  it('ranks a match in the name above a match in the purpose only', async () => {
    const named = await found({ name: 'Bipolar peer support', purpose: 'Talking together, every week.', topics: [] });
    const described = await found({ name: 'Mood circle', purpose: 'For people living with bipolar disorder, and their families.', topics: [] });
    expect(await slugs({ q: 'bipolar' })).toEqual([named.slug, described.slug]);
    const ranked = (await search({ q: 'bipolar', sort: 'newest' })).json().groups.map((g: Found) => g.slug);
    expect(ranked).toEqual([described.slug, named.slug]);
  });

  it('filters by language, way of taking part, leader type and topic, each one and together', async () => {
    const en = await found({ name: 'Anxiety online', languages: ['en-GB'], modes: ['online'], leadership: 'professional', topics: ['Anxiété'] });
    const fr = await found({ name: 'Cercle de parole', languages: ['fr'], modes: ['in-person', 'post'], leadership: 'peer', topics: ['Deuil'] });
    const both = await found({ name: 'Bilingual letters', languages: ['en', 'fr'], modes: ['email'], leadership: 'guest', topics: ['anxiety'] });

    expect(sorted(await slugs({ language: 'en' }))).toEqual(sorted([en.slug, both.slug]));
    expect(sorted(await slugs({ language: 'fr' }))).toEqual(sorted([fr.slug, both.slug]));
    expect(sorted(await slugs({ language: 'en-US' }))).toEqual(sorted([en.slug, both.slug]));
    expect(await slugs({ language: 'de' })).toEqual([]);
    expect(await slugs({ mode: 'post' })).toEqual([fr.slug]);
    expect(sorted(await slugs({ mode: 'email,online' }))).toEqual(sorted([en.slug, both.slug]));
    expect(sorted(await slugs('mode=email&mode=post'))).toEqual(sorted([fr.slug, both.slug]));
    expect(await slugs({ leaderType: 'professional' })).toEqual([en.slug]);
    expect(await slugs({ leaderType: 'guest' })).toEqual([both.slug]);
    expect(await slugs({ topic: 'anxiete' })).toEqual([en.slug]);
    expect(await slugs({ topic: 'ANXIÉTÉ' })).toEqual([en.slug]);
    expect(await slugs({ topic: 'deuil' })).toEqual([fr.slug]);
    expect(sorted(await slugs('topic=deuil&topic=anxiety'))).toEqual(sorted([fr.slug, both.slug]));
    expect(await slugs({ language: 'fr', mode: 'email' })).toEqual([both.slug]);
    expect(await slugs({ language: 'fr', mode: 'email', leaderType: 'peer' })).toEqual([]);
    expect(await slugs({ q: 'cercle', language: 'fr' })).toEqual([fr.slug]);
    expect(await slugs({ q: 'cercle', language: 'en' })).toEqual([]);

    // A professional co-leader makes the peer group match "professional" too, until demoted.
    const counsellor = await t.signUp({ displayName: 'Counsellor' });
    await t.call('POST', `/api/v1/groups/${fr.slug}/join`, { as: counsellor, body: { acceptCharter: true } });
    const promoted = await t.call('POST', `/api/v1/groups/${fr.slug}/members/${counsellor.userId}/promote`, {
      as: founder,
      body: { leaderType: 'professional', profession: 'Psychologue' },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(sorted(await slugs({ leaderType: 'professional' }))).toEqual(sorted([en.slug, fr.slug]));
    expect(sorted(await slugs({ leaderType: 'peer' }))).toEqual([fr.slug]);
    await t.call('POST', `/api/v1/groups/${fr.slug}/members/${counsellor.userId}/demote`, { as: founder });
    expect(await slugs({ leaderType: 'professional' })).toEqual([en.slug]);
  });

  it('measures distances from real towns (Paris, Lyon, Montréal) and leaves out groups without a place', async () => {
    const paris = await found({ name: 'Paris circle', place: PARIS });
    const lyon = await found({ name: 'Lyon circle', place: LYON });
    const montreal = await found({ name: 'Montréal circle', place: MONTREAL });
    const online = await found({ name: 'Online circle', modes: ['online'] });

    const near = await search({ near: PARIS_ID });
    expect(near.statusCode, near.body).toBe(200);
    expect(near.json()).toMatchObject({ total: 1, sort: 'distance' });
    expect(near.json().groups[0]).toMatchObject({ slug: paris.slug, distanceKm: 0, place: PARIS });

    const france = (await search({ near: PARIS_ID, radiusKm: 500 })).json();
    expect(france.groups.map((g: Found) => g.slug)).toEqual([paris.slug, lyon.slug]);
    // Paris–Lyon as the crow flies: about 392 km.
    expect(france.groups[1].distanceKm).toBeGreaterThan(385);
    expect(france.groups[1].distanceKm).toBeLessThan(400);

    expect(await slugs({ near: '45.5,-73.6' })).toEqual([montreal.slug]);
    const world = (await search({ near: PARIS_ID, radiusKm: 6000 })).json();
    expect(world.groups.map((g: Found) => g.slug)).toEqual([paris.slug, lyon.slug, montreal.slug]);
    // Paris–Montréal: about 5,510 km.
    expect(Math.abs(world.groups[2].distanceKm - 5510)).toBeLessThan(30);
    expect(sorted(await slugs({}))).toEqual(sorted([paris.slug, lyon.slug, montreal.slug, online.slug]));
    // Words and distance together: relevance first when there are words, unless asked.
    expect(await slugs({ q: 'circle', near: PARIS_ID, radiusKm: 500, sort: 'distance' })).toEqual([paris.slug, lyon.slug]);

    // A group that no longer says where it meets is no longer near anything.
    const cleared = await t.call('PATCH', `/api/v1/groups/${lyon.slug}`, { as: founder, body: { place: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().group.place).toBeNull();
    expect(await slugs({ near: PARIS_ID, radiusKm: 500 })).toEqual([paris.slug]);
  });

  it('crosses the antimeridian and the poles without losing anyone', async () => {
    const fiji = await found({ name: 'Suva', place: { name: 'Suva', countryCode: 'FJ', latitude: -18.14161, longitude: 178.44149 } });
    const samoa = await found({ name: 'Apia', place: { name: 'Apia', countryCode: 'WS', latitude: -13.83333, longitude: -171.76666 } });
    expect(sorted(await slugs({ near: '-16,179.9', radiusKm: 1500 }))).toEqual(sorted([fiji.slug, samoa.slug]));
    expect(await slugs({ near: '89.9,0', radiusKm: 100 })).toEqual([]);
  });

  it('pages through results with the same total on every page', async () => {
    const all: string[] = [];
    for (let i = 0; i < 5; i++) all.push((await found({ name: `Circle ${i}` })).slug);
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const body = (await search({ q: 'circle', pageSize: 2, page, sort: 'newest' })).json();
      expect(body).toMatchObject({ total: 5, page, pageSize: 2 });
      seen.push(...body.groups.map((g: Found) => g.slug));
    }
    expect(seen).toEqual([...all].reverse());
    const past = (await search({ q: 'circle', pageSize: 2, page: 4 })).json();
    expect(past).toMatchObject({ groups: [], total: 5 });
  });

  it('refuses unreadable parameters, naming each one, in the caller’s language', async () => {
    const res = await search(
      'mode=bogus&leaderType=boss&day=7&from=25:00&to=9&tz=Mars/Base&near=somewhere&pageSize=51&page=0&radiusKm=-1&language=!!&sort=best',
      null,
    );
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual([
      'query.day.0',
      'query.from',
      'query.language.0',
      'query.leaderType.0',
      'query.mode.0',
      'query.near',
      'query.page',
      'query.pageSize',
      'query.radiusKm',
      'query.sort',
      'query.to',
      'query.tz',
    ]);
    const fr = await t.call('GET', '/api/v1/search/groups?day=9', { headers: { 'accept-language': 'fr' } });
    expect(fr.json().error.issues).toEqual([{ path: 'query.day.0', message: 'Indiquez des jours de 0 (dimanche) à 6 (samedi), séparés par des virgules.' }]);

    const distance = await search({ sort: 'distance' });
    expect(distance.statusCode).toBe(400);
    expect(distance.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.sort']);
    const empty = await search({ from: '18:00', to: '18:00' });
    expect(empty.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.to']);
    const unknown = await search({ near: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([{ path: 'query.near', message: 'This place is not in the list of towns.' }]);
    expect((await search({ q: 'x'.repeat(301) })).json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.q']);
  });

  it('never fails on hostile strings, whichever parameter carries them', async () => {
    await found({ name: 'Ordinary group', topics: ['ordinary'] });
    for (const s of BLNS) {
      for (const key of ['q', 'topic', 'language', 'near', 'tz', 'day', 'from']) {
        const res = await t.call('GET', `/api/v1/search/groups?${key}=${encodeURIComponent(s)}`);
        expect([200, 400], `${key}=${JSON.stringify(s)}: ${res.body}`).toContain(res.statusCode);
      }
    }
    // Full-text syntax is only ever words.
    for (const q of [
      '"',
      '"unclosed',
      'a OR',
      'NEAR(a b)',
      'name:ordinary',
      '*',
      '^ordinary',
      'ordinary*',
      "o'rdinary",
      'ordinary & | ! :*',
      '\\',
      'ordinary)',
    ]) {
      const res = await search({ q });
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
    expect((await search({ q: 'name:ordinary' })).json().total).toBe(0);
    expect((await search({ q: '"ordinary"' })).json().total).toBe(1);
    expect((await search({ q: 'ordinary)' })).json().total).toBe(1);
  });

  it('follows a group as it changes: drafts wait, private and unlisted leave at once, sessions show', async () => {
    const draft = await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'Cancer survivors circle', purpose: 'After treatment.' } });
    const draftSlug = draft.json().group.slug;
    expect(await slugs({ q: 'survivors' })).toEqual([]);
    const completed = await t.call('PATCH', `/api/v1/groups/${draftSlug}`, {
      as: founder,
      body: { ...completeGroup({ name: 'Cancer survivors circle' }), name: undefined },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(await slugs({ q: 'survivors' })).toEqual([]);
    expect((await t.call('POST', `/api/v1/groups/${draftSlug}/publish`, { as: founder })).statusCode).toBe(200);
    expect(await slugs({ q: 'survivors' })).toEqual([draftSlug]);

    for (const visibility of ['private', 'unlisted']) {
      expect((await t.call('PATCH', `/api/v1/groups/${draftSlug}`, { as: founder, body: { visibility } })).statusCode).toBe(200);
      expect(await slugs({ q: 'survivors' })).toEqual([]);
      expect((await search({})).json().total).toBe(0);
      await t.call('PATCH', `/api/v1/groups/${draftSlug}`, { as: founder, body: { visibility: 'public' } });
      expect(await slugs({ q: 'survivors' })).toEqual([draftSlug]);
    }

    // Renamed: found by its new words only.
    await t.call('PATCH', `/api/v1/groups/${draftSlug}`, { as: founder, body: { name: 'Life after treatment', topics: ['oncology'] } });
    expect(await slugs({ q: 'survivors' })).toEqual([]);
    expect(await slugs({ q: 'oncology' })).toEqual([draftSlug]);

    // A session tomorrow becomes the next session, in the viewer's zone.
    const tomorrow = instantToLocal(t.clock.now().getTime() + 86_400_000, 'Europe/Paris').slice(0, 10);
    const scheduled = await t.call('POST', `/api/v1/groups/${draftSlug}/sessions`, {
      as: founder,
      body: { title: 'Monthly meeting', start: `${tomorrow}T19:00`, timeZone: 'Europe/Paris', durationMinutes: 90, mode: 'online' },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const occurrences = (await t.call('GET', `/api/v1/groups/${draftSlug}/occurrences`)).json().occurrences;
    const [hit] = (await search({ q: 'oncology', tz: 'Asia/Kathmandu' })).json().groups;
    expect(hit.nextSessionAt).toBe(occurrences[0].startsAt);
    expect(hit.nextSessionLocal).toBe(instantToLocal(Date.parse(occurrences[0].startsAt), 'Asia/Kathmandu'));
    expect(await slugs({ sort: 'next' })).toEqual([draftSlug]);
    await t.call('DELETE', `/api/v1/sessions/${scheduled.json().session.id}`, { as: founder });
    expect((await search({ q: 'oncology' })).json().groups[0].nextSessionAt).toBeNull();
  });

  it('adds, in its periodic job, public groups that have no row (written without the services)', async () => {
    const group = await found({ name: 'Imported hope' });
    const hidden = await found({ name: 'Imported secret', visibility: 'private' });
    await t.db.db.deleteFrom('group_directory').where('group_id', '=', group.id).execute();
    expect(await slugs({ q: 'imported' })).toEqual([]);
    await t.jobs.runDue();
    expect(await slugs({ q: 'imported' })).toEqual([group.slug]);
    expect(await slugs({ q: 'imported' })).not.toContain(hidden.slug);
  });

  it('sorts by next session, groups with none last', async () => {
    const later = await found({ name: 'Later circle' });
    const none = await found({ name: 'Quiet circle' });
    const sooner = await found({ name: 'Sooner circle' });
    const day = (n: number) => instantToLocal(t.clock.now().getTime() + n * 86_400_000, 'UTC').slice(0, 10);
    for (const [group, n] of [
      [later, 9],
      [sooner, 2],
    ] as const) {
      const res = await t.call('POST', `/api/v1/groups/${group.slug}/sessions`, {
        as: founder,
        body: { title: 'Meeting', start: `${day(n)}T12:00`, timeZone: 'UTC', durationMinutes: 60, mode: 'online' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await slugs({ q: 'circle', sort: 'next' })).toEqual([sooner.slug, later.slug, none.slug]);
  });

  it('is open to everyone and shows everyone the same: anonymous, signed in, members of private groups', async () => {
    const open = await found({ name: 'Open circle of hope' });
    const secret = await found({ name: 'Secret circle of hope', visibility: 'private' });
    const member = await t.signUp({ displayName: 'Member' });
    const invitation = (await t.call('POST', `/api/v1/groups/${secret.slug}/invitations`, { as: founder, body: {} })).json().invitation;
    expect((await t.call('POST', `/api/v1/invitations/${invitation.token}/accept`, { as: member, body: { acceptCharter: true } })).statusCode).toBe(201);
    for (const as of [null, member, founder]) {
      const res = await search({ q: 'hope' }, as);
      expect(res.statusCode).toBe(200);
      expect(res.json().groups.map((g: Found) => g.slug)).toEqual([open.slug]);
      expect(res.json().total).toBe(1);
      expect(res.body).not.toContain('Secret');
    }
    // Times are shown in the signed-in viewer's zone unless another is asked for.
    const zoned = await t.signUp({ displayName: 'Zoned', timeZone: 'America/St_Johns' });
    expect((await search({}, zoned)).json().timeZone).toBe('America/St_Johns');
    expect((await search({ tz: 'Pacific/Chatham' }, zoned)).json().timeZone).toBe('Pacific/Chatham');
    expect((await search({})).json().timeZone).toBe('UTC');
  });

  it('returns a group’s place, validated on the way in', async () => {
    const group = await found({ name: 'Lyon readers', place: LYON });
    const seen = await t.call('GET', `/api/v1/groups/${group.slug}`);
    expect(seen.json().group.place).toEqual(LYON);
    const bad = await t.call('PATCH', `/api/v1/groups/${group.slug}`, {
      as: founder,
      body: { place: { name: ' ', countryCode: 'fr', latitude: 91, longitude: 'east' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['place.countryCode', 'place.latitude', 'place.longitude', 'place.name']);
    const [hit] = (await search({ q: 'readers' })).json().groups;
    expect(hit.place).toEqual(LYON);
  });
});

describe.each(testDialects())('places on $dialect', ({ open }) => {
  let t: TestClient;
  beforeEach(async () => {
    t = await startTestApp(await open());
  });
  afterEach(async () => t.close());

  it('suggests towns by the start of their name, accents and case aside, biggest first', async () => {
    const res = await t.call('GET', '/api/v1/places?q=montreal&limit=3');
    expect(res.statusCode).toBe(200);
    expect(res.json().places[0]).toEqual({
      id: 6077243,
      name: 'Montréal',
      countryCode: 'CA',
      admin1: '10',
      latitude: 45.50884,
      longitude: -73.58781,
      population: 1600000,
    });
    expect(res.json().places).toHaveLength(3);
    expect((await t.call('GET', '/api/v1/places?q=LYO')).json().places[0]).toMatchObject({ name: 'Lyon', countryCode: 'FR' });
    expect((await t.call('GET', `/api/v1/places/${PARIS_ID}`)).json().place).toMatchObject({ name: 'Paris', countryCode: 'FR' });
    expect((await t.call('GET', '/api/v1/places/1')).statusCode).toBe(404);
  });

  it('refuses a missing or oversized query, and hostile strings never fail', async () => {
    const missing = await t.call('GET', '/api/v1/places');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.q']);
    expect((await t.call('GET', '/api/v1/places?q=pa&limit=21')).json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.limit']);
    expect((await t.call('GET', '/api/v1/places/abc')).statusCode).toBe(400);
    for (const s of BLNS) {
      const res = await t.call('GET', `/api/v1/places?q=${encodeURIComponent(s)}`);
      expect([200, 400], `${JSON.stringify(s)}: ${res.body}`).toContain(res.statusCode);
    }
  });
});
