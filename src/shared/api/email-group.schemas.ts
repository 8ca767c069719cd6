import { z } from 'zod';

/** A signed unsubscribe token (see email-group.service.ts): anything else opens nothing. */
export const UnsubscribeParams = z.object({
  token: z
    .string()
    .min(10)
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+$/),
});
export const UnsubscribeInfo = z.object({ group: z.object({ name: z.string() }) });
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfo>;
export const UnsubscribeResult = z.object({ delivery: z.literal('web'), message: z.string() });
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;
