import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant, otherClock, zoneCity } from '../../../shared/datetime-format.ts';
import type { GroupPlace } from '../../../shared/api/groups.schemas.ts';

// Building Intl objects is slow: one per language, kept.
const regionNames = new Map<string, Intl.DisplayNames>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** "CA" → "Canada" in the interface language (the code itself if Intl does not know it). */
export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${key}`;
  let f = numberFormats.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, f);
  }
  return f;
}

/** "Montréal, Canada". */
export function placeLabel(place: Pick<GroupPlace, 'name' | 'countryCode'>, locale: string): string {
  return `${place.name}, ${countryName(place.countryCode, locale)}`;
}

/** 3.4 → "3.4", 392.2 → "392": tenths only where they matter. */
export function formatDistance(km: number, locale: string): string {
  return km < 10 ? numberFormat(locale, 'km1', { maximumFractionDigits: 1 }).format(km) : numberFormat(locale, 'km0', { maximumFractionDigits: 0 }).format(km);
}

/** 2138551 → "2.1M" / « 2,1 M »: a town's size, to tell two of the same name apart. */
export function formatPopulation(population: number, locale: string): string {
  return numberFormat(locale, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(population);
}

/**
 * Times in the directory are read on the searcher's clock (the zone of the search), with the
 * group's own beside it when it differs: "Tuesday 12 January 2027 at 13:00, your time
 * (Montreal) · 19:00 for the group (Paris)".
 */
export function useDirectoryTimes(viewerZone: string) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(
    () => ({
      next(iso: string, groupZone: string | null): string {
        const instant = Date.parse(iso);
        const mine = formatInstant(instant, locale, viewerZone, 'full');
        const city = zoneCity(viewerZone);
        const group = groupZone ? otherClock(instant, locale, viewerZone, groupZone) : null;
        if (!group) return t('directory.card.nextMine', { when: mine, city });
        return t('directory.card.nextBoth', { when: mine, city, groupTime: group.text, groupCity: group.city });
      },
    }),
    [t, locale, viewerZone],
  );
}
