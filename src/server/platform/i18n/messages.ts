import type { Locale } from '../../../shared/locale.ts';
import { accountsMessagesEn, accountsMessagesFr } from '../../modules/accounts/accounts.messages.ts';
import { groupsMessagesEn, groupsMessagesFr } from '../../modules/groups/groups.messages.ts';
import { membershipsMessagesEn, membershipsMessagesFr } from '../../modules/groups/memberships.messages.ts';
import { sessionsMessagesEn, sessionsMessagesFr } from '../../modules/sessions/sessions.messages.ts';
import { discussionsMessagesEn, discussionsMessagesFr } from '../../modules/discussions/discussions.messages.ts';
import { emailGroupMessagesEn, emailGroupMessagesFr } from '../../modules/email-group/email-group.messages.ts';
import { moderationMessagesEn, moderationMessagesFr } from '../../modules/moderation/moderation.messages.ts';
import { directoryMessagesEn, directoryMessagesFr } from '../../modules/directory/directory.messages.ts';
import { feedsMessagesEn, feedsMessagesFr } from '../../modules/directory/meeting-guide.messages.ts';

/**
 * Every sentence the server itself writes: API error messages and e-mails, in one typed
 * `translate`. Each module keeps its own sentences beside its code (`modules/<m>/<m>.messages.ts`,
 * data only, importing nothing, which is why platform may import them); what is left here
 * belongs to no module: error codes, validation issues the shared schemas use, the mail footer.
 * English is the reference; French must have the same keys (the type enforces it, a test
 * double-checks). `{name}` placeholders are filled by `translate`.
 */
const platformEn = {
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
  'error.OCCURRENCE_PAST': 'This session has already taken place.',
  'error.OCCURRENCE_CANCELLED': 'This session is cancelled.',

  'issue.required': 'This is required.',
  'issue.timeZone': 'Choose a valid time zone (for example Europe/Paris).',
  'issue.languageTag': 'Use a language code such as en, fr or pt-BR.',
  'issue.acceptCharter': 'You must accept the charter to join.',
  'issue.email': 'Enter a valid e-mail address.',
  'issue.blank': 'This cannot be blank.',
  'issue.unique': 'Each value may appear only once.',
  'issue.control': 'This contains characters that are not allowed.',
  'issue.localTime': 'Use a local date and time like 2027-03-09T19:00.',
  'issue.instant': 'Use an ISO 8601 date and time like 2027-03-09T18:00:00Z.',
  'issue.rrule.malformed': 'This repeat rule cannot be read (example: FREQ=WEEKLY;BYDAY=TU).',
  'issue.rrule.unsupported': 'Sessions repeat daily, weekly, monthly or yearly; times come from the start.',
  'issue.rrule.countAndUntil': 'End a series either after a number of sessions or on a date, not both.',
  'issue.webUrl': 'Use a web address starting with https://.',
  'issue.noOccurrence': 'No session of this series starts at that time.',
  'issue.notLeader': 'Facilitators are the group’s leaders; invite anyone else as a guest.',
  'issue.windowTooLong': 'Ask for at most 400 days at a time.',
  'issue.startNotInRule': 'The first session must fall on one of the days the series repeats on.',
  'issue.tooShort': 'Use at least {min} characters.',
  'issue.tooLong': 'Use at most {max} characters.',
  'issue.tooSmall': 'Use a number of at least {min}.',
  'issue.tooBig': 'Use a number of at most {max}.',
  'issue.tooFew': 'Choose at least {min}.',
  'issue.tooMany': 'Choose at most {max}.',
  'issue.wholeNumber': 'Use a whole number.',
  'issue.clockTime': 'Use a time like 18:30 (24-hour clock).',
  'issue.quarterHour': 'Use a time on the quarter hour: :00, :15, :30 or :45.',
  'issue.emptyWindow': 'A window must end at another time than it starts (use 00:00–24:00 for a whole day).',
  'issue.date': 'Use a date like 2027-03-09 (years 2000 to 2099).',
  'issue.notMember': 'This person is not a member of the group.',
  'issue.answersLength': 'Answer each of the {count} proposed times once.',
  'issue.pollClosed': 'This poll is closed.',

  'mail.footer': 'You receive this e-mail because of your account on Entraide.',
} as const;

const platformFr: Record<keyof typeof platformEn, string> = {
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
  'error.OCCURRENCE_PAST': 'Cette séance a déjà eu lieu.',
  'error.OCCURRENCE_CANCELLED': 'Cette séance est annulée.',

  'issue.required': 'Ce champ est obligatoire.',
  'issue.timeZone': 'Choisissez un fuseau horaire valide (par exemple Europe/Paris).',
  'issue.languageTag': 'Utilisez un code de langue comme en, fr ou pt-BR.',
  'issue.acceptCharter': 'Vous devez accepter la charte pour rejoindre le groupe.',
  'issue.email': 'Saisissez une adresse e-mail valide.',
  'issue.blank': 'Ce champ ne peut pas être vide.',
  'issue.unique': 'Chaque valeur ne peut apparaître qu’une fois.',
  'issue.control': 'Ce champ contient des caractères non autorisés.',
  'issue.localTime': 'Utilisez une date et une heure locales comme 2027-03-09T19:00.',
  'issue.instant': 'Utilisez une date et une heure ISO 8601 comme 2027-03-09T18:00:00Z.',
  'issue.rrule.malformed': 'Cette règle de répétition est illisible (exemple : FREQ=WEEKLY;BYDAY=TU).',
  'issue.rrule.unsupported': 'Les séances se répètent chaque jour, semaine, mois ou année ; l’heure vient du début.',
  'issue.rrule.countAndUntil': 'Terminez une série après un nombre de séances ou à une date, pas les deux.',
  'issue.webUrl': 'Utilisez une adresse web commençant par https://.',
  'issue.noOccurrence': 'Aucune séance de cette série ne commence à cette heure.',
  'issue.notLeader': 'Les personnes qui animent sont celles du groupe ; invitez toute autre personne comme invitée.',
  'issue.windowTooLong': 'Demandez au plus 400 jours à la fois.',
  'issue.startNotInRule': 'La première séance doit tomber un des jours où la série se répète.',
  'issue.tooShort': 'Utilisez au moins {min} caractères.',
  'issue.tooLong': 'Utilisez au plus {max} caractères.',
  'issue.tooSmall': 'Indiquez un nombre d’au moins {min}.',
  'issue.tooBig': 'Indiquez un nombre d’au plus {max}.',
  'issue.tooFew': 'Choisissez-en au moins {min}.',
  'issue.tooMany': 'Choisissez-en au plus {max}.',
  'issue.wholeNumber': 'Indiquez un nombre entier.',
  'issue.clockTime': 'Indiquez une heure comme 18:30 (sur 24 heures).',
  'issue.quarterHour': 'Indiquez une heure au quart d’heure : :00, :15, :30 ou :45.',
  'issue.emptyWindow': 'Une plage doit finir à une autre heure que celle où elle commence (00:00–24:00 pour une journée entière).',
  'issue.date': 'Indiquez une date comme 2027-03-09 (années 2000 à 2099).',
  'issue.notMember': 'Cette personne n’est pas membre du groupe.',
  'issue.answersLength': 'Répondez une fois à chacun des {count} horaires proposés.',
  'issue.pollClosed': 'Ce sondage est clos.',

  'mail.footer': 'Vous recevez cet e-mail en raison de votre compte sur Entraide.',
};

/** Where the sentences come from; the test checks no key is claimed twice (a spread would hide it). */
export const MESSAGE_SOURCES = [
  { source: 'platform', en: platformEn, fr: platformFr },
  { source: 'accounts', en: accountsMessagesEn, fr: accountsMessagesFr },
  { source: 'groups', en: groupsMessagesEn, fr: groupsMessagesFr },
  { source: 'memberships', en: membershipsMessagesEn, fr: membershipsMessagesFr },
  { source: 'sessions', en: sessionsMessagesEn, fr: sessionsMessagesFr },
  { source: 'discussions', en: discussionsMessagesEn, fr: discussionsMessagesFr },
  { source: 'email-group', en: emailGroupMessagesEn, fr: emailGroupMessagesFr },
  { source: 'moderation', en: moderationMessagesEn, fr: moderationMessagesFr },
  { source: 'directory', en: directoryMessagesEn, fr: directoryMessagesFr },
  { source: 'meeting-guide', en: feedsMessagesEn, fr: feedsMessagesFr },
] as const;

const en = {
  ...platformEn,
  ...accountsMessagesEn,
  ...groupsMessagesEn,
  ...membershipsMessagesEn,
  ...sessionsMessagesEn,
  ...discussionsMessagesEn,
  ...emailGroupMessagesEn,
  ...moderationMessagesEn,
  ...directoryMessagesEn,
  ...feedsMessagesEn,
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  ...platformFr,
  ...accountsMessagesFr,
  ...groupsMessagesFr,
  ...membershipsMessagesFr,
  ...sessionsMessagesFr,
  ...discussionsMessagesFr,
  ...emailGroupMessagesFr,
  ...moderationMessagesFr,
  ...directoryMessagesFr,
  ...feedsMessagesFr,
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, fr };

/** The sentence for `key` in `locale`, with `{placeholders}` filled. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
