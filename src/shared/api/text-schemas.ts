import { z } from 'zod';
import { isLanguageTag } from '../language-tag.ts';
import { isValidTimeZone } from '../time-zone.ts';

/**
 * Text as people type it, stored exactly as sent (no trimming: what goes in comes back).
 * Refused: NUL and unpaired surrogates, which neither database can store faithfully, and
 * text that is only white space.
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  const controls = options.multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/;
  return z
    .string()
    .max(max)
    .refine((s) => s.isWellFormed() && !controls.test(s), { error: 'issue.control', abort: true })
    .refine((s) => s.trim().length > 0, { error: 'issue.blank' });
}

export const timeZone = () => z.string().refine((z) => isValidTimeZone(z), { error: 'issue.timeZone' });

export const languageTag = () => z.string().refine((t) => isLanguageTag(t), { error: 'issue.languageTag' });

/** Only web links (http, https): a `javascript:` or `data:` URL would run in a member's browser. */
export const webUrl = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      (v) => {
        try {
          const url = new URL(v);
          return url.protocol === 'https:' || url.protocol === 'http:';
        } catch {
          return false;
        }
      },
      { error: 'issue.webUrl' },
    );

/** E-mail addresses compare case-insensitively: we keep them trimmed and lower-cased. */
export const email = () =>
  z
    .string()
    .max(254)
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.email({ error: 'issue.email' }));

/**
 * An array of at most `max` items (at least `min`). zod's own `.max()` on an array also
 * measures a *string* sent in its place and reports a confusing second issue; checking the
 * bounds after the type keeps one clear issue per field.
 */
export function list<T extends z.ZodType>(item: T, bounds: { max: number; min?: number }) {
  return z.array(item).superRefine((value, ctx) => {
    if (value.length > bounds.max) ctx.addIssue({ code: 'too_big', origin: 'array', maximum: bounds.max, inclusive: true, input: value });
    if (bounds.min !== undefined && value.length < bounds.min)
      ctx.addIssue({ code: 'too_small', origin: 'array', minimum: bounds.min, inclusive: true, input: value });
  });
}
