import { getTypesForLanguage, isMeetingType } from '@code4recovery/spec';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { CODE_LANGUAGES, LANGUAGE_CODES, languageTypes, mentionsWheelchairAccess, readTypes, topicTypes } from './meeting-guide-codes.ts';
import { buildMeetingGuideFeed, endClock, specTimestamp, weeklyDays, type FeedGroup, type FeedSession } from './meeting-guide-feed.ts';
import { readEntry, type ImportContext } from './meeting-guide-import.ts';
import { MEETING_GUIDE_FEED_SCHEMA } from './meeting-guide.schema.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const NAUGHTY = HOSTILE_STRINGS;
const validateFeed = new Ajv({ allErrors: true }).compile(MEETING_GUIDE_FEED_SCHEMA);
const NOW = Date.parse('2027-03-03T12:00:00Z'); // a Wednesday

function group(overrides: Partial<FeedGroup> = {}): FeedGroup {
  return {
    id: 'g1',
    slug: 'carers-circle',
    name: 'Carers circle',
    purpose: 'Caring for a parent with dementia.',
    membership_policy: 'open',
    languages: '["fr","en"]',
    topics: '["dementia","Femmes"]',
    updated_at: '2027-01-02T03:04:05.000Z',
    ...overrides,
  };
}

function session(overrides: Partial<FeedSession> = {}): FeedSession {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    group_id: 'g1',
    title: 'Tuesday circle',
    description: null,
    start_local: '2027-03-02T19:00',
    time_zone: 'Europe/Paris',
    duration_minutes: 90,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    mode: 'in-person',
    location: 'Maison des associations',
    address: '12 rue des Tanneurs\n69005 Lyon\nFrance',
    accessibility: 'Wheelchair accessible entrance on the left.',
    updated_at: '2027-02-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('Meeting Guide type codes', () => {
  it('only ever uses codes that @code4recovery/spec defines', () => {
    for (const code of Object.values(LANGUAGE_CODES)) expect(isMeetingType(code), code).toBe(true);
    const topics = [
      'lgbtq+',
      'women',
      'Femmes',
      'men',
      'seniors',
      'aînés',
      'youth',
      'newcomers',
      'méditation',
      'secular',
      'transgender',
      'non-binary',
      'indigenous',
      'people of color',
    ];
    for (const code of topicTypes(topics)) expect(isMeetingType(code), code).toBe(true);
    for (const code of ['O', 'C', 'X', 'TC']) expect(isMeetingType(code), code).toBe(true);
    // The spec has no "online" code: we never invent one.
    expect(isMeetingType('ONL')).toBe(false);
  });

  it('maps languages by their primary subtag, without repeats', () => {
    expect(languageTypes(['fr-CA', 'en', 'en-GB', 'es', 'pt-BR', 'zz'])).toEqual(['FR', 'EN', 'S', 'POR']);
    expect(CODE_LANGUAGES.FR).toBe('fr');
    expect(CODE_LANGUAGES.S).toBe('es');
    expect(CODE_LANGUAGES.NO).toBe('nb');
  });

  it('promises wheelchair access only when the note plainly says so', () => {
    expect(mentionsWheelchairAccess('Wheelchair accessible, lift to the 2nd floor')).toBe(true);
    expect(mentionsWheelchairAccess('Accessible en fauteuil roulant par la cour')).toBe(true);
    expect(mentionsWheelchairAccess('Salle de plain-pied')).toBe(true);
    expect(mentionsWheelchairAccess('Not wheelchair accessible: 12 steps')).toBe(false);
    expect(mentionsWheelchairAccess('Pas accessible en fauteuil roulant')).toBe(false);
    expect(mentionsWheelchairAccess('The lift isn’t wheelchair-sized')).toBe(false);
    expect(mentionsWheelchairAccess('Lift to the 3rd floor')).toBe(false);
    expect(mentionsWheelchairAccess(null)).toBe(false);
  });

  it('reads types into languages, closed, access and topics in the reader’s language', () => {
    const en = readTypes(['O', 'FR', 'EN', 'X', 'W', 'LGBTQ', 'ZZZ', 'TC'], 'en');
    expect(en).toEqual({ languages: ['fr', 'en'], closed: false, temporarilyClosed: true, access: ['Wheelchair Access'], topics: ['Women', 'LGBTQ'] });
    expect(readTypes(['C', 'W'], 'fr')).toMatchObject({ closed: true, topics: [getTypesForLanguage('fr').W] });
  });
});

describe('weekly patterns', () => {
  it('finds the days of plain weekly and daily rules only', () => {
    expect(weeklyDays('FREQ=WEEKLY;BYDAY=MO,TH', '2027-03-01T19:00')).toEqual([1, 4]);
    expect(weeklyDays('FREQ=WEEKLY', '2027-03-02T19:00')).toEqual([2]);
    expect(weeklyDays('FREQ=WEEKLY;BYDAY=SU;UNTIL=20271231', '2027-03-07T10:00')).toEqual([0]);
    expect(weeklyDays('FREQ=DAILY', '2027-03-02T07:00')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weeklyDays('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2027-03-02T19:00')).toBeNull();
    expect(weeklyDays('FREQ=MONTHLY;BYDAY=2WE', '2027-03-10T19:00')).toBeNull();
    expect(weeklyDays('FREQ=WEEKLY;BYDAY=1MO', '2027-03-01T19:00')).toBeNull();
    expect(weeklyDays(null, '2027-03-02T19:00')).toBeNull();
  });

  it('writes clocks and timestamps as the spec does', () => {
    expect(endClock('2027-03-02T23:30', 90)).toBe('01:00');
    expect(endClock('2027-03-02T09:05', 55)).toBe('10:00');
    expect(specTimestamp('2027-01-02T03:04:05.678Z')).toBe('2027-01-02 03:04:05');
  });
});

describe('building the feed', () => {
  it('lists one entry per weekday on the session’s own clock, with spec types', () => {
    const feed = buildMeetingGuideFeed([group()], [session({ rrule: 'FREQ=WEEKLY;BYDAY=TU,SA' })], [], { appUrl: 'https://entraide.example', now: NOW });
    // Sorted by slug: "…-sa" before "…-tu".
    expect(feed.map((e) => [e.day, e.time, e.end_time])).toEqual([
      [6, '19:00', '20:30'],
      [2, '19:00', '20:30'],
    ]);
    const tuesday = feed.find((e) => e.day === 2)!;
    expect(tuesday).toMatchObject({
      name: 'Tuesday circle',
      timezone: 'Europe/Paris',
      formatted_address: '12 rue des Tanneurs, 69005 Lyon, France',
      location: 'Maison des associations',
      group: 'Carers circle',
      url: 'https://entraide.example/groups/carers-circle',
      updated: '2027-02-01 10:00:00',
      notes: 'Caring for a parent with dementia.',
    });
    expect(tuesday.types).toEqual(['O', 'FR', 'EN', 'W', 'X']);
    expect(validateFeed(feed), JSON.stringify(validateFeed.errors)).toBe(true);
  });

  it('leaves out online, one-off, monthly, fortnightly and ended sessions, and those without an address', () => {
    const sessions = [
      session({ id: 'a0000000-0000-4000-8000-000000000001', mode: 'online', address: null }),
      session({ id: 'a0000000-0000-4000-8000-000000000002', rrule: null }),
      session({ id: 'a0000000-0000-4000-8000-000000000003', rrule: 'FREQ=MONTHLY;BYDAY=1TU' }),
      session({ id: 'a0000000-0000-4000-8000-000000000004', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }),
      session({ id: 'a0000000-0000-4000-8000-000000000005', rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270201', start_local: '2027-01-05T19:00' }),
      session({ id: 'a0000000-0000-4000-8000-000000000006', address: '  \n ' }),
      session({ id: 'a0000000-0000-4000-8000-000000000007', mode: 'hybrid' }),
    ];
    const feed = buildMeetingGuideFeed([group()], sessions, [], { appUrl: 'https://e.example', now: NOW });
    expect(feed).toHaveLength(1);
    expect(feed[0]!.slug).toBe('carers-circle-a0000000-tu');
  });

  it('marks a day temporarily closed while its coming occurrence is cancelled, and only that day', () => {
    const s = session({ rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start_local: '2027-03-02T19:00' });
    const cancelled = { session_id: s.id, occurrence: '2027-03-04T19:00', status: 'cancelled', start_local: null, duration_minutes: null };
    const feed = buildMeetingGuideFeed([group()], [s], [cancelled], { appUrl: 'https://e.example', now: NOW });
    expect(feed.find((e) => e.day === 4)!.types).toContain('TC');
    expect(feed.find((e) => e.day === 2)!.types).not.toContain('TC');
    const later = buildMeetingGuideFeed([group()], [s], [cancelled], { appUrl: 'https://e.example', now: NOW + 2 * 86_400_000 });
    expect(later.find((e) => e.day === 4)!.types).not.toContain('TC');
  });

  it('keeps slugs unique and within 64 characters, even when short ids collide', () => {
    const long = 'a'.repeat(62);
    const g = group({ slug: long });
    const twins = [
      session({ id: 'abcdef01-0000-4000-8000-000000000001', rrule: 'FREQ=DAILY' }),
      session({ id: 'abcdef01-0000-4000-8000-000000000002', rrule: 'FREQ=DAILY' }),
    ];
    const feed = buildMeetingGuideFeed([g], twins, [], { appUrl: 'https://e.example', now: NOW });
    expect(feed).toHaveLength(14);
    expect(new Set(feed.map((e) => e.slug)).size).toBe(14);
    for (const e of feed) expect(e.slug.length).toBeLessThanOrEqual(64);
    expect(validateFeed(feed), JSON.stringify(validateFeed.errors)).toBe(true);
  });

  it('stays valid with every hostile string as names, titles, places and notes', () => {
    const groups = NAUGHTY.map((s, i) => group({ id: `g${i}`, slug: `g-${i}`, name: s || 'x', purpose: s, topics: JSON.stringify([s]) }));
    const sessions = NAUGHTY.map((s, i) =>
      session({
        id: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
        group_id: `g${i}`,
        title: s || 'x',
        location: s,
        address: `${s}\n1 Main St`,
        accessibility: s,
        description: s,
      }),
    );
    const feed = buildMeetingGuideFeed(groups, sessions, [], { appUrl: 'https://e.example', now: NOW });
    expect(feed).toHaveLength(NAUGHTY.length);
    expect(validateFeed(feed), JSON.stringify(validateFeed.errors?.slice(0, 3))).toBe(true);
    // Survives a round trip through JSON unchanged.
    expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
  });
});

describe('reading an entry to import', () => {
  const context: ImportContext = { source: 'https://aa.example/feed.json', sourceLabel: 'https://aa.example/feed.json', locale: 'en', now: NOW };
  const entry = {
    name: 'Sunday Serenity',
    slug: 'sunday-serenity-14',
    day: 0,
    time: '18:00',
    end_time: '19:30',
    timezone: 'America/St_Johns',
    location: 'Alano Club',
    formatted_address: '123 Main Street, Anytown, NL A1A 1A1, Canada',
    types: ['O', 'FR', 'X', 'W'],
    notes: 'Ring buzzer.',
  };

  it('makes a public weekly group with its session from a spec example', () => {
    const reading = readEntry(entry, context);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.plan.group).toMatchObject({
      name: 'Sunday Serenity',
      purpose: 'Ring buzzer.',
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in' },
      modes: ['in-person'],
      languages: ['fr'],
      timeZone: 'America/St_Johns',
      visibility: 'public',
      topics: ['Women'],
    });
    expect(reading.plan.session).toMatchObject({
      recurrence: 'FREQ=WEEKLY;BYDAY=SU',
      durationMinutes: 90,
      mode: 'in-person',
      accessibility: 'Wheelchair Access',
      location: 'Alano Club',
    });
    // The first Sunday on or after "today" in St John's.
    expect(reading.plan.start).toBe('2027-03-07T18:00');
  });

  it('gives the same digest to the same entry, another to a changed one', () => {
    const a = readEntry(entry, context);
    const b = readEntry({ ...entry }, { ...context, now: NOW + 86_400_000 });
    const c = readEntry({ ...entry, time: '18:30' }, context);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(a.plan.hash).toBe(b.plan.hash);
    expect(c.plan.hash).not.toBe(a.plan.hash);
  });

  it('explains each entry it cannot import', () => {
    const reason = (raw: unknown, ctx: ImportContext = context) => {
      const r = readEntry(raw, ctx);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('not a meeting')).toBe('feeds.skip.notObject');
    expect(reason({ ...entry, slug: undefined })).toBe('feeds.skip.noSlug');
    expect(reason({ ...entry, name: ' \u0000 ' })).toBe('feeds.skip.noName');
    expect(reason({ ...entry, day: undefined })).toBe('feeds.skip.noDay');
    expect(reason({ ...entry, day: 7 })).toBe('feeds.skip.invalidDay');
    expect(reason({ ...entry, day: [1, 'x'] })).toBe('feeds.skip.invalidDay');
    expect(reason({ ...entry, time: undefined })).toBe('feeds.skip.noTime');
    expect(reason({ ...entry, time: '25:00' })).toBe('feeds.skip.invalidTime');
    expect(reason({ ...entry, timezone: 'Mars/Olympus' })).toBe('feeds.skip.timeZone');
    expect(reason({ ...entry, timezone: 'Mars/Olympus' }, { ...context, defaultTimeZone: 'Pacific/Chatham' })).toBe('ok');
    expect(reason({ ...entry, formatted_address: undefined })).toBe('feeds.skip.noWayIn');
    expect(reason({ ...entry, approximate: 'yes' })).toBe('feeds.skip.noWayIn');
    expect(reason({ ...entry, types: ['TC'] })).toBe('feeds.skip.closedNoLink');
    expect(reason({ ...entry, formatted_address: undefined, conference_url: 'javascript:alert(1)' })).toBe('feeds.skip.noWayIn');
  });

  it('accepts the spec’s variants: numeric slugs, day lists, HH:MM:SS, split addresses, online links', () => {
    const r = readEntry(
      {
        name: 'Réunion',
        slug: 42,
        day: ['1', 4],
        time: '7:05:00',
        address: '5 rue X',
        city: 'Lyon',
        postal_code: '69001',
        country: 'France',
        conference_url: 'https://zoom.example/j/1',
        conference_phone: '+33123',
        conference_phone_notes: 'code 9',
        types: ['C', 'S'],
      },
      { ...context, defaultTimeZone: 'Europe/Paris' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.sourceSlug).toBe('42');
    expect(r.plan.session).toMatchObject({
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
      mode: 'hybrid',
      address: '5 rue X, Lyon, 69001, France',
      onlineUrl: 'https://zoom.example/j/1',
      dialIn: '+33123 (code 9)',
      durationMinutes: 60,
    });
    expect(r.plan.group).toMatchObject({ structure: { membership: 'approval' }, languages: ['es'], modes: ['in-person', 'online'] });
    expect(r.plan.start.slice(11)).toBe('07:05');
    // No position: no place for "near me".
    expect(r.plan.group.place).toBeUndefined();
  });

  it('takes the town, country and position of an in-person meeting as the group’s place', () => {
    const r = readEntry(
      { ...entry, formatted_address: undefined, address: '5 rue X', city: 'Lyon', country: 'fr', latitude: '45.764', longitude: 4.8357 },
      context,
    );
    expect(r.ok && r.plan.group.place).toEqual({ name: 'Lyon', countryCode: 'FR', latitude: 45.764, longitude: 4.8357 });
    const far = readEntry(
      { ...entry, formatted_address: undefined, address: '5 rue X', city: 'Lyon', country: 'France', latitude: 45.7, longitude: 4.8 },
      context,
    );
    expect(far.ok && far.plan.group.place).toBeUndefined();
  });

  it('imports hostile names as storable text, or says why not', () => {
    for (const s of NAUGHTY) {
      const r = readEntry({ ...entry, name: s, location: s, notes: s }, context);
      if (r.ok) {
        expect(r.plan.group.name.isWellFormed()).toBe(true);
        expect(r.plan.group.name).not.toMatch(/[\u0000-\u001F\u007F]/);
      } else {
        expect(['feeds.skip.noName', 'feeds.skip.invalid']).toContain(r.reason);
      }
    }
  });
});
