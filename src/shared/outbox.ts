/** Where a message of the mail outbox stands (one row per message and recipient). */
export const OUTBOX_STATUSES = ['local', 'queued', 'sending', 'sent', 'failed', 'revoked'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
