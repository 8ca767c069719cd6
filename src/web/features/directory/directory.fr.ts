import type { Catalogue } from '../../i18n/en.ts';

/** The directory feature's strings in French; typed against the English ones. */
export const directoryFr: Catalogue['directory'] = {
  title: 'Annuaire',
};
