import type { Locale } from '../../../shared/locale.ts';
import { translate, type MessageKey } from '../i18n/messages.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A transactional e-mail in the recipient's language: plain text (the reference) and a
 * simple HTML twin built from it, where every piece of user text is escaped.
 */
export function renderMail(
  locale: Locale,
  keys: { subject: MessageKey; body: MessageKey; action: MessageKey },
  params: Record<string, string>,
  url: string,
): RenderedMail {
  const subject = translate(locale, keys.subject, params).replace(/[\r\n]+/g, ' ');
  const text = `${translate(locale, keys.body, { ...params, url })}\n\n-- \n${translate(locale, 'mail.footer')}\n`;
  const paragraphs = translate(locale, keys.body, { ...params, url: '\u0000' })
    .split(/\n{2,}/)
    .filter((p) => p !== '\u0000')
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>').replace('\u0000', escapeHtml(url))}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 36rem">
${paragraphs}
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:.6rem 1rem;background:#1d4ed8;color:#fff;border-radius:.4rem;text-decoration:none">${escapeHtml(translate(locale, keys.action))}</a></p>
<p style="color:#6b7280;font-size:.85rem">${escapeHtml(translate(locale, 'mail.footer'))}</p>
</body></html>`;
  return { subject, text, html };
}
