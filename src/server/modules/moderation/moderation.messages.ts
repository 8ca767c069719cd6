/**
 * Server sentences for moderation (errors, issues). Kept beside the module's code and merged
 * into the one `translate` in platform/i18n/messages.ts. French must have every English key.
 */
export const moderationMessagesEn = {
  'error.BANNED': 'You can no longer join this group: its moderators have banned you.',
  'issue.banSelf': 'You cannot ban yourself.',
  'issue.unknownPerson': 'There is no such person.',
} as const;

export const moderationMessagesFr: Record<keyof typeof moderationMessagesEn, string> = {
  'error.BANNED': 'Vous ne pouvez plus rejoindre ce groupe : son équipe de modération vous en a exclu·e.',
  'issue.banSelf': 'Vous ne pouvez pas vous exclure vous-même.',
  'issue.unknownPerson': 'Cette personne n’existe pas.',
};
