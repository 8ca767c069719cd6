import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, isLocale, type Locale } from '../../shared/locale.ts';
import { en, fr } from './catalogues.ts';
import { initialLocale } from './language.ts';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // React escapes text itself; escaping here would show entities such as &lt; to people.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

function reflectLanguage(lng: string): void {
  document.documentElement.lang = lng;
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

/** The current interface language, always one of ours. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}
