/**
 * Test data straight through the repositories, as Immich's `medium.factory.ts` does: people
 * and published groups with their leader, members, pending requests and bans, without the
 * HTTP founding and joining calls (each a validated request, a transaction and a checked
 * response). For tests about something else than founding and joining; tests of those call
 * the routes. What it skips: the `group.founded` and `member.joined` events (the directory's
 * row for the group waits for its refresh job) and the mail to leaders about a request.
 */
import { randomUUID } from 'node:crypto';
import { completeGroup, type Caller, type TestClient } from './http.ts';
import * as accounts from '../../src/server/modules/accounts/accounts.repository.ts';
import { SESSION_COOKIE } from '../../src/server/modules/accounts/accounts.routes.ts';
import * as groups from '../../src/server/modules/groups/groups.repository.ts';
import { slugify } from '../../src/server/modules/groups/groups.service.ts';
import * as memberships from '../../src/server/modules/groups/memberships.repository.ts';
import * as moderation from '../../src/server/modules/moderation/moderation.repository.ts';
import { hashToken, newToken } from '../../src/server/platform/security/tokens.ts';

/**
 * A person with a live session and no usable password (no argon2 hash at all: signing in and
 * checking a password fail, quickly). Use `t.signUp` for someone who signs in.
 */
export async function createPerson(t: TestClient, displayName: string, roles: { admin?: boolean; moderator?: boolean } = {}): Promise<Caller> {
  const id = randomUUID();
  const now = t.clock.now();
  const email = `${slugify(displayName)}-${id.slice(0, 8)}@example.org`;
  await accounts.insertUser(t.db.db, {
    id,
    email,
    password_hash: 'not-a-password-hash',
    display_name: displayName,
    time_zone: 'Europe/Paris',
    locale: 'en',
    is_admin: roles.admin ? 1 : 0,
    is_moderator: roles.moderator ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  const token = newToken();
  await accounts.insertAuthSession(t.db.db, {
    id: hashToken(token),
    user_id: id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, userId: id, email };
}

export interface GroupOptions {
  name?: string;
  visibility?: 'public' | 'unlisted' | 'private';
  membership?: 'open' | 'approval' | 'invite';
  /** Active members, who accepted the first charter. */
  members?: Caller[];
  /** People whose request to join waits for a leader. */
  pending?: Caller[];
  /** People the leader banned. */
  banned?: Caller[];
}

/**
 * A published group with every founding part filled (as `completeGroup` describes it), led by
 * `leader` alone, with the members, requests and bans asked for.
 */
export async function createGroup(t: TestClient, leader: Caller, options: GroupOptions = {}): Promise<{ id: string; slug: string }> {
  const founding = completeGroup({ name: options.name ?? 'A circle' });
  const structure = founding.structure as { format: string; maxMembers: number; rhythm: string };
  const id = randomUUID();
  const slug = `${slugify(founding.name as string)}-${id.slice(0, 6)}`;
  const now = t.clock.now().toISOString();
  const charter = founding.charter as string;
  const db = t.db.db;
  const membership = (user: Caller, fields: { role: string; status: string }) => ({
    group_id: id,
    user_id: user.userId,
    ...fields,
    leader_type: null,
    profession: null,
    charter_version: 1,
    charter_accepted_at: now,
    created_at: now,
    joined_at: fields.status === 'active' ? now : null,
  });
  await db.transaction().execute(async (trx) => {
    await groups.insertGroup(trx, {
      id,
      slug,
      founder_id: leader.userId,
      name: founding.name as string,
      purpose: founding.purpose as string,
      reasons: founding.reasons as string,
      charter,
      charter_version: 1,
      leadership: founding.leadership as string,
      membership_policy: options.membership ?? 'open',
      format: structure.format,
      max_members: structure.maxMembers,
      rhythm: structure.rhythm,
      modes: JSON.stringify(founding.modes),
      languages: JSON.stringify(founding.languages),
      time_zone: founding.timeZone as string,
      visibility: options.visibility ?? 'public',
      topics: JSON.stringify(founding.topics),
      status: 'active',
      created_at: now,
      updated_at: now,
      published_at: now,
      place_name: null,
      place_country_code: null,
      place_admin1: null,
      place_latitude: null,
      place_longitude: null,
    });
    await groups.insertCharterVersion(trx, { group_id: id, version: 1, text: charter, created_at: now });
    await memberships.insertMembership(trx, membership(leader, { role: 'leader', status: 'active' }));
    for (const member of options.members ?? []) await memberships.insertMembership(trx, membership(member, { role: 'member', status: 'active' }));
    for (const person of options.pending ?? []) await memberships.insertMembership(trx, membership(person, { role: 'member', status: 'pending' }));
    for (const person of options.banned ?? []) {
      await moderation.insertBan(trx, { group_id: id, user_id: person.userId, banned_by: leader.userId, reason: null, created_at: now });
    }
  });
  return { id, slug };
}
