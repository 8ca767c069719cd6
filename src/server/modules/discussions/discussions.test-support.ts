/** Fixtures shared by the discussions and notifications tests: groups, members, posts. */
import { expect } from 'vitest';
import { completeGroup, type Caller, type TestClient } from '../../../../tests/support/http.ts';

export const WEEKLY = {
  title: 'Tuesday circle',
  start: '2027-03-02T19:00',
  timeZone: 'Europe/Paris',
  durationMinutes: 90,
  recurrence: 'FREQ=WEEKLY;BYDAY=TU',
  mode: 'online',
  onlineUrl: 'https://meet.example.org/tuesday',
};
/** The first two occurrences of WEEKLY (19:00 in Paris, winter time). */
export const FIRST_START = '2027-03-02T18:00:00.000Z';
export const SECOND_START = '2027-03-09T18:00:00.000Z';

/** The markup a rendered post may never carry, whatever was written. */
export function unsafeMarkup(html: string): string[] {
  const lower = html.toLowerCase();
  const found = ['<script', '<img', '<iframe', '<svg', '<object', '<embed', '<style', 'javascript:', 'vbscript:', 'style='].filter((n) => lower.includes(n));
  if (/[\s"'/]on[a-z]+\s*=/i.test(html)) found.push('on*=');
  return found;
}

export interface World {
  leader: Caller;
  member: Caller;
  other: Caller;
  stranger: Caller;
  /** A public, open group: leader, member and other are active members. */
  pub: string;
  /** A private group (invitation only): leader, member and other are active members. */
  priv: string;
}

async function foundGroup(t: TestClient, as: Caller, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call('POST', '/api/v1/groups', { as, body: completeGroup({ structure: { membership: 'open', format: 'drop-in' }, ...overrides }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().group.slug;
}

async function joinGroup(t: TestClient, slug: string, as: Caller): Promise<void> {
  const res = await t.call('POST', `/api/v1/groups/${slug}/join`, { as, body: { acceptCharter: true } });
  expect(res.statusCode, res.body).toBe(201);
}

async function inviteIn(t: TestClient, slug: string, leader: Caller, as: Caller): Promise<void> {
  const token = (await t.call('POST', `/api/v1/groups/${slug}/invitations`, { as: leader })).json().invitation.token;
  const res = await t.call('POST', `/api/v1/invitations/${token}/accept`, { as, body: { acceptCharter: true } });
  expect(res.statusCode, res.body).toBe(201);
}

export async function buildWorld(t: TestClient): Promise<World> {
  const [leader, member, other, stranger] = [
    await t.signUp({ displayName: 'Leader' }),
    await t.signUp({ displayName: 'Member' }),
    await t.signUp({ displayName: 'Other' }),
    await t.signUp({ displayName: 'Stranger' }),
  ];
  const pub = await foundGroup(t, leader, { name: 'Open circle' });
  const priv = await foundGroup(t, leader, { name: 'Closed circle', visibility: 'private', structure: { membership: 'invite', format: 'cohort' } });
  for (const person of [member, other]) {
    await joinGroup(t, pub, person);
    await inviteIn(t, priv, leader, person);
  }
  return { leader, member, other, stranger, pub, priv };
}

export async function postThread(t: TestClient, slug: string, as: Caller, body: Record<string, unknown> = { title: 'Hello', body: 'First *post*' }) {
  const res = await t.call('POST', `/api/v1/groups/${slug}/threads`, { as, body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().thread;
}

export async function postComment(t: TestClient, threadId: string, as: Caller, body = 'A **comment**') {
  const res = await t.call('POST', `/api/v1/threads/${threadId}/comments`, { as, body: { body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().comment;
}
