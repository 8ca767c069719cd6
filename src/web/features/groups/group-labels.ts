import { useTranslation } from 'react-i18next';
import { RHYTHMS, type Mode } from '../../../shared/limits.ts';
import { formatList, languageName } from '../../i18n/format.ts';
import { countryName } from '../directory/directory-format.ts';
import type { GroupPlace } from '../../../shared/api/groups.schemas.ts';

export type SuggestedRhythm = (typeof RHYTHMS)[number];

export function isSuggestedRhythm(value: string | null | undefined): value is SuggestedRhythm {
  return (RHYTHMS as readonly (string | null | undefined)[]).includes(value);
}

/**
 * Words for a group's values in the interface language. Suggested rhythms are stored as
 * keys and translated; one a founder wrote is shown as written. Languages and countries
 * are named by Intl.
 */
export function useGroupWording() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return {
    rhythm: (rhythm: string) => (isSuggestedRhythm(rhythm) ? t(`enums.rhythm.${rhythm}`) : rhythm),
    languages: (codes: readonly string[]) =>
      formatList(
        codes.map((code) => languageName(code, locale)),
        locale,
      ),
    // Mode names are capitalised labels ("In person"): a comma list reads better than "and".
    modes: (modes: readonly Mode[]) => modes.map((mode) => t(`enums.mode.${mode}`)).join(', '),
    list: (items: string[]) => formatList(items, locale),
    /** "Montréal, Canada": the town as the gazetteer names it, the country in the viewer's language. */
    place: (place: Pick<GroupPlace, 'name' | 'countryCode'>) => t('group.placeValue', { town: place.name, country: countryName(place.countryCode, locale) }),
  };
}

export function groupPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}`;
}
