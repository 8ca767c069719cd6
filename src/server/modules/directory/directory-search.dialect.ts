import type { RawBuilder } from 'kysely';

/** What differs between the engines. */
export interface DialectSearch {
  /**
   * The FROM clause (the directory row aliased `d`, joined with whatever the text match
   * needs), its WHERE condition, and a relevance expression where larger is better.
   */
  text(tokens: string[]): { from: RawBuilder<unknown>; where: RawBuilder<unknown>; rank: RawBuilder<number> };
  /** The smaller of two numbers (`min` in SQLite, `least` in PostgreSQL). */
  least(a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<number>;
}
