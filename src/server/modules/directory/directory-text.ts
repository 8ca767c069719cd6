/**
 * How the directory reads words, the same way when it stores a group and when it reads a
 * query. Pure.
 */

/** Compatibility forms unified (ligatures, full-width letters), accents dropped, lower case. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Search words a query may hold at most; the rest are ignored. */
export const MAX_QUERY_TOKENS = 8;

/**
 * The words of a search query: runs of letters, digits and combining marks, with at least one
 * letter or digit. Nothing else ever reaches a full-text query, so FTS syntax (quotes, `*`,
 * `:`, `&`, `NEAR`, column filters) typed by someone is only ever a separator.
 */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.normalize('NFKC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    // Very long "words" are pasted junk; a prefix of them is as good.
    const token = Array.from(word).slice(0, 60).join('');
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === MAX_QUERY_TOKENS) break;
  }
  return tokens;
}

/** A language tag as the directory compares it: its primary subtag ("en-GB" → "en"). */
export function languageKey(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** A topic as the directory compares it. */
export function topicKey(topic: string): string {
  return foldText(topic).trim().replace(/\s+/g, ' ');
}
