import type { GroupFormat, Leadership, MembershipPolicy, Mode, Visibility } from '../../../shared/limits.ts';

export type GroupStatus = 'draft' | 'active';
export type MembershipStatus = 'active' | 'pending';
export type MemberRole = 'leader' | 'member';

export interface GroupSummary {
  slug: string;
  name: string;
  purpose: string | null;
  leadership: Leadership | null;
  modes: Mode[];
  languages: string[];
  timeZone: string | null;
  visibility: Visibility | null;
  topics: string[];
  status: GroupStatus;
  memberCount: number;
}

/** Where a group meets in person: a town (from the gazetteer), never a street address. */
export interface GroupPlace {
  name: string;
  countryCode: string;
  admin1?: string | null;
  latitude: number;
  longitude: number;
}

export interface Structure {
  membership: MembershipPolicy | null;
  format: GroupFormat | null;
  maxMembers?: number | null;
  rhythm?: string | null;
}

export interface Leader {
  userId: string;
  displayName: string;
  leaderType: Leadership;
  profession?: string | null;
}

export interface ViewerMembership {
  status: MembershipStatus;
  role: MemberRole;
  charterVersion: number;
  needsCharterAcceptance: boolean;
}

/** One thing a draft still lacks; `message` is worded by the server in our language. */
export interface MissingPart {
  field: string;
  message: string;
}

export interface Group extends GroupSummary {
  id: string;
  reasons: string | null;
  charter: string | null;
  charterVersion: number;
  profession?: string | null;
  structure: Structure;
  leaders: Leader[];
  place?: GroupPlace | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  missing: MissingPart[];
  viewer: { membership: ViewerMembership | null; canEdit: boolean };
}

export interface MyGroup extends GroupSummary {
  membership: { status: MembershipStatus; role: MemberRole };
}

/** What the founding guide sends; every field optional except `name` when founding. */
export interface FoundingInput {
  name?: string;
  purpose?: string;
  reasons?: string;
  charter?: string;
  leadership?: Leadership;
  profession?: string | null;
  structure?: {
    membership?: MembershipPolicy;
    format?: GroupFormat;
    maxMembers?: number | null;
    rhythm?: string | null;
  };
  modes?: Mode[];
  languages?: string[];
  timeZone?: string;
  visibility?: Visibility;
  topics?: string[];
  /** null clears it. */
  place?: GroupPlace | null;
}

export interface GroupResponse {
  group: Group;
}
