import { describe, expect, it } from 'vitest';
import { findPlaceById, findPlaces, placeCount, placeKey } from './places.ts';

describe('the gazetteer', () => {
  it('holds the GeoNames towns of 1,000 people or more', () => {
    expect(placeCount()).toBeGreaterThan(100_000);
  });

  it('finds towns by the start of their name, accents and case aside, biggest first', () => {
    const [first] = findPlaces('montreal', 5);
    expect(first).toMatchObject({ id: 6077243, name: 'Montréal', countryCode: 'CA', admin1: '10' });
    expect(first!.latitude).toBeCloseTo(45.5088, 3);
    expect(first!.longitude).toBeCloseTo(-73.5878, 3);
    expect(findPlaces('MONTRÉ', 3)[0]!.name).toBe('Montréal');
    expect(findPlaces('paris', 1)[0]).toMatchObject({ id: 2988507, countryCode: 'FR' });
    const lyon = findPlaces('lyon', 3);
    expect(lyon[0]).toMatchObject({ name: 'Lyon', countryCode: 'FR' });
    const populations = findPlaces('sa', 20).map((p) => p.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('finds a town by a later word of its name', () => {
    expect(findPlaces('petersburg', 5).map((p) => p.name)).toContain('Saint Petersburg');
  });

  it('answers nothing, not everything, to an empty or punctuation-only query', () => {
    expect(findPlaces('', 5)).toEqual([]);
    expect(findPlaces('  ---  ', 5)).toEqual([]);
    expect(findPlaces('zzzzzzzz', 5)).toEqual([]);
    expect(findPlaces('a', 3)).toHaveLength(3);
  });

  it('finds a town by its GeoNames id', () => {
    expect(findPlaceById(2988507)?.name).toBe('Paris');
    expect(findPlaceById(1)).toBeNull();
  });

  it('compares names without accents or punctuation', () => {
    expect(placeKey('Saint-Étienne')).toBe('saint etienne');
  });
});
