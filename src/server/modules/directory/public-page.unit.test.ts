import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGroupHead, excerpt, groupSlugOfPath, injectHead, isoWithOffset, jsonForScript, type PageEvent } from './public-page.ts';
import { headElements, metaContents } from './public-page.test-support.ts';
import { HOSTILE_STRINGS } from '../../../../tests/support/hostile-strings.ts';

const NAUGHTY = HOSTILE_STRINGS;
const INDEX = fs.readFileSync(new URL('../../../../index.html', import.meta.url), 'utf8');

const event = (overrides: Partial<PageEvent> = {}): PageEvent => ({
  sessionId: 'a0000000-0000-4000-8000-000000000001',
  title: 'Tuesday circle',
  startsAt: Date.parse('2027-03-02T18:00:00Z'),
  endsAt: Date.parse('2027-03-02T19:30:00Z'),
  timeZone: 'Europe/Paris',
  mode: 'in-person',
  status: 'scheduled',
  location: 'Maison des associations',
  address: '12 rue des Tanneurs\n69005 Lyon',
  ...overrides,
});

describe('public page head', () => {
  it('writes instants with the zone’s offset, odd ones included', () => {
    expect(isoWithOffset(Date.parse('2027-03-02T18:00:00Z'), 'Europe/Paris')).toBe('2027-03-02T19:00:00+01:00');
    expect(isoWithOffset(Date.parse('2027-03-02T12:30:00Z'), 'Asia/Kathmandu')).toBe('2027-03-02T18:15:00+05:45');
    expect(isoWithOffset(Date.parse('2027-03-02T06:00:00Z'), 'Pacific/Chatham')).toBe('2027-03-02T19:45:00+13:45');
    expect(isoWithOffset(Date.parse('2027-03-02T22:30:00Z'), 'America/St_Johns')).toBe('2027-03-02T19:00:00-03:30');
    expect(isoWithOffset(Date.parse('2027-07-02T21:30:00Z'), 'America/St_Johns')).toBe('2027-07-02T19:00:00-02:30');
  });

  it('escapes what could end a script element, and the JSON still means the same', () => {
    const value = { name: '</script><script>alert(1)</script>&amp;<!--\u2028\u2029' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('cuts excerpts at a word, on one line', () => {
    expect(excerpt('One\ntwo\t three', 100)).toBe('One two three');
    expect(excerpt('word '.repeat(100), 30)).toBe('word word word word word word…');
    expect(Array.from(excerpt('🙂'.repeat(300), 200))).toHaveLength(200);
  });

  it('recognises group pages only', () => {
    expect(groupSlugOfPath('/groups/carers-circle')).toBe('carers-circle');
    expect(groupSlugOfPath('/groups/carers-circle/?utm=x#top')).toBe('carers-circle');
    expect(groupSlugOfPath('/groups/carers-circle/edit')).toBeNull();
    expect(groupSlugOfPath('/groups/Carers')).toBeNull();
    expect(groupSlugOfPath('/sessions/x')).toBeNull();
  });

  it('replaces the title and description of index.html and keeps everything else', () => {
    const head = buildGroupHead({ slug: 'carers', name: 'Carers', purpose: 'Caring together.', languages: ['fr', 'en'] }, [event()], {
      appUrl: 'https://e.example',
    });
    const page = injectHead(INDEX, head);
    const elements = headElements(page);
    expect(elements.filter((e) => e.name === 'title').map((e) => e.text)).toEqual(['Carers · Entraide']);
    expect(metaContents(elements, 'description')).toEqual(['Caring together.']);
    expect(metaContents(elements, 'og:locale')).toEqual(['fr_FR']);
    expect(metaContents(elements, 'og:locale:alternate')).toEqual(['en_GB']);
    // What index.html had besides stays exactly as it was.
    const without = (html: string) =>
      headElements(html).filter((e) => !['title', 'script', 'link'].includes(e.name) && !e.attributes.property && e.attributes.name !== 'description');
    expect(without(page)).toEqual(without(INDEX).map((e) => ({ ...e, offset: expect.any(Number) })));
    expect(elements.find((e) => e.name === 'link' && e.attributes.rel === 'alternate')?.attributes).toMatchObject({
      type: 'application/json',
      title: 'Meetings Feed',
      href: '/feeds/meeting-guide.json',
    });
    expect(page.slice(page.indexOf('<body'))).toBe(INDEX.slice(INDEX.indexOf('<body')));
  });

  it('keeps every hostile name inside its element and attribute', () => {
    for (const s of NAUGHTY) {
      const head = buildGroupHead({ slug: 'g', name: s || 'x', purpose: s, languages: ['en'] }, [event({ title: s || 'x', location: s, address: s })], {
        appUrl: 'https://e.example',
      });
      const elements = headElements(injectHead(INDEX, head));
      expect(elements.filter((e) => e.name === 'title').map((e) => e.text)).toEqual([`${s || 'x'} · Entraide`]);
      expect(metaContents(elements, 'og:title')).toEqual([s || 'x']);
      const scripts = elements.filter((e) => e.name === 'script' && e.attributes.type === 'application/ld+json');
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(scripts[0]!.text);
      expect(data['@graph'][0].name).toBe(s || 'x');
      expect(data['@graph'][1].name).toBe(s || 'x');
    }
  });
});
