/** Calendar dates written `YYYY-MM-DD`, as the API takes them. */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` as a day number (days since 1970-01-01), or null when not a real date. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const probe = new Date(ms);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}
