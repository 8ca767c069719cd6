import { z } from 'zod';
import { DELIVERIES, FORMATS, LEADERSHIPS, LIMITS, MEMBERSHIP_POLICIES, MODES, VISIBILITIES } from '../limits.ts';
import { languageTag, list, text, timeZone } from './text-schemas.ts';

function uniqueList<T extends z.ZodType<string>>(item: T, max: number) {
  return list(item, { max }).refine((values) => new Set(values.map((v) => v.toLowerCase())).size === values.length, { error: 'issue.unique' });
}

const StructureInput = z.object({
  membership: z.enum(MEMBERSHIP_POLICIES).optional(),
  format: z.enum(FORMATS).optional(),
  maxMembers: z.number().int().min(LIMITS.maxMembersMin).max(LIMITS.maxMembersMax).nullable().optional(),
  rhythm: text(LIMITS.rhythm).nullable().optional(),
});

/**
 * Where a group meets in person: a town picked from the gazetteer (GET /places) or typed in,
 * with its position for "near me" searches. Never a street address: that belongs to sessions.
 */
const PlaceInput = z.object({
  name: text(120),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'issue.countryCode' })
    .describe('ISO 3166-1 alpha-2, upper case'),
  admin1: text(80).nullable().optional().describe('Region or province (GeoNames admin1 code or name)'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const GroupPlace = z.object({
  name: z.string(),
  countryCode: z.string(),
  admin1: z.string().optional(),
  latitude: z.number(),
  longitude: z.number(),
});
export type GroupPlace = z.infer<typeof GroupPlace>;

/**
 * The founding fields, each optional: a founder may save a draft part-way through the guide
 * and come back. Whatever is sent is fully validated.
 */
const FoundingFields = {
  purpose: text(LIMITS.purpose, { multiline: true }),
  reasons: text(LIMITS.reasons, { multiline: true }),
  charter: text(LIMITS.charter, { multiline: true }),
  leadership: z.enum(LEADERSHIPS),
  /** The founder's profession, shown beside their name when the group is professionally led. */
  profession: text(LIMITS.profession).nullable(),
  structure: StructureInput,
  modes: uniqueList(z.enum(MODES), MODES.length),
  languages: uniqueList(languageTag(), LIMITS.languages),
  timeZone: timeZone(),
  visibility: z.enum(VISIBILITIES),
  topics: uniqueList(text(LIMITS.topic), LIMITS.topics),
  /** Where it meets in person; null clears it. Not a founding part: publishing never waits for it. */
  place: PlaceInput.nullable(),
};

export const FoundGroupBody = z
  .object({ name: text(LIMITS.groupName), ...FoundingFields })
  .partial()
  .required({ name: true });

export const UpdateGroupBody = FoundGroupBody.partial();

export type FoundGroupInput = z.infer<typeof FoundGroupBody>;
export type UpdateGroupInput = z.infer<typeof UpdateGroupBody>;
/** What the founding guide sends (a new group's `name` is required by FoundGroupBody). */
export type UpdateGroupRequest = z.input<typeof UpdateGroupBody>;

/** Slugs are what `slugify` makes: anything else cannot name a group (and never reaches SQL). */
export const Slug = () => z.string().regex(/^[a-z0-9-]{1,100}$/);
export const SlugParams = z.object({ slug: Slug() });

export const Leader = z.object({
  userId: z.string(),
  displayName: z.string(),
  leaderType: z.enum(LEADERSHIPS),
  profession: z.string().optional(),
});
export type Leader = z.infer<typeof Leader>;

export const ViewerMembership = z.object({
  status: z.enum(['active', 'pending']),
  role: z.enum(['leader', 'member']),
  charterVersion: z.number(),
  needsCharterAcceptance: z.boolean(),
  /** How I follow the group: web | email-each | email-digest | post. */
  delivery: z.enum(DELIVERIES),
});
export type ViewerMembership = z.infer<typeof ViewerMembership>;

export const GroupSummary = z.object({
  slug: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  leadership: z.enum(LEADERSHIPS).nullable(),
  modes: z.array(z.enum(MODES)),
  languages: z.array(z.string()),
  timeZone: z.string().nullable(),
  visibility: z.enum(VISIBILITIES).nullable(),
  topics: z.array(z.string()),
  status: z.enum(['draft', 'active']),
  memberCount: z.number(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const Group = GroupSummary.extend({
  id: z.string(),
  reasons: z.string().nullable(),
  charter: z.string().nullable(),
  charterVersion: z.number(),
  structure: z.object({
    membership: z.enum(MEMBERSHIP_POLICIES).nullable(),
    format: z.enum(FORMATS).nullable(),
    maxMembers: z.number().optional(),
    rhythm: z.string().optional(),
  }),
  leaders: z.array(Leader),
  place: GroupPlace.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** What still has to be filled in before publishing (leaders only). */
  missing: z.array(z.object({ field: z.string(), message: z.string() })),
  viewer: z.object({ membership: ViewerMembership.nullable(), canEdit: z.boolean() }),
});
export type Group = z.infer<typeof Group>;
/** One thing a draft still lacks; `message` is worded by the server in the caller's language. */
export type MissingPart = Group['missing'][number];

export const GroupResponse = z.object({ group: Group });
export type GroupResponse = z.infer<typeof GroupResponse>;
export const GroupListResponse = z.object({ groups: z.array(GroupSummary), total: z.number() });
export const ListGroupsQuery = z.object({ page: z.coerce.number().int().min(1).max(10000).default(1) });
export const MyGroupsResponse = z.object({
  groups: z.array(GroupSummary.extend({ membership: z.object({ status: z.enum(['active', 'pending']), role: z.enum(['leader', 'member']) }) })),
});
export type MyGroupsResponse = z.infer<typeof MyGroupsResponse>;
export type MyGroup = MyGroupsResponse['groups'][number];
