/**
 * Server sentences of the groups module: what a group still lacks before it can be published.
 * Kept beside the module's code and merged into the one `translate` in
 * platform/i18n/messages.ts. French must have every English key.
 */
export const groupsMessagesEn = {
  'missing.purpose': 'The need or common interest at the heart of the group',
  'missing.reasons': 'Why this group, why now',
  'missing.charter': 'The charter (ground rules, confidentiality)',
  'missing.leadership': 'Who leads the group',
  'missing.structure': 'How people join and how the group runs',
  'missing.modes': 'How members keep in touch',
  'missing.languages': 'The group’s languages',
  'missing.timeZone': 'The group’s home time zone',
  'missing.visibility': 'Who can see the group',
  'missing.topics': 'At least one topic',
} as const;

export const groupsMessagesFr: Record<keyof typeof groupsMessagesEn, string> = {
  'missing.purpose': 'Le besoin ou l’intérêt commun au cœur du groupe',
  'missing.reasons': 'Pourquoi ce groupe, pourquoi maintenant',
  'missing.charter': 'La charte (règles de base, confidentialité)',
  'missing.leadership': 'Qui anime le groupe',
  'missing.structure': 'Comment on rejoint le groupe et comment il fonctionne',
  'missing.modes': 'Comment les membres restent en contact',
  'missing.languages': 'Les langues du groupe',
  'missing.timeZone': 'Le fuseau horaire du groupe',
  'missing.visibility': 'Qui peut voir le groupe',
  'missing.topics': 'Au moins un thème',
};
