/**
 * Meeting Guide type codes ↔ our fields. Only codes that exist in `@code4recovery/spec` are
 * ever produced (a unit test checks every code below against it): apps drop codes they do
 * not know, and some reject feeds full of them. Pure.
 */
import { getTypesForLanguage, isMeetingType } from '@code4recovery/spec';
import type { Locale } from '../../../shared/locale.ts';

/** BCP 47 primary language subtag → the spec's language type code. */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  af: 'AF',
  am: 'AM',
  ar: 'AR',
  ase: 'ASL',
  bg: 'BG',
  da: 'DA',
  de: 'DE',
  el: 'EL',
  en: 'EN',
  es: 'S',
  fa: 'FA',
  fi: 'FI',
  fil: 'TL',
  fr: 'FR',
  he: 'HE',
  hi: 'HI',
  hr: 'HR',
  hu: 'HU',
  is: 'IS',
  it: 'ITA',
  ja: 'JA',
  ka: 'KA',
  ko: 'KOR',
  lt: 'LT',
  ml: 'ML',
  mt: 'MT',
  nb: 'NO',
  ne: 'NE',
  nl: 'NL',
  nn: 'NO',
  no: 'NO',
  pa: 'PUN',
  pl: 'POL',
  pt: 'POR',
  ru: 'RUS',
  sk: 'SK',
  sl: 'SL',
  sv: 'SV',
  th: 'TH',
  tl: 'TL',
  tr: 'TUR',
  uk: 'UK',
};

/** The language a type code stands for, when imported (the first tag listed wins). */
export const CODE_LANGUAGES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LANGUAGE_CODES)
    .filter(([tag], i, all) => all.findIndex(([, code]) => code === LANGUAGE_CODES[tag]) === i)
    .map(([tag, code]) => [code, tag]),
);

/**
 * Topics (as founders write them, accents and case aside, in English or French) that mean
 * exactly one of the spec's audience types. Deliberately short: a type is a promise to the
 * person filtering on it, so only unambiguous words map.
 */
const TOPIC_CODES: Readonly<Record<string, string>> = {
  lgbt: 'LGBTQ',
  lgbtq: 'LGBTQ',
  'lgbtq+': 'LGBTQ',
  lgbtqia: 'LGBTQ',
  'lgbtqia+': 'LGBTQ',
  'lgbtq+ elders': 'LGBTQ',
  women: 'W',
  femmes: 'W',
  men: 'M',
  hommes: 'M',
  seniors: 'SEN',
  elders: 'SEN',
  aines: 'SEN',
  'personnes agees': 'SEN',
  'young people': 'Y',
  youth: 'Y',
  jeunes: 'Y',
  newcomers: 'BE',
  nouveaux: 'BE',
  meditation: 'MED',
  secular: 'A',
  laique: 'A',
  transgender: 'T',
  'non-binary': 'NB',
  'non binaire': 'NB',
  indigenous: 'NDG',
  autochtones: 'NDG',
  'people of color': 'POC',
};

/** Codes that say how or where a meeting happens rather than what it is about. */
const NON_TOPIC_CODES = new Set(['O', 'C', 'X', 'XB', 'TC', 'ONL', ...Object.values(LANGUAGE_CODES)]);

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');
}

/** The language codes for a group's languages, in order, without repeats or unknowns. */
export function languageTypes(languages: readonly string[]): string[] {
  const codes = languages.map((tag) => LANGUAGE_CODES[tag.split('-')[0]!.toLowerCase()]).filter((c): c is string => Boolean(c));
  return [...new Set(codes)];
}

/** The audience codes a group's topics clearly name. */
export function topicTypes(topics: readonly string[]): string[] {
  return [...new Set(topics.map((t) => TOPIC_CODES[fold(t)]).filter((c): c is string => Boolean(c)))];
}

const WHEELCHAIR = /wheelchair|fauteuils? roulants?|step[- ]free|plain[- ]pied/i;
// Any hint of a negation and we say nothing: "not wheelchair accessible", "pas accessible
// en fauteuil", "no step-free access" must never become a promise of access.
const NEGATION = /\b(not|no|non|pas|aucun|aucune|without|never|jamais|inaccessible|except|sauf)\b|n['’]t\b/i;

/** True when a session's accessibility note plainly says a wheelchair user can get in. */
export function mentionsWheelchairAccess(accessibility: string | null | undefined): boolean {
  if (!accessibility) return false;
  return WHEELCHAIR.test(accessibility) && !NEGATION.test(accessibility);
}

/** The spec's name for each type code, in the reader's language. */
function typeNames(locale: Locale): Readonly<Record<string, string>> {
  return getTypesForLanguage(locale);
}

/**
 * What an imported entry's types say about the group: its languages, whether it is closed,
 * wheelchair access, a temporarily closed location, and topics named after the remaining
 * known types (in the importing admin's language). Unknown codes are ignored, as the spec
 * asks of importers.
 */
export function readTypes(types: readonly string[], locale: Locale) {
  const names = typeNames(locale);
  const known = [...new Set(types.filter((t) => isMeetingType(t)))];
  return {
    languages: [...new Set(known.map((t) => CODE_LANGUAGES[t]).filter((l): l is string => Boolean(l)))],
    closed: known.includes('C'),
    temporarilyClosed: known.includes('TC'),
    access: known.filter((t) => t === 'X' || t === 'XB').flatMap((t) => names[t] ?? []),
    topics: known.filter((t) => !NON_TOPIC_CODES.has(t)).flatMap((t) => names[t] ?? []),
  };
}
