import type { Catalogue } from '../../i18n/en.ts';

/** The discussions feature's strings in French; typed against the English ones. */
export const discussionsFr: Catalogue['discussions'] = {
  title: 'Discussions',
};
