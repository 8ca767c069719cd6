import { describe, expect, it } from 'vitest';
import type { GroupRow } from './groups.repository.ts';
import { abilitiesFor, canEditGroup, canViewGroup } from './groups.policy.ts';
import { missingParts, slugify } from './groups.service.ts';

describe('slugify', () => {
  it('folds accents and punctuation into dashes', () => {
    expect(slugify('Deuil & espoir — Montréal')).toBe('deuil-espoir-montreal');
    expect(slugify('  Ça va ?  ')).toBe('ca-va');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });
  it('falls back when nothing is left, and stays short', () => {
    expect(slugify('支援小组')).toBe('group');
    expect(slugify('🙂🙂')).toBe('group');
    expect(slugify('a'.repeat(200))).toHaveLength(60);
    expect(slugify('a-'.repeat(40))).not.toMatch(/-$/);
  });
});

describe('missingParts', () => {
  const complete: GroupRow = {
    id: 'g',
    slug: 'g',
    founder_id: 'u',
    name: 'G',
    purpose: 'p',
    reasons: 'r',
    charter: 'c',
    charter_version: 1,
    leadership: 'peer',
    membership_policy: 'open',
    format: 'cohort',
    max_members: null,
    rhythm: null,
    modes: '["online"]',
    languages: '["fr"]',
    time_zone: 'Europe/Paris',
    visibility: 'public',
    topics: '[]',
    status: 'draft',
    created_at: '',
    updated_at: '',
    published_at: null,
    place_name: null,
    place_country_code: null,
    place_admin1: null,
    place_latitude: null,
    place_longitude: null,
  };
  it('is empty for a complete group (topics, size and rhythm are optional)', () => {
    expect(missingParts(complete)).toEqual([]);
  });
  it('lists each missing part in the guide’s order', () => {
    expect(missingParts({ ...complete, charter: null, format: null, modes: '[]', time_zone: null })).toEqual(['structure', 'charter', 'modes', 'timeZone']);
  });
});

describe('group policy', () => {
  const leader = { role: 'leader', status: 'active' };
  const member = { role: 'member', status: 'active' };
  const pending = { role: 'member', status: 'pending' };
  it('shows drafts to their leaders only', () => {
    const draft = { status: 'draft', visibility: 'public' };
    expect(canViewGroup(draft, leader)).toBe(true);
    expect(canViewGroup(draft, member)).toBe(false);
    expect(canViewGroup(draft, null)).toBe(false);
  });
  it('shows private groups to active members only', () => {
    const priv = { status: 'active', visibility: 'private' };
    expect(canViewGroup(priv, member)).toBe(true);
    expect(canViewGroup(priv, pending)).toBe(false);
    expect(canViewGroup(priv, null)).toBe(false);
  });
  it('shows public and unlisted groups to everyone', () => {
    expect(canViewGroup({ status: 'active', visibility: 'public' }, null)).toBe(true);
    expect(canViewGroup({ status: 'active', visibility: 'unlisted' }, null)).toBe(true);
  });
  it('lets leaders edit and active members see each other', () => {
    expect(canEditGroup(leader)).toBe(true);
    expect(canEditGroup(member)).toBe(false);
    const pub = { status: 'active', visibility: 'public' } as const;
    expect(abilitiesFor(pub, member, null).canSeeMembers).toBe(true);
    expect(abilitiesFor(pub, pending, null).canSeeMembers).toBe(false);
    expect(abilitiesFor(pub, null, null).canSeeMembers).toBe(false);
  });
});
