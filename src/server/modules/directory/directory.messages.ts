/**
 * Server sentences of the directory search (validation issues). Kept beside the module's code
 * and merged into the one `translate` in platform/i18n/messages.ts. French must have every
 * English key.
 */
export const directoryMessagesEn = {
  'issue.countryCode': 'Use a two-letter country code in capitals, such as FR or CA.',
  'issue.near': 'Give a position as “latitude,longitude” (for example 45.5,-73.6) or a place from the list.',
  'issue.unknownPlace': 'This place is not in the list of towns.',
  'issue.sortNeedsNear': 'Sorting by distance needs a place to measure from.',
  'issue.weekday': 'Use days from 0 (Sunday) to 6 (Saturday), separated by commas.',
  'issue.searchMode': 'Use in-person, online, email or post.',
  'issue.leaderType': 'Use professional, peer or guest.',
} as const;

export const directoryMessagesFr: Record<keyof typeof directoryMessagesEn, string> = {
  'issue.countryCode': 'Indiquez un code de pays de deux lettres majuscules, comme FR ou CA.',
  'issue.near': 'Indiquez une position « latitude,longitude » (par exemple 45.5,-73.6) ou un lieu de la liste.',
  'issue.unknownPlace': 'Ce lieu ne figure pas dans la liste des villes.',
  'issue.sortNeedsNear': 'Pour trier par distance, indiquez un lieu de référence.',
  'issue.weekday': 'Indiquez des jours de 0 (dimanche) à 6 (samedi), séparés par des virgules.',
  'issue.searchMode': 'Indiquez in-person, online, email ou post.',
  'issue.leaderType': 'Indiquez professional, peer ou guest.',
};
