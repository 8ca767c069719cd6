/**
 * The Meeting Guide feed as a JSON Schema (draft-07), written from the code4recovery spec
 * (github.com/code4recovery/spec, README "Specification" and "Field Definitions"). It lists
 * every documented field; `additionalProperties: false` makes a typo or an undocumented
 * field in our output fail the tests rather than silently reach the apps.
 *
 * What the spec says and the schema encodes:
 * - only `name` and `slug` are required; a slug is URL-safe, 64 characters at most;
 * - `day` is 0–6 (Sunday 0) or a list of them; `time`/`end_time` are `HH:MM` (24 h);
 *   weekly meetings carry both `day` and `time`;
 * - `updated` is a UTC timestamp `YYYY-MM-DD HH:MM:SS`; `approximate` is "yes" or "no";
 * - `conference_phone` is digits with `+`, `,`, `*`, `#`; URLs are absolute http(s).
 * Type codes are strings here (the spec lets feeds add their own, which apps ignore); the
 * tests separately require ours to be codes the spec knows.
 */
const text = { type: 'string' } as const;
const webUrl = { type: 'string', pattern: '^https?://[^\\s]+$' } as const;
const clock = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;
const weekday = { type: 'integer', minimum: 0, maximum: 6 } as const;

const MEETING_GUIDE_ENTRY_SCHEMA = {
  type: 'object',
  required: ['name', 'slug'],
  // Weekly meetings have both a day and a time; entity details need the entity's name.
  dependencies: {
    day: ['time'],
    time: ['day'],
    entity_email: ['entity'],
    entity_location: ['entity'],
    entity_logo: ['entity'],
    entity_phone: ['entity'],
    entity_website_url: ['entity'],
  },
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 255 },
    slug: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
    day: { oneOf: [weekday, { type: 'array', items: weekday, minItems: 1, uniqueItems: true }] },
    time: clock,
    end_time: clock,
    timezone: { type: 'string', minLength: 1 },
    formatted_address: text,
    address: text,
    city: text,
    state: text,
    postal_code: text,
    country: text,
    latitude: { type: 'number', minimum: -90, maximum: 90 },
    longitude: { type: 'number', minimum: -180, maximum: 180 },
    approximate: { enum: ['yes', 'no'] },
    region: text,
    sub_region: text,
    regions: { type: 'array', items: text },
    conference_url: webUrl,
    conference_url_notes: text,
    conference_phone: { type: 'string', pattern: '^[0-9+,*#]+$' },
    conference_phone_notes: text,
    types: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    notes: text,
    location: text,
    location_notes: text,
    updated: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$' },
    group: text,
    group_notes: text,
    venmo: text,
    square: text,
    paypal: text,
    homegroup_online: text,
    url: webUrl,
    edit_url: webUrl,
    feedback_emails: { type: 'array', items: text },
    feedback_url: text,
    entity: text,
    entity_email: text,
    entity_location: text,
    entity_logo: webUrl,
    entity_phone: text,
    entity_website_url: webUrl,
    contact_1_name: text,
    contact_1_email: text,
    contact_1_phone: text,
    contact_2_name: text,
    contact_2_email: text,
    contact_2_phone: text,
    contact_3_name: text,
    contact_3_email: text,
    contact_3_phone: text,
  },
} as const;

/** The whole feed: a plain list of meetings. */
export const MEETING_GUIDE_FEED_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://entraide.invalid/schemas/meeting-guide-feed.json',
  title: 'Meeting Guide feed',
  type: 'array',
  items: MEETING_GUIDE_ENTRY_SCHEMA,
} as const;
