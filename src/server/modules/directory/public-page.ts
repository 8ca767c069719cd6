/**
 * The `<head>` of a public group's page, written by the server into the single-page app's
 * index.html so that link previews (Open Graph), search engines (schema.org JSON-LD) and
 * people without JavaScript get the group's name, purpose and next sessions. Pure.
 *
 * Every piece of group text is escaped for where it lands: attribute and element text with
 * escapeHtml, and the JSON-LD block with `<`, `>`, `&`, U+2028 and U+2029 as \u escapes, so
 * no name can close the `<script>` element or open another. The JSON-LD block is data
 * (`type="application/ld+json"`), which browsers never execute: the CSP's script-src 'self'
 * does not apply to it.
 */
import { instantToLocal, offsetAt } from '../../../shared/zoned-time.ts';
import { escapeHtml } from '../../platform/mail/render.ts';

const SITE_NAME = 'Entraide';

/** Plain text on one line, at most `max` characters (cut at a word, with an ellipsis). */
export function excerpt(text: string, max: number): string {
  const flat = text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Back to the last whole word, unless the cut already falls between two words.
  if (chars[max - 1] !== ' ' && space > cut.length * 0.7) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** One line, as geocoders want it: the lines of our address joined with commas. */
export function oneLineAddress(address: string | null): string | null {
  if (!address) return null;
  const line = address
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim().replace(/,+$/, ''))
    .filter(Boolean)
    .join(', ');
  return line || null;
}

/** An instant as ISO 8601 with the zone's offset at that moment: `2027-03-02T19:00:00+01:00`. */
export function isoWithOffset(instant: number, zone: string): string {
  const offset = offsetAt(zone, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${instantToLocal(instant, zone)}:00${sign}${hh}:${mm}`;
}

/**
 * JSON for a `<script>` data block: the characters that could end the element, start a
 * comment or an entity, or break a line in older JavaScript parsers are \u escaped. The
 * result is still the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface PageGroup {
  slug: string;
  name: string;
  purpose: string | null;
  languages: string[];
  placeName?: string | null;
  countryCode?: string | null;
}

export interface PageEvent {
  sessionId: string;
  title: string;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  mode: string;
  status: 'scheduled' | 'moved' | 'cancelled';
  originalStartsAt?: number;
  location: string | null;
  address: string | null;
}

const SCHEMA = 'https://schema.org/';
const ATTENDANCE: Record<string, string> = {
  'in-person': `${SCHEMA}OfflineEventAttendanceMode`,
  online: `${SCHEMA}OnlineEventAttendanceMode`,
  hybrid: `${SCHEMA}MixedEventAttendanceMode`,
};
const STATUS: Record<PageEvent['status'], string> = {
  scheduled: `${SCHEMA}EventScheduled`,
  moved: `${SCHEMA}EventRescheduled`,
  cancelled: `${SCHEMA}EventCancelled`,
};

/** The page's own language for previews: the group's first of ours (French or English). */
function ogLocales(languages: string[]): { locale: string; alternate: string[] } {
  const ours = languages.map((l) => l.split('-')[0]!.toLowerCase()).filter((l) => l === 'fr' || l === 'en');
  const first = ours[0] ?? 'en';
  const tag = (l: string) => (l === 'fr' ? 'fr_FR' : 'en_GB');
  return { locale: tag(first), alternate: [...new Set(ours.filter((l) => l !== first))].map(tag) };
}

function eventData(event: PageEvent, group: PageGroup, pageUrl: string, appUrl: string) {
  const place = () => {
    const address = oneLineAddress(event.address);
    return {
      '@type': 'Place',
      name: event.location ? excerpt(event.location, 200) : group.name,
      ...(address ? { address: { '@type': 'PostalAddress', streetAddress: address } } : {}),
    };
  };
  // Online: the group's public page, never the members-only link.
  const virtual = () => ({ '@type': 'VirtualLocation', url: pageUrl });
  const location = event.mode === 'online' ? virtual() : event.mode === 'hybrid' ? [place(), virtual()] : place();
  return {
    '@type': 'Event',
    name: event.title,
    startDate: isoWithOffset(event.startsAt, event.timeZone),
    endDate: isoWithOffset(event.endsAt, event.timeZone),
    ...(event.status === 'moved' && event.originalStartsAt !== undefined ? { previousStartDate: isoWithOffset(event.originalStartsAt, event.timeZone) } : {}),
    eventAttendanceMode: ATTENDANCE[event.mode] ?? ATTENDANCE['in-person'],
    eventStatus: STATUS[event.status],
    location,
    organizer: { '@type': 'Organization', name: group.name, url: pageUrl },
    url: `${appUrl}/sessions/${encodeURIComponent(event.sessionId)}?occurrence=${encodeURIComponent(new Date(event.startsAt).toISOString())}`,
    ...(group.languages.length > 0 ? { inLanguage: group.languages[0] } : {}),
  };
}

/** The tags a public group's page gets in its `<head>`, as one HTML string. */
export function buildGroupHead(group: PageGroup, events: PageEvent[], options: { appUrl: string }): string {
  const pageUrl = `${options.appUrl}/groups/${encodeURIComponent(group.slug)}`;
  const description = excerpt(group.purpose ?? '', 200) || group.name;
  const { locale, alternate } = ogLocales(group.languages);
  const data = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Organization',
        '@id': `${pageUrl}#group`,
        name: group.name,
        description,
        url: pageUrl,
        ...(group.languages.length > 0 ? { knowsLanguage: group.languages } : {}),
        ...(group.placeName
          ? {
              areaServed: {
                '@type': 'Place',
                name: group.placeName,
                ...(group.countryCode ? { address: { '@type': 'PostalAddress', addressCountry: group.countryCode } } : {}),
              },
            }
          : {}),
      },
      ...events.map((e) => eventData(e, group, pageUrl, options.appUrl)),
    ],
  };
  const meta = (attr: 'name' | 'property', key: string, content: string) => `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;
  return [
    `<title>${escapeHtml(`${group.name} · ${SITE_NAME}`)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(pageUrl)}" />`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:title', group.name),
    meta('property', 'og:description', description),
    meta('property', 'og:url', pageUrl),
    meta('property', 'og:locale', locale),
    ...alternate.map((l) => meta('property', 'og:locale:alternate', l)),
    `<script type="application/ld+json">${jsonForScript(data)}</script>`,
  ]
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Removes the first element that starts with `open` and ends with `close` (inclusive). */
function removeFirst(html: string, open: string, close: string, within: { from: number; to: number }): string {
  const start = html.indexOf(open, within.from);
  if (start < 0 || start >= within.to) return html;
  const end = html.indexOf(close, start + open.length);
  if (end < 0 || end >= within.to) return html;
  // Take the line's indentation and line break with it, so no blank line is left behind.
  const lineStart = html.lastIndexOf('\n', start) + 1;
  const from = /^\s*$/.test(html.slice(lineStart, start)) ? lineStart : start;
  let to = end + close.length;
  if (html[to] === '\n') to += 1;
  return html.slice(0, from) + html.slice(to);
}

/**
 * index.html with the group's head: the generic `<title>` and description make way for the
 * group's, and the rest goes just before `</head>`. Our own index.html is the input (built
 * by Vite from the repository's), so plain string search over its head is enough.
 */
export function injectHead(indexHtml: string, head: string): string {
  const headEnd = () => indexHtml.indexOf('</head>');
  if (headEnd() < 0) return indexHtml;
  const headStart = Math.max(0, indexHtml.indexOf('<head'));
  indexHtml = removeFirst(indexHtml, '<title', '</title>', { from: headStart, to: headEnd() });
  indexHtml = removeFirst(indexHtml, '<meta name="description"', '>', { from: headStart, to: headEnd() });
  const at = headEnd();
  const lineStart = indexHtml.lastIndexOf('\n', at) + 1;
  const insertAt = /^\s*$/.test(indexHtml.slice(lineStart, at)) ? lineStart : at;
  return `${indexHtml.slice(0, insertAt)}${head}\n${indexHtml.slice(insertAt)}`;
}

/** `/groups/<slug>` (with any query or fragment), else null. */
export function groupSlugOfPath(url: string): string | null {
  const path = url.split(/[?#]/, 1)[0]!;
  const match = /^\/groups\/([a-z0-9-]{1,100})\/?$/.exec(path);
  return match ? match[1]! : null;
}
