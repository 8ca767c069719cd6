/**
 * Server sentences of the accounts module: the password-reset e-mail. Kept beside the module's
 * code and merged into the one `translate` in platform/i18n/messages.ts. French must have every
 * English key.
 */
export const accountsMessagesEn = {
  'mail.reset.subject': 'Reset your Entraide password',
  'mail.reset.body':
    'Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Entraide account. Follow this link within one hour to choose a new one:\n\n{url}\n\nIf you did not ask, ignore this e-mail: your password stays as it is.',
  'mail.reset.action': 'Choose a new password',
} as const;

export const accountsMessagesFr: Record<keyof typeof accountsMessagesEn, string> = {
  'mail.reset.subject': 'Réinitialisez votre mot de passe Entraide',
  'mail.reset.body':
    'Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Entraide. Suivez ce lien dans l’heure pour en choisir un nouveau :\n\n{url}\n\nSi vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  'mail.reset.action': 'Choisir un nouveau mot de passe',
};
