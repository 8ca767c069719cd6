/**
 * Server sentences of the e-mail group: posts mailed to members, the daily digest, the
 * unsubscribe answer and the notice when a mailed reply could not be posted. Merged into the
 * one `translate` in platform/i18n/messages.ts; French must have every English key.
 */
export const emailGroupMessagesEn = {
  'mail.post.wrote': '{author} wrote in “{group}”, {when}:',
  'mail.post.commented': '{author} replied to “{thread}” in “{group}”, {when}:',
  'mail.post.replyHint': 'Reply to this e-mail to answer in the group (only its members read it), or read the discussion on the web:',
  'mail.post.why': 'You get each post of “{group}” by e-mail.',
  'mail.post.stop': 'Stop these e-mails: {url}',
  'mail.post.noSubject': '(no subject)',
  'mail.digest.subject': '[{group}] Today’s digest: {count} new posts',
  'mail.digest.intro': 'Hello {name},\n\nHere is what was said in “{group}” since the last digest.',
  'mail.digest.thread': 'New discussion “{title}” by {author}, {when}',
  'mail.digest.comment': '{author} in “{title}”, {when}',
  'mail.digest.why': 'You get a daily digest of “{group}”.',
  'mail.digest.action': 'Open the discussions',
  'mail.refused.subject': 'Your message to “{group}” was not posted',
  'mail.refused.body': 'Hello {name},\n\nYour e-mail “{subject}” could not be posted in “{group}”: {reason}\n\nYou can write on the web instead:\n\n{url}',
  'mail.refused.action': 'Open the group',
  'mail.refused.locked': 'this discussion is closed.',
  'mail.refused.empty': 'we found no text of yours in it (only quoted text or a signature).',
  'mail.refused.invalid': 'it is too long or contains characters we cannot keep.',
  'mail.refused.other': 'it is not possible right now.',
  'unsubscribe.done': 'You will no longer get e-mails from “{group}”. You can still read it on the web.',
} as const;

export const emailGroupMessagesFr: Record<keyof typeof emailGroupMessagesEn, string> = {
  'mail.post.wrote': '{author} a écrit dans « {group} », {when} :',
  'mail.post.commented': '{author} a répondu à « {thread} » dans « {group} », {when} :',
  'mail.post.replyHint': 'Répondez à cet e-mail pour répondre dans le groupe (seuls ses membres le lisent), ou lisez la discussion sur le web :',
  'mail.post.why': 'Vous recevez chaque message de « {group} » par e-mail.',
  'mail.post.stop': 'Ne plus recevoir ces e-mails : {url}',
  'mail.post.noSubject': '(sans objet)',
  'mail.digest.subject': '[{group}] Le résumé du jour : {count} nouveaux messages',
  'mail.digest.intro': 'Bonjour {name},\n\nVoici ce qui s’est dit dans « {group} » depuis le dernier résumé.',
  'mail.digest.thread': 'Nouvelle discussion « {title} » de {author}, {when}',
  'mail.digest.comment': '{author} dans « {title} », {when}',
  'mail.digest.why': 'Vous recevez un résumé quotidien de « {group} ».',
  'mail.digest.action': 'Ouvrir les discussions',
  'mail.refused.subject': 'Votre message à « {group} » n’a pas été publié',
  'mail.refused.body':
    'Bonjour {name},\n\nVotre e-mail « {subject} » n’a pas pu être publié dans « {group} » : {reason}\n\nVous pouvez écrire sur le web :\n\n{url}',
  'mail.refused.action': 'Ouvrir le groupe',
  'mail.refused.locked': 'cette discussion est close.',
  'mail.refused.empty': 'nous n’y avons trouvé aucun texte de votre part (seulement une citation ou une signature).',
  'mail.refused.invalid': 'il est trop long ou contient des caractères que nous ne pouvons pas garder.',
  'mail.refused.other': 'ce n’est pas possible pour le moment.',
  'unsubscribe.done': 'Vous ne recevrez plus d’e-mails de « {group} ». Vous pouvez toujours le lire sur le web.',
};
