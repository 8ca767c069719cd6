import { z } from 'zod';
import { DELIVERIES, LEADERSHIPS, LIMITS, type Delivery } from '../limits.ts';
import { email, text } from './text-schemas.ts';
import { GroupSummary, Leader, Slug } from './groups.schemas.ts';

/** Joining means accepting the charter: only `true` will do. */
export const AcceptCharterBody = z.object({
  acceptCharter: z.literal(true, { error: 'issue.acceptCharter' }),
});

export const MemberParams = z.object({ slug: Slug(), userId: z.uuid() });
/** Tokens are base64url (see platform/security/tokens.ts). */
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/) });

export const PromoteBody = z.object({
  leaderType: z.enum(LEADERSHIPS),
  profession: text(LIMITS.profession).nullable().optional(),
});

/** The body is optional: without an address the leader shares the link themselves. */
export const InviteBody = z.object({ email: email().optional() }).nullish();

export const isDelivery = (value: unknown): value is Delivery => (DELIVERIES as readonly unknown[]).includes(value);

export const DeliveryBody = z.object({ delivery: z.enum(DELIVERIES) });

export const Membership = z.object({
  groupSlug: z.string(),
  userId: z.string(),
  status: z.enum(['active', 'pending']),
  role: z.enum(['leader', 'member']),
  leaderType: z.enum(LEADERSHIPS).optional(),
  charterVersion: z.number(),
  charterAcceptedAt: z.string(),
  joinedAt: z.string().nullable(),
  delivery: z.enum(DELIVERIES),
});
export const MembershipResponse = z.object({ membership: Membership });
export type Membership = z.infer<typeof Membership>;

export const MembersResponse = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      role: z.enum(['leader', 'member']),
      leaderType: z.enum(LEADERSHIPS).optional(),
      profession: z.string().optional(),
      joinedAt: z.string().nullable(),
    }),
  ),
});

export type MembersResponse = z.infer<typeof MembersResponse>;
/** A fellow member as the list shows them: never an e-mail address. */
export type Member = MembersResponse['members'][number];

export const RequestsResponse = z.object({
  requests: z.array(z.object({ userId: z.string(), displayName: z.string(), requestedAt: z.string() })),
});

export type RequestsResponse = z.infer<typeof RequestsResponse>;
export type JoinRequest = RequestsResponse['requests'][number];

export const InvitationCreatedResponse = z.object({
  invitation: z.object({ token: z.string(), url: z.string(), expiresAt: z.string() }),
});

export type InvitationCreatedResponse = z.infer<typeof InvitationCreatedResponse>;
export type CreatedInvitation = InvitationCreatedResponse['invitation'];

export const InvitationResponse = z.object({
  invitation: z.object({
    expiresAt: z.string(),
    group: GroupSummary.extend({ charter: z.string().nullable(), charterVersion: z.number(), leaders: z.array(Leader) }),
  }),
});
export type InvitationResponse = z.infer<typeof InvitationResponse>;
export type InvitationPreview = InvitationResponse['invitation'];
