import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';
import { isLanguageTag } from './language-tag.ts';
import { isValidTimeZone } from './time-zone.ts';

describe('pickLocale', () => {
  it('takes the first language we speak from a header or a list', () => {
    expect(pickLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLocale('de-DE,de;q=0.9,fr;q=0.5')).toBe('fr');
    expect(pickLocale(['es', 'en-GB'])).toBe('en');
    expect(pickLocale('')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(pickLocale('*')).toBe('en');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones, odd offsets and legacy spellings', () => {
    for (const zone of [
      'Europe/Paris',
      'Asia/Kathmandu',
      'America/St_Johns',
      'Pacific/Chatham',
      'Asia/Calcutta',
      'Asia/Kolkata',
      'UTC',
      'America/Argentina/Buenos_Aires',
    ]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });
  it('refuses anything else', () => {
    for (const zone of ['', 'Europe/Atlantis', 'Paris', '../../etc/passwd', 'Europe/Paris\n', '+05:45', 'x'.repeat(100)]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});

describe('isLanguageTag', () => {
  it('accepts BCP 47 tags', () => {
    for (const tag of ['en', 'fr', 'pt-BR', 'zh-Hant', 'es-419', 'yue']) expect(isLanguageTag(tag), tag).toBe(true);
  });
  it('refuses malformed ones', () => {
    for (const tag of ['', 'english!', 'e', 'en_US_', '123', 'en--us', '<script>']) expect(isLanguageTag(tag), tag).toBe(false);
  });
});
