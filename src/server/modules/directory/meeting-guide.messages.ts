/**
 * Server sentences for the Meeting Guide feed and its import (validation issues, the reasons
 * an imported entry was skipped, and the words an imported group is founded with). Kept beside
 * the module's code and merged into the one `translate` in platform/i18n/messages.ts. French
 * must have every English key.
 */
export const feedsMessagesEn = {
  'issue.feeds.urlOrFeed': 'Give either the address of a feed (url) or the feed itself (feed), not both.',
  'issue.feeds.tooManyEntries': 'Import at most {max} meetings at a time.',
  'issue.feeds.unreachable': 'The feed could not be fetched from this address.',
  'issue.feeds.timeout': 'The feed took more than {seconds} seconds to arrive.',
  'issue.feeds.tooLarge': 'The feed is larger than {megabytes} MB.',
  'issue.feeds.status': 'The address answered with HTTP status {status} instead of a feed.',
  'issue.feeds.redirect': 'The address redirects somewhere that is not a web address (http or https), or redirects too many times.',
  'issue.feeds.notJson': 'The address did not answer with JSON.',
  'issue.feeds.notList': 'A Meeting Guide feed is a JSON list of meetings.',

  'feeds.skip.notObject': 'This entry is not a meeting (a JSON object was expected).',
  'feeds.skip.noSlug': 'The meeting has no slug (its identifier in the feed).',
  'feeds.skip.duplicateSlug': 'Another meeting earlier in the feed has the same slug.',
  'feeds.skip.noName': 'The meeting has no name.',
  'feeds.skip.noDay': 'The meeting has no day: only weekly meetings can be imported.',
  'feeds.skip.invalidDay': 'The day must be a number from 0 (Sunday) to 6 (Saturday), or a list of them.',
  'feeds.skip.noTime': 'The meeting has no start time.',
  'feeds.skip.invalidTime': 'The start time must be written HH:MM on a 24-hour clock.',
  'feeds.skip.timeZone': 'The meeting has no valid time zone, and no default time zone was given.',
  'feeds.skip.noWayIn': 'The meeting has neither a street address nor an online meeting link.',
  'feeds.skip.closedNoLink': 'The meeting’s location is temporarily closed and it has no online meeting link.',
  'feeds.skip.invalid': 'The meeting could not be imported: {field}: {message}',
  'feeds.skip.notLeading': 'The people who imported this group no longer lead it: it is no longer updated from the feed.',

  'feeds.import.purpose': 'A meeting listed in {source}.',
  'feeds.import.reasons': 'Imported from the Meeting Guide feed {source} to make this meeting easier to find.',
  'feeds.import.charter': 'This meeting keeps its own customs; its notes say more. What is shared in the meeting stays there.',
  'feeds.import.uploaded': 'an uploaded file',
} as const;

export const feedsMessagesFr: Record<keyof typeof feedsMessagesEn, string> = {
  'issue.feeds.urlOrFeed': 'Donnez soit l’adresse d’un flux (url), soit le flux lui-même (feed), pas les deux.',
  'issue.feeds.tooManyEntries': 'Importez au plus {max} réunions à la fois.',
  'issue.feeds.unreachable': 'Le flux n’a pas pu être récupéré à cette adresse.',
  'issue.feeds.timeout': 'Le flux a mis plus de {seconds} secondes à arriver.',
  'issue.feeds.tooLarge': 'Le flux dépasse {megabytes} Mo.',
  'issue.feeds.status': 'L’adresse a répondu avec le statut HTTP {status} au lieu d’un flux.',
  'issue.feeds.redirect': 'L’adresse redirige vers autre chose qu’une adresse web (http ou https), ou redirige trop de fois.',
  'issue.feeds.notJson': 'L’adresse n’a pas répondu en JSON.',
  'issue.feeds.notList': 'Un flux Meeting Guide est une liste JSON de réunions.',

  'feeds.skip.notObject': 'Cette entrée n’est pas une réunion (un objet JSON était attendu).',
  'feeds.skip.noSlug': 'La réunion n’a pas de slug (son identifiant dans le flux).',
  'feeds.skip.duplicateSlug': 'Une réunion plus haut dans le flux a le même slug.',
  'feeds.skip.noName': 'La réunion n’a pas de nom.',
  'feeds.skip.noDay': 'La réunion n’a pas de jour : seules les réunions hebdomadaires peuvent être importées.',
  'feeds.skip.invalidDay': 'Le jour doit être un nombre de 0 (dimanche) à 6 (samedi), ou une liste de ces nombres.',
  'feeds.skip.noTime': 'La réunion n’a pas d’heure de début.',
  'feeds.skip.invalidTime': 'L’heure de début doit s’écrire HH:MM sur 24 heures.',
  'feeds.skip.timeZone': 'La réunion n’a pas de fuseau horaire valide, et aucun fuseau par défaut n’a été donné.',
  'feeds.skip.noWayIn': 'La réunion n’a ni adresse postale ni lien de réunion en ligne.',
  'feeds.skip.closedNoLink': 'Le lieu de la réunion est temporairement fermé et elle n’a pas de lien de réunion en ligne.',
  'feeds.skip.invalid': 'La réunion n’a pas pu être importée : {field} : {message}',
  'feeds.skip.notLeading': 'Les personnes qui ont importé ce groupe ne l’animent plus : il n’est plus mis à jour depuis le flux.',

  'feeds.import.purpose': 'Une réunion répertoriée dans {source}.',
  'feeds.import.reasons': 'Importée du flux Meeting Guide {source} pour que cette réunion soit plus facile à trouver.',
  'feeds.import.charter': 'Cette réunion garde ses propres usages ; ses notes en disent plus. Ce qui se partage en réunion y reste.',
  'feeds.import.uploaded': 'un fichier envoyé',
};
