/**
 * Full-text search on PostgreSQL: the generated `search_vector` (migration 0006) holds the
 * unaccented words of the name (weight A), topics (B) and purpose (C) under three
 * configurations — `simple` (every word as written), `english` and `french` (stemmed) — so
 * a query word matches a word as typed, as a prefix, or through either language's stemmer
 * ("grieving" finds "grieve", "parentalité"... finds "parental"). Ranked with ts_rank.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DialectSearch } from './directory-search.dialect.ts';

/**
 * One word as a tsquery: its prefix in `simple` OR its English stem OR its French stem.
 * The word is unaccented by the same function as the stored text, then quoted for
 * to_tsquery (backslashes and quotes doubled), so nothing typed is read as an operator.
 */
function wordQuery(token: string): RawBuilder<unknown> {
  const plain = sql`directory_unaccent(${token})`;
  const quoted = sql`'''' || replace(replace(${plain}, '\\', '\\\\'), '''', '''''') || ''''`;
  const prefix = Array.from(token).length >= 2 ? sql`${quoted} || ':*'` : quoted;
  return sql`(to_tsquery('simple', ${prefix}) || plainto_tsquery('english', ${plain}) || plainto_tsquery('french', ${plain}))`;
}

export const postgresSearch: DialectSearch = {
  text(tokens) {
    const query = sql.join(tokens.map(wordQuery), sql` && `);
    return {
      from: sql`group_directory d CROSS JOIN (SELECT ${query} AS q) ts`,
      where: sql`d.search_vector @@ ts.q`,
      rank: sql<number>`ts_rank(d.search_vector, ts.q)`,
    };
  },
  least: (a, b) => sql<number>`least(${a}, ${b})`,
};
