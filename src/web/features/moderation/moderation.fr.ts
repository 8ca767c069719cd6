import type { Catalogue } from '../../i18n/en.ts';

/** The moderation feature's strings in French; typed against the English ones. */
export const moderationFr: Catalogue['moderation'] = {
  title: 'Modération',
};
