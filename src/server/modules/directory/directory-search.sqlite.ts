/**
 * Full-text search on SQLite: FTS5 over the directory rows (migration 0006), tokenised with
 * `porter unicode61 remove_diacritics 2` — accents and case folded, English stemming
 * ("meetings" finds "meeting"). French words get the Porter rules too; they are applied the
 * same way to the query, so they widen a match at worst. No French stemmer exists in FTS5.
 */
import { sql } from 'kysely';
import type { DialectSearch } from './directory-search.dialect.ts';

/** Column weights for bm25, in the FTS table's order: name, purpose, topics. */
const WEIGHTS = sql`10.0, 2.0, 5.0`;

/**
 * The MATCH expression: every word must be there (AND), each as a quoted string — so no
 * FTS5 operator can be injected — and as a prefix once it has two letters or more ("thérap"
 * finds "thérapie"). Tokens hold only letters, digits and marks (`queryTokens`), never a quote.
 */
export function ftsMatchExpression(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"${Array.from(t).length >= 2 ? '*' : ''}`).join(' AND ');
}

export const sqliteSearch: DialectSearch = {
  text(tokens) {
    return {
      from: sql`group_directory_fts JOIN group_directory d ON d.doc_id = group_directory_fts.rowid`,
      where: sql`group_directory_fts MATCH ${ftsMatchExpression(tokens)}`,
      // bm25 is lower for better matches: negated so that larger is better, as ts_rank.
      rank: sql<number>`-bm25(group_directory_fts, ${WEIGHTS})`,
    };
  },
  least: (a, b) => sql<number>`min(${a}, ${b})`,
};
