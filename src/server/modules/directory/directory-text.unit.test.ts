import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from './directory-search.sqlite.ts';
import { foldText, languageKey, MAX_QUERY_TOKENS, queryTokens, topicKey } from './directory-text.ts';

describe('queryTokens', () => {
  it('keeps words (letters, digits, marks) and drops every operator character', () => {
    expect(queryTokens('Thérapie  "deuil" périnatal*')).toEqual(['Thérapie', 'deuil', 'périnatal']);
    expect(queryTokens('a:b OR c^d (NEAR x) -y +z')).toEqual(['a', 'b', 'OR', 'c', 'd', 'NEAR', 'x', 'y']);
    expect(queryTokens('\'"*:^()&|!<>-')).toEqual([]);
    expect(queryTokens(undefined)).toEqual([]);
  });
  it('unifies compatibility forms and ignores repeats and excess words', () => {
    expect(queryTokens('ﬁn ＡＢＣ')).toEqual(['fin', 'ABC']);
    expect(queryTokens('a a a')).toEqual(['a']);
    expect(queryTokens(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_QUERY_TOKENS);
  });
  it('never cuts a character in two', () => {
    const [token] = queryTokens('𝐀'.repeat(100));
    expect(token!.isWellFormed()).toBe(true);
    expect(Array.from(token!)).toHaveLength(60);
  });
});

describe('ftsMatchExpression', () => {
  it('quotes every word, with a prefix from two letters on', () => {
    expect(ftsMatchExpression(['therap', 'a'])).toBe('"therap"* AND "a"');
  });
});

describe('keys', () => {
  it('fold accents and case', () => {
    expect(foldText('Thérapie ÉTÉ')).toBe('therapie ete');
    expect(topicKey('  Deuil   Périnatal ')).toBe('deuil perinatal');
    expect(languageKey('pt-BR')).toBe('pt');
  });
});
