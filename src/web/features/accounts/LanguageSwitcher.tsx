import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/locale.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { useSwitchLanguage } from './language-sync.ts';

/**
 * With two languages one button is enough: it offers the other one, named in that
 * language (and marked with `lang`) so whoever needs it recognises it.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const switchTo = useSwitchLanguage();
  const current = currentLocale();
  const other: Locale = LOCALES.find((l) => l !== current) ?? 'en';
  return (
    <button type="button" className="button button-quiet language-switch" lang={other} onClick={() => switchTo(other)}>
      {t(`language.${other}`)}
    </button>
  );
}
