import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../tests/support/databases.ts';
import { fixedClock } from '../../platform/clock.ts';
import { completeGroup, startTestApp, type Caller, type TestClient } from '../../../../tests/support/http.ts';
import { buildWorld, type World } from './discussions.test-support.ts';

/** PATCH /groups/:slug/membership { delivery }: how a member follows a group. */
describe.each(testDialects())('delivery choice on $dialect', ({ open }) => {
  let t: TestClient;
  let w: World;
  let clock: ReturnType<typeof fixedClock>;

  beforeEach(async () => {
    clock = fixedClock('2027-03-01T09:00:00Z');
    t = await startTestApp(await open(), {}, { clock });
    w = await buildWorld(t);
  });
  afterEach(async () => t.close());

  const setDelivery = (slug: string, as: Caller | null, body: unknown = { delivery: 'email-each' }) =>
    t.call('PATCH', `/api/v1/groups/${slug}/membership`, { as, body });

  async function membershipRow(slug: string, userId: string) {
    const group = await t.db.db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    return t.db.db
      .selectFrom('memberships')
      .select(['delivery', 'digested_until'])
      .where('group_id', '=', group.id)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
  }

  it('starts on the web, and records each choice in the membership it answers', async () => {
    const fresh = await t.signUp();
    const join = await t.call('POST', `/api/v1/groups/${w.pub}/join`, { as: fresh, body: { acceptCharter: true } });
    expect(join.json().membership.delivery).toBe('web');

    for (const delivery of ['email-each', 'email-digest', 'post', 'web'] as const) {
      const res = await setDelivery(w.pub, w.member, { delivery });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().membership).toMatchObject({ groupSlug: w.pub, userId: w.member.userId, status: 'active', role: 'member', delivery });
      expect((await membershipRow(w.pub, w.member.userId)).delivery).toBe(delivery);
    }
    // Leaders choose too, in private groups as well.
    expect((await setDelivery(w.priv, w.leader, { delivery: 'email-digest' })).json().membership).toMatchObject({ role: 'leader', delivery: 'email-digest' });
  });

  it('starts the digest from the moment it is chosen, and keeps that mark when chosen again', async () => {
    clock.advance(60_000);
    const chosenAt = clock.now().toISOString();
    await setDelivery(w.pub, w.member, { delivery: 'email-digest' });
    const first = await membershipRow(w.pub, w.member.userId);
    expect(first.digested_until).toBe(chosenAt);
    clock.advance(60_000);
    await setDelivery(w.pub, w.member, { delivery: 'email-digest' });
    expect((await membershipRow(w.pub, w.member.userId)).digested_until).toBe(first.digested_until);
  });

  it('is for members only: 401 anonymous, 403 outside a public group or while pending, 404 outside a private one, like a missing group', async () => {
    expect((await setDelivery(w.pub, null)).statusCode).toBe(401);
    const outside = await setDelivery(w.pub, w.stranger);
    expect(outside.statusCode).toBe(403);
    const hidden = await setDelivery(w.priv, w.stranger);
    const missing = await setDelivery('no-such-group', w.stranger);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);

    const approval = (
      await t.call('POST', '/api/v1/groups', {
        as: w.leader,
        body: completeGroup({ name: 'Ask first', structure: { membership: 'approval', format: 'drop-in' } }),
      })
    ).json().group.slug;
    await t.call('POST', `/api/v1/groups/${approval}/join`, { as: w.stranger, body: { acceptCharter: true } });
    expect((await setDelivery(approval, w.stranger)).statusCode).toBe(403);
  });

  it('validates the choice, naming the field', async () => {
    for (const body of [{}, { delivery: 'carrier-pigeon' }, { delivery: null }, { delivery: ['web'] }]) {
      const res = await setDelivery(w.pub, w.member, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['delivery']);
    }
    expect((await setDelivery('NOT A SLUG', w.member)).json().error.issues[0].path).toBe('params.slug');
  });
});
