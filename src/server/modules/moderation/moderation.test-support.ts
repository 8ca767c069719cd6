/**
 * The world moderation tests act in: a platform admin and a platform moderator, a public and
 * a private group led by the same leader with members, a leader of another group, a
 * stranger, and in each group a thread with a comment. Posts are written straight into the
 * database so these tests do not depend on the discussions routes, and the groups and their
 * members through the repositories (`tests/support/factories.ts`), so they do not depend on
 * founding and joining either.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createGroup } from '../../../../tests/support/factories.ts';
import { type Caller, type TestClient } from '../../../../tests/support/http.ts';

export interface GroupFixture {
  slug: string;
  id: string;
  threadId: string;
  commentId: string;
}

export interface World {
  admin: Caller;
  moderator: Caller;
  leader: Caller;
  member: Caller;
  reporter: Caller;
  otherLeader: Caller;
  stranger: Caller;
  pub: GroupFixture;
  priv: GroupFixture;
  other: { slug: string; id: string };
}

export async function insertThread(t: TestClient, groupId: string, authorId: string | null, fields: { title?: string; body?: string } = {}): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.db.db
    .insertInto('threads')
    .values({
      id,
      group_id: groupId,
      author_id: authorId,
      title: fields.title ?? 'A hard week',
      body: fields.body ?? 'My mother did not recognise me on Sunday.',
      session_id: null,
      occurrence: null,
      locked_at: null,
      locked_by: null,
      hidden_at: null,
      hidden_by: null,
      deleted_at: null,
      source: 'web',
      message_id: `${id}@entraide.test`,
      comment_count: 0,
      last_activity_at: now,
      created_at: now,
      updated_at: now,
      edited_at: null,
    })
    .execute();
  return id;
}

export async function insertComment(t: TestClient, threadId: string, authorId: string | null, body = 'I know that feeling. Hold on.'): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.db.db
    .insertInto('comments')
    .values({
      id,
      thread_id: threadId,
      author_id: authorId,
      body,
      hidden_at: null,
      hidden_by: null,
      deleted_at: null,
      source: 'web',
      message_id: `${id}@entraide.test`,
      created_at: now,
      updated_at: now,
      edited_at: null,
    })
    .execute();
  return id;
}

/** Joins through the way in the group has: the join route, or an invitation for private groups. */
export async function addMember(t: TestClient, slug: string, leader: Caller, as: Caller, privateGroup = false): Promise<void> {
  if (privateGroup) {
    const token = (await t.call('POST', `/api/v1/groups/${slug}/invitations`, { as: leader, body: {} })).json().invitation.token;
    const res = await t.call('POST', `/api/v1/invitations/${token}/accept`, { as, body: { acceptCharter: true } });
    expect(res.statusCode, res.body).toBe(201);
  } else {
    const res = await t.call('POST', `/api/v1/groups/${slug}/join`, { as, body: { acceptCharter: true } });
    expect(res.statusCode, res.body).toBe(201);
  }
}

export async function makeModerator(t: TestClient, who: Caller): Promise<void> {
  await t.db.db.updateTable('users').set({ is_moderator: 1 }).where('id', '=', who.userId).execute();
}

export async function buildWorld(t: TestClient): Promise<World> {
  // The first account is the platform admin.
  const admin = await t.signUp({ displayName: 'Platform Admin' });
  const moderator = await t.signUp({ displayName: 'Platform Moderator' });
  await makeModerator(t, moderator);
  const leader = await t.signUp({ displayName: 'Leader' });
  const member = await t.signUp({ displayName: 'Member' });
  const reporter = await t.signUp({ displayName: 'Reporter' });
  const otherLeader = await t.signUp({ displayName: 'Other Leader' });
  const stranger = await t.signUp({ displayName: 'Stranger' });

  // Founding and joining are not what these tests are about: the groups go in through the repositories.
  const pubGroup = await createGroup(t, leader, { name: 'Public circle', members: [member, reporter] });
  const privGroup = await createGroup(t, leader, { name: 'Private circle', visibility: 'private', members: [member, reporter] });
  const other = await createGroup(t, otherLeader, { name: 'Another circle' });
  const posts = async (g: { slug: string; id: string }): Promise<GroupFixture> => {
    const threadId = await insertThread(t, g.id, member.userId);
    const commentId = await insertComment(t, threadId, member.userId);
    return { ...g, threadId, commentId };
  };
  return { admin, moderator, leader, member, reporter, otherLeader, stranger, pub: await posts(pubGroup), priv: await posts(privGroup), other };
}

export async function report(t: TestClient, as: Caller, kind: 'thread' | 'comment', id: string, body: unknown = { reason: 'harassment' }) {
  return t.call('POST', `/api/v1/${kind}s/${id}/reports`, { as, body });
}
