import { describe, expect, it } from 'vitest';
import { renderMail } from '../mail/render.ts';
import { MESSAGE_SOURCES, MESSAGES, translate } from './messages.ts';

describe('server messages', () => {
  it('has every key in both languages, none empty, with the same placeholders', () => {
    const en = MESSAGES.en;
    const fr = MESSAGES.fr;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(fr[key]), key).toEqual(holes(en[key]));
    }
  });
  it.each(MESSAGE_SOURCES.map((s) => [s.source, s] as const))('%s: has the same keys in both languages', (_name, source) => {
    expect(Object.keys(source.fr).sort()).toEqual(Object.keys(source.en).sort());
  });
  it('gives every key to exactly one module (or the platform)', () => {
    const owners = new Map<string, string[]>();
    for (const { source, en } of MESSAGE_SOURCES) for (const key of Object.keys(en)) owners.set(key, [...(owners.get(key) ?? []), source]);
    expect([...owners].filter(([, sources]) => sources.length > 1)).toEqual([]);
    expect(owners.size).toBe(Object.keys(MESSAGES.en).length);
  });
  it('fills placeholders once, without re-reading what it inserted', () => {
    expect(translate('en', 'error.RATE_LIMITED', { seconds: 30 })).toBe('Too many attempts. Please wait 30 seconds and try again.');
    expect(translate('en', 'mail.request.subject', { name: '{group}', group: 'G' })).toBe('{group} asks to join “G”');
  });
});

describe('renderMail', () => {
  it('escapes user text in HTML and keeps the subject on one line', () => {
    const mail = renderMail(
      'en',
      { subject: 'mail.request.subject', body: 'mail.request.body', action: 'mail.request.action' },
      { name: '<img src=x onerror=alert(1)>\r\nBcc: x@evil', group: 'A & B' },
      'http://127.0.0.1:3000/groups/a?x=1&y="2"',
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('href="http://127.0.0.1:3000/groups/a?x=1&amp;y=&quot;2&quot;"');
    expect(mail.text).toContain('<img src=x onerror=alert(1)>');
    expect(mail.text).toContain('http://127.0.0.1:3000/groups/a?x=1&y="2"');
  });
  it('writes in French for French readers', () => {
    const mail = renderMail(
      'fr',
      { subject: 'mail.approved.subject', body: 'mail.approved.body', action: 'mail.approved.action' },
      { name: 'Zoé', group: 'Deuil' },
      'http://x/',
    );
    expect(mail.subject).toBe('Bienvenue dans « Deuil »');
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain('Vous recevez cet e-mail');
  });
});
