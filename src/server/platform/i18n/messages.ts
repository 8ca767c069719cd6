import type { Locale } from '../../../shared/locale.ts';

/**
 * Every sentence the server itself writes: API error messages and e-mails. English is the
 * reference; French must have the same keys (the type enforces it, a test double-checks).
 * `{name}` placeholders are filled by `translate`.
 */
const en = {
  'error.VALIDATION': 'Some fields need your attention.',
  'error.BAD_REQUEST': 'The request could not be read.',
  'error.UNAUTHENTICATED': 'Please sign in first.',
  'error.INVALID_CREDENTIALS': 'That e-mail and password do not match an account.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.CSRF': 'This request came from another site and was refused.',
  'error.NOT_FOUND': 'Not found.',
  'error.CONFLICT': 'This conflicts with the current state.',
  'error.EMAIL_TAKEN': 'An account already uses this e-mail address.',
  'error.GROUP_FULL': 'This group has reached its maximum size.',
  'error.LAST_LEADER': 'A group cannot lose its last leader: make someone else a leader first.',
  'error.INVITATION_REQUIRED': 'This group admits members by invitation only.',
  'error.INVITATION_INVALID': 'This invitation link is no longer valid. Ask a leader for a new one.',
  'error.NOT_PUBLISHABLE': 'The group is not complete yet.',
  'error.NOT_PUBLISHED': 'This group has not been published yet.',
  'error.RESET_TOKEN_INVALID': 'This reset link is invalid or has expired. Ask for a new one.',
  'error.RATE_LIMITED': 'Too many attempts. Please wait {seconds} seconds and try again.',
  'error.PAYLOAD_TOO_LARGE': 'The request is too large.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Send JSON (Content-Type: application/json).',
  'error.INTERNAL': 'Something went wrong on our side. Please try again.',
  'error.LEADS_GROUPS': 'You are the last leader of a group with other members: make someone else a leader first.',

  'issue.required': 'This is required.',
  'issue.timeZone': 'Choose a valid time zone (for example Europe/Paris).',
  'issue.languageTag': 'Use a language code such as en, fr or pt-BR.',
  'issue.acceptCharter': 'You must accept the charter to join.',
  'issue.email': 'Enter a valid e-mail address.',
  'issue.blank': 'This cannot be blank.',
  'issue.unique': 'Each value may appear only once.',
  'issue.control': 'This contains characters that are not allowed.',

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

  'mail.footer': 'You receive this e-mail because of your account on Entraide.',
  'mail.reset.subject': 'Reset your Entraide password',
  'mail.reset.body':
    'Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Entraide account. Follow this link within one hour to choose a new one:\n\n{url}\n\nIf you did not ask, ignore this e-mail: your password stays as it is.',
  'mail.reset.action': 'Choose a new password',
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

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  'error.VALIDATION': 'Certains champs demandent votre attention.',
  'error.BAD_REQUEST': 'La requête n’a pas pu être lue.',
  'error.UNAUTHENTICATED': 'Veuillez d’abord vous connecter.',
  'error.INVALID_CREDENTIALS': 'Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.',
  'error.FORBIDDEN': 'Vous n’êtes pas autorisé·e à faire ceci.',
  'error.CSRF': 'Cette requête provient d’un autre site et a été refusée.',
  'error.NOT_FOUND': 'Introuvable.',
  'error.CONFLICT': 'Ceci entre en conflit avec l’état actuel.',
  'error.EMAIL_TAKEN': 'Un compte utilise déjà cette adresse e-mail.',
  'error.GROUP_FULL': 'Ce groupe a atteint sa taille maximale.',
  'error.LAST_LEADER': 'Un groupe ne peut pas perdre sa dernière personne animatrice : nommez-en une autre d’abord.',
  'error.INVITATION_REQUIRED': 'Ce groupe n’accueille de nouveaux membres que sur invitation.',
  'error.INVITATION_INVALID': 'Ce lien d’invitation n’est plus valable. Demandez-en un nouveau à une personne animatrice.',
  'error.NOT_PUBLISHABLE': 'Le groupe n’est pas encore complet.',
  'error.NOT_PUBLISHED': 'Ce groupe n’est pas encore publié.',
  'error.RESET_TOKEN_INVALID': 'Ce lien de réinitialisation est invalide ou a expiré. Demandez-en un nouveau.',
  'error.RATE_LIMITED': 'Trop de tentatives. Patientez {seconds} secondes puis réessayez.',
  'error.PAYLOAD_TOO_LARGE': 'La requête est trop volumineuse.',
  'error.UNSUPPORTED_MEDIA_TYPE': 'Envoyez du JSON (Content-Type: application/json).',
  'error.INTERNAL': 'Un problème est survenu de notre côté. Veuillez réessayer.',
  'error.LEADS_GROUPS': 'Vous êtes la dernière personne animatrice d’un groupe qui a d’autres membres : nommez-en une autre d’abord.',

  'issue.required': 'Ce champ est obligatoire.',
  'issue.timeZone': 'Choisissez un fuseau horaire valide (par exemple Europe/Paris).',
  'issue.languageTag': 'Utilisez un code de langue comme en, fr ou pt-BR.',
  'issue.acceptCharter': 'Vous devez accepter la charte pour rejoindre le groupe.',
  'issue.email': 'Saisissez une adresse e-mail valide.',
  'issue.blank': 'Ce champ ne peut pas être vide.',
  'issue.unique': 'Chaque valeur ne peut apparaître qu’une fois.',
  'issue.control': 'Ce champ contient des caractères non autorisés.',

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

  'mail.footer': 'Vous recevez cet e-mail en raison de votre compte sur Entraide.',
  'mail.reset.subject': 'Réinitialisez votre mot de passe Entraide',
  'mail.reset.body':
    'Bonjour {name},\n\nQuelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte Entraide. Suivez ce lien dans l’heure pour en choisir un nouveau :\n\n{url}\n\nSi vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  'mail.reset.action': 'Choisir un nouveau mot de passe',
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

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, fr };

/** The sentence for `key` in `locale`, with `{placeholders}` filled. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
