/**
 * Every list the directory gives — results under every filter and sort, every page, every
 * total — agrees with the single-group check: a group is listed exactly when an anonymous
 * visitor may open it (groups service `loadVisibleGroup`) and it is public. Hidden groups are
 * built to match every filter, so that any leak would show.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, ORIGIN, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { createEventBus } from '../../platform/events.ts';
import { createGroupsService, type GroupsService } from '../groups/groups.service.ts';
import { fixedClock } from '../../platform/clock.ts';

const PARIS = { name: 'Paris', countryCode: 'FR', latitude: 48.85341, longitude: 2.3488 };
const PARIS_ID = '2988507';

/** Every field a filter looks at, the same for every group. */
const matching = { languages: ['fr'], modes: ['in-person', 'online'], leadership: 'professional', topics: ['hope'], place: PARIS };

describe.each(testDialects())('directory privacy on $dialect', ({ open }) => {
  let t: TestClient;
  let groups: GroupsService;
  let founder: Caller;
  const created: { slug: string; id: string; kind: string }[] = [];

  beforeEach(async () => {
    // The evening before Europe's clocks change: "tomorrow" and its weekday never depend on when the suite runs.
    t = await startTestApp(await open(), {}, { clock: fixedClock('2027-03-27T23:30:00Z') });
    groups = createGroupsService({ db: t.db.db, dialect: t.db.dialect, mailer: t.mailer, appUrl: ORIGIN, events: createEventBus(), clock: t.clock });
    founder = await t.signUp({ displayName: 'Founder' });
    created.length = 0;
  });
  afterEach(async () => t.close());

  async function found(kind: string, body: Record<string, unknown>, as: Caller = founder) {
    const res = await t.call('POST', '/api/v1/groups', { as, body });
    expect(res.statusCode, res.body).toBe(201);
    const group = res.json().group;
    created.push({ slug: group.slug, id: group.id, kind });
    return group as { slug: string; id: string };
  }

  async function scheduleDaily(slug: string, as: Caller = founder) {
    const tomorrow = instantToLocal(t.clock.now().getTime() + 86_400_000, 'UTC').slice(0, 10);
    const res = await t.call('POST', `/api/v1/groups/${slug}/sessions`, {
      as,
      body: { title: 'Hope meeting', start: `${tomorrow}T12:00`, timeZone: 'UTC', durationMinutes: 60, recurrence: 'FREQ=DAILY', mode: 'online' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  /** The single-group check, as an anonymous visitor, plus "public": who may be listed. */
  async function listable(): Promise<Set<string>> {
    const out = new Set<string>();
    for (const g of created) {
      const seen = await groups.loadGroupFor(null, { slug: g.slug }, 'view').catch(() => null);
      if (seen && seen.group.visibility === 'public') out.add(g.slug);
    }
    return out;
  }

  /** Every page of a search, with the total each page reported. */
  async function everyPage(params: Record<string, string>) {
    const slugs: string[] = [];
    const totals = new Set<number>();
    for (let page = 1; page <= 10; page++) {
      const qs = new URLSearchParams({ ...params, pageSize: '2', page: String(page) }).toString();
      const res = await t.call('GET', `/api/v1/search/groups?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      totals.add(body.total);
      slugs.push(...body.groups.map((g: { slug: string }) => g.slug));
      if (body.groups.length < 2) break;
    }
    return { slugs, totals: [...totals] };
  }

  it('lists exactly the public, published groups under every filter, sort and page, and counts them so', async () => {
    const publicA = await found('public', completeGroup({ name: 'Hope circle A', ...matching }));
    const publicB = await found('public', completeGroup({ name: 'Hope circle B', ...matching }));
    const priv = await found('private', completeGroup({ name: 'Hope circle private', ...matching, visibility: 'private' }));
    const unlisted = await found('unlisted', completeGroup({ name: 'Hope circle unlisted', ...matching, visibility: 'unlisted' }));
    await found('draft', { name: 'Hope circle draft', purpose: 'Hope, still a draft.', ...matching });
    const turned = await found('turned private', completeGroup({ name: 'Hope circle turned private', ...matching }));
    const departing = await t.signUp({ displayName: 'Departing founder' });
    const deleted = await found('deleted', completeGroup({ name: 'Hope circle deleted', ...matching }), departing);
    for (const g of [publicA, publicB, priv, unlisted, turned]) await scheduleDaily(g.slug);
    await scheduleDaily(deleted.slug, departing);
    expect((await t.call('PATCH', `/api/v1/groups/${turned.slug}`, { as: founder, body: { visibility: 'private' } })).statusCode).toBe(200);
    // The departing founder's account goes, and with it the group they alone were in.
    const gone = await t.call('DELETE', '/api/v1/me', { as: departing, body: { password: 'a long enough password' } });
    expect(gone.statusCode, gone.body).toBe(204);

    const allowed = await listable();
    expect([...allowed].sort()).toEqual([publicA.slug, publicB.slug].sort());

    const day = String(new Date(t.clock.now().getTime() + 2 * 86_400_000).getUTCDay());
    const filters: Record<string, string>[] = [
      {},
      { q: 'hope' },
      { q: 'HOPE circle' },
      { q: 'hop' },
      { q: 'private' },
      { q: 'unlisted' },
      { q: 'draft' },
      { q: 'deleted' },
      { language: 'fr' },
      { mode: 'in-person' },
      { mode: 'online,email' },
      { leaderType: 'professional' },
      { topic: 'hope' },
      { day },
      { tz: 'Asia/Kathmandu', from: '17:00', to: '18:30' },
      { tz: 'UTC', day, from: '11:00', to: '13:00' },
      { near: PARIS_ID },
      { near: '48.85,2.35', radiusKm: '5' },
      { sort: 'next' },
      { sort: 'newest' },
      { q: 'hope', sort: 'relevance' },
      { near: PARIS_ID, sort: 'distance' },
      {
        q: 'hope',
        language: 'fr',
        mode: 'in-person',
        leaderType: 'professional',
        topic: 'hope',
        tz: 'UTC',
        from: '11:00',
        to: '13:00',
        near: PARIS_ID,
        sort: 'next',
      },
    ];
    for (const filter of filters) {
      const { slugs, totals } = await everyPage(filter);
      const label = JSON.stringify(filter);
      for (const slug of slugs) expect(allowed.has(slug), `${label} listed ${slug}`).toBe(true);
      expect(new Set(slugs).size, label).toBe(slugs.length);
      expect(totals, label).toEqual([slugs.length]);
      // Hidden groups match every filter too: only the words can narrow the public ones.
      const expected = ['private', 'unlisted', 'draft', 'deleted'].includes(filter.q ?? '') ? [] : [...allowed];
      expect(slugs.sort(), label).toEqual(expected.sort());
    }

    // The other public list (GET /groups) agrees too.
    const listed = (await t.call('GET', '/api/v1/groups')).json();
    expect(listed.groups.map((g: { slug: string }) => g.slug).sort()).toEqual([...allowed].sort());
    expect(listed.total).toBe(allowed.size);

    // And the directory's own table never held anything else.
    const rows = await t.db.db.selectFrom('group_directory').select('group_id').execute();
    const ids = new Map(created.map((g) => [g.id, g.slug]));
    expect(rows.map((r) => ids.get(r.group_id)).sort()).toEqual([...allowed].sort());
    const sideIds = new Set([
      ...(await t.db.db.selectFrom('group_directory_tags').select('group_id').execute()).map((r) => r.group_id),
      ...(await t.db.db.selectFrom('group_directory_starts').select('group_id').execute()).map((r) => r.group_id),
    ]);
    expect([...sideIds].map((id) => ids.get(id)).sort()).toEqual([...allowed].sort());
  });

  it('keeps a hidden group out even when a stale row is left behind', async () => {
    const group = await found('public', completeGroup({ name: 'Stale hope', ...matching }));
    // A refresh that never happened: the row stays while the group turns private underneath.
    await t.db.db.updateTable('groups').set({ visibility: 'private' }).where('id', '=', group.id).execute();
    const res = (await t.call('GET', '/api/v1/search/groups?q=hope')).json();
    expect(res).toMatchObject({ groups: [], total: 0 });
    expect((await t.call('GET', `/api/v1/search/groups?near=${PARIS_ID}&sort=distance`)).json().total).toBe(0);
  });
});
