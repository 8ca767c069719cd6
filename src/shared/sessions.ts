/** Sessions' vocabulary: the API's schemas and the web app read the same lists. */

/** How a session is held. */
export const SESSION_MODES = ['in-person', 'online', 'hybrid'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Modes held at a venue (address, access) and modes with a way in from afar (link, phone). */
export const hasPlace = (mode: SessionMode) => mode !== 'online';
export const hasLink = (mode: SessionMode) => mode !== 'in-person';
