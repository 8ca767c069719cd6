/** The discussions feature's strings (English, the reference); merged into the catalogue in i18n/en.ts. */
export const discussionsEn = {
  title: 'Discussions',
};
