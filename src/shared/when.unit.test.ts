import { describe, expect, it } from 'vitest';
import { formatWhen, zoneCity } from './when.ts';

describe('formatWhen', () => {
  const tuesday = Date.parse('2027-03-09T18:00:00Z');
  it('shows the group’s time, then the viewer’s when it differs', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'America/Montreal')).toMatch(
      /^Tuesday,? 9 March 2027,? (at )?19:00 \(Paris\) · 13:00 your time \(Montreal\)$/,
    );
    expect(formatWhen(tuesday, 'fr', 'Europe/Paris', 'America/Montreal')).toMatch(/^mardi 9 mars 2027 (à )?19:00 \(Paris\) · 13:00 votre heure \(Montreal\)$/);
  });
  it('says the viewer’s full date when it is another day for them', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'Pacific/Chatham')).toMatch(/\(Paris\) · Wednesday,? 10 March 2027.*07:45 your time \(Chatham\)$/);
  });
  it('says nothing more when the viewer shares the group’s clock', () => {
    expect(formatWhen(tuesday, 'en', 'Europe/Paris', 'Europe/Paris')).toMatch(/^Tuesday,? 9 March 2027.*19:00 \(Paris\)$/);
  });
  it('names zones by their city', () => {
    expect(zoneCity('America/St_Johns')).toBe('St Johns');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
