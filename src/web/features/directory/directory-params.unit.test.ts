import { describe, expect, it } from 'vitest';
import { parseNear } from '../../../shared/directory.ts';
import { activeFilterCount, apiSearchQuery, filtersFromSearch, nearFromPosition, NO_FILTERS, pageCount, searchFromFilters } from './directory-params.ts';

const read = (query: string) => filtersFromSearch(new URLSearchParams(query));

describe('directory search in the address', () => {
  it('reads nothing as "every group"', () => {
    expect(read('')).toEqual(NO_FILTERS);
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const filters = {
      ...NO_FILTERS,
      q: 'épuisement aidants',
      languages: ['fr', 'en-GB'],
      modes: ['in-person' as const, 'online' as const],
      leaderTypes: ['peer' as const],
      topic: 'deuil, perte',
      days: [2, 4],
      from: '18:00',
      to: '24:00',
      tz: 'America/Montreal',
      near: '6077243',
      radiusKm: 250,
      sort: 'distance' as const,
      page: 3,
    };
    expect(read(searchFromFilters(filters).toString())).toEqual(filters);
  });

  it('takes lists repeated or comma-separated, without blanks or repeats', () => {
    const f = read('mode=online,email&mode=online&mode=&language=fr,%20en&day=1,1,6');
    expect(f.modes).toEqual(['online', 'email']);
    expect(f.languages).toEqual(['fr', 'en']);
    expect(f.days).toEqual([1, 6]);
  });

  it('drops what this page could not have written', () => {
    const f = read('mode=teleport&leaderType=wizard&language=%3Cscript%3E&day=7&day=-1&from=25:00&to=9h&sort=random&page=0&radiusKm=-5&near=' + 'x'.repeat(61));
    expect(f).toEqual(NO_FILTERS);
  });

  it('keeps a radius only with a place, and pages only past the first', () => {
    expect(searchFromFilters({ ...NO_FILTERS, radiusKm: 10 }).toString()).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, near: '45.5,-73.57', radiusKm: 10, page: 1 }).toString()).toBe('near=45.5%2C-73.57&radiusKm=10');
  });

  it('always asks the API on an explicit clock, one page at a time, never by distance without a place', () => {
    const query = new URLSearchParams(apiSearchQuery({ ...NO_FILTERS, q: 'grief', tz: 'Europe/Paris', sort: 'distance' }, 'Asia/Kolkata'));
    expect(query.get('tz')).toBe('Asia/Kolkata');
    expect(query.get('pageSize')).toBe('20');
    expect(query.get('q')).toBe('grief');
    expect(query.has('sort')).toBe(false);
  });

  it('counts the kinds of filter that are on', () => {
    expect(activeFilterCount({ ...NO_FILTERS, q: 'words', sort: 'newest' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, languages: ['fr', 'en'], from: '18:00', days: [1], near: '1' })).toBe(3);
  });

  it('reads places and positions, and rounds a position to about a kilometre', () => {
    expect(parseNear('2988507')).toEqual({ placeId: 2988507 });
    expect(parseNear('45.5,-73.57')).toEqual({ latitude: 45.5, longitude: -73.57 });
    expect(parseNear('91,0')).toBeNull();
    expect(parseNear('Paris')).toBeNull();
    expect(nearFromPosition(45.508812, -73.587814)).toBe('45.51,-73.59');
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
