import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant, formatWhen, intlLocale, otherClock, sameWallClock, weekdayName, zoneCity } from './datetime-format.ts';

// ICU versions differ on a comma after the weekday and on "at" before the time in English;
// the patterns accept both, and nothing else (no US order, no 12-hour clock).
const at = '(,| at) ';

describe('one locale mapping', () => {
  it('writes English day-month on a 24-hour clock, and French as France does', () => {
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('fr')).toBe('fr-FR');
    expect(intlLocale('de')).toBe('de');
    const afternoon = Date.parse('2026-12-03T14:05:00Z');
    expect(formatInstant(afternoon, 'en', 'UTC', 'longDateTime')).toMatch(new RegExp(`^3 December 2026${at}14:05$`));
    expect(formatInstant(afternoon, 'fr', 'UTC', 'longDateTime')).toBe('3 décembre 2026 à 14:05');
    expect(formatInstant(afternoon, 'en', 'UTC', 'longDate')).toBe('3 December 2026');
    expect(formatInstant(afternoon, 'fr', 'UTC', 'longDate')).toBe('3 décembre 2026');
    expect(formatInstant(afternoon, 'en', 'UTC', 'weekdayDate')).toMatch(/^Thursday,? 3 December$/);
    expect(formatInstant(afternoon, 'fr', 'UTC', 'weekdayDate')).toBe('jeudi 3 décembre');
    expect(formatInstant(afternoon, 'en', 'UTC', 'time')).toBe('14:05');
    expect(formatInstant(afternoon, 'en', 'UTC', 'full')).not.toMatch(/AM|PM|December 3/);
  });
});

describe('formatInstant in odd zones', () => {
  const tuesday = Date.parse('2027-03-09T18:00:00Z');
  it('Asia/Kathmandu is 5:45 ahead, with no clock change', () => {
    expect(formatInstant(tuesday, 'en', 'Asia/Kathmandu', 'full')).toMatch(new RegExp(`^Tuesday,? 9 March 2027${at}23:45$`));
    expect(formatInstant(tuesday, 'fr', 'Asia/Kathmandu', 'full')).toBe('mardi 9 mars 2027 à 23:45');
    // Half an hour later it is already Wednesday there.
    expect(formatInstant(tuesday + 30 * 60_000, 'fr', 'Asia/Kathmandu', 'weekdayDate')).toBe('mercredi 10 mars');
    expect(formatInstant(Date.parse('2027-07-13T17:00:00Z'), 'en', 'Asia/Kathmandu', 'time')).toBe('22:45');
  });
  it('America/St_Johns moves from −3:30 to −2:30 on 14 March 2027', () => {
    expect(formatInstant(Date.parse('2027-03-14T05:29:00Z'), 'en', 'America/St_Johns', 'time')).toBe('01:59');
    expect(formatInstant(Date.parse('2027-03-14T05:30:00Z'), 'en', 'America/St_Johns', 'time')).toBe('03:00');
    expect(formatInstant(Date.parse('2027-03-14T05:30:00Z'), 'fr', 'America/St_Johns', 'full')).toBe('dimanche 14 mars 2027 à 03:00');
  });
  it('Pacific/Chatham is 13:45 ahead in summer and 12:45 from 4 April 2027', () => {
    expect(formatInstant(tuesday, 'en', 'Pacific/Chatham', 'full')).toMatch(new RegExp(`^Wednesday,? 10 March 2027${at}07:45$`));
    expect(formatInstant(Date.parse('2027-04-06T17:00:00Z'), 'fr', 'Pacific/Chatham', 'full')).toBe('mercredi 7 avril 2027 à 05:45');
  });
  it('keeps a zone the runtime does not know from breaking the page', () => {
    expect(formatInstant(tuesday, 'en', 'Mars/Olympus_Mons', 'time')).toMatch(/^\d\d:\d\d$/);
  });
});

describe('formatWhen', () => {
  const tuesday = Date.parse('2027-03-09T18:00:00Z');
  it('shows the group’s time, then the viewer’s when it differs', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'America/Montreal')).toMatch(
      new RegExp(`^Tuesday,? 9 March 2027${at}19:00 \\(Paris\\) · 13:00 your time \\(Montreal\\)$`),
    );
    expect(formatWhen(tuesday, 'fr', 'Europe/Paris', 'America/Montreal')).toBe('mardi 9 mars 2027 à 19:00 (Paris) · 13:00 votre heure (Montreal)');
  });
  it('follows each clock across its own change: St John’s moves on 14 March, Paris on 28 March', () => {
    // 19:00 in Paris is 14:30 in St John's before 14 March, 15:30 for the two weeks after, 14:30 again from 28 March.
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'America/St_Johns')).toMatch(/19:00 \(Paris\) · 14:30 your time \(St Johns\)$/);
    expect(formatWhen(Date.parse('2027-03-16T18:00:00Z'), 'fr', 'Europe/Paris', 'America/St_Johns')).toBe(
      'mardi 16 mars 2027 à 19:00 (Paris) · 15:30 votre heure (St Johns)',
    );
    expect(formatWhen(Date.parse('2027-03-30T17:00:00Z'), 'en', 'Europe/Paris', 'America/St_Johns')).toMatch(
      new RegExp(`^Tuesday,? 30 March 2027${at}19:00 \\(Paris\\) · 14:30 your time \\(St Johns\\)$`),
    );
  });
  it('says the viewer’s full date when it is another day for them', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'Pacific/Chatham')).toMatch(
      new RegExp(`\\(Paris\\) · Wednesday,? 10 March 2027${at}07:45 your time \\(Chatham\\)$`),
    );
    expect(formatWhen(tuesday, 'fr', 'Europe/Paris', 'Pacific/Chatham')).toBe(
      'mardi 9 mars 2027 à 19:00 (Paris) · mercredi 10 mars 2027 à 07:45 votre heure (Chatham)',
    );
    expect(formatWhen(Date.parse('2027-04-06T17:00:00Z'), 'fr', 'Europe/Paris', 'Pacific/Chatham')).toBe(
      'mardi 6 avril 2027 à 19:00 (Paris) · mercredi 7 avril 2027 à 05:45 votre heure (Chatham)',
    );
  });
  it('names a Kathmandu group’s time for a Paris viewer on the same day', () => {
    expect(formatWhen(Date.parse('2027-03-09T13:15:00Z'), 'fr', 'Asia/Kathmandu', 'Europe/Paris')).toBe(
      'mardi 9 mars 2027 à 19:00 (Kathmandu) · 14:15 votre heure (Paris)',
    );
  });
  it('says nothing more when the viewer shares the group’s clock, even under another name', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'Europe/Paris')).toMatch(new RegExp(`^Tuesday,? 9 March 2027${at}19:00 \\(Paris\\)$`));
    expect(formatWhen(tuesday, 'fr', 'Europe/Paris', 'Europe/Berlin')).toBe('mardi 9 mars 2027 à 19:00 (Paris)');
  });
});

describe('zones compared', () => {
  const tuesday = Date.parse('2027-03-09T18:00:00Z');
  it('knows when two clocks read the same', () => {
    expect(sameWallClock(tuesday, 'Asia/Kolkata', 'Asia/Calcutta')).toBe(true);
    expect(sameWallClock(tuesday, 'Europe/Paris', 'Europe/London')).toBe(false);
    // London is an hour behind Paris all year; Lisbon keeps London's clock.
    expect(sameWallClock(Date.parse('2027-07-01T12:00:00Z'), 'Europe/London', 'Europe/Lisbon')).toBe(true);
  });
  it('gives the other clock as a time on the same day, else the full date, else nothing', () => {
    expect(otherClock(tuesday, 'en', 'Europe/Paris', 'Europe/Paris')).toBeNull();
    expect(otherClock(tuesday, 'en', 'Europe/Paris', 'Asia/Kathmandu')).toEqual({ text: '23:45', city: 'Kathmandu' });
    expect(otherClock(tuesday, 'fr', 'Europe/Paris', 'Pacific/Chatham')).toEqual({ text: 'mercredi 10 mars 2027 à 07:45', city: 'Chatham' });
  });
  it('names zones by their city', () => {
    expect(zoneCity('America/St_Johns')).toBe('St Johns');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});

describe('dates without a zone', () => {
  it('writes a calendar date as it is, whatever the machine’s zone', () => {
    expect(formatCalendarDate('2027-06-30', 'en')).toBe('30 June 2027');
    expect(formatCalendarDate('2027-01-01', 'fr')).toBe('1 janvier 2027');
    expect(formatCalendarDate('not a date', 'fr')).toBe('not a date');
  });
  it('names the days of the week, 0 being Sunday', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayName(d, 'en'))).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayName(d, 'fr'))).toEqual(['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']);
    expect(weekdayName(2, 'en', 'short')).toBe('Tue');
    expect(weekdayName(2, 'fr', 'short')).toBe('mar.');
  });
});
