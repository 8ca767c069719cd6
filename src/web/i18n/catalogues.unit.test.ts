import { describe, expect, it } from 'vitest';
import { en, FEATURE_STRINGS, fr } from './catalogues.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf key with its text. */
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

/** The same checks for one pair of catalogues: the types catch most of it, this catches casts. */
function checkPair(english: Map<string, string>, french: Map<string, string>) {
  const missing = [...english.keys()].filter((k) => !french.has(k));
  // French may add `_many` plural forms, and nothing else.
  const extra = [...french.keys()].filter((k) => !english.has(k) && !(k.endsWith('_many') && english.has(k.replace(/_many$/, '_other'))));
  expect(missing).toEqual([]);
  expect(extra).toEqual([]);
  for (const [key, text] of english) {
    expect(text.trim(), key).not.toBe('');
    const other = french.get(key) ?? '';
    expect(other.trim(), key).not.toBe('');
    expect(placeholders(other), key).toEqual(placeholders(text));
  }
  for (const [key, text] of french) {
    if (!key.endsWith('_many')) continue;
    expect(placeholders(text), key).toEqual(placeholders(english.get(key.replace(/_many$/, '_other')) ?? ''));
  }
}

describe('web catalogues', () => {
  describe.each(FEATURE_STRINGS.map((f) => [f.feature, f] as const))('%s', (_name, feature) => {
    it('has every English string in French, and nothing French-only but plural forms, with the same placeholders', () => {
      checkPair(leaves(feature.en as unknown as Tree), leaves(feature.fr as unknown as Tree));
    });
    it('has the same namespaces in both languages', () => {
      expect(Object.keys(feature.fr).sort()).toEqual(Object.keys(feature.en).sort());
    });
  });

  it('gives every namespace to exactly one feature', () => {
    const owners = new Map<string, string[]>();
    for (const { feature, en: strings } of FEATURE_STRINGS) {
      for (const namespace of Object.keys(strings)) owners.set(namespace, [...(owners.get(namespace) ?? []), feature]);
    }
    expect([...owners].filter(([, features]) => features.length > 1)).toEqual([]);
  });

  it('merges every feature into the catalogue i18next is given', () => {
    const english = leaves(en as unknown as Tree);
    const french = leaves(fr as unknown as Tree);
    const total = FEATURE_STRINGS.reduce((n, f) => n + leaves(f.en as unknown as Tree).size, 0);
    expect(english.size).toBe(total);
    checkPair(english, french);
  });
});
