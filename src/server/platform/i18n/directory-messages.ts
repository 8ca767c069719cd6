/**
 * Server sentences for directory (errors, issues, e-mails), kept apart so that feature's work
 * does not crowd messages.ts; merged there. French must have every English key.
 */
export const directoryMessagesEn = {
} as const;

export const directoryMessagesFr: Record<keyof typeof directoryMessagesEn, string> = {
};
