import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from './time-zones.ts';

// Building an Intl formatter is slow (~90 µs); pages format many dates, so keep them.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const languageNames = new Map<string, Intl.DisplayNames>();

function dateFormatter(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone } : { dateStyle: 'long', timeZone };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A zone this browser does not know: fall back to its own rather than fail the page.
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats ISO instants in the viewer's language and zone (the account's zone when signed
 * in, else the browser's).
 */
export function useFormatInstant(viewerTimeZone: string | null | undefined) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const zone = viewerTimeZone ?? browserTimeZone();
  return useMemo(
    () => ({
      dateTime: (iso: string) => dateFormatter(locale, zone, true).format(new Date(iso)),
      date: (iso: string) => dateFormatter(locale, zone, false).format(new Date(iso)),
    }),
    [locale, zone],
  );
}

/** A language's name in the interface language (`pt-BR` → “Brazilian Portuguese”). */
export function languageName(code: string, uiLocale: string): string {
  let names = languageNames.get(uiLocale);
  if (!names) {
    names = new Intl.DisplayNames([uiLocale], { type: 'language', fallback: 'code' });
    languageNames.set(uiLocale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Joins items the way the language does (“a, b and c” / « a, b et c »). */
export function formatList(items: string[], uiLocale: string): string {
  return new Intl.ListFormat(uiLocale, { style: 'long', type: 'conjunction' }).format(items);
}
