import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf key, with plural suffixes folded (French may add `_many`). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('web catalogues', () => {
  const english = leaves(en as unknown as Tree);
  const french = leaves(fr as unknown as Tree);

  it('has every English string in French, and nothing French-only but plural forms', () => {
    const missing = [...english.keys()].filter((k) => !french.has(k));
    const extra = [...french.keys()].filter((k) => !english.has(k) && !k.endsWith('_many'));
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
  });

  it('keeps the same placeholders and no empty strings', () => {
    for (const [key, text] of english) {
      const other = french.get(key) ?? '';
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });
});
