import type { Strings } from '../../i18n/strings.ts';
import type { adminEn } from './admin.en.ts';

/** French: the admin pages' strings: the outbox; typed against the English, so a missing or extra key is a compile error. */
export const adminFr: Strings<typeof adminEn> = {
  outbox: {
    title: 'Boîte d’envoi',
    intro: 'Les e-mails envoyés par la plateforme (réinitialisations de mot de passe, invitations…). Sans relais SMTP, ils restent ici.',
    empty: 'Aucun message pour l’instant.',
    to: 'À',
    subject: 'Objet',
    kind: 'Type',
    status: 'État',
    error: 'Erreur',
    created: 'Créé le',
    sent: 'Envoyé le',
    text: 'Version texte',
    html: 'Version HTML',
    showHtml: 'Afficher la version HTML',
    htmlFrame: 'Version HTML de « {{subject}} »',
    count_one: '{{count}} message',
    count_many: '{{count}} de messages',
    count_other: '{{count}} messages',
    attempts: 'Tentatives d’envoi',
    filter: 'Afficher',
    allStatuses: 'Tous les messages ({{count}})',
    statusWithCount: '{{status}} ({{count}})',
    emptyStatus: 'Aucun message « {{status}} ».',
    failedNotice_one: '{{count}} message n’a pas pu être remis.',
    failedNotice_many: '{{count}} de messages n’ont pas pu être remis.',
    failedNotice_other: '{{count}} messages n’ont pas pu être remis.',
    showFailed: 'Afficher les messages en échec',
    statuses: {
      local: 'Conservé ici (pas de relais SMTP)',
      queued: 'En attente d’envoi',
      sending: 'En cours d’envoi',
      sent: 'Envoyé',
      failed: 'Échec',
      revoked: 'Retiré (le destinataire n’est plus membre)',
    },
  },
};
