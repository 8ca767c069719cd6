import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/locale.ts';
import { rememberLocale } from '../../i18n/language.ts';
import { meKey, useMe, useUpdateProfile } from './session.ts';

/**
 * The account's language wins once we know who is signed in. Only a change of account or
 * of its locale applies it, so a switch made a moment ago is not undone by a stale copy.
 */
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const me = useMe();
  const userId = me.data?.id;
  const locale = me.data?.locale;

  useEffect(() => {
    if (!userId || !locale) return;
    rememberLocale(locale);
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [userId, locale, i18n]);
}

/**
 * Server-worded texts (what a draft lacks, error messages) follow the interface language.
 * The account itself is left alone: a refetch racing the locale change could undo it.
 */
export function useRefetchOnLanguageChange(): void {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    i18n.on('languageChanged', refetch);
    return () => i18n.off('languageChanged', refetch);
  }, [i18n, queryClient]);
}

/** Switches the interface language, remembers it here and, when signed in, on the account. */
export function useSwitchLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const update = useUpdateProfile();
  return (locale: Locale) => {
    rememberLocale(locale);
    const user = me.data;
    if (user && user.locale !== locale) {
      // Say it locally first, so nothing reads the old locale and switches back.
      void queryClient.cancelQueries({ queryKey: meKey });
      queryClient.setQueryData(meKey, { ...user, locale });
      update.mutate({ locale });
    }
    void i18n.changeLanguage(locale);
  };
}
