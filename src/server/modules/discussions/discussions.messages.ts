/**
 * Server sentences for discussions (errors, issues, e-mails). Kept beside the module's code and
 * merged into the one `translate` in platform/i18n/messages.ts. French must have every English key.
 */
export const discussionsMessagesEn = {
  'error.THREAD_LOCKED': 'This discussion is closed: it takes no new comments.',
  'error.POST_HIDDEN': 'A moderator has hidden this post: it can no longer be edited.',
  'issue.nothingToChange': 'Give a new title or a new text.',
  'issue.readSelection': 'Give the notifications to mark as read (ids), or all: true.',
  'issue.cursor': 'Use the nextBefore value of the previous page.',
  'discussions.recapTitle': '{session} · {date}',
} as const;

export const discussionsMessagesFr: Record<keyof typeof discussionsMessagesEn, string> = {
  'error.THREAD_LOCKED': 'Cette discussion est close : elle ne reçoit plus de commentaires.',
  'error.POST_HIDDEN': 'Une personne de la modération a masqué ce message : il ne peut plus être modifié.',
  'issue.nothingToChange': 'Indiquez un nouveau titre ou un nouveau texte.',
  'issue.readSelection': 'Indiquez les notifications à marquer comme lues (ids), ou all: true.',
  'issue.cursor': 'Utilisez la valeur nextBefore de la page précédente.',
  'discussions.recapTitle': '{session} · {date}',
};
