import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';

describe.each(testDialects())('groups on $dialect', ({ open }) => {
  let t: TestClient;
  let founder: Caller;
  let other: Caller;

  beforeEach(async () => {
    t = await startTestApp(await open());
    founder = await t.signUp({ displayName: 'Founder' });
    other = await t.signUp({ displayName: 'Other' });
  });
  afterEach(async () => t.close());

  it('publishes at once when every founding field is given; the founder is its first leader', async () => {
    const res = await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup() });
    expect(res.statusCode).toBe(201);
    const { group } = res.json();
    expect(group).toMatchObject({
      slug: 'carers-of-parents-with-dementia',
      status: 'active',
      memberCount: 1,
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 12, rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['en', 'fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['dementia', 'carers'],
      charterVersion: 1,
      missing: [],
    });
    expect(group.leaders).toEqual([{ userId: founder.userId, displayName: 'Founder', leaderType: 'peer' }]);
    expect(group.viewer).toEqual({
      membership: { status: 'active', role: 'leader', charterVersion: 1, needsCharterAcceptance: false, delivery: 'web' },
      canEdit: true,
    });
  });

  it('keeps an incomplete group as a draft that only its founder sees, until it is complete and published', async () => {
    const created = await t.call('POST', '/api/v1/groups', {
      as: founder,
      body: { name: 'Grief after suicide', purpose: 'Living after a loved one’s suicide.' },
    });
    expect(created.statusCode).toBe(201);
    const { slug, status, missing } = created.json().group;
    expect(status).toBe('draft');
    expect(missing.map((m: { field: string }) => m.field)).toEqual([
      'reasons',
      'structure',
      'charter',
      'leadership',
      'modes',
      'languages',
      'timeZone',
      'visibility',
    ]);

    for (const as of [null, other]) {
      const seen = await t.call('GET', `/api/v1/groups/${slug}`, { as });
      expect(seen.statusCode).toBe(404);
    }
    const early = await t.call('POST', `/api/v1/groups/${slug}/publish`, { as: founder });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('NOT_PUBLISHABLE');
    expect(early.json().error.issues.map((i: { path: string }) => i.path)).toContain('charter');

    const rest = completeGroup();
    delete rest.name;
    const patched = await t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: rest });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().group).toMatchObject({ status: 'draft', missing: [] });

    const published = await t.call('POST', `/api/v1/groups/${slug}/publish`, { as: founder });
    expect(published.statusCode).toBe(200);
    expect(published.json().group.status).toBe('active');
    expect((await t.call('GET', `/api/v1/groups/${slug}`)).statusCode).toBe(200);
  });

  it('answers a private group to a non-member exactly as it answers a missing one', async () => {
    const { slug } = (await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup({ visibility: 'private', name: 'Quiet room' }) })).json().group;
    const routes: ['GET' | 'PATCH' | 'POST', string, unknown?][] = [
      ['GET', `/api/v1/groups/SLUG`],
      ['PATCH', `/api/v1/groups/SLUG`, { name: 'Taken over' }],
      ['POST', `/api/v1/groups/SLUG/publish`],
      ['POST', `/api/v1/groups/SLUG/join`, { acceptCharter: true }],
      ['GET', `/api/v1/groups/SLUG/members`],
    ];
    for (const [method, path, body] of routes) {
      const hidden = await t.call(method, path.replace('SLUG', slug), { as: other, body });
      const missing = await t.call(method, path.replace('SLUG', 'no-such-group'), { as: other, body });
      expect([method, path, hidden.statusCode]).toEqual([method, path, 404]);
      expect(hidden.body).toBe(missing.body);
    }
    const list = await t.call('GET', '/api/v1/groups');
    expect(list.json().groups.map((g: { slug: string }) => g.slug)).not.toContain(slug);
  });

  it('lists public groups only: never unlisted, private or draft ones', async () => {
    await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup({ name: 'Open circle' }) });
    await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup({ name: 'Link only', visibility: 'unlisted' }) });
    await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup({ name: 'Members only', visibility: 'private' }) });
    await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'Half done' } });
    const res = await t.call('GET', '/api/v1/groups');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, groups: [{ name: 'Open circle', memberCount: 1 }] });
    const unlisted = await t.call('GET', '/api/v1/groups/link-only', { as: other });
    expect(unlisted.statusCode).toBe(200);

    const mine = await t.call('GET', '/api/v1/me/groups', { as: founder });
    expect(
      mine
        .json()
        .groups.map((g: { name: string }) => g.name)
        .sort(),
    ).toEqual(['Half done', 'Link only', 'Members only', 'Open circle']);
    expect((await t.call('GET', '/api/v1/me/groups')).statusCode).toBe(401);
  });

  it('lets only leaders change a group: 401 signed out, 403 for a member or passer-by', async () => {
    const { slug } = (await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup() })).json().group;
    expect((await t.call('PATCH', `/api/v1/groups/${slug}`, { body: { name: 'x' } })).statusCode).toBe(401);
    expect((await t.call('PATCH', `/api/v1/groups/${slug}`, { as: other, body: { name: 'x' } })).statusCode).toBe(403);
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: other, body: { acceptCharter: true } });
    expect((await t.call('PATCH', `/api/v1/groups/${slug}`, { as: other, body: { name: 'x' } })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/groups/${slug}/publish`, { as: other })).statusCode).toBe(403);
    expect((await t.call('POST', `/api/v1/groups/${slug}/publish`)).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/groups', { body: completeGroup() })).statusCode).toBe(401);
  });

  it('versions the charter: members are asked to accept a changed one again', async () => {
    const { slug } = (await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup() })).json().group;
    await t.call('POST', `/api/v1/groups/${slug}/join`, { as: other, body: { acceptCharter: true } });
    const changed = await t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: { charter: 'New rule: cameras optional.' } });
    expect(changed.json().group).toMatchObject({ charterVersion: 2, viewer: { membership: { needsCharterAcceptance: false } } });
    const seen = await t.call('GET', `/api/v1/groups/${slug}`, { as: other });
    expect(seen.json().group.viewer.membership).toMatchObject({ charterVersion: 1, needsCharterAcceptance: true });
    const refused = await t.call('POST', `/api/v1/groups/${slug}/charter/accept`, { as: other, body: { acceptCharter: false } });
    expect(refused.statusCode).toBe(400);
    const accepted = await t.call('POST', `/api/v1/groups/${slug}/charter/accept`, { as: other, body: { acceptCharter: true } });
    expect(accepted.json().membership.charterVersion).toBe(2);
    const unchanged = await t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: { charter: 'New rule: cameras optional.' } });
    expect(unchanged.json().group.charterVersion).toBe(2);
  });

  it('refuses to make a published group incomplete, and reports every bad field at once', async () => {
    const { slug } = (await t.call('POST', '/api/v1/groups', { as: founder, body: completeGroup() })).json().group;
    const emptied = await t.call('PATCH', `/api/v1/groups/${slug}`, { as: founder, body: { modes: [] } });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json().error.issues).toEqual([{ path: 'modes', message: 'How members keep in touch' }]);

    const bad = await t.call('POST', '/api/v1/groups', {
      as: founder,
      body: {
        name: ' ',
        leadership: 'wizard',
        structure: { membership: 'secret', maxMembers: 1 },
        modes: ['telepathy'],
        languages: ['english!'],
        timeZone: 'Mars/Olympus',
        visibility: 'hidden',
        topics: ['a', 'A'],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['languages.0', 'leadership', 'modes.0', 'name', 'structure.maxMembers', 'structure.membership', 'timeZone', 'topics', 'visibility'].sort());
  });

  it('gives each group its own slug, keeps it on rename, and never uses a reserved one', async () => {
    const a = (await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'Café Parkinson' } })).json().group;
    const b = (await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'Café Parkinson' } })).json().group;
    const c = (await t.call('POST', '/api/v1/groups', { as: founder, body: { name: 'New' } })).json().group;
    const d = (await t.call('POST', '/api/v1/groups', { as: founder, body: { name: '支援小组' } })).json().group;
    expect(a.slug).toBe('cafe-parkinson');
    expect(b.slug).toMatch(/^cafe-parkinson-[0-9a-f]{6}$/);
    expect(c.slug).toMatch(/^new-[0-9a-f]{6}$/);
    expect(d.slug).toMatch(/^group/);
    const renamed = await t.call('PATCH', `/api/v1/groups/${a.slug}`, { as: founder, body: { name: 'Parkinson café' } });
    expect(renamed.json().group).toMatchObject({ slug: 'cafe-parkinson', name: 'Parkinson café' });
  });
});
