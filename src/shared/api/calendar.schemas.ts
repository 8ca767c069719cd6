import { z } from 'zod';

/** What `newToken()` makes (base64url): anything else opens nothing and never reaches SQL. */
export const FeedTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/) });

export const FeedResponse = z.object({ feed: z.object({ url: z.string() }) });
export type FeedResponse = z.infer<typeof FeedResponse>;

/** An iCalendar file (RFC 5545); documented as such, sent as text. */
export const CalendarText = z.string().describe('iCalendar (RFC 5545), text/calendar; charset=utf-8');
export type CalendarFeed = FeedResponse['feed'];
/** Whether I have a personal feed; its secret URL is only ever shown when created. */
export const FeedStatusResponse = z.object({ feed: z.object({ active: z.boolean(), createdAt: z.string().nullable() }) });
