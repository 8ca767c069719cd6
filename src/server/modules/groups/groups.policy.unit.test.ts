import { describe, expect, it } from 'vitest';
import { abilitiesFor, canBan, decide } from './groups.policy.ts';
import { GROUP_NEEDS, type GroupNeed } from '../../../shared/group-needs.ts';

type Role = 'anonymous' | 'stranger' | 'pending' | 'member' | 'leader' | 'banned or removed' | 'platform moderator' | 'admin';
const GROUPS = {
  public: { status: 'active', visibility: 'public' },
  unlisted: { status: 'active', visibility: 'unlisted' },
  private: { status: 'active', visibility: 'private' },
  draft: { status: 'draft', visibility: 'private' },
} as const;

function caller(role: Role) {
  const membership =
    role === 'pending'
      ? { role: 'member', status: 'pending' }
      : role === 'member'
        ? { role: 'member', status: 'active' }
        : role === 'leader'
          ? { role: 'leader', status: 'active' }
          : null; // banned and removed people keep no active membership
  const flags = role === 'anonymous' ? null : { isPlatformModerator: role === 'platform moderator' || role === 'admin' };
  return { membership, flags };
}

/** What each role gets for each need, per group: o = ok, r = refused (403), h = hidden (404). */
const EXPECTED: Record<keyof typeof GROUPS, Record<Role, string>> = {
  // needs in order: view member lead moderate report
  public: {
    anonymous: 'orrrr',
    stranger: 'orrrr',
    pending: 'orrrr',
    member: 'oorro',
    leader: 'ooooo',
    'banned or removed': 'orrrr',
    'platform moderator': 'orror',
    admin: 'orror',
  },
  unlisted: {
    anonymous: 'orrrr',
    stranger: 'orrrr',
    pending: 'orrrr',
    member: 'oorro',
    leader: 'ooooo',
    'banned or removed': 'orrrr',
    'platform moderator': 'orror',
    admin: 'orror',
  },
  private: {
    anonymous: 'hhhhh',
    stranger: 'hhhhh',
    pending: 'hhhhh',
    member: 'oorro',
    leader: 'ooooo',
    'banned or removed': 'hhhhh',
    'platform moderator': 'hhhor',
    admin: 'hhhor',
  },
  draft: {
    anonymous: 'hhhhh',
    stranger: 'hhhhh',
    pending: 'hhhhh',
    member: 'hhhhh',
    leader: 'ooooo',
    'banned or removed': 'hhhhh',
    'platform moderator': 'hhhor',
    admin: 'hhhor',
  },
};

const letter = { ok: 'o', refused: 'r', hidden: 'h' } as const;

describe('group policy, role by role', () => {
  for (const [kind, group] of Object.entries(GROUPS) as [keyof typeof GROUPS, (typeof GROUPS)[keyof typeof GROUPS]][]) {
    for (const [role, expected] of Object.entries(EXPECTED[kind]) as [Role, string][]) {
      it(`${role} in a ${kind} group`, () => {
        const { membership, flags } = caller(role);
        const can = abilitiesFor(group, membership, flags);
        const got = GROUP_NEEDS.map((need: GroupNeed) => letter[decide(can, need)]).join('');
        expect(got).toBe(expected);
        expect(can.canSeeHidden).toBe(role === 'leader' || role === 'platform moderator' || role === 'admin');
        expect(can.canSeeMembers).toBe(role === 'member' || role === 'leader');
      });
    }
  }

  it('lets only a platform moderator ban another platform moderator', () => {
    const pub = GROUPS.public;
    const leader = abilitiesFor(pub, { role: 'leader', status: 'active' }, { isPlatformModerator: false });
    const moderator = abilitiesFor(pub, null, { isPlatformModerator: true });
    const member = abilitiesFor(pub, { role: 'member', status: 'active' }, { isPlatformModerator: false });
    expect(canBan(leader, { isPlatformModerator: false }, { isPlatformModerator: false })).toBe(true);
    expect(canBan(leader, { isPlatformModerator: false }, { isPlatformModerator: true })).toBe(false);
    expect(canBan(moderator, { isPlatformModerator: true }, { isPlatformModerator: true })).toBe(true);
    expect(canBan(member, { isPlatformModerator: false }, { isPlatformModerator: false })).toBe(false);
  });
});
