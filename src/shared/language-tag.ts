/** True for a well-formed BCP 47 language tag that Intl recognises (en, fr-CA, zh-Hant). */
export function isLanguageTag(tag: string): boolean {
  if (tag.length > 35 || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
