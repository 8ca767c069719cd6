/**
 * Server sentences for discussions (errors, issues, e-mails), kept apart so that feature's work
 * does not crowd messages.ts; merged there. French must have every English key.
 */
export const discussionsMessagesEn = {
} as const;

export const discussionsMessagesFr: Record<keyof typeof discussionsMessagesEn, string> = {
};
