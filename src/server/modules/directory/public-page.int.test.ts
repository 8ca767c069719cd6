import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { upcoming } from './meeting-guide.test-support.ts';
import { headElements, metaContents, readElements, type Element } from './public-page.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const NAUGHTY = HOSTILE_STRINGS;
const MEMBERS_ONLY = 'https://meet.example.org/members-only-9c1d';

let webRoot: string;
let indexHtml: string;

beforeAll(() => {
  // The repository's index.html as Vite builds it: the entry script becomes a hashed asset.
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'entraide-web-'));
  indexHtml = fs
    .readFileSync(new URL('../../../../index.html', import.meta.url), 'utf8')
    .replace('<script type="module" src="/src/web/main.tsx"></script>', '<script type="module" crossorigin src="/assets/index-abc123.js"></script>');
  fs.writeFileSync(path.join(webRoot, 'index.html'), indexHtml);
});
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

interface JsonLd {
  '@context': string;
  '@graph': Record<string, unknown>[];
}

function jsonLd(elements: Element[]): JsonLd {
  const blocks = elements.filter((e) => e.name === 'script' && e.attributes.type === 'application/ld+json');
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]!.text);
}

describe.each(testDialects())('public group pages on $dialect', ({ open }) => {
  let t: TestClient;
  let leader: Caller;

  beforeEach(async () => {
    // The coming days span Chatham's clock change (4 April 2027), whenever the suite runs.
    t = await startTestApp(await open(), { webRoot }, { clock: fixedClock('2027-04-01T09:00:00Z') });
    leader = await t.signUp({ displayName: 'Leader' });
  });
  afterEach(async () => t.close());

  async function found(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup(overrides) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().group.slug;
  }

  async function schedule(slug: string, body: Record<string, unknown>): Promise<{ id: string }> {
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, { as: leader, body: { durationMinutes: 90, mode: 'in-person', ...body } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().session;
  }

  async function page(url: string, as: Caller | null = null) {
    const res = await t.call('GET', url, { as });
    expect(res.statusCode).toBe(200);
    return res;
  }

  it('gives a public group’s page its title, description, canonical link, Open Graph and schema.org events', async () => {
    const slug = await found({
      name: 'Aidants de Katmandou',
      purpose: 'Prendre soin d’un parent malade, ensemble.\nEn français et en népalais.',
      languages: ['fr', 'ne'],
      timeZone: 'Asia/Kathmandu',
      place: { name: 'Lalitpur', countryCode: 'NP', latitude: 27.6667, longitude: 85.3167 },
    });
    const start = upcoming('Asia/Kathmandu', 1, '18:15', t.clock.now().getTime());
    const weekly = await schedule(slug, {
      title: 'Cercle du lundi',
      start,
      timeZone: 'Asia/Kathmandu',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      location: 'Salle commune',
      address: 'Jhamsikhel Road 4\nLalitpur 44600',
    });
    await schedule(slug, {
      title: 'En ligne',
      start: upcoming('Asia/Kathmandu', 3, '07:00', t.clock.now().getTime()),
      timeZone: 'Asia/Kathmandu',
      durationMinutes: 60,
      mode: 'online',
      onlineUrl: MEMBERS_ONLY,
      recurrence: 'FREQ=WEEKLY;BYDAY=WE',
    });
    await schedule(slug, {
      title: 'Hybride',
      start: upcoming('Asia/Kathmandu', 5, '19:00', t.clock.now().getTime()),
      timeZone: 'Asia/Kathmandu',
      mode: 'hybrid',
      onlineUrl: MEMBERS_ONLY,
      dialIn: '+977 1 555 0000',
      address: 'Jhamsikhel Road 4',
    });
    // Cancel the first Monday, move the second.
    const mondays = (await t.call('GET', `/api/v1/groups/${slug}/occurrences`))
      .json()
      .occurrences.filter((o: { sessionId: string }) => o.sessionId === weekly.id);
    expect(
      (await t.call('POST', `/api/v1/sessions/${weekly.id}/occurrences/cancel`, { as: leader, body: { occurrenceStart: mondays[0].startsAt } })).statusCode,
    ).toBe(204);
    const movedTo = `${mondays[1].localStart.slice(0, 10)}T20:00`;
    expect(
      (await t.call('POST', `/api/v1/sessions/${weekly.id}/occurrences/move`, { as: leader, body: { occurrenceStart: mondays[1].startsAt, start: movedTo } }))
        .statusCode,
    ).toBe(200);

    const res = await page(`/groups/${slug}?ref=share`);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).not.toContain(MEMBERS_ONLY);
    expect(res.body).not.toContain('555 0000');
    const head = headElements(res.body);
    const pageUrl = `http://127.0.0.1:3000/groups/${slug}`;
    expect(head.filter((e) => e.name === 'title').map((e) => e.text)).toEqual(['Aidants de Katmandou · Entraide']);
    expect(metaContents(head, 'description')).toEqual(['Prendre soin d’un parent malade, ensemble. En français et en népalais.']);
    expect(head.filter((e) => e.name === 'link' && e.attributes.rel === 'canonical').map((e) => e.attributes.href)).toEqual([pageUrl]);
    expect(metaContents(head, 'og:type')).toEqual(['website']);
    expect(metaContents(head, 'og:title')).toEqual(['Aidants de Katmandou']);
    expect(metaContents(head, 'og:description')).toEqual(metaContents(head, 'description'));
    expect(metaContents(head, 'og:url')).toEqual([pageUrl]);
    expect(metaContents(head, 'og:site_name')).toEqual(['Entraide']);
    expect(metaContents(head, 'og:locale')).toEqual(['fr_FR']);
    expect(head.filter((e) => e.name === 'link' && e.attributes.rel === 'alternate').map((e) => e.attributes)).toEqual([
      { rel: 'alternate', type: 'application/json', title: 'Meetings Feed', href: '/feeds/meeting-guide.json' },
    ]);
    // The app itself still loads.
    expect(readElements(res.body).some((e) => e.name === 'script' && e.attributes.src === '/assets/index-abc123.js')).toBe(true);

    const data = jsonLd(head);
    expect(data['@context']).toBe('https://schema.org');
    const [organization, ...events] = data['@graph'];
    expect(organization).toMatchObject({
      '@type': 'Organization',
      name: 'Aidants de Katmandou',
      url: pageUrl,
      knowsLanguage: ['fr', 'ne'],
      areaServed: { '@type': 'Place', name: 'Lalitpur', address: { '@type': 'PostalAddress', addressCountry: 'NP' } },
    });
    expect(events.length).toBeGreaterThan(3);
    expect(events.length).toBeLessThanOrEqual(10);
    const starts = events.map((e) => Date.parse(e.startDate as string));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const e of events) {
      expect(e.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+05:45$/);
      expect(e.endDate).toMatch(/\+05:45$/);
      expect(e.organizer).toEqual({ '@type': 'Organization', name: 'Aidants de Katmandou', url: pageUrl });
      expect(String(e.url)).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:3000/sessions/[0-9a-f-]{36}\\?occurrence=`));
    }
    const cancelled = events.find((e) => e.name === 'Cercle du lundi' && e.startDate === `${start}:00+05:45`)!;
    expect(cancelled).toMatchObject({ eventStatus: 'https://schema.org/EventCancelled', eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode' });
    expect(cancelled.location).toEqual({
      '@type': 'Place',
      name: 'Salle commune',
      address: { '@type': 'PostalAddress', streetAddress: 'Jhamsikhel Road 4, Lalitpur 44600' },
    });
    const moved = events.find((e) => e.eventStatus === 'https://schema.org/EventRescheduled')!;
    expect(moved).toMatchObject({ name: 'Cercle du lundi', startDate: `${movedTo}:00+05:45`, previousStartDate: `${mondays[1].localStart}:00+05:45` });
    const online = events.find((e) => e.name === 'En ligne')!;
    expect(online).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'VirtualLocation', url: pageUrl },
    });
    const hybrid = events.find((e) => e.name === 'Hybride')!;
    expect(hybrid.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(hybrid.location).toEqual([
      { '@type': 'Place', name: 'Aidants de Katmandou', address: { '@type': 'PostalAddress', streetAddress: 'Jhamsikhel Road 4' } },
      { '@type': 'VirtualLocation', url: pageUrl },
    ]);
  });

  it('gives private, unlisted and draft groups exactly the page a missing group gets, to anyone', async () => {
    const missing = await page('/groups/no-such-group');
    expect(missing.body).toBe(indexHtml);
    const strip = (headers: Record<string, unknown>) => {
      const { date: _date, ...rest } = headers;
      return rest;
    };
    const member = await t.signUp({ displayName: 'Member' });
    const privateSlug = await found({ name: 'Private circle', visibility: 'private', purpose: 'Secret purpose' });
    const invitation = (await t.call('POST', `/api/v1/groups/${privateSlug}/invitations`, { as: leader, body: {} })).json().invitation;
    expect((await t.call('POST', `/api/v1/invitations/${invitation.token}/accept`, { as: member, body: { acceptCharter: true } })).statusCode).toBe(201);
    const unlisted = await found({ name: 'Unlisted circle', visibility: 'unlisted' });
    const draft = (await t.call('POST', '/api/v1/groups', { as: leader, body: { name: 'Draft circle' } })).json().group.slug;

    for (const slug of [privateSlug, unlisted, draft]) {
      for (const as of [null, leader, member]) {
        const res = await page(`/groups/${slug}`, as);
        expect(res.body).toBe(missing.body);
        expect(strip(res.headers)).toEqual(strip(missing.headers));
      }
    }
    // Every other page is index.html as it is.
    const publicSlug = await found({ name: 'Public circle' });
    for (const url of ['/', '/groups/new', `/groups/${publicSlug}/edit`, '/sessions/abc', '/GROUPS/x']) {
      expect((await page(url)).body).toBe(indexHtml);
    }
    expect((await page(`/groups/${publicSlug}`)).body).not.toBe(indexHtml);
    // The API and feeds keep their own answers.
    const api = await t.call('GET', `/api/v1/groups/${privateSlug}`);
    expect(api.statusCode).toBe(404);
  });

  it('keeps hostile group names inside their elements and attributes', async () => {
    const sample = NAUGHTY.filter((s, i) => i % 5 === 0 || /[<>"'&\u2028\u2029]/.test(s)).slice(0, 80);
    let checked = 0;
    for (const s of sample) {
      const res = await t.call('POST', '/api/v1/groups', { as: leader, body: completeGroup({ name: s, purpose: s }) });
      if (res.statusCode !== 201) continue;
      const slug = res.json().group.slug as string;
      await schedule(slug, {
        title: s,
        start: upcoming('Pacific/Chatham', 2, '19:45', t.clock.now().getTime()),
        timeZone: 'Pacific/Chatham',
        recurrence: 'FREQ=WEEKLY;BYDAY=TU',
        location: s,
        address: s,
      });
      const html = (await page(`/groups/${slug}`)).body;
      const head = headElements(html);
      expect(head.filter((e) => e.name === 'title').map((e) => e.text)).toEqual([`${s} · Entraide`]);
      expect(metaContents(head, 'og:title')).toEqual([s]);
      // No name opens an element of its own: the document still has exactly its two scripts.
      expect(
        readElements(html)
          .filter((e) => e.name === 'script')
          .map((e) => e.attributes.type),
      ).toEqual(['application/ld+json', 'module']);
      const [group, first] = jsonLd(head)['@graph'];
      expect(group!.name).toBe(s);
      expect(first).toMatchObject({ name: s, startDate: expect.stringMatching(/\+1[23]:45$/) });
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
