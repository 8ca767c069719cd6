import { z } from 'zod';
import { OUTBOX_STATUSES, type OutboxStatus } from '../outbox.ts';

const Status = z.enum(OUTBOX_STATUSES);

export const OutboxQuery = z.object({
  status: Status.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const OutboxResponse = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      kind: z.string(),
      status: z.string(),
      /** Why it failed, was revoked, or the last temporary failure while still queued. */
      error: z.string().nullable(),
      attempts: z.number().int(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      updatedAt: z.string().nullable(),
    }),
  ),
  /** Every status, with 0 for those with no message. */
  counts: z.object(Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, z.number().int()])) as Record<OutboxStatus, z.ZodNumber>),
});
