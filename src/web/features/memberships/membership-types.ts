import type { Leadership } from '../../../shared/limits.ts';
import type { GroupSummary, Leader, MemberRole, MembershipStatus } from '../groups/group-types.ts';

export interface Membership {
  status: MembershipStatus;
  role: MemberRole;
}

/** A fellow member as the list shows them: never an e-mail address. */
export interface Member {
  userId: string;
  displayName: string;
  role: MemberRole;
  leaderType?: Leadership | null;
  profession?: string | null;
  joinedAt?: string | null;
}

export interface JoinRequest {
  userId: string;
  displayName: string;
  requestedAt: string;
}

export interface CreatedInvitation {
  token: string;
  url: string;
  expiresAt: string;
}

export interface InvitationPreview {
  expiresAt: string;
  group: GroupSummary & { charter: string | null; charterVersion: number; leaders: Leader[] };
}
