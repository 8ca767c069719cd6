import type { Strings } from '../../i18n/strings.ts';
import type { accountsEn } from './accounts.en.ts';

/** French: the accounts feature's strings: signing up and in, passwords and settings; typed against the English, so a missing or extra key is a compile error. */
export const accountsFr: Strings<typeof accountsEn> = {
  account: {
    displayName: 'Nom affiché',
    displayNameHint: 'Le nom sous lequel les autres membres vous connaîtront. Un prénom ou un pseudonyme suffit.',
    email: 'Adresse e-mail',
    emailHint: 'Jamais montrée aux autres membres.',
    password: 'Mot de passe',
    passwordHint: 'Au moins {{min}} caractères.',
    timeZone: 'Fuseau horaire',
    timeZoneHint: 'Toutes les dates et heures sont affichées dans ce fuseau.',
    timeZoneFilter: 'Chercher une ville ou une région',
    timeZoneFilterHint: 'Tapez une partie d’un nom, par exemple Paris ou America, pour réduire la liste ci-dessus.',
    language: 'Langue',
    languageHint: 'Pour le site et pour les e-mails.',
  },
  signup: {
    title: 'Créer votre compte',
    intro: 'Un compte vous permet de rejoindre des groupes et de fonder le vôtre.',
    submit: 'Créer mon compte',
    haveAccount: 'Vous avez déjà un compte ?',
  },
  signin: {
    title: 'Se connecter',
    submit: 'Se connecter',
    forgot: 'Mot de passe oublié ?',
    noAccount: 'Nouveau ou nouvelle ici ?',
    createAccount: 'Créer un compte',
  },
  forgot: {
    title: 'Réinitialiser votre mot de passe',
    intro: 'Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
    submit: 'Envoyer le lien',
    sent: 'Si un compte existe pour cette adresse, nous lui avons envoyé un lien. Il est valable une heure.',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    password: 'Nouveau mot de passe',
    submit: 'Enregistrer mon nouveau mot de passe',
    missingToken: 'Ce lien est incomplet.',
    askAgain: 'Demander un nouveau lien',
  },
  settings: {
    title: 'Paramètres',
    profile: 'Profil',
    emailNote: 'Votre adresse e-mail est {{email}}. Vous seul·e pouvez la voir.',
    saveProfile: 'Enregistrer le profil',
    profileSaved: 'Votre profil est enregistré.',
    passwordTitle: 'Mot de passe',
    currentPassword: 'Mot de passe actuel',
    newPassword: 'Nouveau mot de passe',
    changePassword: 'Changer le mot de passe',
    passwordChanged: 'Votre mot de passe est changé. Vos autres appareils ont été déconnectés.',
    deleteTitle: 'Supprimer mon compte',
    deleteExplain:
      'Ceci efface définitivement votre compte : votre nom affiché, votre adresse e-mail, votre mot de passe, vos réglages et votre adhésion à chaque groupe. C’est irréversible.',
    deleteLeaders: 'Si vous êtes la dernière personne à animer un groupe qui a d’autres membres, nommez d’abord quelqu’un d’autre.',
    deletePassword: 'Votre mot de passe, pour confirmer',
    deleteSubmit: 'Supprimer mon compte',
  },
};
