/**
 * What the Meeting Guide feed's consumers require of it, for tests: the spec's JSON Schema
 * (ajv), then the rules the apps' importers apply on top (TSML UI's loader and the Meeting
 * Guide importer drop or flag entries that break them): unique slugs of at most 64
 * characters, type codes the spec defines, a time zone they can load, an address or a
 * conference link, and a real day and clock time.
 */
import { isMeetingType } from '@code4recovery/spec';
import { Ajv } from 'ajv';
import { IANAZone } from 'luxon';
import { instantToLocal } from '../../../shared/zoned-time.ts';
import { MEETING_GUIDE_FEED_SCHEMA } from './meeting-guide.schema.ts';

const validate = new Ajv({ allErrors: true }).compile(MEETING_GUIDE_FEED_SCHEMA);

/** Every problem a consumer would have with this feed (an empty list when none). */
export function feedProblems(feed: unknown): string[] {
  if (!validate(feed)) return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of feed as Record<string, unknown>[]) {
    const slug = String(entry.slug);
    const at = (what: string) => problems.push(`${slug}: ${what}`);
    if (seen.has(slug)) at('duplicate slug');
    seen.add(slug);
    if (slug.length > 64) at('slug longer than 64');
    for (const type of (entry.types as string[] | undefined) ?? []) if (!isMeetingType(type)) at(`unknown type ${type}`);
    if (typeof entry.timezone !== 'string' || !IANAZone.isValidZone(entry.timezone)) at('no valid time zone');
    const hasAddress =
      typeof entry.formatted_address === 'string' ? entry.formatted_address.trim() !== '' : typeof entry.address === 'string' && entry.address.trim() !== '';
    const hasLink = typeof entry.conference_url === 'string' || typeof entry.conference_phone === 'string';
    if (!hasAddress && !hasLink) at('neither an address nor a conference link');
    const days = Array.isArray(entry.day) ? entry.day : [entry.day];
    if (!days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) at('day not 0-6');
    if (typeof entry.time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(entry.time)) at('time not HH:MM');
  }
  return problems;
}

/**
 * A local start `YYYY-MM-DDTHH:MM` on the next `weekday` (0 = Sunday) in `zone`, between one
 * and seven days after `now` (the app's clock): in the future, and inside the feed's coming week.
 */
export function upcoming(zone: string, weekday: number, time: string, now: number): string {
  for (let i = 1; i <= 7; i += 1) {
    const date = instantToLocal(now + i * 86_400_000, zone).slice(0, 10);
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === weekday) return `${date}T${time}`;
  }
  throw new Error('unreachable');
}
