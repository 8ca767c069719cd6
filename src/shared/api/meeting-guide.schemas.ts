import { z } from 'zod';
import { languageTag, list, text, timeZone, webUrl } from './text-schemas.ts';

/** Entries per import: a large intergroup's feed, and a request that still ends in time. */
export const MAX_IMPORT_ENTRIES = 5000;

/**
 * Either the address of a feed for the server to fetch (`url`), or the feed itself (`feed`,
 * the JSON list of meetings, e.g. an uploaded file's content). `source` names an uploaded
 * feed so that re-importing the same file updates what it made (default: "upload"); a URL
 * is its own name. Entries without a valid `timezone` take `defaultTimeZone`; entries
 * without a language type take `defaultLanguage` (default: the admin's language).
 */
export const ImportMeetingGuideBody = z
  .object({
    url: webUrl(2000).optional().describe('An http(s) address the server fetches the feed from (10 s, 5 MB at most)'),
    feed: list(z.unknown(), { max: MAX_IMPORT_ENTRIES }).optional().describe('The feed itself: a JSON list of Meeting Guide meetings'),
    source: text(200).optional().describe('A name for an inline feed (default "upload"): re-importing under the same name updates what it made'),
    defaultTimeZone: timeZone().optional().describe('IANA zone for entries without a valid `timezone`'),
    defaultLanguage: languageTag().optional().describe('Language for entries whose types name none (default: the admin’s)'),
  })
  .superRefine((body, ctx) => {
    if ((body.url === undefined) === (body.feed === undefined)) {
      ctx.addIssue({ code: 'custom', path: [body.url === undefined ? 'url' : 'feed'], message: 'issue.feeds.urlOrFeed' });
    }
  });
export type ImportMeetingGuideInput = z.infer<typeof ImportMeetingGuideBody>;
export type ImportMeetingGuideRequest = z.input<typeof ImportMeetingGuideBody>;

export const ImportReport = z.object({
  /** What the groups remember as their source: the URL, or the name of the upload. */
  source: z.string(),
  created: z.number(),
  updated: z.number(),
  /** Entries already imported exactly as they are now. */
  unchanged: z.number(),
  skipped: z.array(z.object({ index: z.number(), name: z.string().nullable(), slug: z.string().nullable(), reason: z.string() })),
  /** Each imported entry and the group it is now. */
  groups: z.array(z.object({ index: z.number(), slug: z.string(), groupSlug: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) })),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ImportReportResponse = z.object({ report: ImportReport });

/** For the OpenAPI document; the tests check the feed against the spec's own schema. */
export const MeetingGuideFeedResponse = z.array(
  z
    .object({
      name: z.string(),
      slug: z.string(),
      day: z.number().int().min(0).max(6),
      time: z.string(),
      end_time: z.string(),
      timezone: z.string(),
      formatted_address: z.string(),
      location: z.string().optional(),
      location_notes: z.string().optional(),
      region: z.string().optional(),
      types: z.array(z.string()),
      notes: z.string().optional(),
      group: z.string(),
      url: z.string(),
      updated: z.string(),
    })
    .loose(),
);
