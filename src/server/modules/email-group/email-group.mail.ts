/**
 * The e-mails of the e-mail group, in the recipient's language with times on their clock:
 * one post (thread or comment) and the daily digest. Plain text is the reference; the HTML
 * twin escapes every piece of user text, and a post's body is the server's sanitized HTML.
 */
import type { Locale } from '../../../shared/locale.ts';
import { formatInstant } from '../../../shared/datetime-format.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { escapeHtml, type RenderedMail } from '../../platform/mail/render.ts';

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

export interface PostMailInput {
  locale: Locale;
  /** The recipient's zone: "when" is on their clock. */
  timeZone: string;
  group: { name: string };
  thread: { title: string };
  kind: 'thread' | 'comment';
  authorName: string;
  /** Markdown as written (readable as plain text) and its sanitized HTML. */
  body: string;
  html: string;
  createdAt: string;
  threadUrl: string;
  unsubscribeUrl: string;
}

/** `[Group] Title` for a new thread, `Re: [Group] Title` for a comment (clients thread on it too). */
function postSubject(kind: 'thread' | 'comment', groupName: string, title: string): string {
  const subject = `[${oneLine(groupName)}] ${oneLine(title)}`;
  return kind === 'comment' ? `Re: ${subject}` : subject;
}

export function renderPostMail(input: PostMailInput): RenderedMail {
  const { locale } = input;
  const when = formatInstant(Date.parse(input.createdAt), locale, input.timeZone, 'full');
  const params = { author: input.authorName, group: input.group.name, thread: input.thread.title, when };
  const lead = translate(locale, input.kind === 'thread' ? 'mail.post.wrote' : 'mail.post.commented', params);
  const hint = translate(locale, 'mail.post.replyHint');
  const why = translate(locale, 'mail.post.why', { group: input.group.name });
  const subject = postSubject(input.kind, input.group.name, input.thread.title);
  const text = [lead, '', input.body, '', '-- ', hint, input.threadUrl, '', why, translate(locale, 'mail.post.stop', { url: input.unsubscribeUrl }), ''].join(
    '\n',
  );
  const stop = translate(locale, 'mail.post.stop', { url: '\u0000' }).split('\u0000');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 40rem">
<p style="color:#4b5563">${escapeHtml(lead)}</p>
<div>${input.html}</div>
<hr style="border:none;border-top:1px solid #e5e7eb">
<p style="color:#6b7280;font-size:.85rem">${escapeHtml(hint)} <a href="${escapeHtml(input.threadUrl)}">${escapeHtml(input.threadUrl)}</a></p>
<p style="color:#6b7280;font-size:.85rem">${escapeHtml(why)} ${escapeHtml(stop[0] ?? '')}<a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(input.unsubscribeUrl)}</a>${escapeHtml(stop[1] ?? '')}</p>
</body></html>`;
  return { subject, text, html };
}

export interface DigestEntry {
  kind: 'thread' | 'comment';
  title: string;
  authorName: string;
  createdAt: string;
  body: string;
  url: string;
}

export interface DigestMailInput {
  locale: Locale;
  timeZone: string;
  name: string;
  group: { name: string };
  entries: DigestEntry[];
  discussionsUrl: string;
  unsubscribeUrl: string;
}

const EXCERPT = 400;
const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT).trimEnd()}…` : body);

export function renderDigestMail(input: DigestMailInput): RenderedMail {
  const { locale } = input;
  const subject = oneLine(translate(locale, 'mail.digest.subject', { group: input.group.name, count: input.entries.length }));
  const heading = (e: DigestEntry) =>
    translate(locale, e.kind === 'thread' ? 'mail.digest.thread' : 'mail.digest.comment', {
      title: e.title,
      author: e.authorName,
      when: formatInstant(Date.parse(e.createdAt), locale, input.timeZone, 'full'),
    });
  const intro = translate(locale, 'mail.digest.intro', { name: input.name, group: input.group.name });
  const why = translate(locale, 'mail.digest.why', { group: input.group.name });
  const stop = translate(locale, 'mail.post.stop', { url: input.unsubscribeUrl });
  const text = [
    intro,
    '',
    ...input.entries.flatMap((e) => [`* ${heading(e)}`, excerpt(e.body).replace(/^/gm, '  '), `  ${e.url}`, '']),
    `${translate(locale, 'mail.digest.action')}: ${input.discussionsUrl}`,
    '',
    '-- ',
    why,
    stop,
    '',
  ].join('\n');
  const stopParts = translate(locale, 'mail.post.stop', { url: '\u0000' }).split('\u0000');
  const items = input.entries
    .map(
      (e) =>
        `<li style="margin-bottom:1rem"><a href="${escapeHtml(e.url)}">${escapeHtml(heading(e))}</a><br><span style="white-space:pre-wrap">${escapeHtml(excerpt(e.body))}</span></li>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 40rem">
${intro
  .split(/\n{2,}/)
  .map((p) => `<p>${escapeHtml(p)}</p>`)
  .join('\n')}
<ul style="padding-left:1.2rem">${items}</ul>
<p><a href="${escapeHtml(input.discussionsUrl)}">${escapeHtml(translate(locale, 'mail.digest.action'))}</a></p>
<p style="color:#6b7280;font-size:.85rem">${escapeHtml(why)} ${escapeHtml(stopParts[0] ?? '')}<a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(input.unsubscribeUrl)}</a>${escapeHtml(stopParts[1] ?? '')}</p>
</body></html>`;
  return { subject, text, html };
}
