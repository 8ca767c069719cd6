/**
 * Server sentences of the sessions module: reminders and the e-mails when a session is
 * cancelled, moved or a place frees up. Kept beside the module's code and merged into the one
 * `translate` in platform/i18n/messages.ts. French must have every English key.
 */
export const sessionsMessagesEn = {
  'mail.reminder.subject': 'Tomorrow: {session} ({group})',
  'mail.reminder.body':
    'Hello {name},\n\nA reminder that you said you would attend “{session}” of the group “{group}”.\n\nWhen: {when}\nWhere: {where}\n\nIf you can no longer come, please say so on the session page so that someone on the wait-list can take your place:\n\n{url}',
  'mail.reminder.action': 'Open the session',
  'mail.cancelled.subject': 'Cancelled: {session} on {date} ({group})',
  'mail.cancelled.body': 'Hello {name},\n\nThe session “{session}” of the group “{group}” planned for {when} is cancelled.\n\n{url}',
  'mail.cancelled.action': 'See the group’s sessions',
  'mail.moved.subject': 'New time: {session} ({group})',
  'mail.moved.body': 'Hello {name},\n\nThe session “{session}” of the group “{group}” has moved.\n\nNow: {when}\nBefore: {before}\n\n{url}',
  'mail.moved.action': 'Open the session',
  'mail.promoted.subject': 'A place is free for you: {session} ({group})',
  'mail.promoted.body':
    'Hello {name},\n\nA place freed up: you are now going to “{session}” of the group “{group}”.\n\nWhen: {when}\n\nIf you can no longer come, please say so on the session page:\n\n{url}',
  'mail.promoted.action': 'Open the session',
  'mail.where.online': 'online (the link is on the session page)',
  'mail.where.hybrid': '{place}, or online',
} as const;

export const sessionsMessagesFr: Record<keyof typeof sessionsMessagesEn, string> = {
  'mail.reminder.subject': 'Demain : {session} ({group})',
  'mail.reminder.body':
    'Bonjour {name},\n\nUn rappel : vous avez dit que vous participeriez à « {session} » du groupe « {group} ».\n\nQuand : {when}\nOù : {where}\n\nSi vous ne pouvez plus venir, dites-le sur la page de la séance pour qu’une personne en liste d’attente prenne votre place :\n\n{url}',
  'mail.reminder.action': 'Ouvrir la séance',
  'mail.cancelled.subject': 'Annulée : {session} du {date} ({group})',
  'mail.cancelled.body': 'Bonjour {name},\n\nLa séance « {session} » du groupe « {group} » prévue {when} est annulée.\n\n{url}',
  'mail.cancelled.action': 'Voir les séances du groupe',
  'mail.moved.subject': 'Nouvel horaire : {session} ({group})',
  'mail.moved.body': 'Bonjour {name},\n\nLa séance « {session} » du groupe « {group} » a changé d’horaire.\n\nDésormais : {when}\nAvant : {before}\n\n{url}',
  'mail.moved.action': 'Ouvrir la séance',
  'mail.promoted.subject': 'Une place s’est libérée pour vous : {session} ({group})',
  'mail.promoted.body':
    'Bonjour {name},\n\nUne place s’est libérée : vous participez désormais à « {session} » du groupe « {group} ».\n\nQuand : {when}\n\nSi vous ne pouvez plus venir, dites-le sur la page de la séance :\n\n{url}',
  'mail.promoted.action': 'Ouvrir la séance',
  'mail.where.online': 'en ligne (le lien est sur la page de la séance)',
  'mail.where.hybrid': '{place}, ou en ligne',
};
