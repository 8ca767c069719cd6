/**
 * Server sentences of memberships: the invitation, join-request and welcome e-mails. Kept beside
 * the module's code and merged into the one `translate` in platform/i18n/messages.ts. French
 * must have every English key.
 */
export const membershipsMessagesEn = {
  'mail.invite.subject': 'You are invited to join “{group}” on Entraide',
  'mail.invite.body':
    'Hello,\n\n{inviter} invites you to join the support group “{group}”.\n\nWhat it is about: {purpose}\n\nOpen this link to read its charter and join (valid for 14 days):\n\n{url}',
  'mail.invite.action': 'Read the charter and join',
  'mail.request.subject': '{name} asks to join “{group}”',
  'mail.request.body': 'Hello,\n\n{name} asks to join “{group}”. Review the request here:\n\n{url}',
  'mail.request.action': 'Review the request',
  'mail.approved.subject': 'Welcome to “{group}”',
  'mail.approved.body': 'Hello {name},\n\nA leader approved your request: you are now a member of “{group}”.\n\n{url}',
  'mail.approved.action': 'Open the group',
} as const;

export const membershipsMessagesFr: Record<keyof typeof membershipsMessagesEn, string> = {
  'mail.invite.subject': 'Vous êtes invité·e à rejoindre « {group} » sur Entraide',
  'mail.invite.body':
    'Bonjour,\n\n{inviter} vous invite à rejoindre le groupe d’entraide « {group} ».\n\nDe quoi il s’agit : {purpose}\n\nOuvrez ce lien pour lire sa charte et le rejoindre (valable 14 jours) :\n\n{url}',
  'mail.invite.action': 'Lire la charte et rejoindre',
  'mail.request.subject': '{name} demande à rejoindre « {group} »',
  'mail.request.body': 'Bonjour,\n\n{name} demande à rejoindre « {group} ». Examinez la demande ici :\n\n{url}',
  'mail.request.action': 'Examiner la demande',
  'mail.approved.subject': 'Bienvenue dans « {group} »',
  'mail.approved.body': 'Bonjour {name},\n\nUne personne animatrice a approuvé votre demande : vous êtes désormais membre de « {group} ».\n\n{url}',
  'mail.approved.action': 'Ouvrir le groupe',
};
