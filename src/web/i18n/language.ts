import { isLocale, pickLocale, type Locale } from '../../shared/locale.ts';

const STORAGE_KEY = 'entraide.locale';

/** The language chosen on this device before, if any (storage may be unavailable). */
function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing can refuse storage; the choice then lasts for this visit only.
  }
}

/**
 * The language before we know who is signed in: this device's last choice, else the
 * browser's preferences. Once the account loads, its own locale takes over.
 */
export function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}
