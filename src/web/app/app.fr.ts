import type { Strings } from '../i18n/strings.ts';
import type { appEn } from './app.en.ts';

/** French: the app shell's strings: name, navigation, language names, footer, shared words, errors, notices and the not-found and forbidden pages; typed against the English, so a missing or extra key is a compile error. */
export const appFr: Strings<typeof appEn> = {
  app: {
    name: 'Entraide',
    tagline: 'Des groupes d’entraide, fondés et animés ensemble',
    titleSuffix: 'Entraide',
  },
  nav: {
    label: 'Principale',
    skip: 'Aller au contenu principal',
    home: 'Accueil',
    myGroups: 'Mes groupes',
    startGroup: 'Fonder un groupe',
    settings: 'Paramètres',
    outbox: 'Boîte d’envoi',
    signIn: 'Se connecter',
    signUp: 'Créer un compte',
    signOut: 'Déconnexion',
  },
  language: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  footer: {
    crisis: 'En danger ou en crise ? Appelez le numéro d’urgence local (112 en Europe, 911 en Amérique du Nord) ou une ligne d’écoute près de chez vous.',
    about: 'Entraide est un logiciel libre. Sans publicité, sans pisteurs.',
  },
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    optional: '(facultatif)',
    notDecided: 'Pas encore décidé',
    you: '(vous)',
    remove: 'Retirer {{item}}',
    refresh: 'Actualiser',
  },
  errors: {
    network: 'Impossible de joindre Entraide. Vérifiez votre connexion et réessayez.',
    unexpected: 'Un problème inattendu est survenu. Veuillez réessayer.',
    loadFailed: 'Le chargement a échoué.',
    summaryTitle: 'Il y a un problème',
  },
  notices: {
    signedOut: 'Vous êtes déconnecté·e. Prenez soin de vous.',
    accountDeleted: 'Votre compte et vos données personnelles ont été effacés.',
    passwordReset: 'Votre nouveau mot de passe est enregistré et vous êtes connecté·e.',
    welcome: 'Bienvenue sur Entraide, {{name}}.',
    groupPublished: 'Votre groupe est publié. On peut désormais le trouver et le rejoindre.',
    draftSaved: 'Votre brouillon est enregistré. Vous le retrouverez dans « Mes groupes ».',
    groupSaved: 'Vos modifications sont enregistrées.',
    joined: 'Bienvenue ! Vous êtes maintenant membre de ce groupe.',
    requested: 'Votre demande est envoyée. Une personne animatrice va l’examiner.',
    left: 'Vous avez quitté le groupe.',
    sessionScheduled: 'La séance est planifiée. Les membres peuvent maintenant indiquer s’ils viennent.',
    sessionSaved: 'Vos modifications de la séance sont enregistrées.',
    sessionDeleted: 'La séance est supprimée.',
    occurrenceMoved: 'Cette date est déplacée. Les personnes inscrites sont prévenues par e-mail.',
    programmeSaved: 'Le programme est enregistré.',
    programmeScheduled: 'Les séances du programme sont planifiées.',
  },
  notFound: {
    title: 'Page introuvable',
    body: 'Cette page n’existe pas, ou elle a été déplacée.',
    home: 'Aller à l’accueil',
  },
  forbidden: {
    title: 'Accès non autorisé',
    body: 'Cette page est réservée à l’administration de la plateforme.',
  },
};
