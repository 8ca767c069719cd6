/**
 * `Réunion du 3 mars !` → `reunion-du-3-mars`: accents folded, anything else turned into
 * single dashes, at most 60 characters; `fallback` when nothing is left (a name in another
 * script). Used for group slugs and download file names.
 */
export function toSlug(text: string, fallback: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || fallback;
}
